// Station geometry along the bone axis, with square and non-square pixels.
import { describe, expect, it } from 'vitest'
import { axisCoordinates, axisFrame, distanceMm, pointOnStation, stationDiameters, stationDistances } from '../../../src/shared/imaging'

const square = { rowMm: 0.5, colMm: 0.5 }
const axis = { distal: { x: 100, y: 500 }, proximal: { x: 100, y: 100 } }

describe('axis geometry', () => {
  it('measures the axis length in mm and points up the bone', () => {
    const f = axisFrame(axis, square)!
    expect(f.lengthMm).toBe(200)
    expect(f.u).toEqual({ x: 0, y: -1 })
  })
  it('a degenerate axis has no frame', () => {
    expect(axisFrame({ distal: { x: 1, y: 1 }, proximal: { x: 1, y: 1 } }, square)).toBeNull()
  })
  it('places a station point and reads it back (round trip, tilted axis, non-square pixels)', () => {
    const tilted = { distal: { x: 40, y: 900 }, proximal: { x: 260, y: 80 } }
    const s = { rowMm: 0.2, colMm: 0.35 }
    for (const [z, off] of [[0, 0], [37.5, -12.25], [120, 9]] as const) {
      const p = pointOnStation(tilted, s, z, off)!
      const c = axisCoordinates(tilted, s, p)!
      expect(c.zMm).toBeCloseTo(z, 9)
      expect(c.offsetMm).toBeCloseTo(off, 9)
    }
  })
  it('station lines are perpendicular to the axis in mm space', () => {
    const tilted = { distal: { x: 40, y: 900 }, proximal: { x: 260, y: 80 } }
    const s = { rowMm: 0.2, colMm: 0.35 }
    const a = pointOnStation(tilted, s, 50, -10)!
    const b = pointOnStation(tilted, s, 50, 10)!
    expect(distanceMm(a, b, s)).toBeCloseTo(20, 9)
    const f = axisFrame(tilted, s)!
    const dx = (b.x - a.x) * s.colMm
    const dy = (b.y - a.y) * s.rowMm
    expect(dx * f.u.x + dy * f.u.y).toBeCloseTo(0, 9)
  })
  it('stations every N mm up to a length', () => {
    expect(stationDistances(20, 100)).toEqual([20, 40, 60, 80, 100])
    expect(stationDistances(0, 100)).toEqual([])
    expect(stationDistances(0.001, 1e9)).toHaveLength(100)
  })
})

describe('station diameters from four edges', () => {
  it('reads both diameters whatever side the handles were dragged from', () => {
    expect(stationDiameters({ periostealA: -15, endostealA: -9, endostealB: 8, periostealB: 16 })).toEqual({ ok: true, endostealMm: 17, periostealMm: 31 })
    expect(stationDiameters({ periostealA: 16, endostealA: 8, endostealB: -9, periostealB: -15 })).toEqual({ ok: true, endostealMm: 17, periostealMm: 31 })
  })
  it('refuses edges that do not nest', () => {
    expect(stationDiameters({ periostealA: -5, endostealA: -9, endostealB: 8, periostealB: 16 })).toMatchObject({ ok: false })
    expect(stationDiameters({ periostealA: -15, endostealA: 2, endostealB: 2, periostealB: 16 })).toMatchObject({ ok: false })
    expect(stationDiameters({ periostealA: NaN, endostealA: 2, endostealB: 3, periostealB: 16 })).toMatchObject({ ok: false })
  })
})
