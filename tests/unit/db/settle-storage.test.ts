// After a restore the app opens, closes and deletes a scratch database so that Chromium's LevelDB
// writes out the restore's log (db/settle-storage.ts). It must leave nothing behind, never touch
// the library, never throw, and run once after a restore that wrote plans, never after a refused
// or failed one, without holding up the restore's answer.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { settleStorage } from '../../../src/renderer/src/db/settle-storage'
import { createBackupRepo, libraryBackupText, RestoreConflict } from '../../../src/renderer/src/db/backup-repo'
import { validateLibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import type { CheckedBackup } from '../../../src/renderer/src/db/backup-validate'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { completeCase, useTestDb } from './helpers'

const t = useTestDb(Date.UTC(2026, 10, 1))
const plans = () => createPlansRepo(t.db, t.now)

const names = async () => (await indexedDB.databases()).map((d) => d.name).sort()

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** A library of two plans, its backup checked, and the library emptied for the restore. */
async function backupOfTwo(): Promise<CheckedBackup> {
  await plans().create({ caseFile: completeCase('S-1'), surgeon: 'Dr A' })
  await plans().create({ caseFile: completeCase('S-2'), surgeon: 'Dr A' })
  const checked = await validateLibraryBackup(libraryBackupText(await createBackupRepo(t.db, t.now).exportLibrary()))
  if (!checked.ok) throw new Error(checked.problem)
  return checked.value
}

describe('settleStorage', () => {
  it('deletes its scratch database and leaves the library open, whole and usable', async () => {
    const plan = await plans().create({ caseFile: completeCase('KEEP-1'), surgeon: 'Dr A' })
    const before = await names()
    expect(await settleStorage()).toBe(true)
    expect(await names()).toEqual(before)
    expect(before).not.toContain('osseoplan-settle')
    expect(t.db.isOpen()).toBe(true)
    expect((await t.db.plans.get(plan.id))?.patientCode).toBe('KEEP-1')
    await plans().create({ caseFile: completeCase('AFTER-1') })
    expect(await t.db.plans.count()).toBe(2)
  })

  it('answers false, without throwing, when the browser refuses the deletion or has no IndexedDB', async () => {
    vi.spyOn(indexedDB, 'deleteDatabase').mockImplementation(() => {
      throw new DOMException('refused', 'UnknownError')
    })
    await expect(settleStorage()).resolves.toBe(false)
    vi.restoreAllMocks()

    vi.spyOn(indexedDB, 'deleteDatabase').mockImplementation(() => {
      const request = {} as IDBOpenDBRequest
      queueMicrotask(() => request.onerror?.call(request, new Event('error')))
      return request
    })
    await expect(settleStorage()).resolves.toBe(false)
    vi.restoreAllMocks()

    vi.stubGlobal('indexedDB', undefined)
    await expect(settleStorage()).resolves.toBe(false)
  })

  it('answers false when another connection holds the scratch database (the deletion waits for it)', async () => {
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('osseoplan-settle')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    await expect(settleStorage()).resolves.toBe(false)
    other.close()
    // The deletion asked for goes ahead once that connection closes.
    await vi.waitFor(async () => expect(await names()).not.toContain('osseoplan-settle'))
  })
})

describe('a restore settles the storage', () => {
  it('once, after the restore has committed, when it added plans', async () => {
    const backup = await backupOfTwo()
    await t.db.plans.clear()
    await t.db.planIndex.clear()
    const seen: number[] = []
    const settle = vi.fn(async () => void seen.push(await t.db.plans.count()))
    expect(await createBackupRepo(t.db, t.now, settle).importLibrary(backup)).toEqual({ added: 2, skipped: 0 })
    expect(settle).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(seen).toEqual([2]))
  })

  it('does not hold up the restore, and its failure changes nothing', async () => {
    const backup = await backupOfTwo()
    await t.db.plans.clear()
    await t.db.planIndex.clear()
    const never = vi.fn(() => new Promise<never>(() => undefined))
    expect(await createBackupRepo(t.db, t.now, never).importLibrary(backup)).toEqual({ added: 2, skipped: 0 })
    await t.db.plans.clear()
    await t.db.planIndex.clear()
    const throws = vi.fn((): Promise<unknown> => {
      throw new Error('storage gone')
    })
    expect(await createBackupRepo(t.db, t.now, throws).importLibrary(backup)).toEqual({ added: 2, skipped: 0 })
    await t.db.plans.clear()
    await t.db.planIndex.clear()
    const rejects = vi.fn(() => Promise.reject(new Error('storage gone')))
    expect(await createBackupRepo(t.db, t.now, rejects).importLibrary(backup)).toEqual({ added: 2, skipped: 0 })
    await vi.waitFor(() => expect([never, throws, rejects].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]))
    expect(await t.db.plans.count()).toBe(2)
  })

  it('not after a refused restore, a failed one, or one that added nothing', async () => {
    const backup = await backupOfTwo()
    const settle = vi.fn(() => Promise.resolve(true))
    const repo = createBackupRepo(t.db, t.now, settle)
    // Every plan already there: nothing added.
    expect(await repo.importLibrary(backup)).toEqual({ added: 0, skipped: 2 })
    // A plan of the library changed since: the backup's plan of the same id is a different plan.
    const first = (await t.db.plans.orderBy('createdAt').first())!
    await plans().updateCase(first.id, { ...first.caseFile, notes: 'changed since the backup' })
    await expect(repo.importLibrary(backup)).rejects.toThrow(RestoreConflict)
    // A write failing part-way: nothing kept.
    await t.db.plans.clear()
    await t.db.planIndex.clear()
    t.db.audit.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    await expect(repo.importLibrary(backup)).rejects.toThrow()
    expect(await t.db.plans.count()).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settle).not.toHaveBeenCalled()
  })
})
