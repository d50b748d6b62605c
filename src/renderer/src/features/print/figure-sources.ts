// Which annotations a printed summary draws: for the current plan, its images as they are now;
// for a stored revision, the annotations that revision recorded (never the image's later state),
// on the image's pixels, which never change.
import type { CalibrationInput, ImageMarks } from '../../../../shared/imaging'
import type { WindowLevel } from '../../../../shared/imaging/window-level'
import type { ImageWithPixels } from '../../db/image-types'
import type { ImagesRepo } from '../../db/images-repo'
import type { RevisionsRepo } from '../../db/revisions-repo'
import type { AnnotatedSource } from '../imaging/annotated-render'

export interface FigureSource {
  label: string
  /** Null when the image's pixels are no longer stored. */
  src: AnnotatedSource | null
  pacsSource: ImageWithPixels['pacsSource'] | null
}

export async function figureSources(repos: { images: ImagesRepo; revisions: Pick<RevisionsRepo, 'get'> }, planId: string, revisionId: string | undefined): Promise<FigureSource[]> {
  const revision = revisionId ? await repos.revisions.get(revisionId) : undefined
  const snapshot = revision?.images
  if (!snapshot) {
    // The current plan, or a revision from before annotations were recorded with revisions.
    const rows = await repos.images.list(planId)
    return Promise.all(
      rows.map(async (r) => {
        const image = await repos.images.get(r.id)
        return { label: r.label, pacsSource: r.pacsSource ?? null, src: image ? { label: r.label, header: image.header, pixels: image.pixels, calibration: image.calibration, marks: image.marks, window: image.window ?? null } : null }
      })
    )
  }
  return Promise.all(
    snapshot.map(async (s) => {
      const image = await repos.images.get(s.imageId)
      return {
        label: s.label,
        pacsSource: image?.pacsSource ?? null,
        src: image ? { label: s.label, header: image.header, pixels: image.pixels, calibration: s.calibration as CalibrationInput | null, marks: s.marks as ImageMarks, window: (s.window as WindowLevel | null | undefined) ?? null } : null
      }
    })
  )
}
