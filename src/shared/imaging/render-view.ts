// The visible part of an image, drawn straight into a viewport-sized buffer: for each screen pixel
// the image point under it, through the window's lookup table. The work is proportional to the
// viewport, not to the image (a 3,000 × 3,000 radiograph costs what a 760 × 560 one does), so pan,
// zoom and window drag stay within a frame without a GPU. This is the canvas-2D path of the viewer
// (and its loupe); the WebGL path does the same per fragment.
//
// Image pixel centres are at integer coordinates; screen pixel (sx, sy) shows image point
// (box.x + (sx + 0.5) / zoom, box.y + (sy + 0.5) / zoom). From a zoom of 2 up each image pixel is a
// sharp square (a point can be placed on one pixel); below it the gray is interpolated bilinearly,
// except in a preview (a frame within a pan, zoom or window drag): nearest pixel, a quarter of the
// lookups; the frame drawn when the gesture ends is the exact one.
import type { ImageHeader } from './image-types'
import { windowLut, type WindowLevel } from './window-level'

export interface ViewGeometry {
  /** Image point at the centre of the viewport. */
  cx: number
  cy: number
  /** Screen pixels per image pixel. */
  zoom: number
}

/** Below this zoom the gray is interpolated; at and above it pixels are shown as squares. */
export const SHARP_FROM_ZOOM = 2

export type LutCache = { key: string; value: ReturnType<typeof windowLut> }

const lutCaches = new WeakMap<object, LutCache>()

/** One window lookup table per decoded image, shared by everything that draws it (the viewport's
 *  canvas-2D path and the loupe): rebuilding the 65,536 entries of a 16-bit table for each
 *  pointer move cost more than drawing the loupe. `samples` stand for their image (one header). */
export function lutCacheFor(samples: Uint8Array | Uint16Array | Int16Array): LutCache {
  let c = lutCaches.get(samples)
  if (!c) lutCaches.set(samples, (c = { key: '', value: null as never }))
  return c
}

/** Black outside the image; opaque gray inside. `out` is RGBA as 32-bit words (little endian). */
export function renderView(
  header: Pick<ImageHeader, 'rows' | 'columns' | 'bitsAllocated' | 'bitsStored' | 'signed' | 'photometric' | 'rescaleSlope' | 'rescaleIntercept'>,
  samples: Uint8Array | Uint16Array | Int16Array,
  wl: WindowLevel,
  view: ViewGeometry,
  width: number,
  height: number,
  out: Uint32Array,
  lutCache?: LutCache,
  preview = false
): void {
  const key = `${wl.center}|${wl.width}|${wl.invert}`
  let table = lutCache && lutCache.key === key ? lutCache.value : null
  if (!table) {
    table = windowLut(header as ImageHeader, samples instanceof Int16Array, wl)
    if (lutCache) {
      lutCache.key = key
      lutCache.value = table
    }
  }
  const { lut, offset, mask } = table
  const size = lut.length - 1
  const { columns, rows } = header
  const x0 = view.cx - width / (2 * view.zoom)
  const y0 = view.cy - height / (2 * view.zoom)
  const gray = (i: number) => lut[((samples[i]! & mask) + offset) & size]!
  const BLACK = 0xff000000
  const sharp = preview || view.zoom >= SHARP_FROM_ZOOM
  // Per column: the image column(s) and weight; per row likewise. -1 = outside the image.
  const colA = new Int32Array(width)
  const colB = new Int32Array(width)
  const colW = new Float32Array(width)
  for (let sx = 0; sx < width; sx++) {
    const x = x0 + (sx + 0.5) / view.zoom
    if (x < -0.5 || x >= columns - 0.5) {
      colA[sx] = -1
      continue
    }
    if (sharp) {
      colA[sx] = colB[sx] = Math.min(columns - 1, Math.max(0, Math.floor(x + 0.5)))
      continue
    }
    const i = Math.floor(x)
    colA[sx] = Math.max(0, i)
    colB[sx] = Math.min(columns - 1, i + 1)
    colW[sx] = x - i
  }
  for (let sy = 0; sy < height; sy++) {
    const y = y0 + (sy + 0.5) / view.zoom
    const line = sy * width
    if (y < -0.5 || y >= rows - 0.5) {
      out.fill(BLACK, line, line + width)
      continue
    }
    if (sharp) {
      const r = Math.min(rows - 1, Math.max(0, Math.floor(y + 0.5))) * columns
      for (let sx = 0; sx < width; sx++) {
        const a = colA[sx]!
        if (a < 0) out[line + sx] = BLACK
        else {
          const g = gray(r + a)
          out[line + sx] = BLACK | (g << 16) | (g << 8) | g
        }
      }
      continue
    }
    const j = Math.floor(y)
    const r0 = Math.max(0, j) * columns
    const r1 = Math.min(rows - 1, j + 1) * columns
    const wy = y - j
    for (let sx = 0; sx < width; sx++) {
      const a = colA[sx]!
      if (a < 0) {
        out[line + sx] = BLACK
        continue
      }
      const b = colB[sx]!
      const wx = colW[sx]!
      const top = gray(r0 + a) + (gray(r0 + b) - gray(r0 + a)) * wx
      const bottom = gray(r1 + a) + (gray(r1 + b) - gray(r1 + a)) * wx
      const g = Math.round(top + (bottom - top) * wy)
      out[line + sx] = BLACK | (g << 16) | (g << 8) | g
    }
  }
}
