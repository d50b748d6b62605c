// Audit screen data benchmark (2,000 patients, 20,000 visits, 3,000 events; fake-indexeddb in
// Node): part of `npm run bench`, or alone with `npx tsx scripts/bench/outcomes.ts`.
import type { BenchRow } from './core'
import { rendererTimings } from './renderer-timings'

export async function benchOutcomes(): Promise<BenchRow[]> {
  return rendererTimings('scripts/bench/outcomes-json.mjs', 'audit data (Node, fake-indexeddb)')
}

if (process.argv[1]?.endsWith('outcomes.ts')) {
  for (const r of await benchOutcomes()) console.log(`${r.name}: ${r.value} ${r.unit}`)
}
