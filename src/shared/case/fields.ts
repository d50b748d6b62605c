/** Small validation toolkit: collects field-level errors and warnings by path. */
import { isFieldError, numberTextProblem, parseHeight, parseLength, parseMass, type QuantityOptions } from '../units'
import type { FieldError, FieldWarning } from './types'
import { isPlainObject } from './migrations'

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
const MAX_DEPTH = 16
const MAX_NODES = 20000

export class Collector {
  readonly errors: FieldError[] = []
  readonly warnings: FieldWarning[] = []

  error(path: string, message: string, code: FieldError['code'] = 'invalid'): undefined {
    this.errors.push({ path, message, code })
    return undefined
  }
  required(path: string, what = 'is required'): undefined {
    this.errors.push({ path, message: what, code: 'required' })
    return undefined
  }
  warn(path: string, message: string): void {
    this.warnings.push({ path, message })
  }
  get ok(): boolean {
    return this.errors.length === 0
  }

  /** Warn about unknown keys (ignored). */
  keys(o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const k in o) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue
      if (!allowed.includes(k)) this.warn(join(path, k), `unknown field "${k}", ignored`)
    }
  }

  object(o: Record<string, unknown>, key: string, path: string, required: boolean): Record<string, unknown> | undefined {
    const v = o[key]
    if (v === undefined || v === null) return required ? this.required(join(path, key)) : undefined
    if (!isPlainObject(v)) return this.error(join(path, key), 'must be an object ({ … })')
    return v
  }

  array(o: Record<string, unknown>, key: string, path: string, required: boolean, max: number): unknown[] | undefined {
    const v = o[key]
    if (v === undefined || v === null) return required ? this.required(join(path, key)) : undefined
    if (!Array.isArray(v)) return this.error(join(path, key), 'must be a list ([ … ])')
    if (v.length > max) return this.error(join(path, key), `has ${v.length} entries; at most ${max} are allowed`)
    return v
  }

  string(o: Record<string, unknown>, key: string, path: string, required: boolean, maxLength = 200): string | undefined {
    const v = o[key]
    if (v === undefined || v === null) return required ? this.required(join(path, key)) : undefined
    if (typeof v !== 'string') return this.error(join(path, key), 'must be text')
    const t = v.trim()
    if (t === '') return required ? this.required(join(path, key), 'must not be empty') : undefined
    if (t.length > maxLength) return this.error(join(path, key), `is too long (at most ${maxLength} characters)`)
    return t
  }

  oneOf<T extends string | number>(
    o: Record<string, unknown>,
    key: string,
    path: string,
    values: readonly T[],
    required: boolean
  ): T | undefined {
    const v = o[key]
    if ((values as readonly unknown[]).includes(v)) return v as T
    const p = join(path, key)
    if (v === undefined || v === null || v === '') return required ? this.required(p, `is required (${list(values)})`) : undefined
    if (typeof v === 'string') {
      const lower = v.trim().toLowerCase()
      const hit = values.find((x) => typeof x === 'string' && x === lower)
      if (hit !== undefined) return this.error(p, `must be written "${String(hit)}" (lower case)`)
    }
    return this.error(p, `must be one of ${list(values)}`)
  }

  number(
    o: Record<string, unknown>,
    key: string,
    path: string,
    required: boolean,
    range: { min: number; max: number; unit?: string; integer?: boolean; minExclusive?: boolean }
  ): number | undefined {
    const v = o[key]
    if (typeof v === 'number' && Number.isFinite(v) && !range.integer && (range.minExclusive ? v > range.min : v >= range.min) && v <= range.max) return v
    return this.numberValue(v, join(path, key), required, range)
  }

  numberValue(
    v: unknown,
    p: string,
    required: boolean,
    range: { min: number; max: number; unit?: string; integer?: boolean; minExclusive?: boolean }
  ): number | undefined {
    if (v === undefined || v === null) return required ? this.required(p) : undefined
    if (typeof v !== 'number') {
      if (typeof v === 'string' && /^\s*[+-]?\d+,\d+\s*$/.test(v))
        return this.error(p, `must be a number; use a decimal point: ${v.trim().replace(',', '.')}`)
      const problem = typeof v === 'string' ? numberTextProblem(v) : null
      if (problem) return this.error(p, problem)
      return this.error(p, 'must be a number')
    }
    if (!Number.isFinite(v)) return this.error(p, 'must be a finite number')
    const u = range.unit ? ` ${range.unit}` : ''
    if (range.integer && !Number.isInteger(v)) return this.error(p, 'must be a whole number')
    if (range.minExclusive ? v <= range.min : v < range.min)
      return this.error(p, range.minExclusive ? `must be greater than ${range.min}${u}` : `must be at least ${range.min}${u}`)
    if (v > range.max) return this.error(p, `must be at most ${range.max}${u}`)
    return v
  }

  length(o: Record<string, unknown>, key: string, path: string, required: boolean, opts: QuantityOptions): number | undefined {
    const v = o[key]
    if ((v === undefined || v === null) && !required) return undefined
    if (typeof v === 'number' && inRange(v, opts)) return v
    return this.take(parseLength(v, join(path, key), opts))
  }
  mass(o: Record<string, unknown>, key: string, path: string, required: boolean, opts: QuantityOptions): number | undefined {
    const v = o[key]
    if ((v === undefined || v === null) && !required) return undefined
    if (typeof v === 'number' && inRange(v, opts)) return v
    return this.take(parseMass(v, join(path, key), opts))
  }
  height(o: Record<string, unknown>, key: string, path: string, required: boolean, opts: QuantityOptions): number | undefined {
    const v = o[key]
    if ((v === undefined || v === null) && !required) return undefined
    if (typeof v === 'number' && inRange(v, opts)) return v
    return this.take(parseHeight(v, join(path, key), opts))
  }
  take(r: number | FieldError): number | undefined {
    if (isFieldError(r)) {
      this.errors.push(r.code ? r : { ...r, code: 'invalid' })
      return undefined
    }
    return r
  }
}

/** Fast check of a plain number against QuantityOptions (the full parser explains failures). */
function inRange(v: number, o: QuantityOptions): boolean {
  if (!Number.isFinite(v)) return false
  if (o.min !== undefined && (o.minInclusive === false ? v <= o.min : v < o.min)) return false
  return o.max === undefined || v <= o.max
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

export function list(values: readonly (string | number)[]): string {
  return values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ')
}

/**
 * Reject prototype-polluting keys (__proto__, constructor, prototype) anywhere, objects
 * with a non-plain prototype, and absurd nesting. Returns errors (empty when clean).
 */
export function scanUnsafe(raw: unknown): FieldError[] {
  const budget = { nodes: 0 }
  if (isSafe(raw, 0, budget)) return []
  return explainUnsafe(raw)
}

function isSafe(v: unknown, depth: number, budget: { nodes: number }): boolean {
  if (typeof v !== 'object' || v === null) return true
  if (++budget.nodes > MAX_NODES || depth > MAX_DEPTH) return false
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isSafe(v[i], depth + 1, budget)) return false
    return true
  }
  const proto = Object.getPrototypeOf(v) as unknown
  if (proto !== Object.prototype && proto !== null) return false
  const keys = Object.getOwnPropertyNames(v)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string
    if (FORBIDDEN_KEYS.has(k)) return false
    if (!isSafe((v as Record<string, unknown>)[k], depth + 1, budget)) return false
  }
  return true
}

/** The slow path: where exactly the problems are. */
function explainUnsafe(raw: unknown): FieldError[] {
  const errors: FieldError[] = []
  let nodes = 0
  const walk = (v: unknown, path: string, depth: number): void => {
    if (errors.length > 20) return
    if (typeof v !== 'object' || v === null) return
    if (++nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) errors.push({ path, message: 'the file is too large to be a case file', code: 'invalid' })
      return
    }
    if (depth > MAX_DEPTH) {
      errors.push({ path, message: 'is nested too deeply', code: 'invalid' })
      return
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, depth + 1)
      return
    }
    if (!isPlainObject(v)) {
      errors.push({ path, message: 'must be a plain JSON object', code: 'invalid' })
      return
    }
    for (const k of Object.getOwnPropertyNames(v)) {
      const p = path === '' ? k : `${path}.${k}`
      if (FORBIDDEN_KEYS.has(k)) {
        errors.push({ path: p, message: `the key "${k}" is not allowed`, code: 'invalid' })
        continue
      }
      walk((v as Record<string, unknown>)[k], p, depth + 1)
    }
  }
  walk(raw, '', 0)
  return errors
}
