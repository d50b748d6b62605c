// The Chromium measurements (start, library, editor, PDF, memory; tests/perf/browser-bench.ts),
// run in their own process: they are typed with the DOM (tsconfig.e2e.json) and build and serve
// the web renderer themselves on port 4302.
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

export async function benchBrowser(): Promise<BenchRow[]> {
  const run = spawnSync('npx', ['tsx', 'tests/perf/browser-bench.ts', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`browser bench failed (exit ${run.status})`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[]
}
