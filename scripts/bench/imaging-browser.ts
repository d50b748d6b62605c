// The radiograph viewer in Chromium (tests/perf/imaging-bench.ts): open → shown, pan, zoom,
// window/level and handle-drag frame times on a 3,000 × 3,000 image, as ratios to floors taken in
// the same page: the path the app chooses here, WebGL forced, and the canvas-2D fallback. Own
// process, like the other Chromium measurements (typed with the DOM; builds and serves the web renderer itself).
import type { BenchRow } from './core'
import { runChildBench } from './child-bench'

export async function benchImagingBrowser(): Promise<BenchRow[]> {
  return runChildBench('tests/perf/imaging-bench.ts', 'imaging browser')
}
