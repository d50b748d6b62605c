/**
 * Loading-protocol parameters as planning-profile settings. PROTOCOLS ships every number of every
 * protocol with its provenance; a site confirms or changes them in its profile
 * (`profile.protocolParams`, keyed `protocol.<id>.<param>`). The rules plan with the protocols as
 * the profile sets them (protocolsFor), so a confirmed site default stops being flagged.
 */
import type { FieldError } from '../case/types'
import type { ParamValue } from '../result'
import { PROTOCOL_IDS, PROTOCOLS, type ProtocolId } from './protocols'
import type { PlanningProfile, ProtocolParamOverrides, RehabProtocol } from './types'

export type ProtocolTable = Readonly<Record<ProtocolId, RehabProtocol>>

/** Allowed values of one protocol parameter (by its unit and role). */
export interface ProtocolParamSpec {
  key: string
  protocolId: ProtocolId
  unit: string
  min: number
  max: number
  integer: boolean
  /** Steps and intervals must be above 0 or the schedule never progresses. */
  positive: boolean
}

/** Every parameter of one protocol, in schedule order (a key used twice appears twice). */
export function protocolParamsOf(p: RehabProtocol): ParamValue[] {
  if (p.kind === 'anchors') return p.anchors.flatMap((a) => [a.day, a.load.kind === 'kg' ? a.load.kg : a.load.fraction])
  const cap = [p.cap.bwFraction, p.cap.kg].filter((c): c is ParamValue => c !== null)
  return [p.startDay, p.startLoadKg, p.stepKg, p.intervalDays, ...cap, ...p.afterCap.map((m) => m.days)]
}

function uniqueByKey(params: readonly ParamValue[]): ParamValue[] {
  const seen = new Set<string>()
  return params.filter((p) => !seen.has(p.key) && seen.add(p.key))
}

/** The shipped protocol parameters, one per key, grouped by protocol in PROTOCOL_IDS order. */
export const SHIPPED_PROTOCOL_PARAMS: readonly ParamValue[] = uniqueByKey(PROTOCOL_IDS.flatMap((id) => protocolParamsOf(PROTOCOLS[id])))
export const PROTOCOL_PARAM_KEYS: readonly string[] = SHIPPED_PROTOCOL_PARAMS.map((p) => p.key)
const SHIPPED = new Map(SHIPPED_PROTOCOL_PARAMS.map((p) => [p.key, p]))

const RANGE: Record<string, { max: number; integer: boolean }> = {
  days: { max: 730, integer: true },
  kg: { max: 300, integer: false },
  'fraction of body weight': { max: 1, integer: false }
}
const POSITIVE = /\.(stepKg|intervalDays)$/

function specOf(p: ParamValue): ProtocolParamSpec {
  const range = RANGE[p.unit] ?? { max: 1000, integer: false }
  return { key: p.key, protocolId: p.key.split('.')[1] as ProtocolId, unit: p.unit, min: 0, ...range, positive: POSITIVE.test(p.key) }
}

export const PROTOCOL_PARAM_SPECS: Readonly<Record<string, ProtocolParamSpec>> = Object.fromEntries(SHIPPED_PROTOCOL_PARAMS.map((p) => [p.key, specOf(p)]))

export function isProtocolParamKey(key: string): boolean {
  return SHIPPED.has(key)
}

/** The shipped value of a protocol parameter (undefined for an unknown key). */
export function shippedProtocolParam(key: string): ParamValue | undefined {
  return SHIPPED.get(key)
}

/** The parameter as the profile sets it: the site's value if any, else the shipped one. */
export function protocolParam(profile: PlanningProfile, key: string): ParamValue | undefined {
  return profile.protocolParams?.[key] ?? SHIPPED.get(key)
}

/** Message for a value outside its spec, or null. */
export function checkProtocolValue(spec: ProtocolParamSpec, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number (${spec.unit})`
  if (spec.integer && !Number.isInteger(value)) return 'must be a whole number'
  if (value < spec.min || value > spec.max) return `must be between ${spec.min} and ${spec.max} ${spec.unit}`
  if (spec.positive && value <= 0) return `must be greater than 0 ${spec.unit}`
  return null
}

function withParams(p: RehabProtocol, swap: (v: ParamValue) => ParamValue): RehabProtocol {
  if (p.kind === 'anchors')
    return {
      ...p,
      anchors: p.anchors.map((a) => ({
        ...a,
        day: swap(a.day),
        load: a.load.kind === 'kg' ? { kind: 'kg', kg: swap(a.load.kg) } : { kind: 'bw', fraction: swap(a.load.fraction) }
      }))
    }
  return {
    ...p,
    startDay: swap(p.startDay),
    startLoadKg: swap(p.startLoadKg),
    stepKg: swap(p.stepKg),
    intervalDays: swap(p.intervalDays),
    cap: { ...p.cap, bwFraction: p.cap.bwFraction && swap(p.cap.bwFraction), kg: p.cap.kg && swap(p.cap.kg) },
    afterCap: p.afterCap.map((m) => ({ ...m, days: swap(m.days) }))
  }
}

function applyOverrides(overrides: ProtocolParamOverrides): ProtocolTable {
  const swap = (v: ParamValue): ParamValue => {
    const o = overrides[v.key]
    return o ? { ...o, label: v.label ?? o.label } : v
  }
  return Object.fromEntries(PROTOCOL_IDS.map((id) => [id, withParams(PROTOCOLS[id], swap)])) as unknown as ProtocolTable
}

// One table per overrides object: planning many cases with one profile builds it once.
const tables = new WeakMap<ProtocolParamOverrides, ProtocolTable>()

/** The protocols as the profile sets them (PROTOCOLS itself when the profile changes none). */
export function protocolsFor(profile: PlanningProfile): ProtocolTable {
  const o = profile.protocolParams
  if (!o || Object.keys(o).length === 0) return PROTOCOLS
  let table = tables.get(o)
  if (!table) tables.set(o, (table = applyOverrides(o)))
  return table
}

/** Days that must rise along a protocol: its anchors, and the milestones after the cap. */
function orderedDays(p: RehabProtocol): ParamValue[][] {
  return p.kind === 'anchors' ? [p.anchors.map((a) => a.day)] : [p.afterCap.map((m) => m.days)]
}

/**
 * Field errors of a profile's protocol parameters (paths `protocolParams["key"]…`): known keys,
 * values in range with the shipped unit, provenance present, and days in schedule order.
 * `checkProvenance` is the profile validator's own check, passed in to keep one definition.
 */
export function validateProtocolParams(raw: unknown, checkProvenance: (p: unknown) => string | null): FieldError[] {
  const errors: FieldError[] = []
  const e = (path: string, message: string) => errors.push({ path, message, code: 'invalid' })
  if (raw === undefined) return errors
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: 'protocolParams', message: 'must be an object keyed by protocol parameter', code: 'invalid' }]
  const overrides = raw as Record<string, unknown>
  for (const key of Object.keys(overrides)) {
    const base = `protocolParams["${key}"]`
    const spec = PROTOCOL_PARAM_SPECS[key]
    const p = overrides[key] as Partial<ParamValue> | null
    if (!spec) e(base, 'unknown protocol parameter')
    else if (typeof p !== 'object' || p === null) e(base, 'is not a parameter')
    else {
      if (p.key !== key) e(`${base}.key`, `must be "${key}"`)
      if (p.unit !== spec.unit) e(`${base}.unit`, `must be "${spec.unit}"`)
      const msg = checkProtocolValue(spec, p.value)
      if (msg) e(`${base}.value`, msg)
      const pm = checkProvenance(p.provenance)
      if (pm) e(`${base}.provenance`, pm)
    }
  }
  if (errors.length > 0) return errors
  const table = applyOverrides(overrides as ProtocolParamOverrides)
  for (const id of PROTOCOL_IDS)
    for (const days of orderedDays(table[id]))
      for (let i = 1; i < days.length; i++) {
        const before = days[i - 1] as ParamValue
        const after = days[i] as ParamValue
        if (after.value <= before.value)
          e(`protocolParams["${before.key}"].value`, `must be earlier than “${after.label ?? after.key}” (${after.value} ${after.unit})`)
      }
  return errors
}
