// index.html's first script (src/renderer/public/early-open.js) opens the database before the
// app's code loads. It must never create the database, never upgrade it, and never stand in the
// way of the app's own open, an upgrade by a newer version, or a deletion.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_NAME, OsseoDb } from '../../../src/renderer/src/db/database'
import { earlyFirstScreen } from '../../../src/renderer/src/db/early-open'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import type { PlanSummary } from '../../../src/renderer/src/db/types'
import { FIRST_SCREEN_ROWS } from '../../../src/renderer/src/features/library/use-library-plans'
import { CURRENT_SCHEMA, SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'

const source = readFileSync(join(__dirname, '../../../src/renderer/public/early-open.js'), 'utf8')

interface Early {
  window: { osseoplanEarlyOpen?: { close: () => void; takeFirstScreen: () => Promise<unknown> } }
  /** Fires the page's hashchange listeners (the route changed). */
  navigate: () => void
  marks: string[]
  /** Settles when the script's open request has succeeded or failed. */
  settled: Promise<'success' | 'error'>
}

/** Runs the script as the page would, with its own window object, at `hash`. */
function runScript(hash = ''): Early {
  const listeners: (() => void)[] = []
  const win: Early['window'] & { addEventListener: (type: string, f: () => void) => void } = {
    addEventListener: (type, f) => void (type === 'hashchange' && listeners.push(f))
  }
  const marks: string[] = []
  let request: IDBOpenDBRequest | undefined
  const factory = {
    open: (name: string) => {
      request = indexedDB.open(name)
      return request
    }
  }
  new Function('window', 'location', 'indexedDB', 'performance', 'setTimeout', source)(win, { hash }, factory, { mark: (n: string) => marks.push(n) }, () => 0)
  if (!request) throw new Error('the script did not open the database')
  const opened = request
  const settled = new Promise<'success' | 'error'>((resolve) => {
    opened.addEventListener('success', () => resolve('success'))
    opened.addEventListener('error', () => resolve('error'))
  })
  return { window: win, navigate: () => listeners.forEach((f) => f()), marks, settled }
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
  delete (globalThis as { osseoplanEarlyOpen?: unknown }).osseoplanEarlyOpen
  await Dexie.delete(DATABASE_NAME)
})

/** A library of `count` summaries, some sharing an update time (ties are ordered as the app orders them). */
async function library(count: number): Promise<void> {
  const db = new OsseoDb()
  const rows = Array.from({ length: count }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, updatedAt: 1_000 + Math.floor(i / 3), search: `plan ${i}` }))
  await db.planIndex.bulkPut(rows as unknown as PlanSummary[])
  db.close()
}

/** The script's offer, as the app takes it (db/early-open.ts). */
async function take(early: Early): Promise<PlanSummary[] | null> {
  ;(globalThis as { osseoplanEarlyOpen?: unknown }).osseoplanEarlyOpen = early.window.osseoplanEarlyOpen
  return earlyFirstScreen(FIRST_SCREEN_ROWS)
}

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

  it('on the library, reads the same first screen as the app would, offered once', async () => {
    await library(100)
    const early = runScript('#/plans')
    const rows = await take(early)
    const db = new OsseoDb()
    const own = await createPlansRepo(db).newestSummaries(FIRST_SCREEN_ROWS)
    expect(rows).toEqual(own)
    expect(rows).toHaveLength(FIRST_SCREEN_ROWS)
    expect(await take(early)).toBeNull()
    db.close()
  })

  it('reads the first screen with one request where the browser can read an index backwards, else with a cursor; the same rows either way', async () => {
    await library(100)
    const proto = IDBIndex.prototype as unknown as { getAllRecords?: unknown; openCursor: IDBIndex['openCursor'] }
    const openCursor = proto.openCursor
    let cursors = 0
    proto.openCursor = function (this: IDBIndex, ...a: Parameters<IDBIndex['openCursor']>) {
      cursors++
      return openCursor.apply(this, a)
    }
    const getAllRecords = proto.getAllRecords
    try {
      expect(typeof getAllRecords).toBe('function') // fake-indexeddb, like Chromium 141+
      const one = await take(runScript())
      expect(cursors).toBe(0)
      delete proto.getAllRecords // an older browser
      const stepped = await take(runScript())
      expect(cursors).toBe(1)
      const db = new OsseoDb()
      const own = await createPlansRepo(db).newestSummaries(FIRST_SCREEN_ROWS)
      db.close()
      expect(one).toEqual(own)
      expect(stepped).toEqual(own)
    } finally {
      proto.getAllRecords = getAllRecords
      proto.openCursor = openCursor
    }
  })

  it('a small library is offered whole; an empty one as empty', async () => {
    await library(7)
    expect(await take(runScript())).toHaveLength(7)
    await Dexie.delete(DATABASE_NAME)
    const empty = new OsseoDb()
    await empty.open()
    empty.close()
    expect(await take(runScript('#/'))).toEqual([])
  })

  it('offers nothing on another route, after the route changed, on a first run, or from an older schema', async () => {
    await library(5)
    expect(await take(runScript('#/plans/p001'))).toBeNull()
    expect(await take(runScript('#/settings'))).toBeNull()
    const moved = runScript()
    moved.navigate()
    expect(await take(moved)).toBeNull()
    await Dexie.delete(DATABASE_NAME)
    expect(await take(runScript())).toBeNull()
    const older = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 2]!
    const old = new Dexie(DATABASE_NAME)
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version <= older.version)) old.version(v.version).stores(v.stores)
    await old.table('planIndex').put({ id: 'p1', updatedAt: 1 })
    old.close()
    expect(await take(runScript())).toBeNull()
  })
})
