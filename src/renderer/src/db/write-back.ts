// After the library was deleted underneath the app: writes the plans still on screen into a new
// library. Their history (revisions, audit) went with the old one, so each comes back as a draft
// with one audit row saying so; the surgeon reviews and approves again.
import { plansOnScreen } from './connection-status'
import { DATABASE_NAME, OsseoDb } from './database'
import { createPlansRepo, indexedFields } from './plans-repo'

export async function writeBackPlansOnScreen(name: string = DATABASE_NAME): Promise<string[]> {
  const plans = plansOnScreen()
  if (plans.length === 0) return []
  const db = new OsseoDb(name)
  try {
    await db.open()
    const repo = createPlansRepo(db)
    const written: string[] = []
    for (const plan of plans) {
      if (await db.plans.get(plan.id)) continue // already back (written twice, or by another window)
      const row = { ...plan, ...indexedFields(plan.caseFile), status: 'draft' as const, version: 0 }
      await repo.restore({ plan: row, revisions: [], draft: undefined })
      written.push(row.patientCode || 'a plan without a patient code')
    }
    return written
  } finally {
    db.close()
  }
}
