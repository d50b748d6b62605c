// A saved outcome record can be corrected; each correction is written to the plan's audit trail
// (which record, each field old → new), in the same transaction; a new record or a save without a
// change writes none; an event cannot be moved to another plan.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOutcomesRepo, OUTCOME_EDIT_ACTION } from '../../../src/renderer/src/db/outcomes-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { caseWith, useTestDb } from './helpers'

const t = useTestDb()
const outcomes = () => createOutcomesRepo(t.db, t.now)
const edits = async () => (await t.db.audit.toArray()).filter((a) => a.action === OUTCOME_EDIT_ACTION)

describe('correcting outcome records', () => {
  it('an event’s date and note corrected: stored, and the audit trail names the event and each change', async () => {
    const plan = await createPlansRepo(t.db, t.now).create({ caseFile: caseWith('E-1') })
    const event = await outcomes().saveEvent({ planId: plan.id, type: 'infection', date: '2026-05-01', infectionGrade: '1', note: 'oral antibiotics' })
    expect(await edits()).toEqual([])
    const fixed = await outcomes().saveEvent({ id: event.id, planId: plan.id, type: 'infection', date: '2026-05-03', infectionGrade: '2', note: 'IV antibiotics' })
    expect(fixed).toMatchObject({ id: event.id, createdAt: event.createdAt, date: '2026-05-03', infectionGrade: '2' })
    expect(await outcomes().eventsForPlan(plan.id)).toEqual([fixed])
    const rows = await edits()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ planId: plan.id, field: 'Infection of 2026-05-01: date, infection grade, note' })
    expect(rows[0]!.changes).toEqual([
      { path: 'event.date', oldValue: '2026-05-01', newValue: '2026-05-03' },
      { path: 'event.infectionGrade', oldValue: '1', newValue: '2' },
      { path: 'event.note', oldValue: 'oral antibiotics', newValue: 'IV antibiotics' }
    ])
    // Saving again without a change adds nothing.
    await outcomes().saveEvent({ id: event.id, planId: plan.id, type: 'infection', date: '2026-05-03', infectionGrade: '2', note: 'IV antibiotics' })
    expect(await edits()).toHaveLength(1)
  })

  it('a corrected visit is audited too; a bad correction stores nothing and audits nothing', async () => {
    const plan = await createPlansRepo(t.db, t.now).create({ caseFile: caseWith('E-2') })
    const v = await outcomes().saveVisit({ planId: plan.id, kind: 'follow-up', date: '2026-04-14', sixMinuteWalkM: 380 })
    await expect(outcomes().saveVisit({ ...v, sixMinuteWalkM: 4500 })).rejects.toThrow(/sixMinuteWalkM/)
    expect(await edits()).toEqual([])
    expect(await t.db.visits.get(v.id)).toEqual(v)
    await outcomes().saveVisit({ ...v, sixMinuteWalkM: 420 })
    expect((await edits())[0]!.changes).toEqual([{ path: 'visit.sixMinuteWalkM', oldValue: '380', newValue: '420' }])
  })

  it('an event cannot be moved to another plan', async () => {
    const plans = createPlansRepo(t.db, t.now)
    const a = await plans.create({ caseFile: caseWith('E-3') })
    const b = await plans.create({ caseFile: caseWith('E-4') })
    const event = await outcomes().saveEvent({ planId: a.id, type: 'fracture', date: '2026-05-01' })
    await expect(outcomes().saveEvent({ ...event, planId: b.id })).rejects.toThrow(/stays with the plan/)
    expect(await t.db.outcomeEvents.get(event.id)).toEqual(event)
  })
})
