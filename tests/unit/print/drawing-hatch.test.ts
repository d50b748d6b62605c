// The prepared canal's hatch is drawn as line segments (not an SVG pattern, which Chromium prints
// as a rasterised image): every segment lies on a 45° line of the old pattern's grid, ends on the
// box's edge, and the lines cover the box at the pattern's spacing.
import { describe, expect, it } from 'vitest'
import { HATCH, hatchPath } from '../../../src/renderer/src/features/drawing/hatch'

const segments = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number])

const onEdge = (x: number, y: number, b: { x: number; y: number; w: number; h: number }) =>
  [Math.abs(x - b.x), Math.abs(x - b.x - b.w), Math.abs(y - b.y), Math.abs(y - b.y - b.h)].some((d) => d < 0.002)

describe('hatchPath', () => {
  const box = { x: -6.5, y: -160, w: 13, h: 160 } // a 13 mm canal prepared over 160 mm

  it('gives segments at 45°, ending on the box, inside it', () => {
    const segs = segments(hatchPath(box))
    expect(segs.length).toBeGreaterThan(50)
    for (const [xa, ya, xb, yb] of segs) {
      expect(Math.abs(xa + ya - (xb + yb))).toBeLessThan(0.002) // x + y constant: 45° down-left
      for (const [x, y] of [[xa, ya], [xb, yb]] as const) {
        expect(x).toBeGreaterThanOrEqual(box.x - 0.001)
        expect(x).toBeLessThanOrEqual(box.x + box.w + 0.001)
        expect(y).toBeGreaterThanOrEqual(box.y - 0.001)
        expect(y).toBeLessThanOrEqual(box.y + box.h + 0.001)
        expect(onEdge(x, y, box)).toBe(true)
      }
    }
  })

  it('keeps the pattern’s grid: lines x + y = √2 (2k + 0.1), 2 mm apart, none missing', () => {
    const ks = segments(hatchPath(box)).map(([xa, ya]) => ((xa + ya) / Math.SQRT2 - HATCH.offset) / HATCH.spacing)
    for (const k of ks) expect(Math.abs(k - Math.round(k))).toBeLessThan(0.002)
    const rounded = ks.map(Math.round)
    for (let i = 1; i < rounded.length; i++) expect(rounded[i]! - rounded[i - 1]!).toBe(1)
    // Every line crossing the box is there: from the corner (x0, y0) to the corner (x1, y1).
    const lo = Math.ceil(((box.x + box.y) / Math.SQRT2 - HATCH.offset) / HATCH.spacing)
    const hi = Math.floor(((box.x + box.w + box.y + box.h) / Math.SQRT2 - HATCH.offset) / HATCH.spacing)
    expect(rounded[0]).toBe(lo)
    expect(rounded.at(-1)).toBe(hi)
  })

  it('draws nothing in an empty box', () => {
    expect(hatchPath({ x: 0, y: 0, w: 0, h: 10 })).toBe('')
    expect(hatchPath({ x: 0, y: 0, w: 10, h: -1 })).toBe('')
  })
})
