// A second window opening a newer database version: this window closes its connection (so the
// upgrade can proceed) and tells the user to reload, instead of blocking or failing silently.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { OsseoDb, watchConnection } from '../../../src/renderer/src/db/database'
import { connectionProblem, subscribeConnectionProblem } from '../../../src/renderer/src/db/connection-status'
import { CURRENT_SCHEMA } from '../../../src/renderer/src/db/schema'

describe('database connection', () => {
  it('closes on versionchange and reports it; the newer version opens', async () => {
    const name = `conn-${Math.random()}`
    const db = new OsseoDb(name)
    watchConnection(db)
    await db.open()
    let notified = 0
    const unsubscribe = subscribeConnectionProblem(() => notified++)

    const newer = new Dexie(name)
    newer.version(CURRENT_SCHEMA.version + 1).stores({ ...CURRENT_SCHEMA.stores })
    await newer.open()

    expect(db.isOpen()).toBe(false)
    expect(notified).toBe(1)
    expect(connectionProblem()).toMatchObject({ kind: 'versionchange', message: expect.stringMatching(/Reload this window/) })
    unsubscribe()
    await newer.delete()
  })
})
