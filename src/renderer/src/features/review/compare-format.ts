// How the compare view shows a stored value: numbers rounded exactly as the editor and the
// printed summary round them (shared/format.ts), in the display units chosen in Settings, by what
// the path holds (canonical units: docs/case-file.md; result fields name theirs: …Mm, …Kg).
// Display only: the comparison itself is made on the stored values.
import { formatBmi, formatCm, formatDeg, formatKg, formatMagnification, formatMm, formatNumber } from '../../../../shared/format'
import type { DisplayUnits } from '../../../../shared/summary'
import { displayValue, type FlatValue } from '../../db/object-diff'

/** Case-file fields held in mm (the result's own fields end in "Mm"). */
const CASE_LENGTHS = new Set([
  'residualLength',
  'fromDistalEnd',
  'endosteal',
  'endostealAP',
  'endostealLat',
  'periosteal',
  'periostealAP',
  'periostealLat',
  'lateralFromDistalEnd',
  'trueSize',
  'measuredSize',
  'distalThickness',
  'soundSideLength',
  'buildHeight',
  'adapterTranscutaneousLength'
])

/** The field a flattened path ends in: 'bone.stations[2].endosteal' → 'endosteal'; a range's
 *  bound names its range: 'stages.stage2AfterDays.min' → 'stage2AfterDays'. */
function fieldOf(path: string): string {
  const parts = path.replace(/\[\d+\]/g, '').split('.')
  const last = parts.pop() ?? ''
  return last === 'min' || last === 'max' ? (parts.pop() ?? last) : last
}

function formatNumberAt(path: string, x: number, units: DisplayUnits): string {
  const field = fieldOf(path)
  if (field.endsWith('Mm') || CASE_LENGTHS.has(field)) return formatMm(x, units.length)
  if (field.endsWith('Kg') || field === 'weight') return formatKg(x, units.mass)
  if (field === 'height') return formatCm(x)
  if (/magnification$/i.test(field)) return formatMagnification(x)
  if (field === 'bmi') return formatBmi(x)
  if (field.endsWith('Deg')) return formatDeg(x)
  if (field.endsWith('Days') || field === 'day') return `${formatNumber(x, 0)} days`
  if (field.endsWith('Months')) return `${formatNumber(x, 0)} months`
  if (field.endsWith('Years')) return `${formatNumber(x, 0)} years`
  return formatNumber(x, 2)
}

/** The value as the compare view shows it ('—' when absent). */
export function formatCompared(path: string, value: FlatValue | undefined, units: DisplayUnits): string {
  return typeof value === 'number' ? formatNumberAt(path, value, units) : displayValue(value)
}
