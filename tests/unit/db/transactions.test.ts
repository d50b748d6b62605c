// A save that fails part-way keeps nothing: plan, summary, revision and audit are one transaction.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { caseWith, fakeResult } from './helpers'

let db: OsseoDb

beforeEach(async () => {
  db = new OsseoDb(`test-${Math.random()}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

function failWrites(table: 'audit' | 'revisions' | 'planIndex', error: () => Error) {
  db.table(table).hook('creating', () => {
    throw error()
  })
}

async function snapshotOfEverything() {
  return { plans: await db.plans.toArray(), index: await db.planIndex.toArray(), revisions: await db.revisions.toArray(), audit: await db.audit.toArray() }
}

describe('transactions', () => {
  it('a failing audit write rolls back the case edit', async () => {
    const repo = createPlansRepo(db)
    const plan = await repo.create({ caseFile: caseWith('P-1') })
    const before = await snapshotOfEverything()
    failWrites('audit', () => new Error('disk error'))
    await expect(repo.updateCase(plan.id, caseWith('P-2'))).rejects.toThrow(/disk error/)
    expect(await snapshotOfEverything()).toEqual(before)
  })

  it('a failing revision write leaves the plan draft and writes no audit row', async () => {
    const repo = createPlansRepo(db)
    const plan = await repo.create({ caseFile: caseWith('P-1') })
    const before = await snapshotOfEverything()
    failWrites('revisions', () => new DOMException('full', 'QuotaExceededError'))
    await expect(repo.markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })).rejects.toThrow()
    expect(await snapshotOfEverything()).toEqual(before)
  })

  it('a failure while superseding the parent keeps both plans as they were', async () => {
    const repo = createPlansRepo(db)
    const parent = await repo.create({ caseFile: caseWith('P-1') })
    await repo.markReviewed(parent.id, { caseFile: parent.caseFile, result: fakeResult(), author: 'A' })
    await repo.approve(parent.id, { caseFile: parent.caseFile, result: fakeResult(), author: 'A' })
    const child = await repo.revise(parent.id)
    await repo.markReviewed(child.id, { caseFile: child.caseFile, result: fakeResult(), author: 'A' })
    const before = await snapshotOfEverything()
    let audits = 0
    db.audit.hook('creating', () => {
      // the approval's own audit row succeeds, the parent's "superseded" row fails
      if (++audits === 2) throw new Error('fail on parent')
    })
    await expect(repo.approve(child.id, { caseFile: child.caseFile, result: fakeResult(), author: 'A' })).rejects.toThrow(/fail on parent/)
    expect(await snapshotOfEverything()).toEqual(before)
  })

  it('a failed create adds no plan and no summary row', async () => {
    const repo = createPlansRepo(db)
    failWrites('planIndex', () => new Error('nope'))
    await expect(repo.create({ caseFile: caseWith('P-1') })).rejects.toThrow(/nope/)
    expect(await db.plans.count()).toBe(0)
    expect(await db.audit.count()).toBe(0)
  })
})
