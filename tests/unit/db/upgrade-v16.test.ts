// Upgrade test of schema version 16 (2026-12-01, every contact date kept): a database whose v15
// pages hold summaries of the old meaning — only the latest record date, and a loss to follow-up
// ending follow-up though the patient was seen after it — opens as the current version with each
// patient's summary as the records give it now, and the Audit figures read from it.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { pageOf, readPatients } from '../../../src/renderer/src/db/summary-pages'
import { revisionFactsRow } from '../../../src/renderer/src/db/revision-facts'
import { outcomeSummary, summaryFacts } from '../../../src/shared/outcomes'
import { OLD_PLAN, openOldDatabase } from './old-database'

const stamps = { createdAt: 9, updatedAt: 9 }
const operation = { id: 'o1', planId: 'a', revisionId: 'r1', stages: [{ stage: 1 as const, date: '2023-01-01' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 }, changes: [], complications: [], ...stamps }
const revision = { id: 'r1', planId: 'a', number: 1, status: 'approved', caseFile: {}, result: { implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 } }, createdAt: 5 }
// Declared lost in 2024, seen again in 2025.
const visits = [
  { id: 'v1', planId: 'a', kind: 'follow-up' as const, date: '2023-12-20', pain: 2, ...stamps },
  { id: 'v2', planId: 'a', kind: 'follow-up' as const, date: '2025-02-01', pain: 1, ...stamps }
]
const events = [{ id: 'e1', planId: 'a', type: 'lost-to-follow-up' as const, date: '2024-06-01', ...stamps }]
const INDEX_A = { ...OLD_PLAN, caseFile: undefined, surgeon: 'Dr Lind', search: 'p-1' }

/** The patient as schema v15 packed it: the latest record date at [4], the loss ending follow-up. */
const V15_PATIENT = [['a', 'o1', '2023-01-01', ['2023-12-20', '2025-02-01'], '2025-02-01', '2024-06-01', null, null, [], [0, 0, 0, 0, 0, 0, 0, 0], '2025-02-01', 0], operation, [['opra-femur', 16, 80], 'X-ray', 'xray'], ['P-1', 'transfemoral', 'Dr Lind']]

describe('schema upgrade → v16 (every contact date kept)', () => {
  it('from version 15: the summary follows the records (a patient lost and seen again is followed), the plan fields kept', async () => {
    const name = `upgrade16-${Math.random()}`
    const before = await openOldDatabase(name, 15)
    await before.table('plans').add({ ...OLD_PLAN, surgeon: 'Dr Lind' })
    await before.table('planIndex').add(INDEX_A)
    await before.table('revisions').add(revision)
    await before.table('operations').add(operation)
    await before.table('visits').bulkAdd(visits)
    await before.table('outcomeEvents').bulkAdd(events)
    await before.table('revisionFacts').add(revisionFactsRow(revision as never))
    await before.table('outcomeSummaryPages').add({ page: pageOf('a'), patients: JSON.stringify([V15_PATIENT]) })
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.visits.count()).toBe(2)
    const [patient] = await readPatients(db)
    expect(patient!.summary).toEqual(outcomeSummary({ planId: 'a', operation, visits, events }))
    expect(patient!.summary.contactDates).toEqual(['2023-01-01', '2023-12-20', '2025-02-01'])
    expect(patient!.summary.losses).toEqual(['2024-06-01'])
    expect(summaryFacts(patient!.summary, null, '2026-12-01').ended).toBeNull()
    expect(patient!.plan).toEqual({ patientCode: 'P-1', level: 'transfemoral', surgeon: 'Dr Lind' })
    await db.delete()
  })
})
