// The Audit screen's stored patients on their pages (schema v14, db/summary-pages.ts): the packed
// form gives back exactly the patient it was made from; a write touches only its plan's page; a
// restore adds to the pages without dropping the patients already there.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { storedPatients, type StoredPatient } from '../../../src/renderer/src/db/outcome-summaries'
import { addPatients, packPatient, PAGE_COUNT, pageOf, pagesOf, readPatient, readPatients, unpackPatient, writePatient } from '../../../src/renderer/src/db/summary-pages'
import { revisionFactsRow } from '../../../src/renderer/src/db/revision-facts'
import { generatedCohort } from '../outcomes/audit-generator'
import { useTestDb } from './helpers'

const t = useTestDb(Date.UTC(2026, 10, 1))

function cohort(n: number): StoredPatient[] {
  const g = generatedCohort(n, n * 10, Math.ceil(n * 1.5))
  return storedPatients(g.operations, g.visits, g.events, g.revisions.map(revisionFactsRow), g.summaries)
}

/** A patient of plan `planId` (a generated one, renamed). */
function patientOf(base: StoredPatient, planId: string, surgeon = 'Dr A'): StoredPatient {
  return { ...base, summary: { ...base.summary, planId }, operation: { ...base.operation, planId }, plan: { patientCode: planId.toUpperCase(), level: 'transfemoral', surgeon } }
}

/** Two plan ids on the same page. */
function samePage(): [string, string] {
  const seen = new Map<number, string>()
  for (let i = 0; ; i++) {
    const id = `plan-${i}`
    const other = seen.get(pageOf(id))
    if (other) return [other, id]
    seen.set(pageOf(id), id)
  }
}

describe('outcome summary pages', () => {
  it('a packed patient unpacks to the same patient (every generated patient, and nulls and grades)', () => {
    const patients = cohort(300)
    // The generator's cohort has events with and without grades, removals, deaths and pairs.
    expect(patients.some((p) => p.summary.incidenceEvents.some((e) => e.grade !== undefined))).toBe(true)
    expect(patients.some((p) => p.summary.incidenceEvents.some((e) => e.grade === undefined))).toBe(true)
    expect(patients.some((p) => p.summary.removal !== null)).toBe(true)
    for (const p of patients) expect(unpackPatient(JSON.parse(JSON.stringify(packPatient(p))))).toEqual(p)
    const bare: StoredPatient = { ...patients[0]!, facts: null, plan: null }
    expect(unpackPatient(JSON.parse(JSON.stringify(packPatient(bare))))).toEqual(bare)
    const unplanned: StoredPatient = { ...patients[0]!, facts: { planned: null, calibration: 'unknown', imagingSource: 'unknown' } }
    expect(unpackPatient(JSON.parse(JSON.stringify(packPatient(unplanned))))).toEqual(unplanned)
  })

  it('spreads patients over the pages, each on its plan’s page, and reads them back in plan order', async () => {
    const patients = cohort(200)
    const pages = pagesOf(patients)
    expect(pages.length).toBeGreaterThan(PAGE_COUNT / 2)
    expect(pages.every((p) => p.page >= 0 && p.page < PAGE_COUNT)).toBe(true)
    await t.db.outcomeSummaryPages.bulkPut(pages)
    const byId = [...patients].sort((a, b) => (a.summary.planId < b.summary.planId ? -1 : 1))
    expect(await readPatients(t.db)).toEqual(byId)
    expect(await readPatient(t.db, patients[7]!.summary.planId)).toEqual(patients[7])
    expect(await readPatient(t.db, 'no-such-plan')).toBeUndefined()
  })

  it('a write replaces or removes only its plan’s patient, and an emptied page goes', async () => {
    const [a, b] = samePage()
    const [base] = cohort(1)
    const write = (id: string, p: StoredPatient | null) => t.db.transaction('rw', t.db.outcomeSummaryPages, () => writePatient(t.db, id, p))
    await write(a, patientOf(base!, a))
    await write(b, patientOf(base!, b))
    await write(a, patientOf(base!, a, 'Dr Lind'))
    expect((await readPatients(t.db)).map((p) => [p.summary.planId, p.plan?.surgeon])).toEqual([[a, 'Dr Lind'], [b, 'Dr A']].sort())
    await write(a, null)
    expect((await readPatients(t.db)).map((p) => p.summary.planId)).toEqual([b])
    await write(b, null)
    expect(await t.db.outcomeSummaryPages.count()).toBe(0)
  })

  it('a restore adds its patients to a page without dropping the patients already on it', async () => {
    const [a, b] = samePage()
    const [base] = cohort(1)
    await t.db.transaction('rw', t.db.outcomeSummaryPages, () => writePatient(t.db, a, patientOf(base!, a)))
    await t.db.transaction('rw', t.db.outcomeSummaryPages, () => addPatients(t.db, [patientOf(base!, b)]))
    expect((await readPatients(t.db)).map((p) => p.summary.planId)).toEqual([a, b].sort())
    expect(await t.db.outcomeSummaryPages.count()).toBe(1)
  })
})
