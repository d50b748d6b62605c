import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPlansRepo, unconfirmedSiteDefaults } from '../../../src/renderer/src/db/plans-repo'
import { createBackupRepo, libraryBackupText } from '../../../src/renderer/src/db/backup-repo'
import { validateCaseFileText, validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { caseWith, completeCase, engineResult, useTestDb } from './helpers'

/** Backups hold times from 2000 on: the clock starts on 1 November 2026. */
const t = useTestDb(Date.UTC(2026, 10, 1))

const plans = () => createPlansRepo(t.db, t.now)
const backups = () => createBackupRepo(t.db, t.now)

/** A library with an approved plan, its revision draft (edited), and an incomplete draft. */
async function seedLibrary() {
  const a = await plans().create({ caseFile: completeCase('A-1'), surgeon: 'Dr A' })
  await plans().markReviewed(a.id, { caseFile: a.caseFile, result: engineResult(a.caseFile), author: 'Dr A' })
  await plans().approve(a.id, { caseFile: a.caseFile, result: engineResult(a.caseFile), author: 'Dr B', acknowledgedSiteDefaults: unconfirmedSiteDefaults(engineResult(a.caseFile)) })
  const b = await plans().revise(a.id)
  await plans().updateCase(b.id, caseWith('A-1', { notes: 'shorter stem' }))
  await plans().create({ caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'DRAFT-9' } } })
  await plans().setArchived(a.id, true)
}

async function everything() {
  return {
    plans: await t.db.plans.orderBy('id').toArray(),
    index: await t.db.planIndex.orderBy('id').toArray(),
    revisions: await t.db.revisions.orderBy('id').toArray(),
    audit: await t.db.audit.orderBy('seq').toArray()
  }
}

async function exportedText(): Promise<string> {
  return libraryBackupText(await backups().exportLibrary())
}

async function expectRejected(text: string, problem: RegExp) {
  const before = await everything()
  const checked = await validateLibraryBackup(text)
  expect(checked.ok).toBe(false)
  if (!checked.ok) expect(checked.problem).toMatch(problem)
  expect(await everything()).toEqual(before)
}

function mutate(text: string, change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(text) as Record<string, any>
  change(doc)
  return JSON.stringify(doc)
}

/** The audit log without what a restore adds (its own entry, the "imported" mark on the file's rows). */
function unmarked(state: Awaited<ReturnType<typeof everything>>) {
  return { ...state, audit: state.audit.filter((a) => a.action !== 'restore-backup').map(({ importedFrom: _i, ...row }) => row) }
}

describe('library backup round trip', () => {
  it('export, wipe, import gives an identical library, its history marked as imported and the restore recorded once', async () => {
    await seedLibrary()
    const before = await everything()
    const text = await exportedText()
    await backups().wipeLibrary()
    expect(await t.db.plans.count()).toBe(0)
    const checked = await validateLibraryBackup(text)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(await backups().importLibrary(checked.value, 'lib.json')).toEqual({ added: 3, skipped: 0 })
    const after = await everything()
    expect(unmarked(after)).toEqual(before)
    const restores = after.audit.filter((a) => a.action === 'restore-backup')
    expect(restores).toHaveLength(1)
    expect(restores[0]!.newValue).toMatch(new RegExp(`restored from “lib.json”.*checksum ${checked.value.checksum}.*added 3 plans, 2 revisions, ${before.audit.length} audit entries`))
    expect(after.audit.filter((a) => a.action !== 'restore-backup').every((a) => a.importedFrom?.startsWith(`backup ${checked.value.checksum.slice(0, 12)}`))).toBe(true)
  })

  it('keeps the audit rows of a plan deleted before the backup, once', async () => {
    await seedLibrary()
    const gone = await plans().create({ caseFile: completeCase('GONE-1') })
    await plans().remove(gone.id)
    const before = await everything()
    const checked = await validateLibraryBackup(await exportedText())
    if (!checked.ok) throw new Error(checked.problem)
    await backups().wipeLibrary()
    await backups().importLibrary(checked.value)
    expect(unmarked(await everything())).toEqual(before)
    await backups().importLibrary(checked.value)
    expect(unmarked(await everything())).toEqual(before)
  })

  it('importing into a library that has the plans already changes nothing but the log of the restore', async () => {
    await seedLibrary()
    const checked = await validateLibraryBackup(await exportedText())
    const before = await everything()
    if (!checked.ok) throw new Error(checked.problem)
    expect(await backups().importLibrary(checked.value)).toEqual({ added: 0, skipped: 3 })
    const after = await everything()
    expect(unmarked(after)).toEqual(before)
    expect(after.audit.at(-1)).toMatchObject({ action: 'restore-backup', planId: '', newValue: expect.stringMatching(/added 0 plans.*3 already in the library/) })
  })

  it('an import that fails part-way writes nothing', async () => {
    await seedLibrary()
    const checked = await validateLibraryBackup(await exportedText())
    await backups().wipeLibrary()
    t.db.audit.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    if (!checked.ok) throw new Error(checked.problem)
    await expect(backups().importLibrary(checked.value)).rejects.toThrow()
    expect(await t.db.plans.count()).toBe(0)
    expect(await t.db.revisions.count()).toBe(0)
    expect(await t.db.planIndex.count()).toBe(0)
  })
})

describe('library backup validation refuses bad files and leaves the library unchanged', () => {
  beforeEach(seedLibrary)

  it('truncated or not JSON', async () => {
    const text = await exportedText()
    await expectRejected(text.slice(0, Math.floor(text.length / 2)), /not valid JSON.*truncated/)
    await expectRejected('', /not valid JSON/)
  })

  it('50 MB of junk', async () => {
    await expectRejected('\u0000junk'.repeat(10 * 1024 * 1024), /not valid JSON/)
  })

  it('too large', async () => {
    const checked = await validateLibraryBackup('x'.repeat(2048), { limit: 1024 })
    expect(checked).toEqual({ ok: false, problem: expect.stringMatching(/too large.*limit/) })
  })

  it('wrong format or version', async () => {
    const text = await exportedText()
    await expectRejected(mutate(text, (d) => (d['format'] = 'something.else')), /format is "something.else"/)
    await expectRejected(mutate(text, (d) => (d['version'] = 3)), /version 3, written by a newer OsseoPlan/)
    await expectRejected(mutate(text, (d) => (d['version'] = '1')), /version "1" is not supported/)
    await expectRejected(JSON.stringify(completeCase()), /single case file/)
    await expectRejected('[1,2]', /not an OsseoPlan library backup/)
  })

  it('extra keys, at the top and in a record', async () => {
    const text = await exportedText()
    await expectRejected(mutate(text, (d) => (d['extra'] = 1)), /unexpected field "extra"/)
    await expectRejected(mutate(text, (d) => (d['plans'][1]['isAdmin'] = true)), /plans\[1\] has an unexpected field "isAdmin"/)
  })

  it('prototype keys anywhere', async () => {
    const text = await exportedText()
    await expectRejected(text.replace('"patientCode":"A-1"', '"__proto__":{"polluted":1},"patientCode":"A-1"'), /__proto__ is a forbidden key/)
    await expectRejected(mutate(text, (d) => (d['revisions'][0]['result']['constructor'] = { prototype: {} })), /constructor is a forbidden key/)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('NaN, Infinity and wrong types', async () => {
    const text = await exportedText()
    await expectRejected(text.replace('"createdAt":', '"createdAt":NaN,"x":'), /not valid JSON/)
    await expectRejected(text.replace(/"updatedAt":\d+/, '"updatedAt":1e999'), /not a finite number/)
    await expectRejected(mutate(text, (d) => (d['plans'][0]['status'] = 'hacked')), /plans\[0\]\.status must be one of draft/)
    await expectRejected(mutate(text, (d) => (d['plans'][0]['archived'] = true)), /archived must be 0 or 1/)
    await expectRejected(mutate(text, (d) => (d['plans'][0]['id'] = '../../etc')), /id is not a valid identifier/)
    await expectRejected(mutate(text, (d) => (d['audit'] = {})), /audit must be a list/)
  })

  it('a case file the core rejects, or an approved plan with an incomplete case', async () => {
    const text = await exportedText()
    const approved = (d: Record<string, any>) => d['plans'].find((p: any) => p.status === 'superseded' || p.status === 'approved')
    await expectRejected(mutate(text, (d) => (approved(d).caseFile.patient.weight = -5)), /caseFile is not a valid case file: Body weight \(patient\.weight\) /)
    await expectRejected(mutate(text, (d) => delete approved(d).caseFile.bone), /must be complete: Bone and canal \(bone\) is required/)
  })

  it('duplicates, dangling links and altered revisions', async () => {
    const text = await exportedText()
    await expectRejected(mutate(text, (d) => d['plans'].push(d['plans'][0])), /lists the plan \w+ twice/)
    await expectRejected(mutate(text, (d) => (d['revisions'][0]['planId'] = 'nothere')), /refers to plan nothere/)
    await expectRejected(mutate(text, (d) => (d['revisions'][1]['result']['implant']['diameterMm'] = 18)), /revisions\[1\].*altered/)
    await expectRejected(mutate(text, (d) => (d['revisions'][0]['engineVersion'] = '9')), /does not match the result's engineVersion/)
  })

  it('deep nesting', async () => {
    const text = await exportedText()
    let deep: unknown = 1
    for (let i = 0; i < 60; i++) deep = [deep]
    await expectRejected(mutate(text, (d) => (d['plans'][2]['caseFile']['notes'] = deep)), /nested more than 40 levels/)
  })
})

describe('single case files', () => {
  it('accepts a complete case and an incomplete draft; refuses invalid values, hostile keys and backups', () => {
    expect(validateCaseFileText(JSON.stringify(completeCase()))).toEqual({ ok: true, value: completeCase() })
    expect(validateCaseFileText('{"format":"osseoplan.case","version":1,"patient":{"code":"X"}}').ok).toBe(true)
    expect(validateCaseFileText('{"format":"osseoplan.case","version":1,"patient":{"ageYears":-4}}')).toEqual({ ok: false, problem: expect.stringMatching(/Age \(patient\.ageYears\) /) })
    expect(validateCaseFileText('{"format":"osseoplan.case","version":1,"__proto__":{}}')).toEqual({ ok: false, problem: expect.stringMatching(/__proto__/) })
    expect(validateCaseFileText('{"format":"osseoplan.library","version":1}')).toEqual({ ok: false, problem: expect.stringMatching(/whole-library backup/) })
    expect(validateCaseFileText('{"format":"osseoplan.case","vers')).toEqual({ ok: false, problem: expect.stringMatching(/not valid JSON/) })
  })

  it('drops fields the format does not know (no names kept) and refuses a repeated key', () => {
    const withName = { ...completeCase(), patient: { ...(completeCase()['patient'] as object), fullName: 'Jane Example' } }
    expect(validateCaseFileText(JSON.stringify(withName))).toEqual({ ok: true, value: completeCase() })
    const repeated = JSON.stringify(completeCase()).replace('"side":"left"', '"side":"left","side":"right"')
    expect(validateCaseFileText(repeated)).toEqual({ ok: false, problem: expect.stringMatching(/limb\.side appears twice/) })
  })
})
