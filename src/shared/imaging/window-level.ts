// Pixels → what is shown. Stored samples go through rescale (slope, intercept), the window
// (centre, width) and MONOCHROME1/invert into an 8-bit canvas, by a lookup table built once per
// window change; pan and zoom then only redraw that canvas.
import type { Grid } from './edges'
import type { ImageHeader } from './image-types'

export interface WindowLevel {
  center: number
  width: number
  invert: boolean
}

export function samplesOf(header: ImageHeader, pixels: ArrayBuffer): Uint8Array | Uint16Array | Int16Array {
  if (header.bitsAllocated === 8) return new Uint8Array(pixels)
  return header.signed ? new Int16Array(pixels) : new Uint16Array(pixels)
}

/** At most this many samples are read for a default window: on a 9 Mpx radiograph the full pass
 *  stood between the file and its first frame (30–90 ms on this loaded machine). */
export const WINDOW_SAMPLES = 1_000_000

/** Rescaled value range of the samples (for a default window when the file gives none). Larger
 *  images are read at an even stride (every 9th sample of 9 Mpx): the same range every time for
 *  the same image; a value found only between the samples shows as the window's end (white or black). */
export function valueRange(header: ImageHeader, samples: ArrayLike<number>, maxSamples = WINDOW_SAMPLES): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  const step = Math.max(1, Math.ceil(samples.length / maxSamples))
  for (let i = 0; i < samples.length; i += step) {
    const v = samples[i]!
    if (v < min) min = v
    if (v > max) max = v
  }
  const a = min * header.rescaleSlope + header.rescaleIntercept
  const b = max * header.rescaleSlope + header.rescaleIntercept
  return { min: Math.min(a, b), max: Math.max(a, b) }
}

export function defaultWindow(header: ImageHeader, samples: ArrayLike<number>): WindowLevel {
  if (header.window) return { ...header.window, invert: false }
  const { min, max } = valueRange(header, samples)
  return { center: (min + max) / 2, width: Math.max(1, max - min), invert: false }
}

/** Presentation value at a pixel: rescaled, and negated for MONOCHROME1 so that bone is bright. */
export function gridOf(header: ImageHeader, samples: ArrayLike<number>): Grid {
  const sign = header.photometric === 'MONOCHROME1' ? -1 : 1
  const { rescaleSlope: m, rescaleIntercept: b, columns } = header
  return { columns, rows: header.rows, at: (x, y) => sign * (samples[y * columns + x]! * m + b) }
}

/** The display gray (0–255) of every possible stored sample, indexed by `sample + offset`
 *  (offset 32768 for signed samples), with the rescale, the window and MONOCHROME1/invert applied. */
export function windowLut(header: ImageHeader, signed: boolean, wl: WindowLevel): { lut: Uint8Array; offset: number; mask: number } {
  const offset = signed ? 32768 : 0
  const size = header.bitsAllocated === 8 ? 256 : 65536
  const lut = new Uint8Array(size)
  const lo = wl.center - wl.width / 2
  const inv = (header.photometric === 'MONOCHROME1') !== wl.invert
  for (let i = 0; i < size; i++) {
    const v = (i - offset) * header.rescaleSlope + header.rescaleIntercept
    let g = Math.round(((v - lo) / wl.width) * 255)
    g = g < 0 ? 0 : g > 255 ? 255 : g
    lut[i] = inv ? 255 - g : g
  }
  // High bits above Bits Stored are not part of an unsigned value.
  const mask = header.bitsStored < header.bitsAllocated && !header.signed ? (1 << header.bitsStored) - 1 : -1
  return { lut, offset, mask: mask & (size - 1) }
}

/** Writes the display of every pixel into `out` (RGBA), through a lookup table of stored values. */
export function renderGray(header: ImageHeader, samples: Uint8Array | Uint16Array | Int16Array, wl: WindowLevel, out: Uint8ClampedArray): void {
  const { lut, offset, mask } = windowLut(header, samples instanceof Int16Array, wl)
  const size = lut.length
  const out32 = new Uint32Array(out.buffer, out.byteOffset, out.byteLength / 4)
  for (let i = 0; i < samples.length; i++) {
    const g = lut[((samples[i]! & mask) + offset) & (size - 1)]!
    out32[i] = 0xff000000 | (g << 16) | (g << 8) | g
  }
}
