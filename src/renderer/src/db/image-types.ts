// Stored radiographs (schema v5). Only de-identified header fields and one frame of raw pixels
// are kept: never the original file, its name, or any identifying tag.
import type { CalibrationInput } from '../../../shared/imaging/calibration'
import type { ImageHeader } from '../../../shared/imaging/image-types'
import type { ImageMarks } from '../../../shared/imaging/to-case'
import type { WindowLevel } from '../../../shared/imaging/window-level'

export interface ImageRow {
  id: string
  planId: string
  /** Shown on the image and in each value's origin, e.g. "AP-1". */
  label: string
  createdAt: number
  updatedAt: number
  header: ImageHeader
  /** How the image is calibrated (re-derived on load), or null: pixels only, cannot feed the plan. */
  calibration: CalibrationInput | null
  marks: ImageMarks
  /** The display window the surgeon left the image at (the printout uses it); absent: the file's. */
  window?: WindowLevel | null
  /** Key of its pixels in imagePixels when shared with the image it was copied from (a revision's
   *  copy: pixels never change, so the copy shares them); absent: the image's own id. */
  pixelsId?: string
  /** Where the image came from when fetched from a PACS: the server and study it can be filed back to. */
  pacsSource?: { serverId: string; studyUid: string }
}

/** One frame of little-endian grayscale samples (8 or 16 bits, `header.bitsAllocated`), keyed by
 *  image id (or the `pixelsId` that images copied from it share). */
export interface ImagePixelsRow {
  id: string
  pixels: ArrayBuffer
}

/** An image with its pixels, as the viewer opens it. */
export type ImageWithPixels = ImageRow & { pixels: ArrayBuffer }

/** Where an image's pixels are kept. */
export const pixelsKey = (row: Pick<ImageRow, 'id' | 'pixelsId'>): string => row.pixelsId ?? row.id
