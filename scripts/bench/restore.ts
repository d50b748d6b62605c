// Restore of a library backup in Chromium as a ratio to its floor in the same run
// (tests/perf/restore-bench.ts), in its own process: it builds and serves the web renderer itself
// on port 4312. `--full` adds 100,000 plans; `--sizes=1000` chooses the sizes.
import type { BenchRow } from './core'
import { runChildBench } from './child-bench'

export async function benchRestore(): Promise<BenchRow[]> {
  return runChildBench('tests/perf/restore-bench.ts', 'restore')
}
