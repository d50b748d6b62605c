// The outcomes repository: validated writes, operations only on approved revisions, autosaved
// drafts, plan deletion taking outcomes with it (and Undo bringing them back), cohort loading.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOutcomesRepo, OutcomeValidationError } from '../../../src/renderer/src/db/outcomes-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createRevisionsRepo } from '../../../src/renderer/src/db/revisions-repo'
import { caseWith, fakeResult, useTestDb } from './helpers'

const t = useTestDb()
const plans = () => createPlansRepo(t.db, t.now)
const outcomes = () => createOutcomesRepo(t.db, t.now)

async function approvedPlan(code = 'P-1') {
  const plan = await plans().create({ caseFile: caseWith(code), surgeon: 'Dr A' })
  await plans().markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr A' })
  const { plan: approved, revision } = await plans().approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr B' })
  return { plan: approved, revision }
}

const implant = { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }

describe('outcomes repository', () => {
  it('records an operation on the approved revision and leaves the plan untouched', async () => {
    const { plan, revision } = await approvedPlan()
    const op = await outcomes().saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant, changes: [], complications: [] })
    expect(op).toMatchObject({ planId: plan.id, revisionId: revision.id, createdAt: op.updatedAt })
    expect(await plans().get(plan.id)).toEqual(plan)
    const updated = await outcomes().saveOperation({ ...op, implant: { ...implant, lot: 'L-1' } })
    expect(updated).toMatchObject({ id: op.id, createdAt: op.createdAt })
    expect(updated.updatedAt).toBeGreaterThan(op.updatedAt)
    expect(await outcomes().operationsForPlan(plan.id)).toHaveLength(1)
  })

  it('refuses an operation on a revision that is not approved or not of this plan, and invalid records', async () => {
    const { plan } = await approvedPlan()
    const reviewed = (await createRevisionsRepo(t.db).listForPlan(plan.id))[0]!
    await expect(outcomes().saveOperation({ planId: plan.id, revisionId: reviewed.id, stages: [{ stage: 1, date: '2026-03-03' }], implant, changes: [], complications: [] })).rejects.toThrow(/approved revision/)
    const other = await approvedPlan('P-2')
    await expect(outcomes().saveOperation({ planId: plan.id, revisionId: other.revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant, changes: [], complications: [] })).rejects.toThrow(OutcomeValidationError)
    const bad = outcomes().saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-13-01', sixMinuteWalkM: 5000 })
    await expect(bad).rejects.toThrow(OutcomeValidationError)
    await bad.catch((e: OutcomeValidationError) => expect(e.errors.map((x) => x.path)).toEqual(['date', 'sixMinuteWalkM']))
    expect(await t.db.visits.count()).toBe(0)
    await expect(outcomes().saveVisit({ planId: 'nope', kind: 'follow-up', date: '2026-06-01' })).rejects.toThrow(/no longer exists/)
  })

  it('refuses dates after today, and follow-up records out of order with the operation, at the field, storing nothing (audit 2026-12-01)', async () => {
    const { plan, revision } = await approvedPlan()
    const repo = createOutcomesRepo(t.db, t.now, () => '2026-06-01')
    const reason = async (p: Promise<unknown>) => p.then(() => null, (e: OutcomeValidationError) => e.errors.map((x) => `${x.path} ${x.message}`))
    expect(await reason(repo.saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-06-02' }], implant, changes: [], complications: [] }))).toEqual(['stages[0].date is after today (2026-06-01): record what has happened, on the day it happened'])
    await repo.saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant, changes: [], complications: [] })
    expect(await reason(repo.saveEvent({ planId: plan.id, type: 'removal', date: '2036-03-01' }))).toEqual(['date is after today (2026-06-01): record what has happened, on the day it happened'])
    expect(await reason(repo.saveEvent({ planId: plan.id, type: 'death', date: '2014-01-01' }))).toEqual(['date is before the operation (stage 1 on 2026-03-03): an event is recorded on or after it'])
    expect(await reason(repo.saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-03-01' }))).toEqual(['date is before the operation (stage 1 on 2026-03-03): a visit before it is a baseline visit'])
    expect(await reason(repo.saveVisit({ planId: plan.id, kind: 'baseline', date: '2026-03-10' }))).toEqual(['date is after the operation (stage 1 on 2026-03-03): a baseline visit is on or before it'])
    expect(await t.db.outcomeEvents.count()).toBe(0)
    expect(await t.db.visits.count()).toBe(0)
    await repo.saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-04-15' })
    const [op] = await repo.operationsForPlan(plan.id)
    expect(await reason(repo.saveOperation({ ...op!, stages: [{ stage: 1, date: '2026-05-01' }] }))).toEqual(['stages[0].date is after a follow-up visit or event already recorded for this plan (2026-04-15): check this date, or correct that record first'])
    // A later operation on the plan (a revision) comes after its follow-up: accepted (second read).
    expect(await reason(repo.saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-05-20' }], implant, changes: [], complications: [] }))).toBeNull()
  })

  it('stamps an infection grade with the scale it was graded on', async () => {
    const { plan } = await approvedPlan()
    const e = await outcomes().saveEvent({ planId: plan.id, type: 'infection', date: '2026-05-01', infectionGrade: '2' })
    expect(e.infectionScaleId).toBe('al-muderis-2016')
    await expect(outcomes().saveEvent({ planId: plan.id, type: 'infection', date: '2026-05-01', infectionGrade: '9' })).rejects.toThrow(/grades of the Al Muderis/)
  })

  it('keeps a form draft until it is cleared', async () => {
    await outcomes().saveDraft('visit:new:p1', 'p1', { sixMinuteWalkM: '41 2' })
    expect((await outcomes().getDraft('visit:new:p1'))?.values).toEqual({ sixMinuteWalkM: '41 2' })
    await outcomes().removeDraft('visit:new:p1')
    expect(await outcomes().getDraft('visit:new:p1')).toBeUndefined()
  })

  it('deleting a plan removes its outcomes with it, and Undo puts them back', async () => {
    const { plan, revision } = await approvedPlan()
    await outcomes().saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant, changes: [], complications: [] })
    await outcomes().saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-04-15', tugS: 12 })
    await outcomes().saveEvent({ planId: plan.id, type: 'fracture', date: '2026-08-01' })
    await outcomes().saveDraft(`visit:new:${plan.id}`, plan.id, { tugS: '9' })
    expect(await outcomes().countsForPlan(plan.id)).toEqual({ operations: 1, visits: 1, events: 1 })
    const deleted = await plans().remove(plan.id)
    expect(await outcomes().countsForPlan(plan.id)).toEqual({ operations: 0, visits: 0, events: 0 })
    expect(await t.db.outcomeDrafts.count()).toBe(0)
    await plans().restore(deleted!)
    expect(await outcomes().countsForPlan(plan.id)).toEqual({ operations: 1, visits: 1, events: 1 })
  })

  it('loads the cohort with the plan facts and the catalogue of the implanted system', async () => {
    const { plan, revision } = await approvedPlan('TF-9')
    await outcomes().saveOperation({ planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 140 }, changes: [], complications: [] })
    await outcomes().saveVisit({ planId: plan.id, kind: 'baseline', date: '2026-02-01', sixMinuteWalkM: 300 })
    const cohort = await outcomes().loadCohort()
    expect(cohort).toHaveLength(1)
    expect(cohort[0]).toMatchObject({ patientCode: 'TF-9', level: 'transfemoral', surgeon: 'Dr A', planned: { diameterMm: 16, lengthMm: 140 }, imagingSource: 'X-ray', calibration: 'stated magnification factor' })
    expect(cohort[0]!.catalogue!.diametersMm).toContain(16)
    // The visits are summarised (the baseline pairs nothing without a 12-month visit), read in full only for the exports.
    expect(cohort[0]!.summary).toMatchObject({ planId: plan.id, surgeryDate: '2026-03-03', followUpDates: [] })
    const [full] = await outcomes().withRecords(cohort)
    expect(full!.visits.map((v) => v.sixMinuteWalkM)).toEqual([300])
  })
})
