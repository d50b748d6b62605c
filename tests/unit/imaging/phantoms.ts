// Phantom images shared by the imaging tests (generated once per test file; never committed).
import { phantomDicom, phantomTruth, type PhantomOptions } from '../../../scripts/imaging/phantom'
import { readDicom, type ParsedImage, type Grid } from '../../../src/shared/imaging'

const cache = new Map<string, Uint8Array>()
export function phantom(options: PhantomOptions = {}): Uint8Array {
  const key = JSON.stringify(options)
  let bytes = cache.get(key)
  if (!bytes) cache.set(key, (bytes = phantomDicom(options)))
  return bytes
}

export const truth = phantomTruth()

export function parsed(options: PhantomOptions = {}): ParsedImage {
  const r = readDicom(phantom(options))
  if (!r.ok) throw new Error(r.error)
  return r.image
}

/** Presentation values of a parsed 16-bit image, bone bright (MONOCHROME1 inverted). */
export function gridOf(image: ParsedImage): Grid {
  const h = image.header
  const v = new Uint16Array(image.pixels.buffer, image.pixels.byteOffset, image.pixels.byteLength / 2)
  const sign = h.photometric === 'MONOCHROME1' ? -1 : 1
  return { columns: h.columns, rows: h.rows, at: (x, y) => sign * (v[y * h.columns + x]! * h.rescaleSlope + h.rescaleIntercept) }
}
