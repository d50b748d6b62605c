// Image → case: the phantom measured with its true handle positions gives the phantom's truth,
// and the plan of the measured case equals the plan of the same case typed by hand.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyImageValues, calibrate, imageCaseValues, linkStates, valuesAlsoCorrected, type Calibration, type ImageMarks, type StationMark } from '../../../src/shared/imaging'
import { planFromRaw } from '../../../src/shared/plan'
import { getAt } from '../../../src/renderer/src/features/editor/draft-path'
import type { CaseDraft } from '../../../src/shared/case/types'
import { truth } from './phantoms'

const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }

function cal(input: Parameters<typeof calibrate>[0]): Calibration {
  const r = calibrate(input)
  if (!r.ok) throw new Error(r.error)
  return r.calibration
}

function marks(plane: ImageMarks['plane'] = 'single'): ImageMarks {
  const stations: StationMark[] = truth.stations.map((s, i) => ({ id: `s${i}`, t: s.zMm / truth.residualMm, edges: { ...s.edges }, accepted: true }))
  return { axis: truth.axis, stations: stations.reverse(), skin: truth.skin, plane }
}

const CALIBRATIONS: [string, Calibration][] = [
  ['file (ERMF)', cal({ kind: 'file', spacing: { ...detector, id: 'imager-ermf', plane: 'corrected', rowMm: 0.3 / 1.15, colMm: 0.3 / 1.15, ermf: 1.15 } })],
  ['marker', cal({ kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector })],
  ['known distance', cal({ kind: 'known-distance', trueLengthMm: 25, from: truth.marker.from, to: truth.marker.to, detector })],
  ['department factor', cal({ kind: 'department', factor: 1.15, provenance: 'site default', detector })]
]

function magnification(c: Calibration): number {
  const i = c.imaging
  if (i.source !== 'xray') return 1
  return i.marker ? Number(i.marker.measuredSize) / Number(i.marker.trueSize) : (i.magnification as number)
}

describe.each(CALIBRATIONS)('measuring the phantom, calibration %s', (_, c) => {
  const result = imageCaseValues(marks(), c, 'AP-1')

  it('names the image and the calibration as the origin', () => {
    expect(result.origin).toBe(`measured on image AP-1, calibration: ${c.label}`)
    expect(result.problems).toEqual([])
  })

  it('gives every value within 0.5 mm of the truth after R-MAG', () => {
    const m = magnification(c)
    const byPath = new Map(result.values.map((v) => [v.path, v.value / m]))
    expect(byPath.get('bone.residualLength')).toBeCloseTo(truth.residualMm, 0)
    expect(Math.abs(byPath.get('softTissue.distalThickness')! - truth.softTissueMm)).toBeLessThanOrEqual(0.5)
    truth.stations.forEach((s, i) => {
      expect(Math.abs(byPath.get(`bone.stations[${i}].fromDistalEnd`)! - s.zMm)).toBeLessThanOrEqual(0.5)
      expect(Math.abs(byPath.get(`bone.stations[${i}].endosteal`)! - s.endostealMm)).toBeLessThanOrEqual(0.5)
      expect(Math.abs(byPath.get(`bone.stations[${i}].periosteal`)! - s.periostealMm)).toBeLessThanOrEqual(0.5)
    })
  })
})

describe('writing into the case', () => {
  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  const c = CALIBRATIONS[1]![1]
  const result = imageCaseValues(marks(), c, 'AP-1')
  const measured = applyImageValues(base, result, 'single')

  it('replaces imaging, residual length, stations and soft tissue; keeps everything else', () => {
    expect(measured.imaging).toEqual(c.imaging)
    expect(measured.bone?.stations).toHaveLength(truth.stations.length)
    expect(measured.bone?.landmark).toBe(base.bone?.landmark)
    expect(measured.softTissue).toEqual({ distalThickness: expect.any(Number), method: 'xray' })
    expect(measured.patient).toEqual(base.patient)
    expect(base.bone?.stations).toHaveLength(6)
  })

  it('gives the same plan as the same numbers typed by hand', () => {
    const typed = JSON.parse(JSON.stringify(measured)) as CaseDraft
    const a = planFromRaw(measured)
    const b = planFromRaw(typed)
    expect(a.ok).toBe(true)
    expect(a).toEqual(b)
  })

  it('gives the implant of the case typed from the phantom truth', () => {
    const m = 1.15
    const byTruth: CaseDraft = {
      ...base,
      imaging: { source: 'xray', marker: { trueSize: 25, measuredSize: 28.75 } },
      bone: { ...base.bone, residualLength: Math.round(truth.residualMm * m * 10) / 10, stations: truth.stations.map((s) => ({ fromDistalEnd: Math.round(s.zMm * m * 10) / 10, endosteal: Math.round(s.endostealMm * m * 10) / 10, periosteal: Math.round(s.periostealMm * m * 10) / 10 })) },
      softTissue: { distalThickness: Math.round(truth.softTissueMm * m * 10) / 10, method: 'xray' }
    }
    const a = planFromRaw(measured)
    const b = planFromRaw(byTruth)
    if (!a.ok || !b.ok) throw new Error('plan failed')
    expect(a.result.implant).not.toBeNull()
    expect(a.result.implant?.diameterMm).toBe(b.result.implant?.diameterMm)
    expect(a.result.implant?.lengthMm).toBe(b.result.implant?.lengthMm)
  })

  it('a value stays linked until something else is typed over it', () => {
    const typedOver = { ...measured, bone: { ...measured.bone, residualLength: 300 } } as CaseDraft
    const states = linkStates(typedOver, result.values, getAt)
    expect(states.find((s) => s.value.path === 'bone.residualLength')).toMatchObject({ linked: false, current: 300 })
    expect(states.filter((s) => s.linked)).toHaveLength(result.values.length - 1)
  })

  it('a value typed over is not overwritten by the image, even in a rebuilt station list', () => {
    const typedOver = applyImageValues(measured, result, 'single')
    ;(typedOver.bone!.stations![2] as Record<string, number>).endosteal = 99
    typedOver.bone!.residualLength = 301
    const again = applyImageValues(typedOver, result, 'single', ['bone.stations[2].endosteal', 'bone.residualLength'])
    expect(again.bone?.residualLength).toBe(301)
    expect((again.bone?.stations?.[2] as Record<string, number>).endosteal).toBe(99)
    expect((again.bone?.stations?.[3] as Record<string, number>).endosteal).toBe((measured.bone?.stations?.[3] as Record<string, number>).endosteal)
  })

  it('suggested edges feed the case only once accepted', () => {
    const m = marks()
    m.stations[0] = { ...m.stations[0]!, accepted: false }
    const r = imageCaseValues(m, c, 'AP-1')
    expect(r.problems).toEqual(['Station 13: accept or move the suggested edges.'])
    expect(r.values.some((v) => v.path === 'bone.stations[12].endosteal')).toBe(false)
    expect(r.values.some((v) => v.path === 'bone.stations[12].fromDistalEnd')).toBe(true)
  })

  it('a lateral image adds its diameters to the stations of the AP image', () => {
    const ap = applyImageValues(base, imageCaseValues(marks('AP'), c, 'AP-1'), 'AP')
    const lat = applyImageValues(ap, imageCaseValues(marks('Lat'), c, 'LAT-1'), 'Lat')
    const s0 = lat.bone?.stations?.[0] as Record<string, number>
    expect(Object.keys(s0).sort()).toEqual(['endostealAP', 'endostealLat', 'fromDistalEnd', 'lateralFromDistalEnd', 'periostealAP', 'periostealLat'])
    // The lateral diameters carry the level they were measured at: here the AP station's own.
    expect(s0.lateralFromDistalEnd).toBe(s0.fromDistalEnd)
    expect(lat.bone?.residualLength).toBe(ap.bone?.residualLength)
  })

  it('an axis without stations leaves the typed stations alone', () => {
    const r = imageCaseValues({ axis: truth.axis, stations: [], skin: null, plane: 'single' }, c, 'AP-1')
    expect(applyImageValues(base, r, 'single').bone?.stations).toEqual(base.bone?.stations)
  })
})

describe("the case's other radiographic values, which the image's calibration corrects too", () => {
  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  const c = CALIBRATIONS[2]![1] // known distance: true size
  it('an image that measures the whole bone leaves only the sound-side length to check', () => {
    const all = imageCaseValues(marks(), c, 'AP-1')
    expect(valuesAlsoCorrected(base, all, 'single')).toEqual(['Sound-side length'])
  })
  it('an image with the axis only: the typed stations are corrected with its calibration too, and named', () => {
    const axisOnly = imageCaseValues({ ...marks(), stations: [], skin: null }, c, 'AP-1')
    expect(valuesAlsoCorrected(base, axisOnly, 'single')).toEqual(['Stations 1, 2, 3, 4, 5, 6', 'Sound-side length'])
  })
  it('a lateral image names the AP values it does not write', () => {
    const lateral = imageCaseValues(marks('Lat'), c, 'LAT-1')
    expect(valuesAlsoCorrected(base, lateral, 'Lat')).toEqual(['Residual bone length', 'Stations 1, 2, 3, 4, 5, 6', 'Sound-side length'])
  })
  it('nothing else radiographic in the case: nothing to name', () => {
    const bare = JSON.parse(JSON.stringify(base)) as CaseDraft
    delete bare.prosthesis!.soundSideLength
    expect(valuesAlsoCorrected(bare, imageCaseValues(marks(), c, 'AP-1'), 'single')).toEqual([])
  })
})
