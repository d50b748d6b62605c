// Editor recompute benchmark (parse + computePlan per keystroke, 30 stations, in Node): part of
// `npm run bench`, or alone with `npx tsx scripts/bench/editor.ts`. The keystroke-to-screen time
// in Chromium is in the browser suite.
import type { BenchRow } from './core'
import { rendererTimings } from './renderer-timings'

export async function benchEditor(): Promise<BenchRow[]> {
  return rendererTimings('scripts/bench/editor-json.mjs', 'editor (Node)').map((r) => ({ ...r, budget: '< 16 ms (one frame)' }))
}

if (process.argv[1]?.endsWith('editor.ts')) {
  for (const r of await benchEditor()) console.log(`${r.name}: ${r.value} ${r.unit}`)
}
