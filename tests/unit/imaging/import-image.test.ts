// Opening a radiograph shows it while it is stored; a store that fails writes nothing of it and
// says so (the panel then takes the shown image away).
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createImagesRepo } from '../../../src/renderer/src/db/images-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import type { ImageRow } from '../../../src/renderer/src/db/image-types'
import { importImage, type ShownImage } from '../../../src/renderer/src/features/imaging/load-file'
import { phantomDicom } from '../../../scripts/imaging/phantom'
import { useTestDb } from '../db/helpers'

const t = useTestDb()

describe('opening a radiograph into a plan', () => {
  it('shows the image before it is stored, under the id it is then stored with', async () => {
    const plan = await createPlansRepo(t.db, t.now).create()
    const images = createImagesRepo(t.db, t.now)
    // The store waits for a gate this test opens only once the image was shown.
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    const slow = { add: async (image: Parameters<typeof images.add>[0], id?: string) => (await gate, images.add(image, id)) }
    let shown: ShownImage | null = null
    const opening = importImage(slow, plan.id, phantomDicom({ rows: 60, columns: 40 }), 'AP', undefined, undefined, (image) => void (shown = image))
    await expect.poll(() => shown).not.toBeNull()
    expect(await t.db.images.count()).toBe(0)
    open()
    const r = await opening
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(shown!.id).toBe(r.row.id)
    expect(shown!.pixels).toBe(r.pixels)
    expect(shown!.pixels.byteLength).toBe(60 * 40 * 2)
    expect(r.row.label).toBe('AP-1')
    expect((await images.get(r.row.id))!.pixels.byteLength).toBe(60 * 40 * 2)
  })

  it('starts the store only once the shown image has been painted (show\'s promise settled)', async () => {
    const plan = await createPlansRepo(t.db, t.now).create()
    const images = createImagesRepo(t.db, t.now)
    const adds: string[] = []
    const counting = { add: (image: Parameters<typeof images.add>[0], id?: string) => (adds.push(id!), images.add(image, id)) }
    let painted!: () => void
    const paint = new Promise<void>((resolve) => (painted = resolve))
    let shown = false
    const opening = importImage(counting, plan.id, phantomDicom({ rows: 60, columns: 40 }), 'AP', undefined, undefined, () => ((shown = true), paint))
    await expect.poll(() => shown).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(adds).toEqual([])
    painted()
    const r = await opening
    expect(r.ok && adds).toEqual([r.ok ? r.row.id : ''])
  })

  it('a store that fails half-way writes nothing of the image and rejects after it was shown', async () => {
    const plan = await createPlansRepo(t.db, t.now).create()
    const real = createImagesRepo(t.db, t.now)
    // The pixels' key is taken already, so the store fails after the image row was added in its
    // transaction: the row must be rolled back with it.
    const clashing = {
      add: async (image: Parameters<typeof real.add>[0], id?: string): Promise<ImageRow> => {
        await t.db.imagePixels.add({ id: id!, pixels: new ArrayBuffer(1) })
        return real.add(image, id)
      }
    }
    const shown: string[] = []
    await expect(importImage(clashing, plan.id, phantomDicom({ rows: 60, columns: 40 }), 'AP', undefined, undefined, (image) => void shown.push(image.id))).rejects.toThrow()
    expect(shown).toHaveLength(1)
    expect(await real.list(plan.id)).toEqual([])
    expect(await t.db.images.get(shown[0]!)).toBeUndefined()
  })

  it('an approved plan refuses the image: shown, then refused with a plain reason, nothing stored', async () => {
    const plan = await createPlansRepo(t.db, t.now).create()
    await t.db.plans.update(plan.id, { status: 'approved' })
    const images = createImagesRepo(t.db, t.now)
    let shown = 0
    await expect(importImage(images, plan.id, phantomDicom({ rows: 60, columns: 40 }), 'AP', undefined, undefined, () => void shown++)).rejects.toThrow(/approved; its images cannot change/)
    expect(shown).toBe(1)
    expect(await t.db.images.count()).toBe(0)
    expect(await t.db.imagePixels.count()).toBe(0)
  })

  it('a file that cannot be read is neither shown nor stored', async () => {
    const plan = await createPlansRepo(t.db, t.now).create()
    let shown = 0
    const r = await importImage(createImagesRepo(t.db, t.now), plan.id, new Uint8Array(300), 'AP', undefined, undefined, () => void shown++)
    expect(r.ok).toBe(false)
    expect(shown).toBe(0)
    expect(await t.db.images.count()).toBe(0)
  })
})
