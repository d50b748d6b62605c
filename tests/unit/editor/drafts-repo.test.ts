import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createDraftsRepo } from '../../../src/renderer/src/db/drafts-repo'

let db: OsseoDb
let clock = 0

beforeEach(async () => {
  db = new OsseoDb(`drafts-${Math.random()}`)
  await db.open()
  clock = 0
})
afterEach(async () => {
  await db.delete()
})

describe('drafts repository', () => {
  it('keeps the newest draft per plan, with its time, across a reopen', async () => {
    const repo = createDraftsRepo(db, () => ++clock)
    await repo.save('p1', { format: 'osseoplan.case', version: 1, patient: { code: 'A' } })
    await repo.save('p1', { format: 'osseoplan.case', version: 1, patient: { code: 'AB' } })
    db.close()
    await db.open()
    const row = await createDraftsRepo(db).get('p1')
    expect(row).toEqual({ planId: 'p1', caseFile: { format: 'osseoplan.case', version: 1, patient: { code: 'AB' } }, updatedAt: 2 })
    expect(await repo.get('other')).toBeUndefined()
  })

  it('removes a draft', async () => {
    const repo = createDraftsRepo(db)
    await repo.save('p1', {})
    await repo.remove('p1')
    expect(await repo.get('p1')).toBeUndefined()
  })
})
