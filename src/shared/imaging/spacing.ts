// Pixel size stated by a DICOM file: Pixel Spacing (0028,0030), Imager Pixel Spacing (0018,1164)
// and the Estimated Radiographic Magnification Factor (0018,1114). Each becomes a labelled
// candidate; the detector plane and the patient plane are never silently mixed.
import { IMAGE_LIMITS } from './limits'
import type { SpacingCandidate, SpacingInfo } from './image-types'

/** Raw decimal strings as the file gives them (undefined = tag absent). */
export interface SpacingTags {
  pixelSpacing?: string
  imagerPixelSpacing?: string
  ermf?: string
}

const DS_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** A DICOM decimal string (DS) as a number, or null when it is not one. */
export function parseDecimalString(text: string): number | null {
  const t = text.trim()
  return DS_RE.test(t) ? Number(t) : null
}

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
  if (ps) {
    // Pixel Spacing equal to Imager Pixel Spacing is the detector size copied, not a correction.
    const copied = ips !== null && same(ps[0], ips[0]) && same(ps[1], ips[1])
    candidates.push({
      id: 'pixel-spacing',
      plane: copied ? 'detector' : 'corrected',
      rowMm: ps[0],
      colMm: ps[1],
      label: copied ? `Pixel Spacing ${mm(ps[0])} (same as the detector: magnified)` : `Pixel Spacing ${mm(ps[0])} (stated at the patient)`
    })
  }
  const corrected = candidates.filter((c) => c.plane === 'corrected')
  const [a, b] = corrected
  const conflict =
    a && b && !(same(a.rowMm, b.rowMm) && same(a.colMm, b.colMm))
      ? `The file states two different true pixel sizes: ${a.label} and ${b.label}. Choose the one to use.`
      : null
  return { candidates, problems, conflict }
}
