// Library backup version 2 carries the outcome records (operations, visits, events): they make the
// round trip, version 1 files still restore, bad records are refused with the library unchanged,
// and neither a wipe nor a restore leaves an outcome pointing at a plan that is not there.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createPlansRepo, unconfirmedSiteDefaults } from '../../../src/renderer/src/db/plans-repo'
import { createBackupRepo, libraryBackupText, RestoreConflict } from '../../../src/renderer/src/db/backup-repo'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { completeCase, engineResult, useTestDb } from './helpers'

const t = useTestDb(Date.UTC(2026, 10, 1))
const plans = () => createPlansRepo(t.db, t.now)
const backups = () => createBackupRepo(t.db, t.now)
const outcomes = () => createOutcomesRepo(t.db, t.now)

/** An approved plan with its operation, two visits and an infection; and a plain draft. */
async function seed(code = 'OC-1') {
  const a = await plans().create({ caseFile: completeCase(code), surgeon: 'Dr A' })
  await plans().markReviewed(a.id, { caseFile: a.caseFile, result: engineResult(a.caseFile), author: 'Dr A' })
  const { revision } = await plans().approve(a.id, { caseFile: a.caseFile, result: engineResult(a.caseFile), author: 'Dr B', acknowledgedSiteDefaults: unconfirmedSiteDefaults(engineResult(a.caseFile)) })
  await plans().create({ caseFile: completeCase(`${code}-D`) })
  const op = await outcomes().saveOperation({ planId: a.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80, lot: 'L-9' }, changes: [{ change: 'longer', reason: 'bone quality' }], complications: [] })
  await outcomes().saveVisit({ planId: a.id, kind: 'baseline', date: '2026-02-20', tugS: 14 })
  await outcomes().saveVisit({ planId: a.id, kind: 'follow-up', date: '2026-04-14', sixMinuteWalkM: 380, qtfa: { global: 55 } })
  await outcomes().saveEvent({ planId: a.id, type: 'infection', date: '2026-05-01', infectionGrade: '1', note: 'oral antibiotics' })
  return { planId: a.id, revisionId: revision.id, operationId: op.id }
}

async function outcomeRows() {
  return {
    operations: await t.db.operations.orderBy('id').toArray(),
    visits: await t.db.visits.orderBy('id').toArray(),
    events: await t.db.outcomeEvents.orderBy('id').toArray()
  }
}

async function everything() {
  return { plans: await t.db.plans.orderBy('id').toArray(), revisions: await t.db.revisions.orderBy('id').toArray(), audit: await t.db.audit.orderBy('seq').toArray(), ...(await outcomeRows()) }
}

/** No outcome record points at a plan that is not in the library. */
async function orphans(): Promise<string[]> {
  const ids = new Set(await t.db.plans.toCollection().primaryKeys())
  const rows = await outcomeRows()
  return [...rows.operations, ...rows.visits, ...rows.events].filter((r) => !ids.has(r.planId)).map((r) => r.id)
}

function mutate(text: string, change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(text) as Record<string, any>
  change(doc)
  return JSON.stringify(doc)
}

async function restore(text: string) {
  const checked = await validateLibraryBackup(text)
  if (!checked.ok) throw new Error(checked.problem)
  return backups().importLibrary(checked.value, 'test.json')
}

describe('library backup version 2: outcome records', () => {
  it('exports operations, visits and events and restores them unchanged onto a clean library', async () => {
    await seed()
    const before = await outcomeRows()
    const backup = await backups().exportLibrary()
    expect(backup.version).toBe(2)
    expect([backup.operations.length, backup.visits.length, backup.events.length]).toEqual([1, 2, 1])
    await backups().wipeLibrary()
    expect(await outcomeRows()).toEqual({ operations: [], visits: [], events: [] })
    await restore(libraryBackupText(backup))
    expect(await outcomeRows()).toEqual(before)
    expect(await orphans()).toEqual([])
    const restoreRow = (await t.db.audit.toArray()).find((a) => a.action === 'restore-backup')!
    expect(restoreRow.newValue).toContain('4 outcome records')
  })

  it('wiping the library removes the outcome records and outcome drafts with the plans (no orphans)', async () => {
    const { planId } = await seed()
    await outcomes().saveDraft(`visit:${planId}`, planId, { date: '2026-0' })
    await backups().wipeLibrary()
    expect(await orphans()).toEqual([])
    expect(await outcomeRows()).toEqual({ operations: [], visits: [], events: [] })
    expect(await t.db.outcomeDrafts.count()).toBe(0)
  })

  it('restoring over a library that already has the plan keeps its own records and adds none from the file', async () => {
    const { planId } = await seed()
    const text = libraryBackupText(await backups().exportLibrary())
    await outcomes().saveVisit({ planId, kind: 'follow-up', date: '2026-06-01', pain: 2 })
    const before = await outcomeRows()
    const outcome = await restore(text)
    expect(outcome).toEqual({ added: 0, skipped: 2 })
    expect(await outcomeRows()).toEqual(before)
    expect(await orphans()).toEqual([])
  })

  it('a version 1 backup (no outcome records) still restores', async () => {
    await seed()
    const v1 = mutate(libraryBackupText(await backups().exportLibrary()), (d) => {
      d['version'] = 1
      delete d['operations']
      delete d['visits']
      delete d['events']
    })
    await backups().wipeLibrary()
    expect(await restore(v1)).toEqual({ added: 2, skipped: 0 })
    expect(await outcomeRows()).toEqual({ operations: [], visits: [], events: [] })
    // …but a version 1 file cannot carry outcome records: that is a version 2 field.
    const checked = await validateLibraryBackup(mutate(v1, (d) => (d['visits'] = [])))
    expect(checked).toEqual({ ok: false, problem: expect.stringMatching(/unexpected field "visits".*version 2/) })
  })

  it('a version 2 file must list the outcome tables', async () => {
    await seed()
    const checked = await validateLibraryBackup(mutate(libraryBackupText(await backups().exportLibrary()), (d) => delete d['events']))
    expect(checked).toEqual({ ok: false, problem: 'events must be a list' })
  })

  it('an outcome record id already in the library refuses the whole restore, writing nothing', async () => {
    await seed()
    const text = libraryBackupText(await backups().exportLibrary())
    await backups().wipeLibrary()
    // Another library's plan happens to hold a visit with the id the file's visit has.
    const other = await plans().create({ caseFile: completeCase('OTHER') })
    const fileVisitId = (JSON.parse(text) as { visits: { id: string }[] }).visits[0]!.id
    await t.db.visits.add({ id: fileVisitId, planId: other.id, kind: 'follow-up', date: '2026-01-01', createdAt: 1, updatedAt: 1 })
    const before = await everything()
    const checked = await validateLibraryBackup(text)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    await expect(backups().importLibrary(checked.value)).rejects.toThrow(RestoreConflict)
    await expect(backups().importLibrary(checked.value)).rejects.toThrow(/follow-up visit .* already in this library/)
    expect(await everything()).toEqual(before)
  })
})
