// The Audit screen's cohort cache: read once, the same rows (same objects) on the next opening,
// read again after any write to an outcome, plan or revision table, and after a write that
// happened while it was reading.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCohortCache } from '../../../src/renderer/src/db/cohort-cache'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { readPatients, writePatient } from '../../../src/renderer/src/db/summary-pages'
import { caseWith, fakeResult, useTestDb } from './helpers'

const t = useTestDb()

async function operatedPlan(code: string) {
  const plans = createPlansRepo(t.db, t.now)
  const plan = await plans.create({ caseFile: caseWith(code) })
  await plans.markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })
  const { revision } = await plans.approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'B' })
  await createOutcomesRepo(t.db, t.now).saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }, changes: [], complications: [] })
  return plan
}

/** Dexie tells its change listeners just after the transaction commits. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('cohort cache', () => {
  it('reads once, then reads again after a write to any source table', async () => {
    const a = await operatedPlan('C-1')
    await settle()
    let reads = 0
    const repo = createOutcomesRepo(t.db, t.now)
    const cache = createCohortCache(t.db.name, (s) => (reads++, repo.loadCohort(s)))
    const systems: never[] = []
    const first = await cache.get(systems)
    expect(await cache.get(systems)).toBe(first)
    expect(reads).toBe(1)
    // A new visit: read again, and the visit is there.
    await repo.saveVisit({ planId: a.id, kind: 'follow-up', date: '2026-04-14', pain: 2 })
    await settle()
    const second = await cache.get(systems)
    expect(reads).toBe(2)
    expect(second[0]!.summary.followUpDates).toEqual(['2026-04-14'])
    // A plan deleted (with its outcomes): read again, the patient is gone.
    await createPlansRepo(t.db, t.now).remove(a.id)
    await settle()
    expect(await cache.get(systems)).toEqual([])
    expect(reads).toBe(3)
    // A write to a table the cohort does not read (settings) keeps the cache.
    await t.db.settings.put({ key: 'x', value: 1 })
    await settle()
    await cache.get(systems)
    expect(reads).toBe(3)
    cache.close()
  })

  it('a write during a read makes the next opening read again', async () => {
    const a = await operatedPlan('C-2')
    await settle()
    const repo = createOutcomesRepo(t.db, t.now)
    let reads = 0
    let during: Promise<unknown> | null = null
    const cache = createCohortCache(t.db.name, async (s) => {
      reads++
      const rows = await repo.loadCohort(s)
      if (reads === 1) during = repo.saveEvent({ planId: a.id, type: 'fracture', date: '2026-05-01' })
      return rows
    })
    const systems: never[] = []
    expect((await cache.get(systems))[0]!.summary.incidenceEvents).toEqual([])
    await during
    await settle()
    expect((await cache.get(systems))[0]!.summary.incidenceEvents).toEqual([{ type: 'fracture', date: '2026-05-01' }])
    expect(reads).toBe(2)
    cache.close()
  })
})

describe('cohort cache and the revision facts', () => {
  it('the first read storing missing revision facts does not drop what it read', async () => {
    await operatedPlan('C-3')
    // As an operation stored before the facts were: none in the facts table, none in its summary row.
    await t.db.revisionFacts.clear()
    const [patient] = await readPatients(t.db)
    await t.db.transaction('rw', t.db.outcomeSummaryPages, () => writePatient(t.db, patient!.summary.planId, { ...patient!, facts: null }))
    await settle()
    let reads = 0
    const repo = createOutcomesRepo(t.db, t.now)
    const cache = createCohortCache(t.db.name, (s) => (reads++, repo.loadCohort(s)))
    const systems: never[] = []
    const first = await cache.get(systems)
    expect(await t.db.revisionFacts.count()).toBe(1)
    expect(first[0]!.planned).toMatchObject({ diameterMm: 16, lengthMm: 140 })
    await settle()
    expect(await cache.get(systems)).toBe(first)
    expect(reads).toBe(1)
    cache.close()
  })
})
