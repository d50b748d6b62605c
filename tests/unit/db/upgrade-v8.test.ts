// Upgrade test of schema version 8 (2026-11-30, the audit's revision facts): databases written
// with every earlier real schema open as the current version with every row kept; operations
// already recorded get their revision's facts (planned size, calibration) stored.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { OLD_PLAN, openOldDatabase } from './old-database'

const EARLIER = SCHEMA_VERSIONS.filter((s) => s.version < 8)

describe('schema upgrade → v8 (revision facts for the Audit screen)', () => {
  it.each(EARLIER.map((s) => [s.version, s] as const))('from version %s keeps every row and stores the facts of operated revisions', async (_v, old) => {
    const name = `upgrade8-${Math.random()}`
    const before = await openOldDatabase(name, old.version)
    const plan = OLD_PLAN
    await before.table('plans').add(plan)
    if (old.version >= 2) await before.table('planIndex').add({ ...plan, caseFile: undefined, search: 'p-1' })
    await before.table('revisions').add({ id: 'r1', planId: 'a', number: 2, status: 'approved', caseFile: { imaging: { source: 'xray', marker: { knownSizeMm: 25, measuredSizeMm: 28 } } }, result: { implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 } }, createdAt: 5 })
    await before.table('audit').add({ planId: 'a', at: 1, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0' })
    await before.table('settings').add({ key: 'userName', value: 'Dr Okafor' })
    const operation = { id: 'o1', planId: 'a', revisionId: 'r1', stages: [{ stage: 1 as const, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 }, changes: [], complications: [], createdAt: 9, updatedAt: 9 }
    if (old.version >= 6) {
      await before.table('operations').add(operation)
      await before.table('visits').add({ id: 'v1', planId: 'a', kind: 'follow-up', date: '2026-04-14', pain: 2, createdAt: 9, updatedAt: 9 })
    }
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.plans.get('a')).toMatchObject({ patientCode: 'P-1' })
    expect(await db.revisions.count()).toBe(1)
    expect(await db.audit.count()).toBe(1)
    expect(await db.settings.get('userName')).toMatchObject({ value: 'Dr Okafor' })
    if (old.version >= 6) {
      expect(await db.operations.get('o1')).toEqual(operation)
      expect(await db.visits.count()).toBe(1)
      expect(await db.revisionFacts.get('r1')).toEqual({ id: 'r1', planned: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }, calibration: 'calibration marker', imagingSource: 'X-ray' })
    } else {
      expect(await db.revisionFacts.count()).toBe(0)
      await createOutcomesRepo(db).saveOperation(operation)
      expect(await db.revisionFacts.get('r1')).toMatchObject({ planned: { diameterMm: 16 } })
    }
    // The audit reads the planned size from the stored facts.
    const cohort = await createOutcomesRepo(db).loadCohort()
    expect(cohort.map((p) => [p.patientCode, p.planned?.diameterMm, p.calibration])).toEqual([['P-1', 16, 'calibration marker']])
    await db.delete()
  })
})
