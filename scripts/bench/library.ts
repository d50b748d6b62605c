// Plan library data-layer benchmark (10,000 plans, fake-indexeddb, in Node): part of `npm run bench`,
// or alone with `npx tsx scripts/bench/library.ts`. The measurements live in
// tests/unit/db/library-timings.ts (renderer code); library-json.mjs runs them in their own process.
import type { BenchRow } from './core'
import { rendererTimings } from './renderer-timings'

export async function benchLibrary(): Promise<BenchRow[]> {
  return rendererTimings('scripts/bench/library-json.mjs', 'library data layer (Node, fake-indexeddb)')
}

if (process.argv[1]?.endsWith('library.ts')) {
  for (const r of await benchLibrary()) console.log(`${r.name}: ${r.value} ${r.unit}`)
}
