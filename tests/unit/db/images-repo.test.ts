// The radiographs of a plan: stored de-identified, listed by plan, locked with an approved plan,
// deleted with their plan (and put back by "Undo").
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createImagesRepo, type NewImage } from '../../../src/renderer/src/db/images-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createBackupRepo } from '../../../src/renderer/src/db/backup-repo'
import { readDicom } from '../../../src/shared/imaging'
import { phantomDicom } from '../../../scripts/imaging/phantom'
import { createRevisionsRepo } from '../../../src/renderer/src/db/revisions-repo'
import { figureSources } from '../../../src/renderer/src/features/print/figure-sources'
import { caseWith, fakeResult, useTestDb } from './helpers'

const t = useTestDb()

function image(planId: string): NewImage {
  const r = readDicom(phantomDicom({ rows: 60, columns: 40 }))
  if (!r.ok) throw new Error(r.error)
  return { planId, header: r.image.header, pixels: r.image.pixels.slice().buffer, calibration: null, marks: { axis: null, stations: [], skin: null, plane: 'AP' } }
}

describe('images repository', () => {
  it('adds, lists (without pixels), reads and updates the images of a plan', async () => {
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    const plan = await plans.create()
    const a = await images.add(image(plan.id))
    const b = await images.add(image(plan.id))
    expect([a.label, b.label]).toEqual(['AP-1', 'AP-2'])
    const list = await images.list(plan.id)
    expect(list.map((i) => i.id)).toEqual([a.id, b.id])
    expect(list[0]).not.toHaveProperty('pixels')
    expect((await images.get(a.id))!.pixels.byteLength).toBe(60 * 40 * 2)
    const marks = { axis: { distal: { x: 1, y: 50 }, proximal: { x: 1, y: 5 } }, stations: [], skin: null, plane: 'AP' as const }
    await images.update(a.id, { calibration: null, marks })
    expect((await images.get(a.id))!.marks).toEqual(marks)
    expect(JSON.stringify(await images.get(a.id))).not.toMatch(/Doe|MRN-0042|General Hospital/)
  })

  it('refuses to add to or change the images of an approved plan, and to a missing plan', async () => {
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    const plan = await plans.create()
    const a = await images.add(image(plan.id))
    await t.db.plans.update(plan.id, { status: 'approved' })
    await expect(images.add(image(plan.id))).rejects.toThrow(/approved; its images cannot change/)
    await expect(images.update(a.id, { calibration: null, marks: a.marks })).rejects.toThrow(/approved/)
    await expect(images.remove(a.id)).rejects.toThrow(/approved/)
    await expect(images.add(image('nope'))).rejects.toThrow(/no longer exists/)
    expect(await t.db.images.count()).toBe(1)
  })

  it('deleting a plan deletes its images; Undo puts them back; other plans keep theirs', async () => {
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    const p1 = await plans.create()
    const p2 = await plans.create()
    await images.add(image(p1.id))
    await images.add(image(p1.id))
    await images.add(image(p2.id))
    const deleted = await plans.remove(p1.id)
    expect(await images.list(p1.id)).toEqual([])
    expect(await images.list(p2.id)).toHaveLength(1)
    expect(await t.db.imagePixels.count()).toBe(1)
    await plans.restore(deleted!)
    expect(await images.list(p1.id)).toHaveLength(2)
    expect(await t.db.imagePixels.count()).toBe(3)
    expect((await images.get((await images.list(p1.id))[0]!.id))?.pixels.byteLength).toBe(60 * 40 * 2)
  })

  it('wiping the library before a restore removes the images too', async () => {
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    await images.add(image((await plans.create()).id))
    await createBackupRepo(t.db).wipeLibrary()
    expect(await t.db.images.count()).toBe(0)
    expect(await t.db.imagePixels.count()).toBe(0)
  })
})

describe('image annotations per revision', () => {
  const marksAt = (y: number) => ({ axis: { distal: { x: 10, y }, proximal: { x: 10, y: 5 } }, stations: [], skin: null, plane: 'AP' as const })

  async function approvedWithImage() {
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    const plan = await plans.create({ caseFile: caseWith('P-IMG'), surgeon: 'Dr A' })
    const img = await images.add(image(plan.id))
    await images.update(img.id, { calibration: null, marks: marksAt(50), window: { center: 1000, width: 400, invert: false } })
    await plans.markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr A' })
    // Measured again between review and approval: the approval records what was signed off then.
    await images.update(img.id, { calibration: null, marks: marksAt(55), window: { center: 1000, width: 400, invert: false } })
    const { revision } = await plans.approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr B' })
    return { plans, images, plan, img, revision }
  }

  it('each revision records the annotations of the plan’s images as they were at that step', async () => {
    const { plan, img, revision } = await approvedWithImage()
    const revisions = await createRevisionsRepo(t.db).listForPlan(plan.id)
    expect(revisions.map((r) => (r.images?.[0]?.marks as { axis: { distal: { y: number } } }).axis.distal.y)).toEqual([50, 55])
    expect(revision.images).toEqual([{ imageId: img.id, label: 'AP-1', calibration: null, marks: marksAt(55), window: { center: 1000, width: 400, invert: false } }])
  })

  it('an approved revision’s annotations cannot change; a revise starts from a copy that can', async () => {
    const { plans, images, plan, img, revision } = await approvedWithImage()
    await expect(images.update(img.id, { calibration: null, marks: marksAt(60) })).rejects.toThrow(/approved/)
    const child = await plans.revise(plan.id)
    const copies = await images.list(child.id)
    expect(copies).toHaveLength(1)
    expect(copies[0]!.id).not.toBe(img.id)
    expect(copies[0]).toMatchObject({ label: 'AP-1', marks: marksAt(55), window: { center: 1000, width: 400, invert: false } })
    expect((await images.get(copies[0]!.id))!.pixels.byteLength).toBe(60 * 40 * 2)
    await images.update(copies[0]!.id, { calibration: null, marks: marksAt(70) })
    // The approved plan, its image and its revision keep what was approved.
    expect((await images.get(img.id))!.marks).toEqual(marksAt(55))
    expect((await createRevisionsRepo(t.db).get(revision.id))!.images![0]!.marks).toEqual(marksAt(55))
    // Opening the revision again reuses the open draft: no second copy.
    await plans.revise(plan.id)
    expect(await images.list(child.id)).toHaveLength(1)
    // The copy shares the pixels (they never change) instead of storing them twice.
    expect(await t.db.imagePixels.count()).toBe(1)
    // Deleting the revision draft deletes its copy only.
    await plans.remove(child.id)
    expect(await images.list(plan.id)).toHaveLength(1)
    expect(await t.db.imagePixels.get(img.id)).toBeDefined()
    // Deleting the approved plan while a revision uses its pixels keeps them for the revision; Undo puts it all back.
    const second = await plans.revise(plan.id)
    const [copy] = await images.list(second.id)
    const deleted = await plans.remove(plan.id)
    expect((await images.get(copy!.id))!.pixels.byteLength).toBe(60 * 40 * 2)
    await plans.restore(deleted!)
    expect((await images.get(img.id))!.pixels.byteLength).toBe(60 * 40 * 2)
    // Removing the revision's image and then the revision: the last user of the pixels deletes them.
    await images.remove(copy!.id)
    expect(await t.db.imagePixels.count()).toBe(1)
    await plans.remove(plan.id)
    expect(await t.db.imagePixels.count()).toBe(0)
  })

  it('a revision’s printout draws the annotations that revision recorded, the current plan the image as it is', async () => {
    const plans = createPlansRepo(t.db, t.now)
    const images = createImagesRepo(t.db, t.now)
    const revisions = createRevisionsRepo(t.db)
    const plan = await plans.create({ caseFile: caseWith('P-PRINT'), surgeon: 'Dr A' })
    const img = await images.add(image(plan.id))
    await images.update(img.id, { calibration: null, marks: marksAt(50) })
    const { revision } = await plans.markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'Dr A' })
    await images.update(img.id, { calibration: null, marks: marksAt(58), window: { center: 10, width: 20, invert: true } })
    const atRevision = await figureSources({ images, revisions }, plan.id, revision.id)
    const now = await figureSources({ images, revisions }, plan.id, undefined)
    expect(atRevision.map((f) => [f.label, f.src?.marks, f.src?.window])).toEqual([['AP-1', marksAt(50), null]])
    expect(now.map((f) => [f.label, f.src?.marks, f.src?.window])).toEqual([['AP-1', marksAt(58), { center: 10, width: 20, invert: true }]])
    expect(atRevision[0]!.src!.pixels.byteLength).toBe(60 * 40 * 2)
    // An image removed since: the revision's figure says so instead of drawing something else.
    await images.remove(img.id)
    expect(await figureSources({ images, revisions }, plan.id, revision.id)).toEqual([{ label: 'AP-1', src: null, pacsSource: null }])
  })
})
