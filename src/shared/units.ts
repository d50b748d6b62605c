/**
 * Units at the edge. Internal units: millimetres (lengths), kilograms (masses),
 * centimetres (body height only), degrees, days. Input strings with units are
 * parsed once and cached (the allowed units by their mathjs sizes, any other unit by mathjs);
 * plain numbers are already canonical.
 *
 * Conversion results are cleaned of binary floating-point noise at the 1e-9 level
 * (e.g. "3 in" → 76.2 mm, not 76.19999999999999 mm). That is not clinical rounding:
 * calculation never rounds, display does (format.ts).
 */
import { create, unitDependencies, type MathJsInstance } from 'mathjs'
import type { FieldError } from './case/types'
import { commaAdvice } from './comma-advice'

export type LengthUnit = 'mm' | 'cm' | 'in'
export type MassUnit = 'kg' | 'lb'

/** Exact definitions (international inch and pound). */
export const MM_PER_CM = 10
export const MM_PER_IN = 25.4
export const KG_PER_LB = 0.45359237

export const LENGTH_UNIT_NAMES = ['mm', 'cm', 'm', 'in', 'inch', 'inches', 'ft', 'foot', 'feet'] as const
export const MASS_UNIT_NAMES = ['kg', 'g', 'lb', 'lbs'] as const
const LENGTH_SET: ReadonlySet<string> = new Set(LENGTH_UNIT_NAMES)
const MASS_SET: ReadonlySet<string> = new Set(MASS_UNIT_NAMES)

export type QuantityKind = 'length' | 'mass'
export type Canonical = 'mm' | 'cm' | 'kg'

export interface QuantityOptions {
  /** Smallest allowed value (canonical unit). */
  min?: number
  /** Whether `min` itself is allowed (default true). */
  minInclusive?: boolean
  max?: number
}

/** A decimal number as a clinician writes it: digits, an optional point, no exponent. */
export const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/
const NUMBER_RE = DECIMAL_RE
const QUANTITY_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([A-Za-z]+)$/
/** "1e3", "1.8e2 lb", "3E0cm": exponent notation, refused in clinical fields (a misread exponent
 *  is a thousandfold error, and it hid the selected unit). */
const EXPONENT_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+\s*[A-Za-z]*$/
/** More digits than any measurement has: refused before it can become Infinity. */
export const MAX_DIGITS = 15

/** The exponent-notation message (one wording for every clinical field). */
export const EXPONENT_MESSAGE = 'write the number in full (e.g. 180 or 0.25), not in exponent notation'
export const TOO_LONG_MESSAGE = `has too many digits to be a measurement (at most ${MAX_DIGITS})`

/** A plain decimal read as a finite number, or null (exponent forms, too many digits, text). */
export function readDecimal(text: string): number | null {
  const t = text.trim()
  if (!DECIMAL_RE.test(t) || t.replace(/\D/g, '').length > MAX_DIGITS) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

/** Why a numeric-looking text is not accepted (exponent, too long), or null. */
export function numberTextProblem(text: string): string | null {
  const t = text.trim()
  if (EXPONENT_RE.test(t)) return EXPONENT_MESSAGE
  const digits = /^[+-]?[\d.]+\s*[A-Za-z]*$/.test(t) ? t.replace(/\D/g, '').length : 0
  return digits > MAX_DIGITS ? TOO_LONG_MESSAGE : null
}
const DECIMAL_COMMA_RE = /^\s*([+-]?\d+),(\d+)\s*([A-Za-z]*)\s*$/

// mathjs (with typed-function) is set up on the first unit string, not when the app starts: the
// library screen and plain numbers never need it (docs/performance.md, "Start").
let math: Pick<MathJsInstance, 'unit'> | null = null
function unit(value: number, name: string) {
  math ??= create({ unitDependencies: unitDependencies! })
  return math.unit(value, name)
}

/** Each allowed unit's size in metres or kilograms exactly as mathjs defines it (its unit value ×
 *  its prefix value), so that `(value × size) ÷ canonical size` is the same two floating-point
 *  operations mathjs's `unit(value, name).toNumber(canonical)` performs, with the same result
 *  (property test: tests/unit/core/units-fast-path.test.ts). Setting mathjs up costs ~0.2 s on the
 *  first unit string (a restored backup's first "48 cm"); mathjs stays the path for any other unit. */
const UNIT_SIZE: Readonly<Record<string, number>> = {
  mm: 0.001, cm: 0.01, m: 1, in: 0.0254, inch: 0.0254, inches: 0.0254, ft: 0.3048, foot: 0.3048, feet: 0.3048,
  kg: 1, g: 0.001, lb: 0.45359237, lbs: 0.45359237
}
const CANONICAL_SIZE: Readonly<Record<Canonical, number>> = { mm: 0.001, cm: 0.01, kg: 1 }

/** `value` in `name`, converted to `canonical` (before cleaning). Exported for the property test. */
export function convertUnit(value: number, name: string, canonical: Canonical): number {
  const size = Object.hasOwn(UNIT_SIZE, name) ? UNIT_SIZE[name] : undefined
  return size === undefined ? convertUnitWithMathjs(value, name, canonical) : (value * size) / CANONICAL_SIZE[canonical]
}

/** The same conversion through mathjs alone: the general path, and the property test's reference. */
export function convertUnitWithMathjs(value: number, name: string, canonical: Canonical): number {
  return unit(value, name).toNumber(canonical)
}

const cache: Record<Canonical, Map<string, number>> = { mm: new Map(), cm: new Map(), kg: new Map() }
const CACHE_LIMIT = 2000

function err(path: string, message: string, code?: FieldError['code']): FieldError {
  return code === undefined ? { path, message } : { path, message, code }
}

export function isFieldError(x: unknown): x is FieldError {
  return typeof x === 'object' && x !== null && 'message' in x && 'path' in x
}

function clean(x: number): number {
  return Math.abs(x) < 1e6 ? Math.round(x * 1e9) / 1e9 : x
}

function unitList(kind: QuantityKind): string {
  return kind === 'length' ? 'mm, cm, m or in' : 'kg or lb'
}

function parseString(raw: string, path: string, kind: QuantityKind, canonical: Canonical): number | FieldError {
  const s = raw.trim()
  if (s === '') return err(path, 'is required', 'required')
  const hit = cache[canonical].get(s)
  if (hit !== undefined) return hit
  const problem = numberTextProblem(s)
  if (problem) return err(path, problem)
  if (NUMBER_RE.test(s)) return Number(s)
  const comma = DECIMAL_COMMA_RE.exec(s)
  if (comma) return err(path, commaAdvice(comma[1]!, comma[2]!, comma[3]))
  const m = QUANTITY_RE.exec(s)
  if (!m) return err(path, `is not a ${kind}: write a number or a value with a unit, e.g. "${kind === 'length' ? '12.5 mm' : '80 kg'}"`)
  const name = m[2] as string
  const own = kind === 'length' ? LENGTH_SET : MASS_SET
  const other = kind === 'length' ? MASS_SET : LENGTH_SET
  if (!own.has(name)) {
    const lower = name.toLowerCase()
    if (own.has(lower)) return err(path, `units are case-sensitive: write "${m[1]} ${lower}"`)
    if (other.has(name) || other.has(lower))
      return err(path, `"${s}" is a ${kind === 'length' ? 'mass' : 'length'}; expected a ${kind} (${unitList(kind)})`)
    return err(path, `unknown unit "${name}"; use ${unitList(kind)}`)
  }
  let value: number
  try {
    value = clean(convertUnit(Number(m[1]), name, canonical))
  } catch {
    return err(path, `could not read "${s}"; use ${unitList(kind)}`)
  }
  if (!Number.isFinite(value)) return err(path, 'must be a finite number')
  if (cache[canonical].size >= CACHE_LIMIT) cache[canonical].clear()
  cache[canonical].set(s, value)
  return value
}

function checkRange(v: number, path: string, unitLabel: string, opts: QuantityOptions | undefined): number | FieldError {
  if (!Number.isFinite(v)) return err(path, 'must be a finite number')
  if (opts) {
    if (opts.min !== undefined) {
      const inclusive = opts.minInclusive !== false
      if (inclusive ? v < opts.min : v <= opts.min) {
        if (opts.min === 0) return err(path, inclusive ? 'must not be negative' : 'must be greater than 0')
        return err(path, `must be ${inclusive ? 'at least' : 'greater than'} ${fmt(opts.min)} ${unitLabel}`)
      }
    }
    if (opts.max !== undefined && v > opts.max) return err(path, `must be at most ${fmt(opts.max)} ${unitLabel}`)
  }
  return v
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000)
}

/**
 * Parse a quantity: a finite number (already in the canonical unit) or a string with a
 * unit of the right kind. Returns the value in the canonical unit, or a FieldError.
 */
export function parseQuantity(
  value: unknown,
  path: string,
  kind: QuantityKind,
  canonical: Canonical,
  opts?: QuantityOptions
): number | FieldError {
  let v: number | FieldError
  if (typeof value === 'number') v = value
  else if (typeof value === 'string') v = parseString(value, path, kind, canonical)
  else if (value === undefined || value === null) return err(path, 'is required', 'required')
  else return err(path, `must be a number (${canonical}) or a text with a unit, e.g. "${kind === 'length' ? '12.5 mm' : '80 kg'}"`)
  if (typeof v !== 'number') return v
  return checkRange(v, path, canonical, opts)
}

/** A length in mm: number (mm) or string with a length unit. */
export function parseLength(value: unknown, path: string, opts?: QuantityOptions): number | FieldError {
  return parseQuantity(value, path, 'length', 'mm', opts)
}

/** A mass in kg: number (kg) or string with a mass unit. */
export function parseMass(value: unknown, path: string, opts?: QuantityOptions): number | FieldError {
  return parseQuantity(value, path, 'mass', 'kg', opts)
}

/** Body height in cm: number (cm) or string with a length unit ("1.8 m", "71 in"). */
export function parseHeight(value: unknown, path: string, opts?: QuantityOptions): number | FieldError {
  return parseQuantity(value, path, 'length', 'cm', opts)
}

/** Convert millimetres for display or export. */
export function convertLength(mm: number, to: LengthUnit): number {
  if (to === 'mm') return mm
  if (to === 'cm') return mm / MM_PER_CM
  return mm / MM_PER_IN
}

/** Convert kilograms for display or export. */
export function convertMass(kg: number, to: MassUnit): number {
  return to === 'kg' ? kg : kg / KG_PER_LB
}

/** Convert a display value back to millimetres. */
export function toMm(value: number, from: LengthUnit): number {
  if (from === 'mm') return value
  return clean(from === 'cm' ? value * MM_PER_CM : value * MM_PER_IN)
}

/** Convert a display value back to kilograms. */
export function toKg(value: number, from: MassUnit): number {
  return from === 'kg' ? value : clean(value * KG_PER_LB)
}
