/**
 * Display formatting shared by the UI, the print-out and the command line.
 * Display rounding only: never feed a formatted value back into a calculation.
 * Output is locale-independent (decimal point, no grouping).
 */
import { convertLength, convertMass, type LengthUnit, type MassUnit } from './units'

/** x rounded to `decimals` places the way it is displayed (half away from zero). */
function roundAt(x: number, decimals: number): number {
  const f = 10 ** decimals
  const r = Math.round(Math.abs(x) * f) / f
  return x < 0 ? -r : r
}

/** Round to `decimals` places, drop trailing zeros, never print "-0". */
export function formatNumber(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return '—'
  const r = roundAt(x, decimals)
  if (Object.is(r, -0) || r === 0) return '0'
  return String(r)
}

const LENGTH_DECIMALS: Record<LengthUnit, number> = { mm: 1, cm: 2, in: 2 }

/** "16.5 mm", "1.65 cm", "0.65 in". */
export function formatMm(mm: number, unit: LengthUnit = 'mm', decimals?: number): string {
  return `${formatNumber(convertLength(mm, unit), decimals ?? LENGTH_DECIMALS[unit])} ${unit}`
}

/**
 * `x` shown beside the limits it is compared with (the rounding principle of PLANNING-RULES): with
 * the fewest decimals (from `decimals` up to 3, or one more than `decimals`) at which the displayed
 * value lies on the same side of every limit as `x` itself — never on a limit it is not on, never
 * across one: 1.96 mm beside a 2 mm minimum is "1.96 mm", 0.04 mm beside 0 is "0.04 mm", an age of
 * 17.6 beside 18 is "17.6". If no such rounding exists at the most decimals: "just under 2 mm" /
 * "just over 35 kg/m²". `unit` is appended as given (include its leading space: " mm"; "×" and "°"
 * without). Null limits are ignored.
 */
export function formatBeside(x: number, limits: readonly (number | null | undefined)[], decimals: number, unit: string): string {
  if (!Number.isFinite(x)) return `${formatNumber(x, decimals)}${unit}`
  const most = Math.max(3, decimals + 1)
  let crossed = NaN
  for (let d = decimals; d <= most; d++) {
    const r = roundAt(x, d)
    crossed = NaN
    for (const l of limits) {
      if (l === null || l === undefined || !Number.isFinite(l) || x === l) continue
      if (x < l ? r >= l : r <= l) {
        crossed = l
        break
      }
    }
    if (Number.isNaN(crossed)) return `${formatNumber(x, d)}${unit}`
  }
  return `just ${x < crossed ? 'under' : 'over'} ${formatNumber(crossed, most)}${unit}`
}

/** `x` for a message that compares it with the threshold `ref` (see formatBeside). */
export function formatApart(x: number, ref: number, decimals: number, unit: string): string {
  return formatBeside(x, [ref], decimals, unit)
}

/**
 * A maximum length, rounded DOWN at the display precision: a limit is never shown above its true
 * value (Lmax 179.9996 mm prints as "179.9 mm", not "180 mm" beside a chosen 160 mm implant
 * when the 180 mm one does not fit).
 */
export function formatMmAtMost(mm: number, unit: LengthUnit = 'mm'): string {
  // Inches at the precision of a size's inch equivalent (formatSize): Lmax 160.01 mm is 6.299 in,
  // not "6.29 in" beside a 160 mm (6.299 in) implant that fits.
  const d = unit === 'in' ? 3 : LENGTH_DECIMALS[unit]
  const f = 10 ** d
  const x = convertLength(mm, unit)
  return `${formatNumber(Math.floor(x * f + 1e-9) / f, d)} ${unit}`
}

/**
 * A length something must be at least, rounded UP at the display precision: a needed length is
 * never shown below its true value ("at least 115.1 mm" for 115.04, never "115 mm").
 */
export function formatMmAtLeast(mm: number, unit: LengthUnit = 'mm'): string {
  const d = LENGTH_DECIMALS[unit]
  const f = 10 ** d
  const x = convertLength(mm, unit)
  return `${formatNumber(Math.ceil(x * f - 1e-9) / f, d)} ${unit}`
}

/** A length in mm for a message comparing it with `refMm` (see formatApart). */
export function formatMmApart(mm: number, refMm: number): string {
  return formatApart(mm, refMm, 1, ' mm')
}

/** A length beside the limits it is compared with, in the display unit (see formatBeside). */
export function formatMmBeside(mm: number, limitsMm: readonly (number | null | undefined)[], unit: LengthUnit = 'mm'): string {
  return formatBeside(convertLength(mm, unit), limitsMm.map((l) => (l === null || l === undefined ? l : convertLength(l, unit))), LENGTH_DECIMALS[unit], ` ${unit}`)
}

/**
 * A catalogue size (implant diameter or length, prepared canal / reamer size) or a length a
 * catalogue or profile parameter states (minimum cortex, tip margin, target): always in mm and
 * exactly as stated (Ø 15.25 mm, never 15.3), with the inch equivalent in brackets when the
 * display unit is inches (cm users read mm directly).
 */
export function formatSize(mm: number, unit: LengthUnit = 'mm'): string {
  const exact = `${formatNumber(mm, 3)} mm`
  // Three decimals of an inch: a limit in inches stays apart from a value beside it at two (30 mm
  // required is 1.181 in, a 29.9 mm contact 1.18 in; at two decimals both read "1.18 in").
  return unit === 'in' ? `${exact} (${formatNumber(convertLength(mm, 'in'), 3)} in)` : exact
}

/** "82.5 kg", "181.9 lb". */
export function formatKg(kg: number, unit: MassUnit = 'kg', decimals?: number): string {
  const x = convertMass(kg, unit)
  return `${formatNumber(x, decimals ?? massDecimals(x))} ${unit}`
}

/** Decimals for a mass: one, two below 1 (an 80 g digit prosthesis is 0.08 kg, not "0.1 kg"). */
export function massDecimals(x: number): number {
  return Math.abs(x) < 1 ? 2 : 1
}

/** Body height: "180 cm". */
export function formatCm(cm: number, decimals = 1): string {
  return `${formatNumber(cm, decimals)} cm`
}

/** Magnification: "1.15×". */
export function formatMagnification(m: number): string {
  return `${formatNumber(m, 3)}×`
}

/** A fraction as a percentage: 0.5 → "50 %". */
export function formatPercent(fraction: number, decimals = 0): string {
  return `${formatNumber(fraction * 100, decimals)} %`
}

/** BMI: "31.2 kg/m²". */
export function formatBmi(bmi: number): string {
  return `${formatNumber(bmi, 1)} kg/m²`
}

export function formatDays(days: number): string {
  return `day ${formatNumber(days, 0)}`
}

export function formatDeg(deg: number): string {
  return `${formatNumber(deg, 0)}°`
}

/** Value with the unit it is stored in (for basis display). */
export function formatValue(value: number | string | boolean | null | number[], unit: string): string {
  if (value === null) return '—'
  if (Array.isArray(value)) return `${value.map((v) => formatNumber(v, 2)).join(', ')}${unit ? ' ' + unit : ''}`
  if (typeof value === 'number') {
    if (unit === 'mm') return formatMm(value)
    if (unit === 'kg') return formatKg(value)
    if (unit === '×') return formatMagnification(value)
    if (unit === 'fraction' || unit === 'fraction of body weight') return formatPercent(value)
    return `${formatNumber(value, 2)}${unit ? ' ' + unit : ''}`
  }
  return String(value)
}

/** A parameter's value exactly as the catalogue or profile states it (1.75 mm, 12.5 deg, 2.5 %),
 *  never rounded to the display precision of measured values (formatValue). */
export function formatParamValue(value: number | string | boolean | null | number[], unit: string): string {
  if (typeof value === 'number') {
    if (unit === 'fraction' || unit === 'fraction of body weight') return formatPercent(value, 3)
    if (unit === '×') return `${formatNumber(value, 4)}×`
    return `${formatNumber(value, 3)}${unit ? ' ' + unit : ''}`
  }
  if (Array.isArray(value)) return `${value.map((v) => formatNumber(v, 3)).join(', ')}${unit ? ' ' + unit : ''}`
  return formatValue(value, unit)
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Local calendar date "YYYY-MM-DD" (the surgeon's date, not UTC); "—" for an invalid time. */
export function formatDate(ms: number): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return '—'
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** Local date and time "YYYY-MM-DD HH:MM", one format on every screen. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return '—'
  return `${formatDate(ms)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`
}
