// The radiograph viewer in Chromium (tests/perf/imaging-bench.ts): open → shown, pan, zoom,
// window/level and handle-drag frame times on a 3,000 × 3,000 image, as ratios to floors taken in
// the same page, on the WebGL path and the canvas-2D fallback. Own process, like the other
// Chromium measurements (typed with the DOM; builds and serves the web renderer itself).
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

export async function benchImagingBrowser(): Promise<BenchRow[]> {
  const run = spawnSync('npx', ['tsx', 'tests/perf/imaging-bench.ts', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`imaging browser bench failed (exit ${run.status})`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[]
}
