// Glue between a unit-aware input and the raw case file. The raw value is what the surgeon
// typed, kept exact: a plain number in the canonical unit (mm, kg, cm for body height) or a
// string with its unit ("7.5 in"). Switching the unit selector only changes the display;
// the stored value changes only when the surgeon types, so nothing drifts through rounding.
import { convertLength, convertMass, parseHeight, parseLength, parseMass, readDecimal } from '../../../shared/units'
import type { LengthUnit, MassUnit } from '../../../shared/units'

export type QuantityKind = 'length' | 'mass' | 'height'
export type DisplayUnit = LengthUnit | MassUnit

export const UNITS: Readonly<Record<QuantityKind, readonly DisplayUnit[]>> = {
  length: ['mm', 'cm', 'in'],
  mass: ['kg', 'lb'],
  height: ['cm', 'in']
}

export const CANONICAL: Readonly<Record<QuantityKind, DisplayUnit>> = { length: 'mm', mass: 'kg', height: 'cm' }

const WITH_UNIT = /^\s*(\S+?)\s*([A-Za-z]+)\s*$/

/** The unit a raw value was entered in, if it names one of the kind's selectable units. */
export function unitOfRaw(raw: unknown, kind: QuantityKind): DisplayUnit | null {
  if (typeof raw !== 'string') return null
  const m = WITH_UNIT.exec(raw)
  const unit = m?.[2] as DisplayUnit | undefined
  return unit && UNITS[kind].includes(unit) ? unit : null
}

/** The value in its canonical unit, or null when the raw value is empty or not readable. */
export function canonicalOf(raw: unknown, kind: QuantityKind): number | null {
  if (raw === undefined || raw === null || raw === '') return null
  const v = kind === 'length' ? parseLength(raw, '') : kind === 'mass' ? parseMass(raw, '') : parseHeight(raw, '')
  return typeof v === 'number' ? v : null
}

function fromCanonical(value: number, kind: QuantityKind, unit: DisplayUnit): number {
  if (kind === 'mass') return convertMass(value, unit as MassUnit)
  if (kind === 'height') return unit === 'cm' ? value : convertLength(value * 10, unit as LengthUnit)
  return convertLength(value, unit as LengthUnit)
}

/** Decimals a converted value is shown with, per unit (0.1 mm, 0.01 cm and in, 0.1 kg and lb):
 *  a display precision only; the stored value keeps what was typed. */
export const UNIT_DECIMALS: Readonly<Record<DisplayUnit, number>> = { mm: 1, cm: 2, in: 2, kg: 1, lb: 1 }

/** Display text of a converted value at the unit's precision, trailing zeros dropped (never stored). */
export function displayNumber(x: number, unit: DisplayUnit): string {
  const f = 10 ** UNIT_DECIMALS[unit]
  return String(Math.round(x * f) / f)
}

/** The text to show in the input for a raw value, in the selected unit. */
export function rawToText(raw: unknown, kind: QuantityKind, unit: DisplayUnit): string {
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'number') return unit === CANONICAL[kind] ? String(raw) : displayNumber(fromCanonical(raw, kind, unit), unit)
  if (typeof raw !== 'string') return String(raw)
  const m = WITH_UNIT.exec(raw)
  if (m && m[2] === unit) return m[1] ?? ''
  const canonical = canonicalOf(raw, kind)
  if (canonical !== null) return displayNumber(fromCanonical(canonical, kind, unit), unit)
  return raw
}

/**
 * The raw value for what was typed in the selected unit. Empty → undefined (field cleared).
 * A number typed in the canonical unit is stored as a number, in another unit as
 * "<text> <unit>" (exact; the core converts). Text that already carries a unit, or is not a number at all,
 * is stored as typed so the core can name the problem at the field.
 */
export function textToRaw(text: string, kind: QuantityKind, unit: DisplayUnit): number | string | undefined {
  const t = text.trim()
  if (t === '') return undefined
  // An exponent form keeps the selected unit, so that nothing could read it in another one (the
  // core refuses it at the field); anything else that is not a plain decimal is kept as typed.
  if (/^[+-]?[\d.]+[eE][+-]?\d+$/.test(t)) return unit === CANONICAL[kind] ? t : `${t} ${unit}`
  const n = readDecimal(t)
  if (n === null) return t
  if (unit === CANONICAL[kind]) return n
  return `${t} ${unit}`
}

/** Plain (unitless) numeric fields: age, magnification, T-score… */
export function plainTextToRaw(text: string): number | string | undefined {
  const t = text.trim()
  if (t === '') return undefined
  return readDecimal(t) ?? t
}
