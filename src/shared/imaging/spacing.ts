// Pixel size stated by a DICOM file: Pixel Spacing (0028,0030), Imager Pixel Spacing (0018,1164)
// and the Estimated Radiographic Magnification Factor (0018,1114). Each becomes a labelled
// candidate; the detector plane and the patient plane are never silently mixed.
//
// Pixel Spacing means different things by modality (DICOM PS3.3 10.7.1.3, "Pixel Spacing
// Calibration Type" 0028,0A02):
// - CT, MR, PT (cross-sectional): Pixel Spacing is in the patient's plane (for a CT localizer,
//   at the isocentre): true size.
// - Every other modality — the projection radiographs CR, DX, MG, IO, PX, RF, XA, RG, also OT/SC,
//   NM, US, and an empty or unknown modality: Pixel Spacing is only a true size when Pixel Spacing
//   Calibration Type says GEOMETRY or FIDUCIAL. Without it, it is often the detector size copied
//   (10–20 % magnified) and is taken as at the detector, so R-MAG still corrects it. The one
//   exception is a Pixel Spacing equal to Imager Pixel Spacing ÷ ERMF: the correction is evident.
import { IMAGE_LIMITS } from './limits'
import type { SpacingCandidate, SpacingInfo } from './image-types'

/** Raw strings as the file gives them (undefined = tag absent). */
export interface SpacingTags {
  pixelSpacing?: string
  imagerPixelSpacing?: string
  ermf?: string
  /** Modality (0008,0060), e.g. "DX", "CT". */
  modality?: string
  /** Pixel Spacing Calibration Type (0028,0A02): GEOMETRY or FIDUCIAL when Pixel Spacing is calibrated. */
  calibrationType?: string
  /** Pixel Spacing Calibration Description (0028,0A04): free text, shown (shortened) in the label only. */
  calibrationDescription?: string
}

/** Modalities whose Pixel Spacing is in the patient's plane whatever the calibration type says. */
export const PATIENT_PLANE_MODALITIES: ReadonlySet<string> = new Set(['CT', 'MR', 'PT'])
/** Pixel Spacing Calibration Types that state a size at the patient. */
const CALIBRATED_TYPES: ReadonlySet<string> = new Set(['GEOMETRY', 'FIDUCIAL'])
const MAX_DESCRIPTION = 48

const DS_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** A DICOM decimal string (DS) as a number, or null when it is not one. */
export function parseDecimalString(text: string): number | null {
  const t = text.trim()
  return DS_RE.test(t) ? Number(t) : null
}

/** Untrusted file text made fit for a label: no control or format characters, one line, shortened. */
function shown(text: string, max: number): string {
  const t = text.replace(/\p{C}/gu, ' ').replace(/\s+/g, ' ').trim()
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t
}

/** A code string (CS) as DICOM compares it: leading and trailing spaces dropped, upper case. */
const codeString = (text: string | undefined): string => (text ?? '').replace(/\0/g, '').trim().toUpperCase()

function pair(name: string, text: string | undefined, problems: string[]): [number, number] | null {
  if (text === undefined || text.trim() === '') return null
  const parts = text.split('\\').map(parseDecimalString)
  if (parts.length !== 2 || parts.some((p) => p === null)) {
    problems.push(`${name} is not two numbers ("${text.slice(0, 40)}"); it is ignored.`)
    return null
  }
  const [row, col] = parts as [number, number]
  if (!(row > 0 && col > 0) || row > IMAGE_LIMITS.maxSpacingMm || col > IMAGE_LIMITS.maxSpacingMm) {
    problems.push(`${name} (${row} × ${col} mm) is not a usable pixel size (it must be above 0 and at most ${IMAGE_LIMITS.maxSpacingMm} mm); it is ignored.`)
    return null
  }
  return [row, col]
}

const mm = (x: number) => `${Number(x.toPrecision(4))} mm`
const same = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(a, b)
const samePair = (a: [number, number], b: [number, number]) => same(a[0], b[0]) && same(a[1], b[1])

/** Plane and label of Pixel Spacing (see the file's opening note). */
function pixelSpacingPlane(ps: [number, number], ips: [number, number] | null, ermf: number | null, tags: SpacingTags): Pick<SpacingCandidate, 'plane' | 'label'> {
  const size = `Pixel Spacing ${mm(ps[0])}`
  // Pixel Spacing equal to Imager Pixel Spacing is the detector size copied, not a correction.
  if (ips && samePair(ps, ips)) return { plane: 'detector', label: `${size} (same as the detector: magnified)` }
  const modality = codeString(tags.modality)
  if (PATIENT_PLANE_MODALITIES.has(modality)) return { plane: 'corrected', label: `${size} (${modality}: in the patient's plane, true size)` }
  const type = codeString(tags.calibrationType)
  if (CALIBRATED_TYPES.has(type)) {
    const description = shown(tags.calibrationDescription ?? '', MAX_DESCRIPTION)
    return { plane: 'corrected', label: `${size} (calibrated at the patient: ${type}${description ? `, "${description}"` : ''})` }
  }
  if (ips && ermf !== null && samePair(ps, [ips[0] / ermf, ips[1] / ermf])) return { plane: 'corrected', label: `${size} (equals Imager Pixel Spacing ÷ ERMF: corrected to the patient)` }
  const why = type === '' ? 'no calibration stated' : `calibration type "${shown(type, 16)}" not recognised`
  if (ips) return { plane: 'detector', label: `${size} (differs from the detector's ${mm(ips[0])}, but ${why}: not taken as true size)` }
  return { plane: 'detector', label: `${size} (${why}: taken as at the detector, magnified)` }
}

export function interpretSpacing(tags: SpacingTags): SpacingInfo {
  const problems: string[] = []
  const ps = pair('Pixel Spacing', tags.pixelSpacing, problems)
  const ips = pair('Imager Pixel Spacing', tags.imagerPixelSpacing, problems)
  let ermf: number | null = null
  if (tags.ermf !== undefined && tags.ermf.trim() !== '') {
    const v = parseDecimalString(tags.ermf.split('\\')[0] ?? '')
    if (v === null || !(v >= 1 && v <= 2)) problems.push(`Estimated Radiographic Magnification Factor ("${tags.ermf.slice(0, 20)}") is not a factor between 1 and 2; it is ignored.`)
    else ermf = v
  }
  const candidates: SpacingCandidate[] = []
  if (ips) {
    candidates.push({ id: 'imager-pixel-spacing', plane: 'detector', rowMm: ips[0], colMm: ips[1], label: `Imager Pixel Spacing ${mm(ips[0])} (at the detector, magnified)` })
    if (ermf !== null) {
      candidates.push({
        id: 'imager-ermf',
        plane: 'corrected',
        rowMm: ips[0] / ermf,
        colMm: ips[1] / ermf,
        ermf,
        label: `Imager Pixel Spacing ÷ ERMF ${ermf} = ${mm(ips[0] / ermf)} (corrected to the patient)`
      })
    }
  }
  if (ps) candidates.push({ id: 'pixel-spacing', rowMm: ps[0], colMm: ps[1], ...pixelSpacingPlane(ps, ips, ermf, tags) })
  const corrected = candidates.filter((c) => c.plane === 'corrected')
  const [a, b] = corrected
  const conflict =
    a && b && !(same(a.rowMm, b.rowMm) && same(a.colMm, b.colMm))
      ? `The file states two different true pixel sizes: ${a.label} and ${b.label}. Choose the one to use.`
      : null
  return { candidates, problems, conflict }
}

/** The label an earlier OsseoPlan (before the calibration type was read) gave Pixel Spacing it
 *  took as true size; images stored then keep it. */
const EARLIER_TRUE_SIZE_LABEL = /^Pixel Spacing .* \(stated at the patient\)$/

/**
 * For an image stored before Pixel Spacing Calibration Type was read: its Pixel Spacing was taken
 * as true size whatever the file said, and the file is not stored to read again. Null otherwise.
 */
export function earlierSpacingReading(spacing: SpacingInfo): string | null {
  const c = spacing.candidates.find((x) => x.id === 'pixel-spacing' && x.plane === 'corrected' && EARLIER_TRUE_SIZE_LABEL.test(x.label))
  if (!c) return null
  return `This image was opened by an earlier version, which took its Pixel Spacing (${mm(c.rowMm)}) as true size without checking that the file says it was calibrated at the patient. On a projection radiograph it is often the detector size, magnified. Open the file again to have it read as it is now, or calibrate with a marker or a known distance.`
}
