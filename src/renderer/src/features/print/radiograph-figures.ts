// The plan's annotated radiographs for the printed summary (and for filing to the PACS): for the
// current plan, its images as they are now; for a stored revision, the annotations that revision
// recorded, on the image's unchanging pixels. Rendered once when the summary loads, so a print
// or PDF never starts before they are on the page. Loaded on first use (imaging code is lazy).
import type { FilePlanCapture } from '../../../../shared/pacs-contract'
import type { PlanResult } from '../../../../shared/result'
import { imagesRepo, revisionsRepo } from '../../db'
import type { ImageWithPixels } from '../../db/image-types'
import { figureSources } from './figure-sources'
import { canvasRgb, renderAnnotatedRadiograph, type RenderedRadiograph } from '../imaging/annotated-render'

export interface RadiographFigure {
  label: string
  /** PNG data URL for the page; null when the image could not be drawn (`problem` says why). */
  png: string | null
  problem: string | null
  rendered: RenderedRadiograph | null
  /** The PACS study the image was fetched from, if any (for "File to PACS"). */
  pacsSource: ImageWithPixels['pacsSource'] | null
  /** The figure as a Secondary Capture for the PACS (pixels read when filing, not before). */
  capture: (() => FilePlanCapture) | null
}

function captureOf(label: string, r: RenderedRadiograph): () => FilePlanCapture {
  const calibration = r.calibrationText.replace(/^calibration: /, '')
  return () => ({
    rows: r.rows,
    columns: r.columns,
    rgb: canvasRgb(r.canvas),
    comments: `OsseoPlan: radiograph ${label} with the planned implant at true size; ${r.calibrationText}${r.scaleBarText ? `; scale bar ${r.scaleBarText}` : ''}`.slice(0, 1024),
    ...(r.pixelSpacingMm ? { pixelSpacingMm: r.pixelSpacingMm, calibration: calibration.slice(0, 64) } : {})
  })
}

export async function radiographFigures(planId: string, revisionId: string | undefined, result: PlanResult): Promise<RadiographFigure[]> {
  const all = await figureSources({ images: imagesRepo(), revisions: revisionsRepo() }, planId, revisionId)
  return all.map(({ src, label, pacsSource }) => {
    if (!src) return { label, png: null, problem: 'This image is no longer stored with the plan.', rendered: null, pacsSource, capture: null }
    try {
      const rendered = renderAnnotatedRadiograph(src, result)
      return { label, png: rendered.canvas.toDataURL('image/png'), problem: null, rendered, pacsSource, capture: captureOf(label, rendered) }
    } catch {
      return { label, png: null, problem: 'This image could not be drawn.', rendered: null, pacsSource, capture: null }
    }
  })
}
