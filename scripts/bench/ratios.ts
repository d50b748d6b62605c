// The library paths as ratios to floors measured in the same run (tests/perf/library-ratios.ts),
// in their own process like the other Chromium measurements. `--full` adds 100,000 plans;
// `--sizes=1000` and `--paths=search,cold` choose what is measured.
import type { BenchRow } from './core'
import { runChildBench } from './child-bench'

export async function benchRatios(): Promise<BenchRow[]> {
  return runChildBench('tests/perf/library-ratios.ts', 'ratio')
}
