// Deleting a plan with outcome records asks a second time, naming what goes with it; a plan
// without any is not asked again; once deleted, no outcome record points at the plan.
import 'fake-indexeddb/auto'
import { afterAll, describe, expect, it } from 'vitest'
import { appDb } from '../../../src/renderer/src/db/database'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { confirmPlanDelete } from '../../../src/renderer/src/features/outcomes/confirm-plan-delete'
import { caseWith, fakeResult } from '../db/helpers'

const db = appDb()
afterAll(async () => {
  await db.delete()
})

async function planWithOutcomes() {
  const plans = createPlansRepo(db)
  const plan = await plans.create({ caseFile: caseWith('DEL-1'), surgeon: 'Dr A' })
  await plans.markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })
  const { revision } = await plans.approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'B' })
  const outcomes = createOutcomesRepo(db)
  await outcomes.saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }, changes: [], complications: [] })
  await outcomes.saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-04-14', pain: 2 })
  await outcomes.saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-06-01', pain: 1 })
  return plan
}

describe('deleting a plan with outcomes', () => {
  it('asks a second time, naming the records, and keeps the plan when refused', async () => {
    const plan = await planWithOutcomes()
    const asked: string[] = []
    const allowed = await confirmPlanDelete(plan.id, 'DEL-1', (m) => (asked.push(m), false))
    expect(allowed).toBe(false)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/DEL-1 has outcome records: 1 operation record, 2 follow-up visits\. Deleting the plan deletes them too/)
    expect(await db.plans.get(plan.id)).toBeDefined()
  })

  it('when confirmed, the plan goes with its records (no orphans), and a plan without outcomes is not asked twice', async () => {
    const plan = await planWithOutcomes()
    expect(await confirmPlanDelete(plan.id, 'DEL-1', () => true)).toBe(true)
    await createPlansRepo(db).remove(plan.id)
    expect(await db.operations.where('planId').equals(plan.id).count()).toBe(0)
    expect(await db.visits.where('planId').equals(plan.id).count()).toBe(0)
    const bare = await createPlansRepo(db).create({ caseFile: caseWith('DEL-2') })
    const asked: string[] = []
    expect(await confirmPlanDelete(bare.id, 'DEL-2', (m) => (asked.push(m), false))).toBe(true)
    expect(asked).toEqual([])
  })
})
