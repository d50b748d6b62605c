// The annotated radiograph's geometry: the plan drawn at true size where the calibration puts it,
// shared by the screen overlay, the printout and the image filed to the PACS.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { annotationScene, applyImageValues, calibrate, imageCaseValues, scaleBarFor, type AnnotationMark, type Calibration, type ImageMarks } from '../../../src/shared/imaging'
import type { CaseDraft } from '../../../src/shared/case/types'
import { planFromRaw } from '../../../src/shared/plan'
import type { PlanResult } from '../../../src/shared/result'
import { truth } from './phantoms'

function cal(input: Parameters<typeof calibrate>[0]): Calibration {
  const r = calibrate(input)
  if (!r.ok) throw new Error(r.error)
  return r.calibration
}

// A vertical axis: distal end at row 900, proximal landmark at row 100, column 500; 0.5 mm pixels.
const MARKS: ImageMarks = { axis: { distal: { x: 500, y: 900 }, proximal: { x: 500, y: 100 } }, stations: [], skin: { x: 500, y: 960 }, plane: 'single' }
const TRUE_SIZE = cal({ kind: 'file', spacing: { id: 'pixel-spacing', plane: 'corrected', rowMm: 0.5, colMm: 0.5, label: 'Pixel Spacing' } })
const SCALE = TRUE_SIZE.scale

function result(over: { magnification?: number; resection?: number; soft?: Partial<PlanResult['softTissue']>; softMag?: number } = {}): PlanResult {
  return {
    corrected: { magnification: over.magnification ?? 1, softTissueMagnification: over.softMag ?? 1 },
    implant: {
      systemName: 'Test system',
      diameterMm: 16,
      lengthMm: 140,
      preparedDiameterMm: 15,
      maxLengthMm: 300,
      resectionMm: over.resection ?? 0,
      smaller: { diameterMm: 15, preparedDiameterMm: 14, contactLengthMm: 100 },
      larger: { diameterMm: 17, preparedDiameterMm: 16, contactLengthMm: 90 }
    },
    buildHeight: { resectionMm: over.resection ?? 0 },
    softTissue: { measuredMm: 30, targetMm: 10, reductionMm: 20, plannedMm: 10, bmi: 24, ...over.soft }
  } as unknown as PlanResult
}

const byRole = (marks: AnnotationMark[], role: AnnotationMark['role']) => marks.filter((m) => m.role === role)
const polygon = (marks: AnnotationMark[], role: AnnotationMark['role']) => {
  const p = byRole(marks, role).find((m) => m.kind === 'polygon')
  if (!p || p.kind !== 'polygon') throw new Error(`no ${role} outline`)
  return p.points
}
const ys = (pts: { y: number }[]) => pts.map((p) => Math.round(p.y * 1000) / 1000)
const xs = (pts: { x: number }[]) => pts.map((p) => Math.round(p.x * 1000) / 1000)

describe('the implant at true size along the axis', () => {
  it('spans its length from the distal bone end and its diameter across the axis, in pixels of the calibration', () => {
    const s = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result() })
    const pts = polygon(s.marks, 'implant')
    // 140 mm = 280 px proximal of row 900; Ø16 mm = ±16 px about column 500.
    expect(ys(pts)).toEqual([900, 620, 620, 900])
    expect(xs(pts).sort((a, b) => a - b)).toEqual([484, 484, 516, 516])
    const prepared = byRole(s.marks, 'prepared')
    expect(prepared.map((m) => (m.kind === 'line' ? Math.round(m.a.x * 1000) / 1000 : NaN)).sort()).toEqual([485, 515])
    const tip = byRole(s.marks, 'tip-margin').find((m) => m.kind === 'line')
    expect(tip?.kind === 'line' && tip.a.y).toBeCloseTo(900 - 600)
  })

  it('is drawn magnified on an X-ray measured at the detector (true length × magnification)', () => {
    const s = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result({ magnification: 1.15 }) })
    expect(ys(polygon(s.marks, 'implant'))).toEqual([900, 900 - 322, 900 - 322, 900])
  })

  it('starts at the resection level when the plan proposes one, which is drawn and named', () => {
    const s = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result({ resection: 20 }) })
    expect(ys(polygon(s.marks, 'implant'))).toEqual([860, 580, 580, 860])
    const level = byRole(s.marks, 'resection')
    expect(level.find((m) => m.kind === 'line')).toMatchObject({ a: { y: 860 }, b: { y: 860 } })
    expect(level.find((m) => m.kind === 'label')).toMatchObject({ text: 'resection 20 mm' })
    const none = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result() })
    expect(byRole(none.marks, 'resection')).toEqual([])
  })

  it('shows the next smaller and larger sizes only on demand', () => {
    const plain = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result() })
    expect(byRole(plain.marks, 'implant-smaller')).toEqual([])
    const both = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result(), neighbours: true })
    expect(xs(polygon(both.marks, 'implant-smaller')).sort((a, b) => a - b)).toEqual([485, 485, 515, 515])
    expect(xs(polygon(both.marks, 'implant-larger')).sort((a, b) => a - b)).toEqual([483, 483, 517, 517])
  })

  it('draws the soft-tissue target beyond the bone end, along the axis', () => {
    const s = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result() })
    const target = byRole(s.marks, 'soft-target')
    expect(target.find((m) => m.kind === 'line')).toMatchObject({ a: { y: 920 } })
    expect(target.find((m) => m.kind === 'label')).toMatchObject({ text: 'soft-tissue target 10 mm (reduce by 20 mm)' })
    const within = annotationScene({ marks: MARKS, scale: SCALE, calibration: TRUE_SIZE, result: result({ soft: { measuredMm: 8, reductionMm: 0, plannedMm: 8 } }) })
    expect(byRole(within.marks, 'soft-target').find((m) => m.kind === 'label')).toMatchObject({ text: 'soft tissue 8 mm (target ≤ 10 mm)' })
  })

  it('draws no plan and no scale bar on an uncalibrated image, and says so', () => {
    const s = annotationScene({ marks: MARKS, scale: { rowMm: 1, colMm: 1 }, calibration: null, result: result(), barWidthPx: 1000 })
    expect(s.marks.filter((m) => !['axis', 'skin'].includes(m.role))).toEqual([])
    expect(s.scaleBar).toBeNull()
    expect(s.calibrationText).toBe('not calibrated: no true size')
  })
})

describe('the scale bar and the calibration named', () => {
  it('picks the longest round length within a quarter of the width, at true size', () => {
    expect(scaleBarFor(0.5, 1000)).toEqual({ mm: 100, px: 200 })
    expect(scaleBarFor(0.5, 300)).toEqual({ mm: 20, px: 40 })
    expect(scaleBarFor(0.5, 10)).toEqual({ mm: 5, px: 10 })
    expect(scaleBarFor(0, 100)).toBeNull()
  })

  it('uses the true size of a marker calibration (detector pixels ÷ magnification)', () => {
    const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }
    const c = cal({ kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector })
    const s = annotationScene({ marks: { ...MARKS, axis: null }, scale: c.scale, calibration: c, result: null, barWidthPx: 2000 })
    const trueCol = truth.detectorPixelMm / 1.15
    expect(s.scaleBar?.px).toBeCloseTo(s.scaleBar!.mm / trueCol, 1)
    expect(s.scaleBar?.text).toBe(`${s.scaleBar!.mm} mm (true size)`)
    expect(s.calibrationText).toMatch(/^calibration: marker 25 mm/)
  })
})

describe('on the measured phantom with the real plan', () => {
  it('draws the recommended implant as long, in image rows, as its true length at the marker magnification', () => {
    const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }
    const c = cal({ kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector })
    const marks: ImageMarks = {
      axis: truth.axis,
      stations: truth.stations.map((s, i) => ({ id: `s${i}`, t: s.zMm / truth.residualMm, edges: { ...s.edges }, accepted: true })),
      skin: truth.skin,
      plane: 'single'
    }
    const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
    const plan = planFromRaw(applyImageValues(base, imageCaseValues(marks, c, 'AP-1'), 'single'))
    if (!plan.ok || !plan.result.implant) throw new Error('no plan')
    const s = annotationScene({ marks, scale: c.scale, calibration: c, result: plan.result })
    const pts = polygon(s.marks, 'implant')
    const lengthPx = Math.hypot(pts[1]!.x - pts[0]!.x, pts[1]!.y - pts[0]!.y)
    const m = plan.result.corrected.magnification
    expect(m).toBeCloseTo(1.15, 2)
    // Detector pixels: true mm × magnification ÷ detector pixel size.
    expect(lengthPx).toBeCloseTo(((plan.result.implant.lengthMm + 0) * m) / truth.detectorPixelMm, 3)
    const widthPx = Math.hypot(pts[3]!.x - pts[0]!.x, pts[3]!.y - pts[0]!.y)
    expect(widthPx).toBeCloseTo((plan.result.implant.diameterMm * m) / truth.detectorPixelMm, 3)
  })
})
