import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createRevisionsRepo } from '../../../src/renderer/src/db/revisions-repo'
import { createAuditRepo } from '../../../src/renderer/src/db/audit-repo'
import { canonicalJson, revisionContentHash, shortHash } from '../../../src/renderer/src/db/content-hash'
import { caseWith, fakeResult, useTestDb } from './helpers'

const t = useTestDb()

const repo = () => createPlansRepo(t.db, t.now)

async function approvedPlan(code = 'P-1') {
  const plan = await repo().create({ caseFile: caseWith(code), surgeon: 'Dr A' })
  await repo().markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr A' })
  const { plan: approved } = await repo().approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr B' })
  return approved
}

describe('status workflow', () => {
  it('draft → reviewed → approved records two immutable revisions with versions, hash and author', async () => {
    const plan = await repo().create({ caseFile: caseWith('P-1') })
    const reviewed = await repo().markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr A' })
    expect(reviewed.plan.status).toBe('reviewed')
    const approved = await repo().approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr B' })
    expect(approved.plan.status).toBe('approved')
    const revisions = await createRevisionsRepo(t.db).listForPlan(plan.id)
    expect(revisions.map((r) => [r.number, r.status, r.author])).toEqual([
      [1, 'reviewed', 'Dr A'],
      [2, 'approved', 'Dr B']
    ])
    expect(revisions[1]).toMatchObject({ engineVersion: '1.0.0', profileVersion: 'p-3', catalogVersion: 'c-2', caseFile: plan.caseFile })
    expect(revisions[1]!.contentHash).toBe(await revisionContentHash(plan.caseFile, fakeResult()))
    expect(revisions[1]!.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect((await createRevisionsRepo(t.db).latestForPlan(plan.id))?.number).toBe(2)
    const audit = await createAuditRepo(t.db).listForPlan(plan.id)
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'status'])
    expect(audit[2]!.changes).toContainEqual({ path: 'status', oldValue: 'reviewed', newValue: 'approved' })
  })

  it('refuses to skip review, to approve a blocked plan, and to record a result of a case that changed since', async () => {
    const incomplete = await repo().create({ caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'P-0' } } })
    await expect(repo().markReviewed(incomplete.id, { caseFile: incomplete.caseFile, result: fakeResult(), author: 'A' })).rejects.toThrow(/incomplete/)
    const plan = await repo().create({ caseFile: caseWith('P-1') })
    await expect(repo().approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })).rejects.toThrow(/only a reviewed plan/)
    await expect(repo().markReviewed(plan.id, { caseFile: caseWith('OTHER'), result: fakeResult(), author: 'A' })).rejects.toThrow(/changed since/)
    await repo().markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })
    await expect(repo().approve(plan.id, { caseFile: plan.caseFile, result: fakeResult({ status: 'blocked' }), author: 'A' })).rejects.toThrow(/blocking/)
    expect((await repo().get(plan.id))?.status).toBe('reviewed')
    expect((await repo().get(incomplete.id))?.status).toBe('draft')
    expect(await t.db.revisions.count()).toBe(1)
  })

  it('editing a reviewed plan sends it back to draft and audits every changed path, old → new', async () => {
    const plan = await repo().create({ caseFile: caseWith('P-1') })
    await repo().markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })
    const edited = await repo().updateCase(plan.id, caseWith('P-1', { limb: { level: 'transfemoral', side: 'right' }, notes: 'x' }))
    expect(edited.status).toBe('draft')
    const last = (await createAuditRepo(t.db).listForPlan(plan.id)).at(-1)!
    expect(last.changes).toEqual([
      { path: 'limb.side', oldValue: 'left', newValue: 'right' },
      { path: 'notes', oldValue: '—', newValue: 'x' },
      { path: 'status', oldValue: 'reviewed', newValue: 'draft' }
    ])
  })

  it('a save that changes nothing writes nothing', async () => {
    const plan = await repo().create({ caseFile: caseWith('P-1') })
    await repo().updateCase(plan.id, caseWith('P-1'))
    expect(await t.db.audit.count()).toBe(1)
  })

  it('Revise starts a linked draft; approving it supersedes the old plan; the old one stays read-only', async () => {
    const old = await approvedPlan()
    const draft = await repo().revise(old.id)
    expect(draft).toMatchObject({ status: 'draft', parentId: old.id, surgeon: 'Dr A', caseFile: old.caseFile })
    expect((await repo().revise(old.id)).id).toBe(draft.id)
    await expect(repo().updateCase(old.id, caseWith('X'))).rejects.toThrow(/read-only/)
    await repo().updateCase(draft.id, caseWith('P-1', { notes: 'revised' }))
    const changed = (await repo().get(draft.id))!
    await repo().markReviewed(draft.id, { caseFile: changed.caseFile, result: fakeResult(), author: 'A' })
    await repo().approve(draft.id, { caseFile: changed.caseFile, result: fakeResult(), author: 'A' })
    expect((await repo().get(old.id))?.status).toBe('superseded')
    expect((await repo().get(draft.id))?.status).toBe('approved')
    await expect(repo().revise(old.id)).rejects.toThrow(/Only an approved plan/)
  })

  it('revisions are numbered once across Revise: the revised plan continues 3, 4 after 1, 2 (issue #13 §7)', async () => {
    const old = await approvedPlan()
    const draft = await repo().revise(old.id)
    await repo().markReviewed(draft.id, { caseFile: draft.caseFile, result: fakeResult(), author: 'A' })
    await repo().approve(draft.id, { caseFile: draft.caseFile, result: fakeResult(), author: 'A' })
    const next = await repo().revise(draft.id)
    await repo().markReviewed(next.id, { caseFile: next.caseFile, result: fakeResult(), author: 'A' })
    const numbers = [
      ...(await createRevisionsRepo(t.db).listForPlan(old.id)),
      ...(await createRevisionsRepo(t.db).listForPlan(draft.id)),
      ...(await createRevisionsRepo(t.db).listForPlan(next.id))
    ].map((r) => r.number)
    expect(numbers).toEqual([1, 2, 3, 4, 5])
    // An unrelated duplicate starts its own count.
    const copy = await repo().duplicate(draft.id)
    const { revision } = await repo().markReviewed(copy.id, { caseFile: copy.caseFile, result: fakeResult(), author: 'A' })
    expect(revision.number).toBe(1)
  })

  it('approving a plan on unconfirmed site defaults needs an acknowledgement naming how many, and audits it (issue #13 §17)', async () => {
    const unconfirmed = (key: string) => ({ key, value: 1, unit: 'mm', provenance: { kind: 'site-default' }, confirmed: false })
    const result = fakeResult({ siteDefaultsUsed: [unconfirmed('a'), unconfirmed('b'), unconfirmed('a'), { ...unconfirmed('c'), confirmed: true }] } as never)
    const plan = await repo().create({ caseFile: caseWith('P-1') })
    await repo().markReviewed(plan.id, { caseFile: plan.caseFile, result, author: 'Dr A' })
    await expect(repo().approve(plan.id, { caseFile: plan.caseFile, result, author: 'Dr B' })).rejects.toThrow(/rests on 2 site defaults not confirmed/)
    await expect(repo().approve(plan.id, { caseFile: plan.caseFile, result, author: 'Dr B', acknowledgedSiteDefaults: 1 })).rejects.toThrow(/acknowledge them/)
    expect((await repo().get(plan.id))?.status).toBe('reviewed')
    await repo().approve(plan.id, { caseFile: plan.caseFile, result, author: 'Dr B', acknowledgedSiteDefaults: 2 })
    const last = (await createAuditRepo(t.db).listForPlan(plan.id)).at(-1)!
    expect(last.changes).toContainEqual({ path: 'siteDefaultsAcknowledged', oldValue: '', newValue: '2 unconfirmed site defaults acknowledged by Dr B' })
  })

  it('duplicate makes an unrelated draft; archive and unarchive are audited', async () => {
    const old = await approvedPlan()
    const copy = await repo().duplicate(old.id)
    expect(copy).toMatchObject({ status: 'draft', parentId: '', patientCode: 'P-1' })
    expect(copy.id).not.toBe(old.id)
    await repo().setArchived(old.id, true)
    expect((await t.db.planIndex.get(old.id))?.archived).toBe(1)
    await repo().setArchived(old.id, false)
    const actions = (await createAuditRepo(t.db).listForPlan(old.id)).map((a) => a.action)
    expect(actions.slice(-2)).toEqual(['archive', 'unarchive'])
  })

  it('delete then restore puts back the plan, its revisions and draft exactly', async () => {
    const plan = await approvedPlan()
    await t.db.drafts.put({ planId: plan.id, caseFile: caseWith('unsaved'), updatedAt: 5 })
    const before = { plan: await repo().get(plan.id), revisions: await createRevisionsRepo(t.db).listForPlan(plan.id), summary: await t.db.planIndex.get(plan.id) }
    const deleted = await repo().remove(plan.id)
    expect(await repo().get(plan.id)).toBeUndefined()
    expect(await t.db.revisions.count()).toBe(0)
    expect(await t.db.planIndex.count()).toBe(0)
    await repo().restore(deleted!)
    expect(await repo().get(plan.id)).toEqual(before.plan)
    expect(await createRevisionsRepo(t.db).listForPlan(plan.id)).toEqual(before.revisions)
    expect(await t.db.planIndex.get(plan.id)).toEqual(before.summary)
    expect((await t.db.drafts.get(plan.id))?.caseFile).toEqual(caseWith('unsaved'))
    const actions = (await createAuditRepo(t.db).listForPlan(plan.id)).map((a) => a.action)
    expect(actions.slice(-2)).toEqual(['delete', 'restore'])
  })

  it('keeps the summary index in step with the plans for search', async () => {
    const plan = await repo().create({ caseFile: caseWith('ABC-7', { bone: { landmark: 'Tip of Greater Trochanter' } }), surgeon: 'Dr Zhou' })
    const [summary] = await repo().listSummaries()
    expect(summary).toMatchObject({ id: plan.id, patientCode: 'ABC-7', level: 'transfemoral', status: 'draft' })
    expect(summary!.search).toContain('dr zhou')
    expect(summary!.search).toContain('tip of greater trochanter')
    expect(summary!.search).not.toContain('osseoplan.case')
  })
})

describe('content hash', () => {
  it('ignores key order, refuses non-finite numbers, and has a short form', async () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 'x' }] })).toBe('{"a":[1,{"c":"x","d":2}],"b":1}')
    expect(await revisionContentHash({ a: 1, b: 2 }, null)).toBe(await revisionContentHash({ b: 2, a: 1 }, null))
    expect(await revisionContentHash({ a: 1 }, null)).not.toBe(await revisionContentHash({ a: 2 }, null))
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not finite/)
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab')
  })
})

describe('library summary columns (schema v3)', () => {
  it('carries the approved outcome and implant size, keeps it through archive, drops it when a draft is edited', async () => {
    const approved = await approvedPlan('P-7')
    expect(await t.db.planIndex.get(approved.id)).toMatchObject({ outcome: { status: 'ok', implant: { diameterMm: 16, lengthMm: 140 } } })
    await repo().setArchived(approved.id, true)
    expect((await t.db.planIndex.get(approved.id))?.outcome?.implant).toEqual({ diameterMm: 16, lengthMm: 140 })
    const child = await repo().revise(approved.id)
    expect(await t.db.planIndex.get(child.id)).not.toHaveProperty('outcome')
  })

  it('marks a duplicate with its origin, and Undo of a delete brings origin and outcome back', async () => {
    const approved = await approvedPlan('P-8')
    const copy = await repo().duplicate(approved.id)
    expect((await t.db.planIndex.get(copy.id))?.duplicatedFrom).toBe(approved.id)
    const deletedCopy = await repo().remove(copy.id)
    await repo().restore(deletedCopy!)
    expect((await t.db.planIndex.get(copy.id))?.duplicatedFrom).toBe(approved.id)
    const deleted = await repo().remove(approved.id)
    await repo().restore(deleted!)
    expect((await t.db.planIndex.get(approved.id))?.outcome?.status).toBe('ok')
  })
})
