// Upgrade test of schema version 2 (2026-11-26 v2): a database written with the real version 1
// schema opens as version 2 with every plan in the new planIndex table and nothing lost.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { CURRENT_SCHEMA, SCHEMA_2026_11_26 } from '../../../src/renderer/src/db/schema'
import type { PlanRow } from '../../../src/renderer/src/db/types'

function v1Plan(id: string, code: string, updatedAt: number): PlanRow {
  return {
    id,
    patientCode: code,
    surgeon: 'Dr Okafor',
    level: 'transtibial',
    side: 'right',
    systemId: 'opra-femur',
    status: 'approved',
    archived: 0,
    createdAt: 1,
    updatedAt,
    parentId: '',
    caseFile: { format: 'osseoplan.case', version: 1, patient: { code }, notes: 'Smoker until 2024' },
    notes: ''
  }
}

describe('schema upgrade v1 → v2', () => {
  it('builds the plan index from the version 1 plans and keeps every row of every table', async () => {
    const name = `upgrade-${Math.random()}`
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_2026_11_26.stores)
    await v1.open()
    await v1.table('plans').bulkAdd([v1Plan('a', 'P-1', 10), v1Plan('b', 'P-2', 20)])
    await v1.table('revisions').add({ id: 'r1', planId: 'a', number: 1, createdAt: 5 })
    await v1.table('audit').add({ planId: 'a', at: 1, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0' })
    await v1.table('drafts').add({ planId: 'b', caseFile: {}, updatedAt: 3 })
    v1.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_SCHEMA.version)
    expect(await db.plans.count()).toBe(2)
    expect(await db.revisions.count()).toBe(1)
    expect(await db.audit.count()).toBe(1)
    expect(await db.drafts.count()).toBe(1)
    const summaries = await db.planIndex.orderBy('updatedAt').reverse().toArray()
    expect(summaries.map((s) => s.id)).toEqual(['b', 'a'])
    expect(summaries[1]).toMatchObject({ patientCode: 'P-1', surgeon: 'Dr Okafor', level: 'transtibial', status: 'approved', updatedAt: 10 })
    expect(summaries[1]!.search).toContain('smoker until 2024')
    expect(summaries[1]).not.toHaveProperty('caseFile')
    await db.delete()
  })
})
