// Upgrade test of schema version 3 (2026-11-29): a database written with the real version 2
// schema opens as version 3; every summary row gains the outcome and implant size of the plan's
// latest revision (not for drafts), the embedded system name and its duplicate origin; nothing lost.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { planSummary } from '../../../src/renderer/src/db/plan-summary'
import { CURRENT_SCHEMA, SCHEMA_2026_11_26_V2 } from '../../../src/renderer/src/db/schema'
import type { PlanRow, PlanStatus } from '../../../src/renderer/src/db/types'

function plan(id: string, status: PlanStatus, caseFile: Record<string, unknown> = {}): PlanRow {
  return {
    id,
    patientCode: `P-${id}`,
    surgeon: 'Dr Okafor',
    level: 'transfemoral',
    side: 'left',
    systemId: 'opra-femur',
    status,
    archived: 0,
    createdAt: 1,
    updatedAt: 2,
    parentId: '',
    caseFile: { format: 'osseoplan.case', version: 1, ...caseFile },
    notes: ''
  }
}

const result = (diameterMm: number) => ({ status: 'warnings', implant: { diameterMm, lengthMm: 80 }, system: { id: 'opra-femur', name: 'OPRA femur fixture' } })

describe('schema upgrade v2 → v3', () => {
  it('adds outcome, implant size, system name and duplicate origin to every summary and keeps every row', async () => {
    const name = `upgrade-v3-${Math.random()}`
    const v2 = new Dexie(name)
    v2.version(2).stores(SCHEMA_2026_11_26_V2.stores)
    await v2.open()
    const rows = [
      plan('a', 'approved'),
      plan('b', 'draft'), // reviewed once, then edited: back to draft, no outcome
      plan('c', 'draft', { implant: { system: { id: 'site-x', name: 'Site stem X' } } })
    ]
    await v2.table('plans').bulkAdd(rows)
    // Version 2 summaries, as version 2 wrote them (no new fields).
    await v2.table('planIndex').bulkAdd(rows.map((r) => {
      const { systemName: _s, duplicatedFrom: _d, outcome: _o, ...v2Summary } = planSummary(r)
      return v2Summary
    }))
    await v2.table('revisions').bulkAdd([
      { id: 'r1', planId: 'a', number: 1, status: 'reviewed', result: result(16), createdAt: 3 },
      { id: 'r2', planId: 'a', number: 2, status: 'approved', result: result(18.5), createdAt: 4 },
      { id: 'r3', planId: 'b', number: 1, status: 'reviewed', result: result(20), createdAt: 3 }
    ])
    await v2.table('audit').bulkAdd([
      { planId: 'a', at: 1, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0', changes: [] },
      { planId: 'c', at: 1, action: 'duplicate', field: 'duplicatedFrom', oldValue: '', newValue: 'a', appVersion: '0.1.0', changes: [{ path: 'duplicatedFrom', oldValue: '', newValue: 'a' }] }
    ])
    await v2.table('drafts').add({ planId: 'b', caseFile: {}, updatedAt: 3 })
    v2.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_SCHEMA.version) // v3's upgrade ran, with any later version's on top
    expect(await db.plans.count()).toBe(3)
    expect(await db.revisions.count()).toBe(3)
    expect(await db.audit.count()).toBe(2)
    expect(await db.drafts.count()).toBe(1)
    const a = await db.planIndex.get('a')
    expect(a).toMatchObject({ patientCode: 'P-a', status: 'approved', outcome: { status: 'warnings', implant: { diameterMm: 18.5, lengthMm: 80 }, systemName: 'OPRA femur fixture' }, duplicatedFrom: '' })
    expect(await db.planIndex.get('b')).not.toHaveProperty('outcome')
    expect(await db.planIndex.get('c')).toMatchObject({ systemName: 'Site stem X', duplicatedFrom: 'a' })
    expect(a).not.toHaveProperty('caseFile')
    await db.delete()
  })
})
