// Upgrade test of schema version 14 (2026-11-30, the outcome summaries on pages): databases
// written with every earlier real schema open as the current version with every row kept; each
// operated plan's stored patient — a v10–v13 row moved, or one computed by the v10 upgrade — is on
// its page, the old table is empty, and the Audit screen reads the patients from the pages.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { storedPatients, summaryRow } from '../../../src/renderer/src/db/outcome-summaries'
import { pageOf, readPatients } from '../../../src/renderer/src/db/summary-pages'
import { revisionFactsRow } from '../../../src/renderer/src/db/revision-facts'
import { outcomeSummary } from '../../../src/shared/outcomes'
import { OLD_PLAN, openOldDatabase } from './old-database'

const EARLIER = SCHEMA_VERSIONS.filter((s) => s.version < 14)

const stamps = { createdAt: 9, updatedAt: 9 }
const operation = (planId: string) => ({ id: `o-${planId}`, planId, revisionId: `r-${planId}`, stages: [{ stage: 1 as const, date: '2025-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 }, changes: [], complications: [], ...stamps })
const revision = (planId: string) => ({ id: `r-${planId}`, planId, number: 1, status: 'approved', caseFile: {}, result: { implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 } }, createdAt: 5 })
const visit = (planId: string) => ({ id: `v-${planId}`, planId, kind: 'follow-up' as const, date: '2025-04-14', pain: 2, ...stamps })
const event = { id: 'e1', planId: 'a', type: 'infection' as const, date: '2025-09-01', infectionGrade: '2', infectionScaleId: 'al-muderis-2016', ...stamps }
/** Plans a and b; b's row was written without its plan's fields (as v10 wrote rows). */
const PLANS = ['a', 'b']
const index = (id: string) => ({ ...OLD_PLAN, id, patientCode: `P-${id}`, caseFile: undefined, surgeon: 'Dr Lind', search: id })

describe('schema upgrade → v14 (outcome summaries on pages)', () => {
  it.each(EARLIER.map((s) => [s.version, s] as const))('from version %s keeps every row and puts each operated plan’s patient on its page', async (_v, old) => {
    const name = `upgrade14-${Math.random()}`
    const before = await openOldDatabase(name, old.version)
    await before.table('plans').bulkAdd(PLANS.map((id) => ({ ...OLD_PLAN, id, patientCode: `P-${id}`, surgeon: 'Dr Lind' })))
    if (old.version >= 2) await before.table('planIndex').bulkAdd(PLANS.map(index))
    await before.table('revisions').bulkAdd(PLANS.map(revision))
    await before.table('settings').add({ key: 'userName', value: 'Dr Okafor' })
    if (old.version >= 6) {
      await before.table('operations').bulkAdd(PLANS.map(operation))
      await before.table('visits').bulkAdd(PLANS.map(visit))
      await before.table('outcomeEvents').add(event)
    }
    if (old.version >= 8) await before.table('revisionFacts').bulkAdd(PLANS.map((id) => revisionFactsRow(revision(id) as never)))
    if (old.version >= 10) {
      const patients = storedPatients(PLANS.map(operation), PLANS.map(visit), [event], PLANS.map((id) => revisionFactsRow(revision(id) as never)), PLANS.map(index) as never)
      const withoutPlanFields = ({ plan: _plan, ...rest }: (typeof patients)[number]) => rest
      await before.table('outcomeSummaries').bulkAdd([summaryRow(patients[0]!), summaryRow(withoutPlanFields(patients[1]!))])
    }
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.plans.count()).toBe(2)
    expect(await db.revisions.count()).toBe(2)
    expect(await db.settings.get('userName')).toMatchObject({ value: 'Dr Okafor' })
    expect(await db.outcomeSummaries.count()).toBe(0)
    const repo = createOutcomesRepo(db)
    if (old.version < 6) {
      expect(await db.outcomeSummaryPages.count()).toBe(0)
      for (const id of PLANS) await repo.saveOperation(operation(id))
      await repo.saveVisit(visit('a'))
      await repo.saveEvent(event)
    }
    const patients = await readPatients(db)
    expect(patients.map((p) => [p.summary.planId, p.plan])).toEqual(PLANS.map((id) => [id, { patientCode: `P-${id}`, level: 'transfemoral', surgeon: 'Dr Lind' }]))
    expect(patients[0]!.summary).toEqual(outcomeSummary({ planId: 'a', operation: operation('a'), visits: [visit('a')], events: [event] }))
    expect(new Set((await db.outcomeSummaryPages.toArray()).map((p) => p.page))).toEqual(new Set(PLANS.map(pageOf)))
    expect((await repo.loadCohort()).map((p) => [p.patientCode, p.surgeon, p.operation.id, p.planned?.diameterMm])).toEqual([['P-a', 'Dr Lind', 'o-a', 16], ['P-b', 'Dr Lind', 'o-b', 16]])
    await db.delete()
  })
})
