// The library paths as ratios to floors measured in the same run (tests/perf/library-ratios.ts),
// in their own process like the other Chromium measurements. `--full` adds 100,000 plans.
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

export async function benchRatios(): Promise<BenchRow[]> {
  const args = ['tsx', 'tests/perf/library-ratios.ts', '--json', ...(process.argv.includes('--full') ? ['--full'] : [])]
  const run = spawnSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`ratio bench failed (exit ${run.status})`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[]
}
