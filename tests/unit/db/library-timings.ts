// Data-layer timings of the plan library with 10,000 plans, in Node with fake-indexeddb (an
// in-memory IndexedDB: slower than Chromium's for bulk writes, no disk). Run through
// scripts/bench/library.ts; the real thing in Chromium is tests/e2e/library-scale.spec.ts.
// (Kept in tests/unit/db because it needs the renderer's DOM-typed project.)
import 'fake-indexeddb/auto'
import { cpus } from 'node:os'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createBackupRepo, libraryBackupText } from '../../../src/renderer/src/db/backup-repo'
import { validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { EMPTY_QUERY, filterPlans } from '../../../src/renderer/src/features/library/library-query'
import { generatedLibrary } from './library-generator'

const PLANS = 10_000

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function runLibraryBench(): Promise<Array<{ name: string; ms: number }>> {
  const rows: Array<{ name: string; ms: number }> = []
  const db = new OsseoDb(`bench-${Date.now()}`)
  await db.open()
  const text = JSON.stringify(generatedLibrary(PLANS))

  const validated = await time(() => validateLibraryBackup(text))
  if (!validated.value.ok) throw new Error(validated.value.problem)
  rows.push({ name: `validate a ${PLANS}-plan backup (${(text.length / 1e6).toFixed(1)} MB)`, ms: validated.ms })
  const backup = validated.value.value
  rows.push({ name: `import ${PLANS} plans (one transaction)`, ms: (await time(() => createBackupRepo(db).importLibrary(backup))).ms })

  const repo = createPlansRepo(db)
  const opens: number[] = []
  let summaries = await repo.listSummaries()
  for (let i = 0; i < 5; i++) {
    const open = await time(() => repo.listSummaries())
    opens.push(open.ms)
    summaries = open.value
  }
  rows.push({ name: `library open: read ${summaries.length} summaries (median of 5)`, ms: median(opens) })

  const keystrokes = ['p', 'p-', 'p-0', 'p-01', 'p-012', 'p-0123', 'dr', 'dr o', 'dr ok', 'infection']
  const filters = keystrokes.map((text) => {
    const start = performance.now()
    filterPlans(summaries, { ...EMPTY_QUERY, text, showArchived: true })
    return performance.now() - start
  })
  rows.push({ name: `search keystroke: filter + sort ${summaries.length} summaries (median of ${keystrokes.length})`, ms: median(filters) })
  rows.push({ name: 'search keystroke: slowest', ms: Math.max(...filters) })

  const first = summaries[0]!
  const plan = (await repo.get(first.id))!
  rows.push({ name: `save an edit with ${PLANS} plans stored (plan + summary + audit)`, ms: (await time(() => repo.updateCase(plan.id, { ...plan.caseFile, notes: 'edited' }))).ms })
  rows.push({ name: `export the whole library (${PLANS} plans)`, ms: (await time(async () => libraryBackupText(await createBackupRepo(db).exportLibrary()))).ms })
  await db.delete()
  return rows
}

if (process.argv[1]?.endsWith('library-timings.ts')) {
  const rows = await runLibraryBench()
  console.log(`Library data layer, fake-indexeddb, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}`)
  console.table(rows.map((r) => ({ measure: r.name, ms: Number(r.ms.toFixed(1)) })))
}
