// Calibration: how image pixels become millimetres, and which `imaging` section of the case that
// is, so that rule R-MAG (and its ±5 % sensitivity) applies exactly as to typed measurements.
// Four kinds: from the file, a marker of known size, a known distance, a department factor.
import type { RawImaging } from '../case/types'
import { LIMITS } from '../case/parse'
import type { SpacingCandidate } from './image-types'
import { distanceMm, type PixelScale, type Point } from './geometry'

export type CalibrationKind = 'file' | 'marker' | 'known-distance' | 'department'

export type CalibrationInput =
  | { kind: 'file'; spacing: SpacingCandidate }
  /** A line drawn across the marker's diameter; `detector` = the file's detector-plane spacing, if any. */
  | { kind: 'marker'; trueSizeMm: number; from: Point; to: Point; detector: SpacingCandidate | null }
  | { kind: 'known-distance'; trueLengthMm: number; from: Point; to: Point; detector: SpacingCandidate | null }
  | { kind: 'department'; factor: number; provenance: string; detector: SpacingCandidate }

export interface Calibration {
  kind: CalibrationKind
  /** Named on every measurement and on the printout, e.g. "marker 25 mm (magnification 1.15)". */
  label: string
  /** mm per pixel of the values written to the case (detector mm when R-MAG corrects them). */
  scale: PixelScale
  /** The case's imaging section that goes with those values. */
  imaging: RawImaging
}

export type CalibrationResult = { ok: true; calibration: Calibration } | { ok: false; error: string }

/** The case form's magnification limits: a calibration the case would refuse is refused here. */
export const MAGNIFICATION_RANGE = LIMITS.magnification
const MAG_MIN = MAGNIFICATION_RANGE.min
const MAG_MAX = MAGNIFICATION_RANGE.max
const MIN_LINE_PX = 10
const r3 = (x: number) => Math.round(x * 1000) / 1000
const r2 = (x: number) => Math.round(x * 100) / 100
const fail = (error: string): CalibrationResult => ({ ok: false, error })
const ok = (calibration: Calibration): CalibrationResult => ({ ok: true, calibration })

/** The detector-plane pixel size behind a spacing candidate (ERMF-corrected spacing undone). */
function detectorScale(c: SpacingCandidate): PixelScale {
  const m = c.id === 'imager-ermf' && c.ermf ? c.ermf : 1
  return { rowMm: c.rowMm * m, colMm: c.colMm * m }
}

function lineScale(from: Point, to: Point, trueMm: number, base: PixelScale | null): { scale: PixelScale; measuredBaseMm: number } | null {
  const unit = base ?? { rowMm: 1, colMm: 1 }
  const measured = distanceMm(from, to, unit)
  if (!(measured > 0)) return null
  const k = trueMm / measured
  return { scale: { rowMm: unit.rowMm * k, colMm: unit.colMm * k }, measuredBaseMm: measured }
}

export function calibrate(input: CalibrationInput): CalibrationResult {
  switch (input.kind) {
    case 'file': {
      const c = input.spacing
      if (c.id === 'imager-ermf' && c.ermf) {
        if (c.ermf < MAG_MIN || c.ermf > MAG_MAX) return fail(`The file's magnification factor ${c.ermf} is outside ${MAG_MIN.toFixed(2)}–${MAG_MAX.toFixed(2)}; use a marker or a known distance instead.`)
        return ok({ kind: 'file', label: `from the file: ${c.label}`, scale: detectorScale(c), imaging: { source: 'xray', magnification: c.ermf } })
      }
      if (c.plane === 'corrected') return ok({ kind: 'file', label: `from the file: ${c.label}`, scale: { rowMm: c.rowMm, colMm: c.colMm }, imaging: { source: 'calibrated' } })
      // Detector plane only: values are magnified; R-MAG applies the site's default factor and warns.
      return ok({ kind: 'file', label: `from the file: ${c.label}, not corrected (the site default factor applies)`, scale: { rowMm: c.rowMm, colMm: c.colMm }, imaging: { source: 'xray' } })
    }
    case 'department': {
      const f = input.factor
      if (!(f >= MAG_MIN && f <= MAG_MAX)) return fail(`A department factor must be between ${MAG_MIN.toFixed(2)} and ${MAG_MAX.toFixed(2)} (got ${f}).`)
      if (input.detector.plane !== 'detector') return fail('A department factor applies to the detector pixel size; this spacing is already corrected to the patient.')
      return ok({ kind: 'department', label: `department factor ${f} (${input.provenance}) on the detector pixel size`, scale: detectorScale(input.detector), imaging: { source: 'xray', magnification: f } })
    }
    case 'marker':
    case 'known-distance': {
      const trueMm = input.kind === 'marker' ? input.trueSizeMm : input.trueLengthMm
      const what = input.kind === 'marker' ? 'marker' : 'known distance'
      if (!(trueMm > 0 && trueMm <= 1000)) return fail(`The ${what}'s true size must be a length above 0 mm (got ${trueMm}).`)
      if (Math.hypot(input.to.x - input.from.x, input.to.y - input.from.y) < MIN_LINE_PX) return fail(`The line over the ${what} is shorter than ${MIN_LINE_PX} pixels; zoom in and draw it across the whole ${what}.`)
      const base = input.detector ? detectorScale(input.detector) : null
      const line = lineScale(input.from, input.to, trueMm, base)
      if (!line) return fail(`The line over the ${what} has no length.`)
      if (input.kind === 'marker' && base) {
        const measured = r2(line.measuredBaseMm)
        const m = measured / trueMm
        if (m < MAG_MIN || m > MAG_MAX) {
          return fail(`The marker measures ${measured} mm at the detector for ${trueMm} mm true: a magnification of ${r3(m)}, outside ${MAG_MIN.toFixed(2)}–${MAG_MAX.toFixed(2)}. Check the marker size and the line.`)
        }
        return ok({ kind: 'marker', label: `marker ${trueMm} mm (magnification ${r3(m)})`, scale: base, imaging: { source: 'xray', marker: { trueSize: trueMm, measuredSize: measured } } })
      }
      // No detector pixel size (e.g. a PNG): the line alone sets the true size of a pixel.
      const label = input.kind === 'marker' ? `marker ${trueMm} mm (true size from the marker)` : `known distance ${trueMm} mm`
      return ok({ kind: input.kind, label, scale: line.scale, imaging: { source: 'calibrated' } })
    }
  }
}

/** The true-size mm per pixel of a calibration (R-MAG's factor applied), for scale bars and templates.
 *  `planFactor` is the factor the plan's R-MAG used (the site default for detector-plane spacing);
 *  null when an X-ray calibration names no factor and there is no plan yet: no true size is guessed. */
export function trueScale(c: Calibration, planFactor: number | undefined): PixelScale | null {
  const i = c.imaging
  const m = i.source !== 'xray' ? 1 : i.marker ? Number(i.marker.measuredSize) / Number(i.marker.trueSize) : (i.magnification ?? planFactor)
  if (m === undefined || !Number.isFinite(m) || m <= 0) return null
  return { rowMm: c.scale.rowMm / m, colMm: c.scale.colMm / m }
}

/**
 * Pixel Spacing (0028,0030) of a copy of the image resized to `output` pixels (the filed
 * Secondary Capture, scaled down to fit): the true size per source pixel times source pixels per
 * output pixel, per axis, as DICOM orders it — [between rows, between columns] in mm. Null when
 * the calibration states no true size of its own: a size from the site's default factor is an
 * assumption, and filed as Pixel Spacing it would come back as a calibrated image.
 */
export function resizedPixelSpacing(c: Calibration, source: { rows: number; columns: number }, output: { rows: number; columns: number }): [number, number] | null {
  const s = trueScale(c, undefined)
  if (!s || output.rows <= 0 || output.columns <= 0) return null
  return [(s.rowMm * source.rows) / output.rows, (s.colMm * source.columns) / output.columns]
}
