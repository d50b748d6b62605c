// Upgrade test of schema version 15 (2026-12-01, the outcome summaries computed again): a database
// whose v14 pages hold summaries of the old meaning — a loss to follow-up counted as the last
// contact, an infection without its scale, no latest record date — opens as the current version
// with every row kept and each patient's summary as the records give it now, plan fields kept.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { pageOf, readPatients } from '../../../src/renderer/src/db/summary-pages'
import { revisionFactsRow } from '../../../src/renderer/src/db/revision-facts'
import { outcomeSummary } from '../../../src/shared/outcomes'
import { OLD_PLAN, openOldDatabase } from './old-database'

const stamps = { createdAt: 9, updatedAt: 9 }
const operation = { id: 'o1', planId: 'a', revisionId: 'r1', stages: [{ stage: 1 as const, date: '2023-01-01' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 }, changes: [], complications: [], ...stamps }
const revision = { id: 'r1', planId: 'a', number: 1, status: 'approved', caseFile: {}, result: { implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 } }, createdAt: 5 }
const visits = [{ id: 'v1', planId: 'a', kind: 'follow-up' as const, date: '2024-01-01', pain: 2, ...stamps }]
const events = [
  { id: 'e1', planId: 'a', type: 'infection' as const, date: '2023-06-01', infectionGrade: '2', infectionScaleId: 'al-muderis-2016', ...stamps },
  { id: 'e2', planId: 'a', type: 'lost-to-follow-up' as const, date: '2026-01-01', ...stamps }
]
const INDEX_A = { ...OLD_PLAN, caseFile: undefined, surgeon: 'Dr Lind', search: 'p-1' }

/** The patient as schema v14 packed it (the old summary: the loss to follow-up as last contact). */
const V14_PATIENT = [['a', 'o1', '2023-01-01', ['2024-01-01'], '2026-01-01', '2026-01-01', null, null, [['infection', '2023-06-01', '2']], [0, 0, 0, 0, 0, 0, 0, 0]], operation, [[ 'opra-femur', 16, 80], 'X-ray', 'xray'], ['P-1', 'transfemoral', 'Dr Lind']]

describe('schema upgrade → v15 (outcome summaries computed again)', () => {
  it('from version 14: the summary follows the records (last contact the last visit, not the loss), the plan fields kept', async () => {
    const name = `upgrade15-${Math.random()}`
    const before = await openOldDatabase(name, 14)
    await before.table('plans').add({ ...OLD_PLAN, surgeon: 'Dr Lind' })
    await before.table('planIndex').add(INDEX_A)
    await before.table('revisions').add(revision)
    await before.table('operations').add(operation)
    await before.table('visits').bulkAdd(visits)
    await before.table('outcomeEvents').bulkAdd(events)
    await before.table('revisionFacts').add(revisionFactsRow(revision as never))
    await before.table('outcomeSummaryPages').add({ page: pageOf('a'), patients: JSON.stringify([V14_PATIENT]) })
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.plans.count()).toBe(1)
    expect(await db.outcomeEvents.count()).toBe(2)
    const [patient] = await readPatients(db)
    expect(patient!.summary).toEqual(outcomeSummary({ planId: 'a', operation, visits, events }))
    expect(patient!.summary.contactDates.at(-1)).toBe('2024-01-01')
    expect(patient!.summary.incidenceEvents).toEqual([{ type: 'infection', date: '2023-06-01', grade: '2', scaleId: 'al-muderis-2016' }])
    expect(patient!.plan).toEqual({ patientCode: 'P-1', level: 'transfemoral', surgeon: 'Dr Lind' })
    await db.delete()
  })
})
