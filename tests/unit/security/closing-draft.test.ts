// The synchronous copy of the editor's case kept when the window closes (db/drafts-repo.ts): an
// IndexedDB write started at that moment can be cut off, so the newer of the two is restored.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createDraftsRepo } from '../../../src/renderer/src/db/drafts-repo'

class MemoryStorage {
  private items = new Map<string, string>()
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  get size() {
    return this.items.size
  }
}

let db: OsseoDb
let storage: MemoryStorage
let clock = 1_000
const drafts = () => createDraftsRepo(db, () => ++clock)

beforeEach(async () => {
  db = new OsseoDb(`closing-${Math.random()}`)
  await db.open()
  storage = new MemoryStorage()
  ;(globalThis as Record<string, unknown>)['localStorage'] = storage
})
afterEach(async () => {
  delete (globalThis as Record<string, unknown>)['localStorage']
  await db.delete()
})

describe('the closing copy of a draft', () => {
  it('is returned when newer than the IndexedDB draft, and dropped once a draft is written', async () => {
    await drafts().save('p1', { patient: { code: 'OLD' } })
    drafts().keepWhileClosing('p1', { patient: { code: 'TYPED' } })
    expect((await drafts().get('p1'))?.caseFile).toEqual({ patient: { code: 'TYPED' } })
    await drafts().save('p1', { patient: { code: 'LATER' } })
    expect(storage.size).toBe(0)
    expect((await drafts().get('p1'))?.caseFile).toEqual({ patient: { code: 'LATER' } })
  })

  it('works with no IndexedDB draft, is removed with the plan, and ignores a damaged copy', async () => {
    drafts().keepWhileClosing('p2', { notes: 'x' })
    expect((await drafts().get('p2'))?.caseFile).toEqual({ notes: 'x' })
    await drafts().remove('p2')
    expect(await drafts().get('p2')).toBeUndefined()
    storage.setItem('osseoplan.closing-draft.p3', '{"caseFile": "not an object", "updatedAt": 5}')
    expect(await drafts().get('p3')).toBeUndefined()
    storage.setItem('osseoplan.closing-draft.p3', '{truncated')
    expect(await drafts().get('p3')).toBeUndefined()
  })

  it('never throws when storage is full or absent', async () => {
    ;(globalThis as Record<string, unknown>)['localStorage'] = {
      setItem() {
        throw new DOMException('full', 'QuotaExceededError')
      },
      getItem: () => null,
      removeItem() {}
    }
    expect(() => drafts().keepWhileClosing('p4', {})).not.toThrow()
    delete (globalThis as Record<string, unknown>)['localStorage']
    expect(() => drafts().keepWhileClosing('p4', {})).not.toThrow()
    expect(await drafts().get('p4')).toBeUndefined()
  })
})
