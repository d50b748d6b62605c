// Glue between a unit-aware input and the raw case file. The raw value is what the surgeon
// typed, kept exact: a plain number in the canonical unit (mm, kg, cm for body height) or a
// string with its unit ("7.5 in"). Switching the unit selector only changes the display;
// the stored value changes only when the surgeon types, so nothing drifts through rounding.
import { convertLength, convertMass, parseHeight, parseLength, parseMass } from '../../../shared/units'
import type { LengthUnit, MassUnit } from '../../../shared/units'

export type QuantityKind = 'length' | 'mass' | 'height'
export type DisplayUnit = LengthUnit | MassUnit

export const UNITS: Readonly<Record<QuantityKind, readonly DisplayUnit[]>> = {
  length: ['mm', 'cm', 'in'],
  mass: ['kg', 'lb'],
  height: ['cm', 'in']
}

export const CANONICAL: Readonly<Record<QuantityKind, DisplayUnit>> = { length: 'mm', mass: 'kg', height: 'cm' }

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/
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

/** Display text: up to 6 decimals, trailing zeros dropped (display only, never stored). */
export function displayNumber(x: number): string {
  return String(Math.round(x * 1e6) / 1e6)
}

/** The text to show in the input for a raw value, in the selected unit. */
export function rawToText(raw: unknown, kind: QuantityKind, unit: DisplayUnit): string {
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'number') return unit === CANONICAL[kind] ? String(raw) : displayNumber(fromCanonical(raw, kind, unit))
  if (typeof raw !== 'string') return String(raw)
  const m = WITH_UNIT.exec(raw)
  if (m && m[2] === unit) return m[1] ?? ''
  const canonical = canonicalOf(raw, kind)
  if (canonical !== null) return displayNumber(fromCanonical(canonical, kind, unit))
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
  if (!PLAIN_NUMBER.test(t)) return t
  if (unit === CANONICAL[kind]) return Number(t)
  return `${t} ${unit}`
}

/** Plain (unitless) numeric fields: age, magnification, T-score… */
export function plainTextToRaw(text: string): number | string | undefined {
  const t = text.trim()
  if (t === '') return undefined
  return PLAIN_NUMBER.test(t) ? Number(t) : t
}
