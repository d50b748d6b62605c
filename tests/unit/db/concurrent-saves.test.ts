// Issue #18 items 4 and 5: two windows on one plan never overwrite each other silently (a version
// checked in the save transaction), and drafts are ordered by an edit counter, not the clock.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createDraftsRepo } from '../../../src/renderer/src/db/drafts-repo'
import { onPlanSavedElsewhere } from '../../../src/renderer/src/db/plan-events'
import { PlanConflictError, caseToOpen, createPlansRepo, draftIsNewer } from '../../../src/renderer/src/db/plans-repo'
import type { DraftRow, StoredCase } from '../../../src/renderer/src/db/types'
import { useTestDb } from './helpers'

const t = useTestDb()
const repo = () => createPlansRepo(t.db, t.now)
const withCode = (code: string): StoredCase => ({ format: 'osseoplan.case', version: 1, patient: { code } })

describe('the plan version checked in the save transaction', () => {
  it('counts case saves and refuses a save based on an older version, writing nothing', async () => {
    const plan = await repo().create({ caseFile: withCode('P-1') })
    expect(plan.version).toBeUndefined()
    // Window A and window B both opened version 0.
    const a = await repo().updateCase(plan.id, withCode('P-1A'), { expectedVersion: 0, editSeq: 1 })
    expect(a).toMatchObject({ version: 1, editSeq: 1 })
    const auditBefore = await t.db.audit.count()
    const refused = repo().updateCase(plan.id, withCode('P-1B'), { expectedVersion: 0, editSeq: 1 })
    await expect(refused).rejects.toBeInstanceOf(PlanConflictError)
    await expect(refused).rejects.toMatchObject({ current: expect.objectContaining({ version: 1, caseFile: withCode('P-1A') }) })
    expect((await repo().get(plan.id))?.caseFile).toEqual(withCode('P-1A'))
    expect(await t.db.audit.count()).toBe(auditBefore)
    // Told, B chooses to keep its version: a save against version 1 is taken.
    expect(await repo().updateCase(plan.id, withCode('P-1B'), { expectedVersion: 1, editSeq: 2 })).toMatchObject({ version: 2 })
  })
  it('tells the other windows (BroadcastChannel) which version was saved', async () => {
    const plan = await repo().create()
    const heard: unknown[] = []
    const stop = onPlanSavedElsewhere((e) => heard.push(e))
    await repo().updateCase(plan.id, withCode('P-2'), { expectedVersion: 0, editSeq: 1 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    stop()
    expect(heard).toEqual([{ planId: plan.id, version: 1 }])
  })
})

describe('drafts ordered by the edit counter, not the clock', () => {
  it('keeps a draft whose clock time is hours before the plan save (clock moved back)', async () => {
    let clock = 10_000_000
    const plans = createPlansRepo(t.db, () => clock)
    const plan = await plans.create({ caseFile: withCode('P-3') })
    const saved = await plans.updateCase(plan.id, withCode('P-3 saved'), { expectedVersion: 0, editSeq: 4 })
    clock -= 3 * 3600_000 // the system clock goes back three hours
    const draft = await createDraftsRepo(t.db, () => clock).save(plan.id, withCode('P-3 typed after'), { editSeq: 5, baseVersion: 1 })
    expect(draft.updatedAt).toBeLessThan(saved.updatedAt)
    expect(caseToOpen(saved, draft)).toEqual({ useDraft: true, base: { version: 1, editSeq: 5 } })
    // …and a draft already saved into the plan is not restored, whatever the clock says.
    const old: DraftRow = { planId: plan.id, caseFile: withCode('P-3 saved'), updatedAt: saved.updatedAt + 3600_000, editSeq: 4, baseVersion: 0 }
    expect(caseToOpen(saved, old).useDraft).toBe(false)
  })
  it('opens a draft edited against an older plan version on that version, so its save meets the conflict', async () => {
    const plan = await repo().create({ caseFile: withCode('P-4') })
    const theirs = await repo().updateCase(plan.id, withCode('P-4 theirs'), { expectedVersion: 0, editSeq: 9 })
    const mine: DraftRow = { planId: plan.id, caseFile: withCode('P-4 mine'), updatedAt: 0, editSeq: 3, baseVersion: 0 }
    expect(caseToOpen(theirs, mine)).toEqual({ useDraft: true, base: { version: 0, editSeq: 9 } })
  })
  it('falls back to the clock only for rows written before the counter existed', () => {
    expect(draftIsNewer({ updatedAt: 2 }, { updatedAt: 1 })).toBe(true)
    expect(draftIsNewer({ updatedAt: 2 }, { updatedAt: 1, editSeq: 1 })).toBe(false)
    expect(draftIsNewer({ updatedAt: 1, editSeq: 2 }, { updatedAt: 5, editSeq: 1 })).toBe(true)
  })
  it('prefers the closing copy by counter, not by time', async () => {
    const store = new Map<string, string>()
    ;(globalThis as Record<string, unknown>)['localStorage'] = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) }
    try {
      let clock = 5000
      const drafts = createDraftsRepo(t.db, () => clock)
      await drafts.save('p', withCode('idb'), { editSeq: 7, baseVersion: 0 })
      clock = 1000 // clock moved back before the window closed
      drafts.keepWhileClosing('p', withCode('closing'), { editSeq: 8, baseVersion: 0 })
      expect((await drafts.get('p'))?.caseFile).toEqual(withCode('closing'))
    } finally {
      delete (globalThis as Record<string, unknown>)['localStorage']
    }
  })
})
