// The stored per-patient outcome summaries (schema v10) stay exactly what the records give: after
// a random sequence of operation, visit and event saves, corrections (moving a visit between
// plans too), refused saves, deletions, plan deletions and their Undo, and surgeon changes on the
// plan, the table equals summaries recomputed from scratch (with the plan index's fields, schema
// v13); a backup restore fills it and a wipe clears it; a plan edit that changes the surgeon
// changes the Audit screen's surgeon filter; rows from before v13 are read with the plan index.
// Deleting a record is written to the plan's history with what it held.
import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBackupRepo, libraryBackupText } from '../../../src/renderer/src/db/backup-repo'
import { validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { storedPatients, summariesOf, type StoredPatient } from '../../../src/renderer/src/db/outcome-summaries'
import { pageOf, readPatients } from '../../../src/renderer/src/db/summary-pages'
import { createOutcomesRepo, OUTCOME_DELETE_ACTION, OutcomeValidationError } from '../../../src/renderer/src/db/outcomes-repo'
import { auditCohort } from '../../../src/shared/outcomes/cohort'
import { createPlansRepo, unconfirmedSiteDefaults, type DeletedPlan } from '../../../src/renderer/src/db/plans-repo'
import { dateOfDay, dayNumber, EVENT_TYPES } from '../../../src/shared/outcomes'
import { completeCase, engineResult, useTestDb } from './helpers'

const BASE = dayNumber('2024-01-01')!
const implant = { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }


/** The table as stored, and as computed from every record now in the database (summary, first operation, revision facts, plan index fields). */
async function storedAndRecomputed(db: OsseoDb): Promise<[StoredPatient[], StoredPatient[]]> {
  const [operations, visits, events, facts, index, stored] = await Promise.all([db.operations.toArray(), db.visits.toArray(), db.outcomeEvents.toArray(), db.revisionFacts.toArray(), db.planIndex.toArray(), readPatients(db)])
  const order = (rows: StoredPatient[]) => [...rows].sort((a, b) => (a.summary.planId < b.summary.planId ? -1 : 1))
  const recomputed = storedPatients(operations, visits, events, facts, index)
  expect(recomputed.map((p) => p.summary)).toEqual(summariesOf(operations, visits, events))
  return [order(stored), order(recomputed)]
}

async function approvedPlans(db: OsseoDb, now: () => number, n: number) {
  const plans = createPlansRepo(db, now)
  const out: { planId: string; revisionId: string }[] = []
  for (let i = 0; i < n; i++) {
    const plan = await plans.create({ caseFile: completeCase(`S-${i}`), surgeon: 'Dr A' })
    const result = engineResult(plan.caseFile)
    await plans.markReviewed(plan.id, { caseFile: plan.caseFile, result, author: 'Dr A' })
    const { revision } = await plans.approve(plan.id, { caseFile: plan.caseFile, result, author: 'Dr B', acknowledgedSiteDefaults: unconfirmedSiteDefaults(result) })
    out.push({ planId: plan.id, revisionId: revision.id })
  }
  return out
}

const plan = fc.integer({ min: 0, max: 2 })
/** Which existing record a correction or deletion takes (modulo how many there are); past the end: a new one. */
const pick = fc.nat({ max: 12 })
const day = fc.integer({ min: -60, max: 1500 })
const action = fc.oneof(
  fc.record({ do: fc.constant('operation' as const), plan, pick, day, twoStage: fc.boolean() }),
  fc.record({ do: fc.constant('visit' as const), plan, pick, day, kind: fc.constantFrom('baseline' as const, 'follow-up' as const), walk: fc.option(fc.integer({ min: 50, max: 700 }), { nil: undefined }) }),
  fc.record({ do: fc.constant('visit' as const), plan, pick, day, kind: fc.constant('follow-up' as const), walk: fc.constant(365) }),
  fc.record({ do: fc.constant('event' as const), plan, pick, day, type: fc.constantFrom(...EVENT_TYPES), grade: fc.constantFrom('1', '2', undefined) }),
  fc.record({ do: fc.constant('refused' as const), plan }),
  fc.record({ do: fc.constantFrom('remove-visit' as const, 'remove-event' as const, 'remove-operation' as const), pick }),
  fc.record({ do: fc.constant('delete-plan' as const), plan, undo: fc.boolean() }),
  fc.record({ do: fc.constant('surgeon' as const), plan, surgeon: fc.constantFrom('Dr A', 'Dr C', '') })
)

const t = useTestDb(Date.UTC(2026, 10, 1))

describe('stored outcome summaries', () => {
  it('equal summaries recomputed from scratch after any sequence of saves, corrections and deletions', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 40 }), async (actions) => {
        const db = new OsseoDb(`summaries-${run++}-${Math.random()}`)
        await db.open()
        try {
          const plans = await approvedPlans(db, t.now, 3)
          const repo = createOutcomesRepo(db, t.now, () => '2999-12-31')
          const nth = <T>(rows: T[], i: number): T | undefined => (i < rows.length ? rows[i] : undefined)
          for (const a of actions) {
            try {
              if (a.do === 'operation') {
                const existing = nth(await db.operations.toArray(), a.pick)
                const p = existing ? plans.find((x) => x.planId === existing.planId)! : plans[a.plan]!
                const stages = a.twoStage ? [{ stage: 1 as const, date: dateOfDay(BASE + a.day) }, { stage: 2 as const, date: dateOfDay(BASE + a.day + 60) }] : [{ stage: 1 as const, date: dateOfDay(BASE + a.day) }]
                await repo.saveOperation({ ...(existing ? { id: existing.id } : {}), planId: p.planId, revisionId: p.revisionId, stages, implant, changes: [], complications: [] })
              } else if (a.do === 'visit') {
                const existing = nth(await db.visits.toArray(), a.pick)
                await repo.saveVisit({ ...(existing ? { id: existing.id } : {}), planId: plans[a.plan]!.planId, kind: a.kind, date: dateOfDay(BASE + a.day), ...(a.walk !== undefined ? { sixMinuteWalkM: a.walk } : {}) })
              } else if (a.do === 'event') {
                const existing = nth(await db.outcomeEvents.toArray(), a.pick)
                const planId = existing?.planId ?? plans[a.plan]!.planId
                await repo.saveEvent({ ...(existing ? { id: existing.id } : {}), planId, type: a.type, date: dateOfDay(BASE + a.day), ...(a.type === 'infection' && a.grade ? { infectionGrade: a.grade } : {}) })
              } else if (a.do === 'refused') {
                await expect(repo.saveVisit({ planId: plans[a.plan]!.planId, kind: 'follow-up', date: dateOfDay(BASE + 400), sixMinuteWalkM: 4500 })).rejects.toThrow(OutcomeValidationError)
              } else if (a.do === 'remove-visit') {
                const v = nth(await db.visits.toArray(), a.pick)
                if (v) await repo.removeVisit(v.id)
              } else if (a.do === 'remove-event') {
                const e = nth(await db.outcomeEvents.toArray(), a.pick)
                if (e) await repo.removeEvent(e.id)
              } else if (a.do === 'remove-operation') {
                const o = nth(await db.operations.toArray(), a.pick)
                if (o) await repo.removeOperation(o.id)
              } else if (a.do === 'delete-plan') {
                const repoPlans = createPlansRepo(db, t.now)
                const deleted: DeletedPlan | undefined = await repoPlans.remove(plans[a.plan]!.planId)
                if (deleted && a.undo) await repoPlans.restore(deleted)
              } else if (a.do === 'surgeon') {
                const planId = plans[a.plan]!.planId
                if (await db.plans.get(planId)) await createPlansRepo(db, t.now).updateDetails(planId, { surgeon: a.surgeon })
              }
            } catch (e) {
              // Saves on a plan deleted earlier in the sequence are refused, and so are dates out of
              // order with the operation (a record before it, an operation after them); nothing else may fail.
              if (!(e instanceof OutcomeValidationError) || !/no longer exists|before the operation|after the operation|already recorded for this plan/.test(e.message)) throw e
            }
            const [stored, recomputed] = await storedAndRecomputed(db)
            expect(stored).toEqual(recomputed)
            expect(stored.every((p) => p.facts?.planned)).toBe(true)
          }
        } finally {
          await db.delete()
        }
      }),
      { numRuns: 12, seed: 10 }
    )
  }, 120_000)

  it('a backup restore fills them from the restored records; a wipe clears them', async () => {
    const [a, b] = await approvedPlans(t.db, t.now, 2)
    const repo = createOutcomesRepo(t.db, t.now)
    await repo.saveOperation({ planId: a!.planId, revisionId: a!.revisionId, stages: [{ stage: 1, date: '2025-03-03' }], implant, changes: [], complications: [] })
    await repo.saveVisit({ planId: a!.planId, kind: 'follow-up', date: '2025-04-15', tugS: 12 })
    await repo.saveEvent({ planId: a!.planId, type: 'removal', date: '2026-01-10' })
    await repo.saveVisit({ planId: b!.planId, kind: 'follow-up', date: '2025-04-15', tugS: 9 })
    const before = await readPatients(t.db)
    expect(before.map((p) => [p.summary.planId, p.summary.removal])).toEqual([[a!.planId, '2026-01-10']])
    const backups = createBackupRepo(t.db, t.now)
    const text = libraryBackupText(await backups.exportLibrary())
    expect(text).not.toContain('followUpDates')
    await backups.wipeLibrary()
    expect(await t.db.outcomeSummaryPages.count()).toBe(0)
    const checked = await validateLibraryBackup(text)
    if (!checked.ok) throw new Error(checked.problem)
    await backups.importLibrary(checked.value)
    expect(await readPatients(t.db)).toEqual(before)
  })

  it('a plan edit that changes the surgeon moves the patient to that surgeon in the audit', async () => {
    const [a, b] = await approvedPlans(t.db, t.now, 2)
    const repo = createOutcomesRepo(t.db, t.now)
    for (const p of [a!, b!]) await repo.saveOperation({ planId: p.planId, revisionId: p.revisionId, stages: [{ stage: 1, date: '2025-03-03' }], implant, changes: [], complications: [] })
    const surgeons = async () => (await repo.loadCohort()).map((p) => [p.patientCode, p.surgeon]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1))
    expect(await surgeons()).toEqual([['S-0', 'Dr A'], ['S-1', 'Dr A']])
    const plans = createPlansRepo(t.db, t.now)
    await plans.updateDetails(a!.planId, { surgeon: 'Dr Lind' })
    // A save that keeps the surgeon (notes only) rewrites nothing.
    const page = await t.db.outcomeSummaryPages.get(pageOf(b!.planId))
    await plans.updateDetails(b!.planId, { notes: 'seen' })
    expect(await t.db.outcomeSummaryPages.get(pageOf(b!.planId))).toEqual(page)
    expect(await surgeons()).toEqual([['S-0', 'Dr Lind'], ['S-1', 'Dr A']])
    const cohort = await repo.loadCohort()
    expect(auditCohort(cohort, { surgeon: 'Dr Lind' }, '2026-11-01').n).toBe(1)
    expect(auditCohort(cohort, { surgeon: 'Dr A' }, '2026-11-01').n).toBe(1)
  })

  it('deleting a visit or an event is written to the plan’s history with what it held', async () => {
    const [p] = await approvedPlans(t.db, t.now, 1)
    const repo = createOutcomesRepo(t.db, t.now)
    const visit = await repo.saveVisit({ planId: p!.planId, kind: 'follow-up', date: '2025-04-15', sixMinuteWalkM: 380 })
    const event = await repo.saveEvent({ planId: p!.planId, type: 'infection', date: '2025-05-01', infectionGrade: '2' })
    await repo.removeVisit(visit.id)
    await repo.removeEvent(event.id)
    const rows = (await t.db.audit.where('planId').equals(p!.planId).toArray()).filter((r) => r.action === OUTCOME_DELETE_ACTION)
    expect(rows.map((r) => r.field)).toEqual(['Visit of 2025-04-15 deleted', 'Infection of 2025-05-01 deleted'])
    expect(rows[0]!.changes).toEqual([
      { path: 'visit.date', oldValue: '2025-04-15', newValue: '' },
      { path: 'visit.kind', oldValue: 'follow-up', newValue: '' },
      { path: 'visit.sixMinuteWalkM', oldValue: '380', newValue: '' }
    ])
    expect(rows[1]!.changes).toContainEqual({ path: 'event.infectionGrade', oldValue: '2', newValue: '' })
    // Deleting what is already gone writes nothing more.
    await repo.removeVisit(visit.id)
    expect((await t.db.audit.toArray()).filter((r) => r.action === OUTCOME_DELETE_ACTION)).toHaveLength(2)
  })
})
