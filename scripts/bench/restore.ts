// Restore of a library backup in Chromium as a ratio to its floor in the same run
// (tests/perf/restore-bench.ts), in its own process: it is typed with the DOM (tsconfig.e2e.json)
// and builds and serves the web renderer itself on port 4312. `--full` adds 100,000 plans.
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

export async function benchRestore(): Promise<BenchRow[]> {
  const args = ['tsx', 'tests/perf/restore-bench.ts', '--json', ...(process.argv.includes('--full') ? ['--full'] : [])]
  const run = spawnSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`restore bench failed (exit ${run.status})`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[]
}
