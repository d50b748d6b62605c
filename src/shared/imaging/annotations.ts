// What goes where on an annotated radiograph, in image pixels: the measurements (axis, stations,
// skin), the plan at true size (implant along the axis, prepared canal, tip margin, resection
// level, soft-tissue target; the next smaller and larger sizes on demand), a scale bar and the
// calibration's name. One pure function serves the screen overlay (SVG), the printed summary and
// the image filed to the PACS (canvas), so print and screen cannot disagree.
//
// Lengths: the plan's sizes are true size (mm at the patient). The image's measurement scale is
// the calibration's (detector mm for an X-ray whose magnification R-MAG corrects), so a true length
// is drawn as length × magnification in that scale. Resection shifts the implant: the sizes are for
// the shortened bone, whose distal end lies `resectionMm` (true) proximal of the one measured.
import type { PlanResult } from '../result'
import { trueScale, type Calibration } from './calibration'
import type { ImageHeader } from './image-types'
import { axisFrame, pointOnStation, type PixelScale, type Point } from './geometry'
import { EDGE_NAMES, type ImageMarks } from './to-case'
import { sortedStations } from './to-case'

export type AnnotationRole =
  | 'axis'
  | 'station'
  | 'edge'
  | 'skin'
  | 'implant'
  | 'implant-smaller'
  | 'implant-larger'
  | 'prepared'
  | 'tip-margin'
  | 'resection'
  | 'soft-target'

/** One colour per role, on screen and on paper alike (chosen to read on a grey radiograph). */
export const ANNOTATION_COLORS: Record<AnnotationRole, string> = {
  axis: '#4fc3f7',
  station: '#4fc3f7',
  edge: '#ffd54f',
  skin: '#81c784',
  implant: '#ff5050',
  'implant-smaller': '#ba68c8',
  'implant-larger': '#4dd0e1',
  prepared: '#ff5050',
  'tip-margin': '#ff9f40',
  resection: '#ffee58',
  'soft-target': '#81c784'
}

/** The roles the plan adds over the measurements (the screen draws the measurements as handles). */
export const PLAN_ROLES: ReadonlySet<AnnotationRole> = new Set(['implant', 'implant-smaller', 'implant-larger', 'prepared', 'tip-margin', 'resection', 'soft-target'])

export type AnnotationMark =
  | { kind: 'line'; role: AnnotationRole; a: Point; b: Point; dashed?: boolean }
  | { kind: 'polygon'; role: AnnotationRole; points: Point[]; dashed?: boolean }
  | { kind: 'dot'; role: AnnotationRole; at: Point }
  /** Text anchored at its left baseline, in image pixels. */
  | { kind: 'label'; role: AnnotationRole; at: Point; text: string }

export interface ScaleBar {
  /** True length the bar stands for. */
  mm: number
  /** Its length in image columns. */
  px: number
  text: string
}

export interface AnnotationScene {
  marks: AnnotationMark[]
  /** Null without a calibration: an uncalibrated image has no true size to show. */
  scaleBar: ScaleBar | null
  /** "calibration: marker 25 mm (magnification 1.15)", or a plain "not calibrated". */
  calibrationText: string
}

export interface AnnotationInput {
  marks: ImageMarks
  /** The measurement scale (the calibration's, or the file's pixel aspect when uncalibrated). */
  scale: PixelScale
  calibration: Calibration | null
  result: PlanResult | null
  /** Also draw the next smaller and larger implant sizes. */
  neighbours?: boolean
  /** Half-width of a station line, mm of the measurement scale. */
  stationHalfWidthMm?: number
  /** Image width the scale bar is chosen for, in image columns (the visible part on screen). */
  barWidthPx?: number
}

/** The scale measurements use: the calibration's, else the file's pixel aspect (drawing only). */
export function measurementScale(header: ImageHeader, calibration: Calibration | null): PixelScale {
  return calibration ? calibration.scale : (header.spacing.candidates[0] ?? { rowMm: 1, colMm: 1 })
}

/** The magnification R-MAG used when the case has no stated one (the profile's default). */
const BAR_STEPS_MM = [5, 10, 20, 50, 100, 200]

/** The longest round bar that takes at most a quarter of `widthPx` (at least the shortest step). */
export function scaleBarFor(trueColMm: number, widthPx: number): { mm: number; px: number } | null {
  if (!(trueColMm > 0) || !(widthPx > 0)) return null
  const fits = BAR_STEPS_MM.filter((mm) => mm / trueColMm <= widthPx / 4)
  const mm = fits.at(-1) ?? BAR_STEPS_MM[0]!
  return { mm, px: mm / trueColMm }
}

const fmt = (mm: number) => (Math.round(mm * 10) / 10).toString()

export function annotationScene(input: AnnotationInput): AnnotationScene {
  const { marks, scale, calibration, result } = input
  const out: AnnotationMark[] = []
  const axis = marks.axis
  const frame = axis ? axisFrame(axis, scale) : null
  const at = (z: number, off: number) => (axis ? pointOnStation(axis, scale, z, off) : null)
  const line = (role: AnnotationRole, a: Point | null, b: Point | null, dashed?: boolean) => {
    if (a && b) out.push({ kind: 'line', role, a, b, ...(dashed ? { dashed } : {}) })
  }
  const label = (role: AnnotationRole, p: Point | null, text: string) => {
    if (p) out.push({ kind: 'label', role, at: p, text })
  }

  // The measurements.
  if (axis && frame) {
    line('axis', axis.proximal, axis.distal)
    const half = input.stationHalfWidthMm ?? 35
    for (const st of sortedStations(marks)) {
      const z = st.t * frame.lengthMm
      line('station', at(z, -half), at(z, half))
      for (const name of EDGE_NAMES) {
        const p = st.edges[name]
        if (p) out.push({ kind: 'dot', role: 'edge', at: p })
      }
    }
  }
  if (marks.skin) {
    if (axis) line('skin', axis.distal, marks.skin, true)
    out.push({ kind: 'dot', role: 'skin', at: marks.skin })
  }

  // The plan, at true size along the axis. Only on a calibrated image: without one the template
  // would be drawn at a size the image does not know.
  const implant = result?.implant
  if (calibration && result && axis && frame) {
    const m = result.corrected.magnification
    const resection = Math.max(0, result.buildHeight?.resectionMm ?? 0)
    const z0 = (implant?.resectionMm ?? resection) * m
    if (resection > 0) {
      const w = ((implant?.diameterMm ?? 20) * m) / 2 + 12
      line('resection', at(resection * m, -w), at(resection * m, w))
      label('resection', at(resection * m, w + 2), `resection ${fmt(resection)} mm`)
    }
    if (implant) {
      const len = implant.lengthMm * m
      const outline = (d: number) => [at(z0, -d), at(z0 + len, -d), at(z0 + len, d), at(z0, d)].filter((p): p is Point => p !== null)
      const d = (implant.diameterMm * m) / 2
      if (input.neighbours) {
        for (const [role, size] of [
          ['implant-smaller', implant.smaller],
          ['implant-larger', implant.larger]
        ] as const) {
          if (size) out.push({ kind: 'polygon', role, points: outline((size.diameterMm * m) / 2), dashed: true })
        }
      }
      out.push({ kind: 'polygon', role: 'implant', points: outline(d) })
      const r = (implant.preparedDiameterMm * m) / 2
      line('prepared', at(z0, -r), at(z0 + len, -r), true)
      line('prepared', at(z0, r), at(z0 + len, r), true)
      const tip = z0 + implant.maxLengthMm * m
      line('tip-margin', at(tip, -2 * d), at(tip, 2 * d))
      label('tip-margin', at(tip, 2 * d + 2), `longest implant the bone allows: ${fmt(implant.maxLengthMm)} mm`)
      const sizes = input.neighbours
        ? ` (smaller Ø${implant.smaller ? implant.smaller.diameterMm : '—'}, larger Ø${implant.larger ? implant.larger.diameterMm : '—'})`
        : ''
      label('implant', at(z0 + len / 2, d + 4), `${implant.systemName} Ø${implant.diameterMm} × ${implant.lengthMm} mm, true size${sizes}`)
    }
    // Soft tissue: where the skin will be after the planned reduction, along the axis beyond the bone end.
    const soft = result.softTissue
    if (marks.skin && soft.measuredMm > 0) {
      const zs = -soft.plannedMm * result.corrected.softTissueMagnification
      const w = ((implant?.diameterMm ?? 20) * m) / 2 + 12
      line('soft-target', at(zs, -w), at(zs, w), true)
      const text = soft.reductionMm > 0 ? `soft-tissue target ${fmt(soft.targetMm)} mm (reduce by ${fmt(soft.reductionMm)} mm)` : `soft tissue ${fmt(soft.measuredMm)} mm (target ≤ ${fmt(soft.targetMm)} mm)`
      label('soft-target', at(zs, w + 2), text)
    }
  }

  let scaleBar: ScaleBar | null = null
  if (calibration) {
    const s = trueScale(calibration, result?.corrected.magnification)
    const bar = s && scaleBarFor(s.colMm, input.barWidthPx ?? 0)
    if (bar) scaleBar = { ...bar, text: `${bar.mm} mm (true size)` }
  }
  return { marks: out, scaleBar, calibrationText: calibration ? `calibration: ${calibration.label}` : 'not calibrated: no true size' }
}
