// Radiographs of a plan. Every write checks the plan exists and is not approved (an approved
// plan's images and measurements are as immutable as the rest of it).
import type { OsseoDb } from './database'
import { pixelsKey, type ImageRow, type ImageWithPixels } from './image-types'
import { newId } from './ids'
import type { ImagePlane } from '../../../shared/imaging'

export class ImageStoreError extends Error {
  override name = 'ImageStoreError'
}

export type NewImage = Omit<ImageRow, 'id' | 'createdAt' | 'updatedAt' | 'label'> & { label?: string; pixels: ArrayBuffer }

const LOCKED = new Set(['approved', 'superseded'])

/** An image's label: its view and a running number ("AP-1", "LAT-2", "IMG-3"). */
export function imageLabel(plane: ImagePlane, number: number): string {
  return `${plane === 'single' ? 'IMG' : plane.toUpperCase()}-${number}`
}

export function createImagesRepo(db: OsseoDb, now: () => number = Date.now) {
  async function writablePlan(planId: string): Promise<void> {
    const plan = await db.plans.get(planId)
    if (!plan) throw new ImageStoreError('This plan no longer exists (it may have been deleted in another window).')
    if (LOCKED.has(plan.status)) throw new ImageStoreError(`This plan is ${plan.status}; its images cannot change. Start a revision to measure again.`)
  }

  return {
    /** The plan's images, oldest first, without pixels (for lists). */
    async list(planId: string): Promise<ImageRow[]> {
      return db.images.where('planId').equals(planId).sortBy('createdAt')
    },

    /** An image with its pixels. */
    async get(id: string): Promise<ImageWithPixels | undefined> {
      return db.transaction('r', [db.images, db.imagePixels], async () => {
        const row = await db.images.get(id)
        const px = row && (await db.imagePixels.get(pixelsKey(row)))
        return row && px ? { ...row, pixels: px.pixels } : undefined
      })
    },

    /** Adds an image in one transaction (all of it or nothing); its label is `imageLabel`. `id`
     *  may be chosen by the caller, which shows the image under that id while it is stored. */
    async add(image: NewImage, id: string = newId()): Promise<ImageRow> {
      return db.transaction('rw', [db.plans, db.images, db.imagePixels], async () => {
        await writablePlan(image.planId)
        const count = await db.images.where('planId').equals(image.planId).count()
        const at = now()
        const { pixels, ...meta } = image
        const row: ImageRow = { ...meta, id, label: image.label ?? imageLabel(image.marks.plane, count + 1), createdAt: at, updatedAt: at }
        await db.images.add(row)
        await db.imagePixels.add({ id: row.id, pixels })
        return row
      })
    },

    /** Saves the calibration and measurements of an image. */
    async update(id: string, change: Pick<ImageRow, 'calibration' | 'marks'> & Pick<Partial<ImageRow>, 'window'>): Promise<void> {
      await db.transaction('rw', [db.plans, db.images], async () => {
        const row = await db.images.get(id)
        if (!row) throw new ImageStoreError('This image no longer exists.')
        await writablePlan(row.planId)
        await db.images.put({ ...row, ...change, updatedAt: now() })
      })
    },

    async remove(id: string): Promise<void> {
      await db.transaction('rw', [db.plans, db.images, db.imagePixels], async () => {
        const row = await db.images.get(id)
        if (!row) return
        await writablePlan(row.planId)
        await db.images.delete(id)
        await deleteUnsharedPixels(db, [pixelsKey(row)])
      })
    }
  }
}

/** Deletes the given pixel rows that no remaining image uses (a revision's copies share them). */
export async function deleteUnsharedPixels(db: OsseoDb, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  const wanted = new Set(keys)
  const used = new Set((await db.images.filter((r) => wanted.has(pixelsKey(r))).toArray()).map(pixelsKey))
  await db.imagePixels.bulkDelete(keys.filter((k) => !used.has(k)))
}

export type ImagesRepo = ReturnType<typeof createImagesRepo>
