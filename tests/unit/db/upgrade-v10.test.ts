// Upgrade test of schema version 10 (2026-11-30, the per-patient outcome summaries): databases
// written with every earlier real schema open as the current version with every row kept; each
// plan with an operation gets its summary (from its earliest operation, every visit and event),
// a plan with visits but no operation none; the Audit screen then reads the summaries.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { readPatient, readPatients } from '../../../src/renderer/src/db/summary-pages'
import { outcomeSummary } from '../../../src/shared/outcomes'
import { OLD_PLAN, openOldDatabase } from './old-database'

const EARLIER = SCHEMA_VERSIONS.filter((s) => s.version < 10)

const stamps = { createdAt: 9, updatedAt: 9 }
const operation = { id: 'o1', planId: 'a', revisionId: 'r1', stages: [{ stage: 1 as const, date: '2025-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 }, changes: [], complications: [], ...stamps }
/** A revision operation two years later: an event of the same patient, not where follow-up starts. */
const laterOperation = { ...operation, id: 'o0', stages: [{ stage: 1 as const, date: '2027-01-10' }] }
const visits = [
  { id: 'v1', planId: 'a', kind: 'baseline' as const, date: '2025-02-01', sixMinuteWalkM: 250, ...stamps },
  { id: 'v2', planId: 'a', kind: 'follow-up' as const, date: '2026-03-05', sixMinuteWalkM: 390, ...stamps },
  { id: 'v3', planId: 'a', kind: 'follow-up' as const, date: '2025-04-14', pain: 2, ...stamps },
  { id: 'v4', planId: 'b', kind: 'follow-up' as const, date: '2025-04-14', pain: 1, ...stamps }
]
const events = [{ id: 'e1', planId: 'a', type: 'infection' as const, date: '2025-09-01', infectionGrade: '1', ...stamps }]

describe('schema upgrade → v10 (outcome summaries for the Audit screen)', () => {
  it.each(EARLIER.map((s) => [s.version, s] as const))('from version %s keeps every row and stores each operated plan’s summary', async (_v, old) => {
    const name = `upgrade10-${Math.random()}`
    const before = await openOldDatabase(name, old.version)
    await before.table('plans').bulkAdd([OLD_PLAN, { ...OLD_PLAN, id: 'b', patientCode: 'P-2' }])
    if (old.version >= 2) await before.table('planIndex').add({ ...OLD_PLAN, caseFile: undefined, search: 'p-1' })
    await before.table('revisions').add({ id: 'r1', planId: 'a', number: 1, status: 'approved', caseFile: {}, result: { implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 } }, createdAt: 5 })
    await before.table('audit').add({ planId: 'a', at: 1, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0' })
    await before.table('settings').add({ key: 'userName', value: 'Dr Okafor' })
    if (old.version >= 6) {
      await before.table('operations').bulkAdd([laterOperation, operation])
      await before.table('visits').bulkAdd(visits)
      await before.table('outcomeEvents').bulkAdd(events)
    }
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.plans.count()).toBe(2)
    expect(await db.revisions.count()).toBe(1)
    expect(await db.audit.count()).toBe(1)
    expect(await db.settings.get('userName')).toMatchObject({ value: 'Dr Okafor' })
    const repo = createOutcomesRepo(db)
    if (old.version >= 6) {
      expect(await db.operations.count()).toBe(2)
      expect(await db.visits.count()).toBe(4)
      expect(await db.outcomeEvents.count()).toBe(1)
      // Plan b has a visit but no operation: no summary, not in the audit.
      expect((await readPatients(db)).map((p) => p.summary)).toEqual([outcomeSummary({ planId: 'a', operation, visits: visits.slice(0, 3), events })])
      expect((await readPatient(db, 'a'))!.summary).toMatchObject({ operationId: 'o1', surgeryDate: '2025-03-03', followUpDates: ['2025-04-14', '2026-03-05'], contactDates: ['2025-03-03', '2025-04-14', '2025-09-01', '2026-03-05'], incidenceEvents: [{ type: 'infection', grade: '1', date: '2025-09-01' }] })
      const [patient] = await repo.loadCohort()
      expect(patient!.summary.pairs[0]).toMatchObject({ before: 250, after: 390 })
    } else {
      expect(await readPatients(db)).toEqual([])
      await repo.saveOperation(operation)
      expect((await readPatient(db, 'a'))!.summary).toMatchObject({ operationId: 'o1', followUpDates: [] })
    }
    expect((await repo.loadCohort()).map((p) => [p.patientCode, p.operation.id, p.planned?.diameterMm])).toEqual([['P-1', 'o1', 16]])
    await db.delete()
  })
})
