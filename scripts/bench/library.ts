// Plan library data-layer benchmark (10,000 plans, fake-indexeddb, in Node): part of `npm run bench`,
// or alone with `npx tsx scripts/bench/library.ts`. The measurements live in
// tests/unit/db/library-timings.ts (renderer code); library-json.mjs runs them in their own process.
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

export async function benchLibrary(): Promise<BenchRow[]> {
  const run = spawnSync('npx', ['tsx', 'scripts/bench/library-json.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`library data-layer bench failed (exit ${run.status})`)
  const last = run.stdout.trim().split('\n').at(-1) ?? '[]'
  const rows = JSON.parse(last) as Array<{ name: string; ms: number }>
  return rows.map((r) => ({ name: `library data layer (Node, fake-indexeddb): ${r.name}`, value: Math.round(r.ms * 10) / 10, unit: 'ms' }))
}

if (process.argv[1]?.endsWith('library.ts')) {
  for (const r of await benchLibrary()) console.log(`${r.name}: ${r.value} ${r.unit}`)
}
