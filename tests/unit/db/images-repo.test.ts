// The radiographs of a plan: stored de-identified, listed by plan, locked with an approved plan,
// deleted with their plan (and put back by "Undo").
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createImagesRepo, type NewImage } from '../../../src/renderer/src/db/images-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createBackupRepo } from '../../../src/renderer/src/db/backup-repo'
import { readDicom } from '../../../src/shared/imaging'
import { phantomDicom } from '../../../scripts/imaging/phantom'
import { useTestDb } from './helpers'

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
