// An image's values as the case must hold them. A case has one `imaging` section, and R-MAG
// corrects every radiographic value in it with that one magnification. So an image may set the
// case's calibration only while nothing else radiographic is in the case; otherwise its values are
// converted to the case's magnification (their true size kept), and where either magnification is
// not known (the site's default factor would apply) they are refused, not guessed. A lateral
// image's diameters go to the case station at their own level, never to a list position.
import type { CaseDraft } from '../case/types'
import { LIMITS } from '../case/parse'
import { formatMagnification, formatNumber } from '../format'
import { parseLength } from '../units'
import type { Calibration } from './calibration'
import { matchByLevel } from './level-match'
import { imageCaseValues, levelOf, obj, onRows, present, STATION_PATH, valuesAlsoCorrected, type CaseRows, type Draft, type ImageCaseValues, type ImageMarks, type LinkedValue } from './to-case'


/**
 * The factor R-MAG divides an imaging section's values by: 1 for true size (CT, calibrated), the
 * marker's measured ÷ true size or the magnification for X-ray; null when an X-ray names neither
 * (the site's default factor applies, not known here); undefined when the section is incomplete.
 */
export function imagingFactor(imaging: unknown): number | null | undefined {
  const i = obj(imaging)
  if (i.source === 'ct' || i.source === 'calibrated') return 1
  if (i.source !== 'xray') return undefined
  const marker = obj(i.marker)
  if (present(i.marker)) {
    const t = parseLength(marker.trueSize, 'trueSize')
    const m = parseLength(marker.measuredSize, 'measuredSize')
    return typeof t === 'number' && typeof m === 'number' && t > 0 && m > 0 ? m / t : undefined
  }
  if (!present(i.magnification)) return null
  const f = typeof i.magnification === 'number' ? i.magnification : typeof i.magnification === 'string' ? Number(i.magnification.trim()) : NaN
  return Number.isFinite(f) && f > 0 ? f : undefined
}

function factorText(f: number | null | undefined): string {
  if (f === undefined) return 'not complete'
  if (f === null) return "the site's default magnification"
  return f === 1 ? 'true size (no magnification)' : `magnification ${formatMagnification(f)}`
}

export interface CasePlacement {
  /** The values to write (linked values compare with these) and why some are not written. */
  result: ImageCaseValues
  /** True when the image's calibration becomes the case's imaging section. */
  setsCalibration: boolean
  /** Said beside the image's values when they are converted or refused, for the surgeon. */
  note: string | null
  /** True when the image's values are refused: nothing is written. */
  refused: boolean
}

const scaled = (c: Calibration, k: number): Calibration => ({ ...c, scale: { rowMm: c.scale.rowMm * k, colMm: c.scale.colMm * k } })

/**
 * The image's values placed in the case `draft` (see the file comment). `mayCalibrate`: the image
 * may set the case's calibration (its calibration is new or changed); otherwise its values are
 * always placed at the case's magnification, which may have been typed since it was set.
 */
export function placeImageValues(draft: CaseDraft, marks: ImageMarks, calibration: Calibration, imageLabel: string, mayCalibrate = false, where: CaseRows = {}): CasePlacement {
  const own = imageCaseValues(marks, calibration, imageLabel)
  // Placed again in place (a typed magnification), a one-plane image replaces nothing: its values
  // must follow the new magnification like any other image's.
  const lateral = !where.inPlace && marks.plane === 'single' && own.values.some((v) => STATION_PATH.test(v.path)) ? lateralStations(draft) : []
  if (lateral.length > 0) {
    const note = `This image's values are not written: as a one-plane image it would replace the case's stations, and with them the lateral diameters of ${lateral.length === 1 ? 'Station' : 'Stations'} ${lateral.join(', ')}. Mark it as the AP view (the lateral values then stay at their levels), or clear the lateral values first.`
    return { result: { ...own, values: [] }, setsCalibration: false, note, refused: true }
  }
  const onStations = (r: ImageCaseValues) => (marks.plane === 'Lat' ? onCaseStations(draft, r) : r)
  const mine = onStations(own)
  // Values typed over are the case's own (marks.unlinked holds their keys; these are the rows they are on).
  const typed = new Set(marks.unlinked ?? [])
  const typedPaths = onRows(mine.values.filter((v) => typed.has(v.key)), where.rowOf).map((v) => v.path)
  const others = valuesAlsoCorrected(draft, { ...mine, values: onRows(mine.values, where.rowOf) }, marks.plane, typedPaths, where.imageRows)
  const caseFactor = imagingFactor((draft as Draft).imaging)
  const imageFactor = imagingFactor(calibration.imaging)
  // An AP or one-plane image's first stations replace those typed in the form. Those were measured
  // at the case's calibration: when it is known (CT, or a stated factor), it stays the case's (values
  // typed later are measured the same way), and this image's values are written at it.
  const replaced = where.imageRows === undefined && marks.plane !== 'Lat' && own.values.some((v) => STATION_PATH.test(v.path)) && typedStations(draft).length > 0
  const keepsCase = replaced && typeof caseFactor === 'number' && !sameFactor(caseFactor, imageFactor)
  if (others.length === 0 && mayCalibrate && !keepsCase) return { result: mine, setsCalibration: true, note: null, refused: false }
  if (sameFactor(caseFactor, imageFactor)) {
    return { result: onStations(withoutCtSoftTissue(draft, own)), setsCalibration: false, note: null, refused: false }
  }
  if (typeof caseFactor !== 'number' || typeof imageFactor !== 'number') {
    const listed = others.join('; ')
    const note =
      caseFactor === undefined
        ? `This image's values are not written: the case's Imaging section is not complete. Complete it with the magnification of the case's other radiographic values (${listed}), to add this image's values.`
        : caseFactor === null
          ? `This image's values are not written: the case's other radiographic values (${listed}) are corrected by the site's default magnification, an assumption, and this image by its own calibration (${factorText(imageFactor)}). Enter in Imaging the magnification those values were measured at, or clear them, to add this image's values.`
          : `This image's values are not written: this image has no calibration of its own (the site's default magnification would apply), and the case's other radiographic values (${listed}) are at ${factorText(caseFactor)}. Calibrate this image with a marker or a known distance, to add its values.`
    return { result: { ...own, values: [] }, setsCalibration: false, note, refused: true }
  }
  // Values at the image's magnification × (case's ÷ image's) are at the case's: R-MAG divides them
  // by the case's factor back to the true size the image measured.
  const converted = withoutCtSoftTissue(draft, imageCaseValues(marks, scaled(calibration, caseFactor / imageFactor), imageLabel))
  const also =
    others.length > 0
      ? ` The case's calibration stays as it is: it also corrects ${others.join('; ')}.`
      : " The case's calibration stays as it is: it was entered in the form, or the stations typed there (which this image's replaced) were measured at it."
  const note = `This image's values are written at the case's ${factorText(caseFactor)} (the image itself: ${factorText(imageFactor)}), which the plan corrects back to the true size the image measured.${also}`
  return { result: onStations({ ...converted, origin: `${converted.origin}; converted to the case's ${factorText(caseFactor)}` }), setsCalibration: false, note, refused: false }
}

const sameFactor = (a: number | null | undefined, b: number | null | undefined) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9)

/** Stations (numbered from 1) that hold a value typed in the form. */
function typedStations(draft: CaseDraft): number[] {
  const stations = obj(obj(draft).bone).stations
  return (Array.isArray(stations) ? stations : []).flatMap((st, i) => (Object.values(obj(st)).some(present) ? [i + 1] : []))
}

/** Stations (numbered from 1) that hold lateral diameters. */
function lateralStations(draft: CaseDraft): number[] {
  const stations = obj(obj(draft).bone).stations
  return (Array.isArray(stations) ? stations : []).flatMap((st, i) => (present(obj(st).endostealLat) || present(obj(st).periostealLat) ? [i + 1] : []))
}

/**
 * In a CT case, a soft-tissue thickness marked as measured on X-ray is corrected with the site's
 * default magnification (R-MAG: no magnification is known for it), so an image's true-size value
 * would be divided once more: it is not written, and the image says why.
 */
function withoutCtSoftTissue(draft: CaseDraft, r: ImageCaseValues): ImageCaseValues {
  if (obj(obj(draft).imaging).source !== 'ct' || !r.values.some((v) => v.path === 'softTissue.distalThickness')) return r
  return {
    ...r,
    values: r.values.filter((v) => v.path !== 'softTissue.distalThickness'),
    problems: [...r.problems, "Soft tissue: the case's bones are measured on CT, and a thickness measured on X-ray is then corrected with the site's default magnification, so this image's value is not written. Enter the thickness in the form with how it was measured."]
  }
}


/**
 * A lateral image's diameters on the case's stations: each image station goes to the case station
 * nearest its level (within LIMITS.lateralLevelMm, one to one); one with no case station there is
 * not written, and says so.
 */
function onCaseStations(draft: CaseDraft, r: ImageCaseValues): ImageCaseValues {
  const rows = obj(obj(draft).bone).stations
  const caseLevels = (Array.isArray(rows) ? rows : []).map((s) => levelOf(obj(s).fromDistalEnd))
  const byImageStation = new Map<number, LinkedValue[]>()
  const rest: LinkedValue[] = []
  for (const v of r.values) {
    const m = STATION_PATH.exec(v.path)
    if (!m) rest.push(v)
    else byImageStation.set(Number(m[1]), [...(byImageStation.get(Number(m[1])) ?? []), v])
  }
  const levels = [...byImageStation].map(([i, vs]) => ({ i, level: vs.find((v) => v.path.endsWith('.lateralFromDistalEnd'))?.value ?? null }))
  const matched = matchByLevel(levels.map((l) => l.level), caseLevels, LIMITS.lateralLevelMm.max)
  const toCase = new Map([...matched].map(([k, j]) => [levels[k]!.i, j]))
  const values = [...rest]
  const problems = [...r.problems]
  for (const { i, level } of levels) {
    const j = toCase.get(i)
    if (j === undefined) {
      problems.push(
        `Station ${i + 1}: no station of the case lies within ${LIMITS.lateralLevelMm.max} mm of its level (${formatNumber(level ?? NaN, 1)} mm from the distal end); its lateral diameters are not written. Place it at the level of one of the case's stations.`
      )
      continue
    }
    for (const v of byImageStation.get(i) ?? []) {
      const field = STATION_PATH.exec(v.path)![2]
      values.push({ ...v, path: `bone.stations[${j}].${field}`, label: v.label.replace(/^Station \d+/, `Station ${j + 1}`) })
    }
  }
  return { ...r, values, problems }
}
