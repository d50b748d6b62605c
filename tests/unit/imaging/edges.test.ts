// Edge suggestion: synthetic profiles, then the phantom (how often a suggestion is within 0.5 mm).
import { describe, expect, it } from 'vitest'
import { axisCoordinates, calibrate, suggestEdges, suggestStationEdges, sampleLine, EDGE_NAMES } from '../../../src/shared/imaging'
import { gridOf, parsed, truth } from './phantoms'

/** soft 100 | cortex 300 | canal 200 | cortex 300 | soft 100, with edges at the given samples. */
function tube(edges: [number, number, number, number], n = 200, noise = 0): Float64Array {
  let seed = 7
  const p = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const v = i < edges[0] ? 100 : i < edges[1] ? 300 : i < edges[2] ? 200 : i < edges[3] ? 300 : 100
    seed = (seed * 16807) % 2147483647
    p[i] = v + (seed / 2147483647 - 0.5) * noise
  }
  return p
}

describe('suggestEdges on synthetic profiles', () => {
  it('finds the four edges of a clean tube within half a sample', () => {
    const s = suggestEdges(tube([40, 70, 130, 160]), 100)
    // A step between samples i-1 and i has its steepest slope at i - 0.5.
    expect(s.periostealA).toBeCloseTo(39.5, 0)
    expect(s.endostealA).toBeCloseTo(69.5, 0)
    expect(s.endostealB).toBeCloseTo(129.5, 0)
    expect(s.periostealB).toBeCloseTo(159.5, 0)
  })
  it('keeps the edges with noise at 10 % of the contrast', () => {
    const s = suggestEdges(tube([40, 70, 130, 160], 200, 20), 100)
    for (const [got, want] of [[s.periostealA, 39.5], [s.endostealA, 69.5], [s.endostealB, 129.5], [s.periostealB, 159.5]] as const) expect(Math.abs(got! - want)).toBeLessThan(1.5)
  })
  it('suggests nothing on a flat, a too short or a non-finite profile', () => {
    expect(suggestEdges(new Float64Array(100).fill(5), 50)).toEqual({ periostealA: null, endostealA: null, endostealB: null, periostealB: null })
    expect(suggestEdges(new Float64Array(4), 2).periostealA).toBeNull()
    const p = tube([40, 70, 130, 160])
    p[10] = NaN
    expect(suggestEdges(p, 100).periostealA).toBeNull()
  })
  it('a solid bone (no canal) gives outer edges but no canal edges', () => {
    const p = tube([40, 40, 40, 160]).map((_, i) => (i >= 40 && i < 160 ? 300 : 100))
    const s = suggestEdges(p, 100)
    expect(s.periostealA).toBeCloseTo(39.5, 0)
    expect(s.periostealB).toBeCloseTo(159.5, 0)
    expect(s.endostealA).toBeNull()
    expect(s.endostealB).toBeNull()
  })
})

describe('sampleLine', () => {
  it('interpolates bilinearly and clamps at the border', () => {
    const grid = { columns: 2, rows: 2, at: (x: number, y: number) => x * 10 + y * 100 }
    expect([...sampleLine(grid, { x: 0, y: 0 }, { x: 1, y: 1 }, 3)]).toEqual([0, 55, 110])
    expect([...sampleLine(grid, { x: -5, y: 0 }, { x: 5, y: 0 }, 2)]).toEqual([0, 10])
  })
})

describe('edge suggestion on the phantom', () => {
  for (const variant of [{}, { photometric: 'MONOCHROME1' as const }]) {
    it(`places every edge of the 13 stations within 0.5 mm (${variant.photometric ?? 'MONOCHROME2'})`, () => {
      const img = parsed(variant)
      const r = calibrate({ kind: 'file', spacing: img.header.spacing.candidates.find((c) => c.id === 'imager-ermf')! })
      if (!r.ok) throw new Error(r.error)
      const cal = r.calibration
      const grid = gridOf(img)
      let within = 0
      let total = 0
      const errors: number[] = []
      for (const st of truth.stations) {
        const zDetector = st.zMm * truth.magnification
        const edges = suggestStationEdges(grid, truth.axis, cal.scale, zDetector, 30 * truth.magnification)
        for (const name of EDGE_NAMES) {
          total++
          const got = edges[name]
          const want = axisCoordinates(truth.axis, cal.scale, st.edges[name])!.offsetMm
          if (!got) continue
          const err = Math.abs(axisCoordinates(truth.axis, cal.scale, got)!.offsetMm - want) / truth.magnification
          errors.push(err)
          if (err <= 0.5) within++
        }
      }
      console.log(`edge suggestion on the phantom: ${within}/${total} edges within 0.5 mm, worst ${Math.max(...errors).toFixed(3)} mm`)
      expect(within).toBe(total)
    })
  }
})
