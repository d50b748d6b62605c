import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createPlansRepo, indexedFields } from '../../../src/renderer/src/db/plans-repo'
import { useTestDb } from './helpers'

const t = useTestDb()

const repo = () => createPlansRepo(t.db, t.now)

describe('plans repository', () => {
  it('creates a draft plan and lists it newest first', async () => {
    const a = await repo().create()
    const b = await repo().create({ caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'P-002' }, limb: { level: 'transtibial', side: 'left' } } })
    expect(a.status).toBe('draft')
    expect(b).toMatchObject({ patientCode: 'P-002', level: 'transtibial', side: 'left' })
    expect((await repo().list()).map((p) => p.id)).toEqual([b.id, a.id])
  })

  it('reopens a plan after the database is closed and opened again', async () => {
    const created = await repo().create({ caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'P-001' } } })
    t.db.close()
    const reopened = new OsseoDb(t.db.name)
    const row = await createPlansRepo(reopened).get(created.id)
    expect(row?.caseFile).toEqual({ format: 'osseoplan.case', version: 1, patient: { code: 'P-001' } })
    reopened.close()
    await t.db.open()
  })

  it('updates the case and its indexed fields, with an audit row in the same transaction', async () => {
    const plan = await repo().create()
    const updated = await repo().updateCase(plan.id, { format: 'osseoplan.case', version: 1, patient: { code: 'P-9' }, implant: { systemId: 'opra-femur' } })
    expect(updated).toMatchObject({ patientCode: 'P-9', systemId: 'opra-femur' })
    expect(updated.updatedAt).toBeGreaterThan(plan.updatedAt)
    const audit = await t.db.audit.where('planId').equals(plan.id).toArray()
    expect(audit.map((a) => a.action)).toEqual(['create', 'edit'])
  })

  it('refuses to edit an approved plan and changes nothing', async () => {
    const plan = await repo().create()
    await t.db.plans.update(plan.id, { status: 'approved' })
    await expect(repo().updateCase(plan.id, { patient: { code: 'X' } })).rejects.toThrow(/read-only/)
    expect((await repo().get(plan.id))?.patientCode).toBe('')
    expect(await t.db.audit.where('planId').equals(plan.id).count()).toBe(1)
  })

  it('deletes a plan and its draft', async () => {
    const plan = await repo().create()
    await t.db.drafts.put({ planId: plan.id, caseFile: {}, updatedAt: 1 })
    await repo().remove(plan.id)
    expect(await repo().get(plan.id)).toBeUndefined()
    expect(await t.db.drafts.get(plan.id)).toBeUndefined()
    expect(await repo().list()).toEqual([])
  })

  it('reads indexed fields from a system given inline', () => {
    expect(indexedFields({ implant: { system: { id: 'custom-1' } } }).systemId).toBe('custom-1')
    expect(indexedFields({ patient: { code: 42 } }).patientCode).toBe('')
  })
})
