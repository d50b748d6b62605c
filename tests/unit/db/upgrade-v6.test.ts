// Upgrade test of schema version 6 (2026-11-29, outcomes): databases written with every earlier
// real schema open as the current version with every row kept and the outcome tables empty and usable.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { OLD_PLAN, openOldDatabase } from './old-database'

const EARLIER = SCHEMA_VERSIONS.filter((s) => s.version < 6)

describe('schema upgrade → v6 (outcomes)', () => {
  it.each(EARLIER.map((s) => [s.version, s] as const))('from version %s keeps every row and adds the outcome tables', async (_v, old) => {
    const name = `upgrade6-${Math.random()}`
    const before = await openOldDatabase(name, old.version)
    const plan = OLD_PLAN
    await before.table('plans').add(plan)
    if (old.version >= 2) await before.table('planIndex').add({ ...plan, caseFile: undefined, search: 'p-1' })
    await before.table('revisions').add({ id: 'r1', planId: 'a', number: 1, status: 'approved', createdAt: 5 })
    await before.table('audit').add({ planId: 'a', at: 1, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0' })
    await before.table('settings').add({ key: 'userName', value: 'Dr Okafor' })
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.plans.get('a')).toMatchObject({ patientCode: 'P-1' })
    expect(await db.revisions.count()).toBe(1)
    expect(await db.audit.count()).toBe(1)
    expect(await db.settings.get('userName')).toMatchObject({ value: 'Dr Okafor' })
    expect([await db.operations.count(), await db.visits.count(), await db.outcomeEvents.count(), await db.outcomeDrafts.count()]).toEqual([0, 0, 0, 0])
    // The new tables work on the upgraded database.
    const repo = createOutcomesRepo(db)
    await repo.saveOperation({ planId: 'a', revisionId: 'r1', stages: [{ stage: 1, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }, changes: [], complications: [] })
    expect(await repo.countsForPlan('a')).toEqual({ operations: 1, visits: 0, events: 0 })
    await db.delete()
  })
})
