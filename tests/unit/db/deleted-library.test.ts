// Issue #18 item 6: the library deleted while the app runs. The app says so plainly (never that
// the plans are kept), does not silently reopen an empty library, and writes back what is on screen.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DELETED_MESSAGE, connectionProblem, keepOnScreenPlan, resetConnectionProblem } from '../../../src/renderer/src/db/connection-status'
import { OsseoDb, watchConnection } from '../../../src/renderer/src/db/database'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { writeBackPlansOnScreen } from '../../../src/renderer/src/db/write-back'

afterEach(() => resetConnectionProblem())

async function openedLibrary() {
  const name = `deleted-${Math.random()}`
  const db = new OsseoDb(name)
  watchConnection(db)
  await db.open()
  const plan = await createPlansRepo(db).create({ caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'EX-TF-01' } } })
  return { name, db, plan }
}

describe('library deleted underneath the app', () => {
  it('reports the deletion plainly and refuses to reopen an empty library', async () => {
    const { name, db } = await openedLibrary()
    await Dexie.delete(name) // another window, or "clear site data"
    expect(connectionProblem()).toEqual({ kind: 'deleted', message: DELETED_MESSAGE })
    expect(DELETED_MESSAGE).not.toMatch(/kept/)
    await expect(createPlansRepo(db).list()).rejects.toThrow()
    expect(await Dexie.exists(name)).toBe(false)
  })
  it('reports a connection the browser closed the same way', async () => {
    const { db } = await openedLibrary()
    // What the browser does when site data is cleared: IDBDatabase's close event.
    const idb = db.backendDB() as IDBDatabase & { onclose: ((e: Event) => void) | null }
    idb.onclose!(new Event('close'))
    await Promise.resolve()
    expect(connectionProblem()?.kind).toBe('deleted')
    expect(db.isOpen()).toBe(false)
    // Dexie alone would reopen on the next query; the app's library stays closed instead.
    await expect(createPlansRepo(db).list()).rejects.toThrow()
  })
  it('writes the plan on screen back as a draft, with its on-screen case', async () => {
    const { name, db, plan } = await openedLibrary()
    const onScreen = { ...plan, status: 'approved' as const, caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'EX-TF-01b' } } }
    const stop = keepOnScreenPlan(() => onScreen)
    await Dexie.delete(name)
    expect(await writeBackPlansOnScreen(name)).toEqual(['EX-TF-01b'])
    expect(await writeBackPlansOnScreen(name)).toEqual([]) // twice: nothing duplicated
    stop()
    const fresh = new OsseoDb(name)
    const row = await createPlansRepo(fresh).get(plan.id)
    expect(row).toMatchObject({ status: 'draft', patientCode: 'EX-TF-01b', caseFile: onScreen.caseFile })
    expect((await fresh.audit.toArray()).map((a) => a.action)).toEqual(['restore'])
    fresh.close()
    db.close()
    await Dexie.delete(name)
  })
})
