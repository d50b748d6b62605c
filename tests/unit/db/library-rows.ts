// The generated library as database rows — plans and their summary rows (planSummary, the code the
// app writes them with) — for the browser benchmark, which writes them straight into IndexedDB
// (a 100,000-plan library is seeded in seconds instead of a long restore):
//   npx tsx tests/unit/db/library-rows.ts <out.json> <count>
import { writeFileSync } from 'node:fs'
import { planSummary } from '../../../src/renderer/src/db/plan-summary'
import type { PlanRow } from '../../../src/renderer/src/db/types'
import { generatedLibrary } from './library-generator'

export function libraryRows(count: number): { plans: PlanRow[]; summaries: ReturnType<typeof planSummary>[] } {
  const plans = generatedLibrary(count)['plans'] as PlanRow[]
  return { plans, summaries: plans.map((p) => planSummary(p)) }
}

if (process.argv[1]?.endsWith('library-rows.ts')) {
  const [out, count] = process.argv.slice(2)
  if (!out) throw new Error('usage: library-rows.ts <out.json> <count>')
  writeFileSync(out, JSON.stringify(libraryRows(Number(count ?? 10_000))))
}
