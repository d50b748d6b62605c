// The to-scale drawing draws the bone with its measured outline (#13): periosteal and endosteal
// through every station, and with two planes each plane's own outline (AP filled, lateral lines),
// not one averaged or smaller-of-both shape.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planFromRaw } from '../../../src/shared/index'
import { layoutDrawing } from '../../../src/renderer/src/features/drawing/drawing-geometry'

const example = () => JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, any>

function layoutOf(raw: Record<string, any>) {
  raw.imaging = { source: 'ct' } // true size: the outline's numbers are the stations' own
  const p = planFromRaw(raw)
  if (!p.ok) throw new Error(JSON.stringify(p.errors))
  return layoutDrawing(p.case, p.result)
}

/** The right half of a mirrored outline polygon: [half-width, y] from the distal end up. */
const rightHalf = (points: string) => {
  const all = points.split(' ').map((p) => p.split(',').map(Number) as [number, number])
  return all.slice(0, all.length / 2)
}

describe('the drawing outline', () => {
  it('one plane: periosteal and endosteal through every station, from the distal end', () => {
    const raw = example()
    raw.bone.stations = [
      { fromDistalEnd: 10, endosteal: 20, periosteal: 30 },
      { fromDistalEnd: 60, endosteal: 14, periosteal: 27 },
      { fromDistalEnd: 150, endosteal: 16, periosteal: 33 }
    ]
    const L = layoutOf(raw)
    expect(rightHalf(L.periosteal)).toEqual([[15, 0], [15, -10], [13.5, -60], [16.5, -150]])
    expect(rightHalf(L.endosteal)).toEqual([[10, 0], [10, -10], [7, -60], [8, -150]])
    expect(L.lateral).toBeNull()
  })

  it('two planes: the AP outline filled and the lateral outline as its own lines', () => {
    const raw = example()
    raw.bone.stations = [
      { fromDistalEnd: 0, endostealAP: 20, periostealAP: 30, endostealLat: 18, periostealLat: 34 },
      { fromDistalEnd: 100, endostealAP: 14, periostealAP: 26, endostealLat: 16, periostealLat: 28 },
      { fromDistalEnd: 200, endosteal: 15, periosteal: 30 }
    ]
    const L = layoutOf(raw)
    // Before: one outline of the smaller value of each pair (periosteal 30, 26; canal 18, 14),
    // a bone measured in neither plane.
    expect(rightHalf(L.periosteal)).toEqual([[15, 0], [13, -100], [15, -200]])
    expect(rightHalf(L.endosteal)).toEqual([[10, 0], [7, -100], [7.5, -200]])
    expect(L.lateral).not.toBeNull()
    expect(rightHalf(L.lateral!.periosteal)).toEqual([[17, 0], [14, -100], [15, -200]])
    expect(rightHalf(L.lateral!.endosteal)).toEqual([[9, 0], [8, -100], [7.5, -200]])
  })
})
