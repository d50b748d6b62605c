// The viewport renderer (canvas-2D path and loupe): the same grays as the whole-image lookup
// table, at the right screen pixels for a view, black outside the image, sharp from 2× up.
import { describe, expect, it } from 'vitest'
import type { ImageHeader } from '../../../src/shared/imaging'
import { renderView } from '../../../src/shared/imaging/render-view'
import { renderGray, type WindowLevel } from '../../../src/shared/imaging/window-level'

function header(over: Partial<ImageHeader> = {}): ImageHeader {
  return { kind: 'dicom', rows: 3, columns: 4, bitsAllocated: 16, bitsStored: 12, signed: false, photometric: 'MONOCHROME2', rescaleSlope: 1, rescaleIntercept: 0, window: null, spacing: { candidates: [], problems: [], conflict: null }, modality: 'DX', frameCount: 1, frameIndex: 0, transferSyntax: '', kept: [], dropped: [], ...over }
}
const WL: WindowLevel = { center: 2000, width: 4000, invert: false }
const gray = (word: number) => word & 0xff
const BLACK = 0xff000000

describe('renderView', () => {
  const samples = Uint16Array.from([0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 100, 200, 300])

  it('at 1:1 centred on the image shows each pixel where it is, the same gray as the whole-image table', () => {
    const h = header()
    const whole = new Uint8ClampedArray(samples.length * 4)
    renderGray(h, samples, WL, whole)
    const out = new Uint32Array(4 * 3)
    // Centre of a 4 × 3 image is (1.5, 1); at zoom 1 a 4 × 3 viewport shows it exactly. (Zoom 1
    // interpolates, but at pixel centres the weights are 0.)
    renderView(h, samples, WL, { cx: 1.5, cy: 1, zoom: 1 }, 4, 3, out)
    expect(Array.from(out, gray)).toEqual(Array.from({ length: 12 }, (_, i) => whole[i * 4]))
  })

  it('at 4× each image pixel is a sharp 4 × 4 square, and outside the image is black', () => {
    const h = header()
    const out = new Uint32Array(8 * 8)
    // View centred on the image's top-left corner (-0.5, -0.5): the image fills the lower right quarter.
    renderView(h, samples, WL, { cx: -0.5, cy: -0.5, zoom: 4 }, 8, 8, out)
    expect(out[0]).toBe(BLACK)
    expect(out[3 * 8 + 3]).toBe(BLACK)
    const whole = new Uint8ClampedArray(samples.length * 4)
    renderGray(h, samples, WL, whole)
    // Screen 4..7 × 4..7 is image pixel (0, 0).
    for (const [sx, sy] of [[4, 4], [7, 7], [4, 7]] as const) expect(gray(out[sy * 8 + sx]!)).toBe(whole[0])
  })

  it('below 2× interpolates the gray between neighbouring pixels', () => {
    const h = header({ rows: 1, columns: 2 })
    const two = Uint16Array.from([0, 4000])
    const out = new Uint32Array(2)
    // Zoom 1, centre 0.5: screen pixel 0 shows image x 0 (black end), 1 shows x 1 (white end).
    renderView(h, two, { center: 2000, width: 4000, invert: false }, { cx: 0.5, cy: 0, zoom: 1 }, 2, 1, out)
    expect(Array.from(out, gray)).toEqual([0, 255])
    // A one-pixel viewport centred at x = 0.5 shows the point halfway between the two.
    const one = new Uint32Array(1)
    renderView(h, two, { center: 2000, width: 4000, invert: false }, { cx: 0.5, cy: 0, zoom: 1 }, 1, 1, one)
    expect(gray(one[0]!)).toBe(128)
  })

  it('applies MONOCHROME1 and invert like the lookup table', () => {
    const h = header({ photometric: 'MONOCHROME1' })
    const out = new Uint32Array(12)
    renderView(h, samples, WL, { cx: 1.5, cy: 1, zoom: 1 }, 4, 3, out)
    expect(gray(out[0]!)).toBe(255)
    renderView(h, samples, { ...WL, invert: true }, { cx: 1.5, cy: 1, zoom: 1 }, 4, 3, out)
    expect(gray(out[0]!)).toBe(0)
  })

  it('costs the viewport, not the image: a 3,000 × 3,000 image renders into 760 × 560 pixels only', () => {
    const n = 3000
    const big = new Uint16Array(n * n)
    big[1500 * n + 1500] = 4000
    const out = new Uint32Array(760 * 560)
    renderView(header({ rows: n, columns: n }), big, WL, { cx: 1500, cy: 1500, zoom: 8 }, 760, 560, out)
    // The bright pixel is the 8 × 8 square at the viewport's centre.
    expect(gray(out[280 * 760 + 380]!)).toBe(255)
    expect(gray(out[280 * 760 + 380 - 8]!)).toBe(0)
  })
})

describe('renderView preview (a frame within a gesture)', () => {
  const samples = Uint16Array.from({ length: 64 * 48 }, (_, i) => (i * 37) % 4096)
  const h = header({ rows: 48, columns: 64 })
  /** A 40 × 30 viewport at `view`, drawn as a preview and exactly. */
  const both = (view: { cx: number; cy: number; zoom: number }) => {
    const preview = new Uint32Array(40 * 30)
    const exact = new Uint32Array(40 * 30)
    renderView(h, samples, WL, view, 40, 30, preview, undefined, true)
    renderView(h, samples, WL, view, 40, 30, exact)
    return { preview, exact }
  }
  it('below 2× samples the nearest pixel: the same picture as the sharp path would give at that view', () => {
    const view = { cx: 31.5, cy: 23.5, zoom: 0.75 }
    const { preview, exact } = both(view)
    const whole = new Uint8ClampedArray(samples.length * 4)
    renderGray(h, samples, WL, whole)
    // Screen (sx, sy) shows image point x0 + (sx + 0.5) / zoom; the preview shows the nearest pixel's gray.
    const x0 = view.cx - 40 / (2 * view.zoom)
    const y0 = view.cy - 30 / (2 * view.zoom)
    for (const [sx, sy] of [[3, 4], [20, 15], [39, 29]] as const) {
      const ix = Math.floor(x0 + (sx + 0.5) / view.zoom + 0.5)
      const iy = Math.floor(y0 + (sy + 0.5) / view.zoom + 0.5)
      expect(gray(preview[sy * 40 + sx]!)).toBe(whole[(iy * 64 + ix) * 4])
    }
    // The exact frame interpolates: it differs from the preview somewhere.
    expect(preview.some((p, i) => p !== exact[i])).toBe(true)
  })
  it('from 2× up the preview is the exact frame', () => {
    const { preview, exact } = both({ cx: 20, cy: 10, zoom: 3 })
    expect(preview).toEqual(exact)
  })
})
