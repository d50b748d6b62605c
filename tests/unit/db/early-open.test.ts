// index.html's first script (src/renderer/public/early-open.js) opens the database before the
// app's code loads. It must never create the database, never upgrade it, and never stand in the
// way of the app's own open, an upgrade by a newer version, or a deletion.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_NAME, OsseoDb } from '../../../src/renderer/src/db/database'
import { CURRENT_SCHEMA, SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'

const source = readFileSync(join(__dirname, '../../../src/renderer/public/early-open.js'), 'utf8')

interface Early {
  window: { osseoplanEarlyOpen?: { close: () => void } }
  marks: string[]
  /** Settles when the script's open request has succeeded or failed. */
  settled: Promise<'success' | 'error'>
}

/** Runs the script as the page would, with its own window object. */
function runScript(): Early {
  const win: Early['window'] = {}
  const marks: string[] = []
  let request: IDBOpenDBRequest | undefined
  const factory = {
    open: (name: string) => {
      request = indexedDB.open(name)
      return request
    }
  }
  new Function('window', 'indexedDB', 'performance', 'setTimeout', source)(win, factory, { mark: (n: string) => marks.push(n) }, () => 0)
  if (!request) throw new Error('the script did not open the database')
  const opened = request
  const settled = new Promise<'success' | 'error'>((resolve) => {
    opened.addEventListener('success', () => resolve('success'))
    opened.addEventListener('error', () => resolve('error'))
  })
  return { window: win, marks, settled }
}

/** Deletes the database, failing if any connection blocks the deletion. */
function deleteUnblocked(): Promise<void> {
  return new Promise((resolve, reject) => {
    const del = indexedDB.deleteDatabase(DATABASE_NAME)
    del.onblocked = () => reject(new Error('deletion blocked by an open connection'))
    del.onsuccess = () => resolve()
    del.onerror = () => reject(del.error)
  })
}

const names = async () => (await indexedDB.databases()).map((d) => d.name)

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME)
})

describe('early open (index.html first script)', () => {
  it('creates no database on a first run; the app then creates it at the current version', async () => {
    const early = runScript()
    expect(await early.settled).toBe('error')
    expect(early.marks).toEqual([])
    expect(await names()).not.toContain(DATABASE_NAME)
    const db = new OsseoDb()
    await db.open()
    expect(db.verno).toBe(CURRENT_SCHEMA.version)
    db.close()
  })

  it('opens an existing database at its own version, holds it until released, and blocks nothing', async () => {
    const seeded = new OsseoDb()
    await seeded.planIndex.put({ id: 'p1' } as never)
    seeded.close()
    const early = runScript()
    expect(await early.settled).toBe('success')
    expect(early.marks).toEqual(['osseo:early-open'])
    const db = new OsseoDb()
    await db.open()
    expect(await db.planIndex.count()).toBe(1)
    db.close()
    // Still held (not yet released): a deletion closes it rather than being blocked.
    await deleteUnblocked()
    expect(await names()).not.toContain(DATABASE_NAME)
  })

  it('steps aside for an upgrade from an older version, which then runs', async () => {
    const older = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 2]!
    const old = new Dexie(DATABASE_NAME)
    for (const s of SCHEMA_VERSIONS.filter((v) => v.version <= older.version)) old.version(s.version).stores(s.stores)
    await old.open()
    old.close()
    const early = runScript()
    expect(await early.settled).toBe('success')
    let blocked = false
    const db = new OsseoDb()
    db.on('blocked', () => void (blocked = true))
    await db.open()
    expect(blocked).toBe(false)
    expect(db.verno).toBe(CURRENT_SCHEMA.version)
    db.close()
  })

  it('released before it has opened: the connection is closed as soon as it opens', async () => {
    const seeded = new OsseoDb()
    await seeded.open()
    seeded.close()
    const early = runScript()
    early.window.osseoplanEarlyOpen!.close()
    expect(await early.settled).toBe('success')
    expect(early.marks).toEqual([])
    await deleteUnblocked()
  })
})
