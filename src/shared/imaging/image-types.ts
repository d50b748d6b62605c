// The image as the app keeps it after import: de-identified header fields and one frame of pixels.
import type { PixelEncoding } from './transfer-syntax'

/** One way the file states its pixel size. `plane` says which plane the spacing refers to. */
export interface SpacingCandidate {
  id: 'pixel-spacing' | 'imager-pixel-spacing' | 'imager-ermf'
  /** 'detector': size at the detector (magnified); 'corrected': size at the patient (true size). */
  plane: 'detector' | 'corrected'
  /** mm between rows (vertical) and between columns (horizontal). */
  rowMm: number
  colMm: number
  /** Estimated radiographic magnification factor, when the spacing was divided by it. */
  ermf?: number
  /** What a surgeon reads, e.g. "Imager Pixel Spacing ÷ ERMF 1.15 (corrected to the patient)". */
  label: string
}

export interface SpacingInfo {
  candidates: SpacingCandidate[]
  /** Problems with stated spacing (zero, negative, not a number): shown, never used. */
  problems: string[]
  /** Set when two corrected spacings disagree: the user must choose one. */
  conflict: string | null
}

export interface KeptTag {
  tag: string
  name: string
  value: string
}

export interface ImageHeader {
  kind: 'dicom' | 'raster'
  rows: number
  columns: number
  /** 8 or 16 (stored sample size of `pixels`). */
  bitsAllocated: number
  bitsStored: number
  signed: boolean
  /** MONOCHROME1: high values are dark (displayed inverted). */
  photometric: 'MONOCHROME1' | 'MONOCHROME2'
  rescaleSlope: number
  rescaleIntercept: number
  /** The file's display window (in rescaled units), if it gives one. */
  window: { center: number; width: number } | null
  spacing: SpacingInfo
  modality: string
  frameCount: number
  frameIndex: number
  transferSyntax: string
  /** Tags kept from the file (everything else, including names, IDs and dates, was dropped). */
  kept: KeptTag[]
  /** Names of identifying tags the file carried and the import dropped (names only, not values). */
  dropped: string[]
}

export interface ParsedImage {
  header: ImageHeader
  encoding: PixelEncoding
  /** One frame: raw little-endian samples (rows × columns × bitsAllocated/8 bytes), or a JPEG stream. */
  pixels: Uint8Array
}

export type ImageReadResult = { ok: true; image: ParsedImage } | { ok: false; error: string }
