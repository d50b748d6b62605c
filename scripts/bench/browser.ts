// The Chromium measurements (start, library, editor, PDF, memory; tests/perf/browser-bench.ts),
// run in their own process: they are typed with the DOM (tsconfig.e2e.json) and build and serve
// the web renderer themselves on port 4302.
import type { BenchRow } from './core'
import { runChildBench } from './child-bench'

export async function benchBrowser(): Promise<BenchRow[]> {
  return runChildBench('tests/perf/browser-bench.ts', 'browser')
}
