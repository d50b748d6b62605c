// Upgrade test of schema version 5 (2026-11-29, radiographs): a database written with each
// earlier version opens as the current one with an empty images table and nothing lost.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { planSummary } from '../../../src/renderer/src/db/plan-summary'
import type { PlanRow } from '../../../src/renderer/src/db/types'
import { CURRENT_SCHEMA, SCHEMA_2026_11_29_V5, SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'

const earlier = SCHEMA_VERSIONS.filter((s) => s.version < SCHEMA_2026_11_29_V5.version)

describe.each(earlier.map((s) => [s.version, s] as const))('schema upgrade v%i → v5', (version, schema) => {
  it('keeps every plan, revision, audit row and draft, and adds the empty images table', async () => {
    const name = `upgrade-v5-from-${version}-${Math.random()}`
    const old = new Dexie(name)
    old.version(schema.version).stores(schema.stores)
    await old.open()
    const plan = { id: 'a', patientCode: 'P-1', surgeon: 'Dr Okafor', level: 'transfemoral', side: 'left', systemId: 'opra-femur', status: 'draft', archived: 0, createdAt: 1, updatedAt: 2, parentId: '', caseFile: { patient: { code: 'P-1' } }, notes: '' }
    await old.table('plans').add(plan)
    // From v2 on, the plan's summary row is written with it.
    if (schema.stores.planIndex) await old.table('planIndex').add(planSummary(plan as PlanRow))
    await old.table('revisions').add({ id: 'r1', planId: 'a', number: 1, createdAt: 5 })
    await old.table('audit').add({ planId: 'a', at: 1, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0' })
    await old.table('drafts').add({ planId: 'a', caseFile: {}, updatedAt: 3 })
    old.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_SCHEMA.version)
    expect(await db.plans.get('a')).toEqual(plan)
    expect(await db.revisions.count()).toBe(1)
    expect(await db.audit.count()).toBe(1)
    expect(await db.drafts.count()).toBe(1)
    expect(await db.planIndex.get('a')).toMatchObject({ patientCode: 'P-1' })
    expect(await db.images.count()).toBe(0)
    expect(await db.imagePixels.count()).toBe(0)
    expect(await db.images.where('planId').equals('a').count()).toBe(0)
    await db.delete()
  })
})
