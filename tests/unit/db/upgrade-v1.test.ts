// Schema version 1 (2026-11-26): the first schema. A browser with no database gets every table
// of the data model; the released v1 definition never changes (a change would be a new version).
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { SCHEMA_2026_11_26 } from '../../../src/renderer/src/db/schema'

describe('schema version 1', () => {
  it('is frozen as released', () => {
    expect(SCHEMA_2026_11_26).toMatchObject({ version: 1, date: '2026-11-26' })
    expect(SCHEMA_2026_11_26.stores).toEqual({
      plans: 'id, patientCode, surgeon, level, side, systemId, status, archived, createdAt, updatedAt, parentId',
      revisions: 'id, planId, [planId+number], createdAt',
      audit: '++seq, planId, at',
      drafts: 'planId, updatedAt',
      profiles: 'id, isDefault',
      implantSystems: 'id',
      settings: 'key'
    })
  })

  it('creates every table with its indexes in an empty browser', async () => {
    const db = new Dexie(`v1-${Math.random()}`)
    db.version(1).stores(SCHEMA_2026_11_26.stores)
    await db.open()
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'drafts', 'implantSystems', 'plans', 'profiles', 'revisions', 'settings'])
    expect(db.table('revisions').schema.indexes.map((i) => i.name)).toContain('[planId+number]')
    expect(db.table('audit').schema.primKey.auto).toBe(true)
    await db.delete()
  })
})
