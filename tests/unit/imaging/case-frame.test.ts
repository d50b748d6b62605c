// One case, one magnification (R-MAG): an image writes its values at the case's magnification
// when the case holds other radiographic values, and never re-corrects them with its own. Lateral
// diameters go to the station at their level. Hand cases from the 2026-12-01 audit of the
// radiograph path (defects 1 and 2), run through the editor's own image edit.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { calibrate, imagingFactor, placeImageValues, type CalibrationInput, type ImageMarks, type StationMark } from '../../../src/shared/imaging'
import type { CaseDraft } from '../../../src/shared/case/types'
import { planFromRaw } from '../../../src/shared/plan'
import { getAt } from '../../../src/renderer/src/features/editor/draft-path'
import { applyImageEdit, type ImageEditState } from '../../../src/renderer/src/features/imaging/image-edit'
import { truth } from './phantoms'

const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }
/** The phantom's marker: magnification 1.15 (values written at the detector, R-MAG divides). */
const MARKER: CalibrationInput = { kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector }
/** The same line as a known 25 mm: true size (source 'calibrated'). */
const KNOWN: CalibrationInput = { kind: 'known-distance', trueLengthMm: 25, from: truth.marker.from, to: truth.marker.to, detector }
/** The detector spacing alone: the site's default factor would apply. */
const FILE_DETECTOR: CalibrationInput = { kind: 'file', spacing: detector }
const M = truth.magnification

const stationMark = (i: number, dzMm = 0): StationMark => {
  const s = truth.stations[i]!
  const dy = (dzMm * (truth.axis.distal.y - truth.axis.proximal.y)) / truth.residualMm
  const move = (p: { x: number; y: number }) => ({ x: p.x, y: p.y - dy })
  return { id: `s${i}`, t: (s.zMm + dzMm) / truth.residualMm, edges: { periostealA: move(s.edges.periostealA), endostealA: move(s.edges.endostealA), endostealB: move(s.edges.endostealB), periostealB: move(s.edges.periostealB) }, accepted: true }
}
const marks = (plane: ImageMarks['plane'], indices: number[], dzMm = 0): ImageMarks => ({ axis: truth.axis, stations: indices.map((i) => stationMark(i, dzMm)), skin: plane === 'Lat' ? null : truth.skin, plane, unlinked: [] })

/** The first calibration of an image: what the editor does when the surgeon calibrates it. */
function calibrateImage(draft: CaseDraft, m: ImageMarks, calibration: CalibrationInput, label: string): { draft: CaseDraft; state: ImageEditState } {
  return applyImageEdit(draft, { marks: m, calibration: null }, { marks: m, calibration }, label)
}

function exampleCase(): CaseDraft {
  const c = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  delete c.prosthesis!.soundSideLength
  return c
}
const num = (d: CaseDraft, path: string) => getAt(d, path) as number
function corrected(d: CaseDraft) {
  const p = planFromRaw(d)
  if (!p.ok) throw new Error(JSON.stringify(p.errors))
  return p.result.corrected
}

describe('the case magnification an image writes at', () => {
  it('reads the factor of an imaging section as the form holds it', () => {
    expect(imagingFactor({ source: 'xray', marker: { trueSize: '25 mm', measuredSize: 28.75 } })).toBeCloseTo(1.15, 12)
    expect(imagingFactor({ source: 'xray', magnification: '1.2' })).toBe(1.2)
    expect(imagingFactor({ source: 'xray' })).toBeNull()
    expect(imagingFactor({ source: 'calibrated' })).toBe(1)
    expect(imagingFactor({ source: 'ct' })).toBe(1)
    expect(imagingFactor({ source: 'xray', marker: { trueSize: 25 } })).toBeUndefined()
    expect(imagingFactor({})).toBeUndefined()
  })

  it('an image alone in the case sets the case calibration (values as measured on it)', () => {
    const { draft } = calibrateImage(exampleCase(), marks('single', [0, 4, 8, 12]), MARKER, 'AP-1')
    expect(draft.imaging).toEqual({ source: 'xray', marker: { trueSize: 25, measuredSize: 28.75 } })
    expect(corrected(draft).residualLengthMm).toBeCloseTo(truth.residualMm, 0)
  })

  it('AP with a marker, then a lateral image by a known distance: the AP values stay right (was: residual 322 mm for 280)', () => {
    const ap = calibrateImage(exampleCase(), marks('AP', [0, 4, 8, 12]), MARKER, 'AP-1').draft
    const residualBefore = num(ap, 'bone.residualLength')
    const lat = calibrateImage(ap, marks('Lat', [0, 4, 8, 12]), KNOWN, 'LAT-1')
    // The case keeps the marker; the lateral values are converted to it (true × 1.15).
    expect(lat.draft.imaging).toEqual(ap.imaging)
    expect(num(lat.draft, 'bone.residualLength')).toBe(residualBefore)
    expect(num(lat.draft, 'bone.stations[1].endostealLat')).toBeCloseTo(truth.stations[4]!.endostealMm * M, 0)
    const c = corrected(lat.draft)
    expect(c.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
    const s = c.stations[1]!
    for (const plane of s.planes ?? []) expect(Math.abs(plane.endostealMm - truth.stations[4]!.endostealMm)).toBeLessThanOrEqual(0.3)
    expect(s.planes).toHaveLength(2)
  })

  it('a typed sound-side length at ×1.15, then an image by a known distance: the sound side is still divided by 1.15', () => {
    const typed: CaseDraft = { ...exampleCase(), imaging: { source: 'xray', magnification: 1.15 }, prosthesis: { ...exampleCase().prosthesis, soundSideLength: 400 } }
    const r = calibrateImage(typed, marks('single', [0, 4, 8, 12]), KNOWN, 'AP-1')
    expect(r.draft.imaging).toEqual({ source: 'xray', magnification: 1.15 })
    const c = corrected(r.draft)
    expect(c.soundSideLengthMm).toBeCloseTo(400 / 1.15, 6)
    expect(c.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
    expect(Math.abs(c.stations[2]!.endostealMm - truth.stations[8]!.endostealMm)).toBeLessThanOrEqual(0.3)
  })

  it('the image that set the calibration, recalibrated with the case holding other values: converted, the calibration kept', () => {
    const ap = calibrateImage(exampleCase(), marks('AP', [0, 4, 8, 12]), MARKER, 'AP-1')
    const withLat = calibrateImage(ap.draft, marks('Lat', [0, 4, 8, 12]), KNOWN, 'LAT-1').draft
    const longer = { ...MARKER, to: { x: truth.marker.to.x + 1, y: truth.marker.to.y } }
    const again = applyImageEdit(withLat, ap.state, { ...ap.state, calibration: longer }, 'AP-1').draft
    expect(again.imaging).toEqual(withLat.imaging)
    // A longer marker line: the AP image is more magnified than it said, its true sizes a little
    // smaller; the lateral image's values are untouched.
    expect(num(again, 'bone.stations[1].endostealLat')).toBe(num(withLat, 'bone.stations[1].endostealLat'))
    const m = (truth.marker.diameterPx + 1) / truth.marker.diameterPx
    expect(corrected(again).residualLengthMm).toBeLessThan(corrected(withLat).residualLengthMm)
    expect(corrected(again).residualLengthMm).toBeCloseTo(truth.residualMm / m, 0)
  })

  it("values at the site's default factor and an image with its own: refused, the case unchanged, the reason given", () => {
    const typed: CaseDraft = { ...exampleCase(), imaging: { source: 'xray' }, prosthesis: { ...exampleCase().prosthesis, soundSideLength: 400 } }
    const r = calibrateImage(typed, marks('single', [0, 4, 8, 12]), MARKER, 'AP-1')
    expect(r.draft).toBe(typed)
    expect(applyImageEdit(typed, r.state, r.state, 'AP-1').draft).toBe(typed)
    const cal = calibrate(MARKER)
    if (!cal.ok) throw new Error(cal.error)
    const placed = placeImageValues(typed, r.state.marks, cal.calibration, 'AP-1')
    expect(placed.refused).toBe(true)
    expect(placed.note).toBe(
      "This image's values are not written: the case's other radiographic values (Sound-side length) are corrected by the site's default magnification, an assumption, and this image by its own calibration (magnification 1.15×). Enter in Imaging the magnification those values were measured at, or clear them, to add this image's values."
    )
  })

  it("an image without a calibration of its own in a true-size case: refused", () => {
    const typed: CaseDraft = { ...exampleCase(), imaging: { source: 'calibrated' }, prosthesis: { ...exampleCase().prosthesis, soundSideLength: 400 } }
    expect(calibrateImage(typed, marks('single', [0, 4, 8, 12]), FILE_DETECTOR, 'AP-1').draft).toBe(typed)
  })

  it('both at the site default: written as measured (the default corrects both alike)', () => {
    const typed: CaseDraft = { ...exampleCase(), imaging: { source: 'xray' }, prosthesis: { ...exampleCase().prosthesis, soundSideLength: 400 } }
    const r = calibrateImage(typed, marks('single', [0, 4, 8, 12]), FILE_DETECTOR, 'AP-1').draft
    expect(r.imaging).toEqual({ source: 'xray' })
    expect(num(r, 'bone.residualLength')).toBeCloseTo(truth.residualMm * M, 0)
  })
})

describe('lateral diameters go to the station at their level', () => {
  const ap = () => calibrateImage(exampleCase(), marks('AP', [0, 4, 8, 12]), MARKER, 'AP-1')

  it('lateral stations at other levels than the AP ones: each to its own level, the rest not written (was: by list position)', () => {
    // AP at 20, 100, 180, 260 mm; lateral at 100, 140, 180 mm.
    const lat = calibrateImage(ap().draft, marks('Lat', [4, 6, 8]), MARKER, 'LAT-1').draft
    const st = lat.bone!.stations! as Record<string, number>[]
    expect(st[0]!.endostealLat).toBeUndefined()
    expect(st[1]!.lateralFromDistalEnd).toBeCloseTo(100 * M, 0)
    expect(st[1]!.endostealLat).toBeCloseTo(truth.stations[4]!.endostealMm * M, 0)
    expect(st[2]!.endostealLat).toBeCloseTo(truth.stations[8]!.endostealMm * M, 0)
    expect(st[3]!.endostealLat).toBeUndefined()
  })

  it('says which lateral station has no case station at its level', () => {
    const cal = calibrate(MARKER)
    if (!cal.ok) throw new Error(cal.error)
    const r = placeImageValues(ap().draft, marks('Lat', [4, 6]), cal.calibration, 'LAT-1')
    expect(r.result.problems).toEqual([expect.stringMatching(/^Station 2: no station of the case lies within 5 mm of its level \(161 mm from the distal end\); its lateral diameters are not written/)])
    expect(r.result.values.map((v) => v.path)).toEqual(['bone.stations[1].endostealLat', 'bone.stations[1].periostealLat', 'bone.stations[1].lateralFromDistalEnd'])
    expect(r.result.values[0]!.label).toBe('Station 2 — endosteal Ø (Lat)')
  })

  it('within 5 mm of a station: written there, and the case accepts it', () => {
    const lat = calibrateImage(ap().draft, marks('Lat', [0, 4, 8, 12], 4), MARKER, 'LAT-1').draft
    expect((lat.bone!.stations![1] as Record<string, number>).lateralFromDistalEnd).toBeCloseTo(104 * M, 0)
    expect(planFromRaw(lat).ok).toBe(true)
  })

  it('a station added on the AP image below the others does not shift the lateral values', () => {
    const first = ap()
    const lat = calibrateImage(first.draft, marks('Lat', [0, 4, 8, 12]), MARKER, 'LAT-1').draft
    const endoLatAt100 = (lat.bone!.stations![1] as Record<string, number>).endostealLat
    const added = { ...first.state, marks: { ...first.state.marks, stations: [stationMark(2), ...first.state.marks.stations] } }
    const after = applyImageEdit(lat, first.state, added, 'AP-1').draft
    const st = after.bone!.stations! as Record<string, number>[]
    // Stations now at 20, 60, 100, 180, 260: the new 60 mm station has no lateral values.
    expect(st).toHaveLength(5)
    expect(st[1]!.endostealLat).toBeUndefined()
    expect(st[2]!.endostealLat).toBe(endoLatAt100)
    const p = planFromRaw(after)
    // Station 2 has AP values only: the case asks for its lateral ones, by name.
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.errors.map((e) => e.path)).toContain('bone.stations[1].endostealLat')
  })

  it('an AP station moved away from the level of its lateral values: the case refuses it at the lateral field', () => {
    const first = ap()
    const lat = calibrateImage(first.draft, marks('Lat', [0, 4, 8, 12]), MARKER, 'LAT-1').draft
    const moved = { ...first.state, marks: { ...first.state.marks, stations: first.state.marks.stations.map((s) => (s.id === 's4' ? stationMark(4, 20) : s)) } }
    const after = applyImageEdit(lat, first.state, moved, 'AP-1').draft
    const p = planFromRaw(after)
    expect(p.ok).toBe(false)
    if (!p.ok) {
      const e = p.errors.find((x) => x.path === 'bone.stations[1].endostealLat')
      expect(e?.message).toMatch(/^was measured on the lateral radiograph 115 mm from the distal end, 23 mm from this station \(138 mm\); the two views' values may lie at most 5 mm apart/)
    }
  })

  it('a lateral station moved to another level takes its values with it', () => {
    const first = ap()
    const lat = calibrateImage(first.draft, marks('Lat', [4]), MARKER, 'LAT-1')
    const moved = { ...lat.state, marks: { ...lat.state.marks, stations: [stationMark(8)] } }
    const after = applyImageEdit(lat.draft, lat.state, moved, 'LAT-1').draft
    const st = after.bone!.stations! as Record<string, number>[]
    expect(st[1]!.endostealLat).toBeUndefined()
    expect(st[1]!.lateralFromDistalEnd).toBeUndefined()
    expect(st[2]!.endostealLat).toBeCloseTo(truth.stations[8]!.endostealMm * M, 0)
  })
})

// Second read of the radiograph path (2026-12-01, after the change above): sequences that still
// ended with a wrong number and no warning.
describe('what the case holds stays at the magnification it is corrected with', () => {
  const ERMF = (e: number): CalibrationInput => ({ kind: 'file', spacing: { ...detector, id: 'imager-ermf', plane: 'corrected', rowMm: truth.detectorPixelMm / e, colMm: truth.detectorPixelMm / e, ermf: e } })
  const DEPT = (f: number): CalibrationInput => ({ kind: 'department', factor: f, provenance: 'entered for this image', detector })
  const set = (d: CaseDraft, path: string, value: unknown): CaseDraft => {
    const copy = JSON.parse(JSON.stringify(d)) as CaseDraft
    const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.')
    let o = copy as Record<string, unknown>
    for (const p of parts.slice(0, -1)) o = o[p] as Record<string, unknown>
    o[parts[parts.length - 1]!] = value
    return copy
  }

  it('stations added to an axis written at the case marker are written at it too (was: written as true size, residual 243.5 for 280, Ø16 for Ø18)', () => {
    const axisOnly = calibrateImage(exampleCase(), { ...marks('single', []), skin: null }, KNOWN, 'AP-1')
    const withStations = applyImageEdit(axisOnly.draft, axisOnly.state, { ...axisOnly.state, marks: { ...axisOnly.state.marks, stations: [0, 4, 8, 12].map((i) => stationMark(i)) } }, 'AP-1').draft
    expect(withStations.imaging).toEqual(exampleCase().imaging)
    const c = corrected(withStations)
    expect(c.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
    expect(Math.abs(c.stations[1]!.endostealMm - truth.stations[4]!.endostealMm)).toBeLessThanOrEqual(0.3)
  })

  it('a factor typed after an image set the calibration: the image’s values are placed at it at the next edit', () => {
    const first = calibrateImage(exampleCase(), marks('single', [0, 4, 8, 12]), ERMF(1.15), 'AP-1')
    const typed = set(first.draft, 'imaging', { source: 'xray', magnification: 1.1 })
    const again = applyImageEdit(typed, first.state, { ...first.state, marks: { ...first.state.marks, stations: first.state.marks.stations.map((s) => ({ ...s })) } }, 'AP-1').draft
    expect(again.imaging).toEqual({ source: 'xray', magnification: 1.1 })
    expect(corrected(again).residualLengthMm).toBeCloseTo(truth.residualMm, 0)
  })

  it('a value typed over a station stays with its station when a station is added before it (was: moved to the new station)', () => {
    const first = calibrateImage(exampleCase(), marks('single', [1, 5, 9, 13 - 1]), ERMF(1.15), 'AP-1')
    const typed = set(first.draft, 'bone.stations[1].endosteal', 20)
    const linked = applyImageEdit(typed, first.state, first.state, 'AP-1')
    expect(linked.state.marks.unlinked).toEqual(['station:s5.endosteal'])
    const added = { ...linked.state, marks: { ...linked.state.marks, stations: [...linked.state.marks.stations, stationMark(3)] } }
    const after = applyImageEdit(linked.draft, linked.state, added, 'AP-1')
    const st = after.draft.bone!.stations! as Record<string, number>[]
    expect(after.state.marks.unlinked).toEqual(['station:s5.endosteal'])
    expect(st[2]!.endosteal).toBe(20)
    expect(st[1]!.endosteal).toBeCloseTo(truth.stations[3]!.endostealMm * M, 0)
    // Removing the first station: the typed value moves up with its station.
    const removed = { ...after.state, marks: { ...after.state.marks, stations: after.state.marks.stations.filter((s) => s.id !== 's1') } }
    const fewer = applyImageEdit(after.draft, after.state, removed, 'AP-1')
    expect((fewer.draft.bone!.stations![1] as Record<string, number>).endosteal).toBe(20)
    expect(fewer.state.marks.unlinked).toEqual(['station:s5.endosteal'])
  })

  it('a value typed over a station keeps the case calibration when the image is recalibrated (was: re-corrected with the new factor, 18.18 for 17.39)', () => {
    const first = calibrateImage(exampleCase(), marks('single', [0, 4, 8, 12]), ERMF(1.15), 'AP-1')
    const typed = applyImageEdit(set(first.draft, 'bone.stations[1].endosteal', 20), first.state, first.state, 'AP-1')
    const recal = applyImageEdit(typed.draft, typed.state, { ...typed.state, calibration: DEPT(1.1) }, 'AP-1').draft
    expect(recal.imaging).toEqual({ source: 'xray', magnification: 1.15 })
    expect(corrected(recal).stations[1]!.endostealMm).toBeCloseTo(20 / 1.15, 9)
  })

  it('a one-plane image does not drop the lateral diameters of the case: refused, and said (was: dropped with the block they raised)', () => {
    const ap = calibrateImage(exampleCase(), marks('AP', [0, 4, 8, 12]), MARKER, 'AP-1').draft
    const lat = calibrateImage(ap, marks('Lat', [0, 4, 8, 12]), MARKER, 'LAT-1').draft
    const one = calibrateImage(lat, marks('single', [0, 4, 8, 12]), ERMF(1.15), 'IMG-3')
    expect(one.draft).toBe(lat)
    const cal = calibrate(ERMF(1.15))
    if (!cal.ok) throw new Error(cal.error)
    expect(placeImageValues(lat, one.state.marks, cal.calibration, 'IMG-3').note).toMatch(/^This image's values are not written: as a one-plane image it would replace the case's stations, and with them the lateral diameters of Stations 1, 2, 3, 4\. Mark it as the AP view/)
  })

  it('in a CT case an image’s soft tissue is not written: R-MAG would divide it by the site default once more (was: 39.1 mm for 45)', () => {
    const ct: CaseDraft = { ...exampleCase(), imaging: { source: 'ct' } }
    const r = calibrateImage(ct, { ...marks('AP', []), skin: truth.skin }, MARKER, 'AP-1').draft
    expect(r.softTissue).toEqual(ct.softTissue)
    const cal = calibrate(MARKER)
    if (!cal.ok) throw new Error(cal.error)
    expect(placeImageValues(ct, { ...marks('AP', []), skin: truth.skin }, cal.calibration, 'AP-1').result.problems).toContain(
      "Soft tissue: the case's bones are measured on CT, and a thickness measured on X-ray is then corrected with the site's default magnification, so this image's value is not written. Enter the thickness in the form with how it was measured."
    )
  })
})
