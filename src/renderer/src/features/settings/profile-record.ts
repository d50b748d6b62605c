// A planning profile as the site keeps it: the profile the core computes with, plus the record of
// who changed, confirmed or reset which parameter and when. Every change bumps the version, which
// each PlanResult records, so an older plan can tell it was computed with different settings.
import type { FieldError } from '../../../../shared/case/types'
import { DEFAULT_PROFILE, PROFILE_KEYS, PROFILE_PARAM_SPECS } from '../../../../shared/profile/defaults'
import { paramSources } from '../../../../shared/profile/param'
import {
  isProtocolParamKey,
  PROTOCOL_PARAM_KEYS,
  PROTOCOL_PARAM_SPECS,
  protocolParam,
  shippedProtocolParam
} from '../../../../shared/profile/protocol-params'
import type { PlanningProfile, ProfileKey, ProfileParams, ProtocolParamOverrides } from '../../../../shared/profile/types'
import { upgradeLegacyParam } from '../../../../shared/profile/legacy'
import { validateProfile } from '../../../../shared/profile/validate'
import type { ParamScalar, ParamValue } from '../../../../shared/result'
import { isRecord, sanitizeParam, stableStringify } from './param-sanitize'
import { readNumberText } from './number-text'

/**
 * A parameter the site can confirm or change: a profile parameter, or a loading-protocol
 * parameter (`protocol.<id>.<param>`, kept in the profile's protocolParams).
 */
export type EditableKey = ProfileKey | `protocol.${string}`

/** Every editable parameter, profile parameters first, then the protocols' parameters. */
export const EDITABLE_KEYS: readonly EditableKey[] = [...PROFILE_KEYS, ...(PROTOCOL_PARAM_KEYS as EditableKey[])]

export function isEditableKey(key: string): key is EditableKey {
  return Object.hasOwn(PROFILE_PARAM_SPECS, key) || isProtocolParamKey(key)
}

export interface ParamChange {
  key: EditableKey
  action: 'changed' | 'confirmed' | 'reset'
  /** User name at the time ('' when none was entered). */
  by: string
  /** Epoch milliseconds. */
  at: number
  from: ParamScalar
  to: ParamScalar
  /** Profile version this change produced. */
  version: string
}

export interface ProfileRecord {
  profile: PlanningProfile
  /** Oldest first. */
  history: ParamChange[]
}

export type EditResult = { ok: true; record: ProfileRecord } | { ok: false; errors: FieldError[] }

export const MAX_PROFILE_NAME = 80
const MAX_HISTORY = 2000

export function shippedProfileRecord(): ProfileRecord {
  return { profile: DEFAULT_PROFILE, history: [] }
}

/** 1.0.0 → 1.0.1; a version without a numeric last part gets ".1" appended. */
export function bumpVersion(version: string): string {
  const m = /^(.*?)(\d+)$/.exec(version)
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${version}.1`
}

type AnyParam = ParamValue<ParamScalar>

/** The parameter as the profile has it (a protocol parameter the site never set: the shipped one). */
export function profileParam(profile: PlanningProfile, key: EditableKey): AnyParam {
  if (isProtocolParamKey(key)) return protocolParam(profile, key) as AnyParam
  return profile.params[key as ProfileKey] as unknown as AnyParam
}

function shippedParam(key: EditableKey): AnyParam {
  return (isProtocolParamKey(key) ? shippedProtocolParam(key) : DEFAULT_PROFILE.params[key as ProfileKey]) as unknown as AnyParam
}

const param = profileParam

/** true when the parameter is a site default nobody at the site has confirmed yet. */
export function isUnconfirmed(p: AnyParam): boolean {
  return p.provenance.kind === 'site-default' && p.confirmed !== true
}

export function unconfirmedKeys(profile: PlanningProfile): EditableKey[] {
  return EDITABLE_KEYS.filter((k) => isUnconfirmed(param(profile, k)))
}

/** The latest change, confirmation or reset of a parameter. */
export function lastChange(record: ProfileRecord, key: EditableKey): ParamChange | undefined {
  for (let i = record.history.length - 1; i >= 0; i--) if (record.history[i]?.key === key) return record.history[i]
  return undefined
}

/** Field-level errors of the core's validator that concern one parameter (path params["key"]…). */
export function errorsForKey(errors: readonly FieldError[], key: EditableKey): FieldError[] {
  const prefix = `${isProtocolParamKey(key) ? 'protocolParams' : 'params'}["${key}"]`
  return errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`))
}

/** The profile with one parameter replaced; a protocol parameter back at its shipped value is dropped. */
function setParam(profile: PlanningProfile, key: EditableKey, next: AnyParam): PlanningProfile {
  if (!isProtocolParamKey(key)) return { ...profile, params: { ...profile.params, [key]: next } as unknown as ProfileParams }
  const { [key]: _old, ...rest } = profile.protocolParams ?? {}
  const protocolParams: ProtocolParamOverrides = isShippedParam(next, key) ? rest : { ...rest, [key]: next as ParamValue<number> }
  return { ...profile, protocolParams }
}

function withParam(record: ProfileRecord, key: EditableKey, next: AnyParam, change: Omit<ParamChange, 'version' | 'key'>): EditResult {
  const version = bumpVersion(record.profile.version)
  const profile: PlanningProfile = { ...setParam(record.profile, key, next), version }
  const errors = validateProfile(profile)
  if (errors.length > 0) return { ok: false, errors }
  const history = [...record.history, { ...change, key, version }].slice(-MAX_HISTORY)
  return { ok: true, record: { profile, history } }
}

/**
 * Sets a parameter's value. The site now owns the value: a published value changed by the site
 * becomes a site value (its sources kept as "based on"), confirmed by the person who set it.
 */
export function changeParam(record: ProfileRecord, key: EditableKey, value: number | string, by: string, at: number): EditResult {
  if (!isEditableKey(key)) return { ok: false, errors: [{ path: `params["${String(key)}"]`, message: 'unknown profile parameter', code: 'invalid' }] }
  const old = param(record.profile, key)
  if (old.value === value) return { ok: true, record }
  const provenance: AnyParam['provenance'] =
    old.provenance.kind === 'published'
      ? { kind: 'site-default', basedOn: paramSources(old), note: `set by the site; published value ${String(old.value)} ${old.unit}`.trim() }
      : old.provenance
  const next: AnyParam = { ...old, value, provenance, confirmed: true }
  return withParam(record, key, next, { action: 'changed', by, at, from: old.value, to: value })
}

/** true when the parameter is exactly as shipped (value, unit, provenance, confirmation). */
export function isShippedParam(p: ParamValue<ParamScalar>, key: EditableKey): boolean {
  const shipped = shippedParam(key)
  return stableStringify({ ...p, label: null }) === stableStringify({ ...shipped, label: null })
}

/** Confirms a site default as it stands. Published values need no confirmation. */
export function confirmParam(record: ProfileRecord, key: EditableKey, by: string, at: number): EditResult {
  const old = param(record.profile, key)
  if (!isUnconfirmed(old)) return { ok: true, record }
  return withParam(record, key, { ...old, confirmed: true }, { action: 'confirmed', by, at, from: old.value, to: old.value })
}

/** Restores the shipped value and provenance (a shipped site default is unconfirmed again). */
export function resetParam(record: ProfileRecord, key: EditableKey, by: string, at: number): EditResult {
  const old = param(record.profile, key)
  const shipped = shippedParam(key)
  if (isShippedParam(old, key)) return { ok: true, record }
  return withParam(record, key, shipped, { action: 'reset', by, at, from: old.value, to: shipped.value })
}

export function renameProfile(record: ProfileRecord, name: string): EditResult {
  const clean = name.trim().slice(0, MAX_PROFILE_NAME)
  if (!clean) return { ok: false, errors: [{ path: 'name', message: 'is required', code: 'required' }] }
  return { ok: true, record: { ...record, profile: { ...record.profile, name: clean } } }
}

/** A new profile copied from `source` (values, provenance, confirmations and their history). */
export function copyProfile(source: ProfileRecord, id: string, name: string): EditResult {
  const renamed = renameProfile(source, name)
  if (!renamed.ok) return renamed
  return { ok: true, record: { profile: { ...renamed.record.profile, id, version: '1.0.0' }, history: [...source.history] } }
}

function readChange(raw: unknown): ParamChange | null {
  if (!isRecord(raw)) return null
  const key = raw['key']
  const action = raw['action']
  if (typeof key !== 'string' || !isEditableKey(key)) return null
  if (action !== 'changed' && action !== 'confirmed' && action !== 'reset') return null
  const at = raw['at']
  if (typeof at !== 'number' || !Number.isFinite(at)) return null
  const scalar = (v: unknown): ParamScalar => (typeof v === 'number' || typeof v === 'string' ? v : '')
  return {
    key,
    action,
    by: typeof raw['by'] === 'string' ? raw['by'].slice(0, 80) : '',
    at,
    from: scalar(raw['from']),
    to: scalar(raw['to']),
    version: typeof raw['version'] === 'string' ? raw['version'].slice(0, 40) : ''
  }
}

/** A stored profile record rebuilt from known fields and checked by the core's validator. */
export function readProfileRecord(raw: unknown): EditResult {
  if (!isRecord(raw) || !isRecord(raw['profile'])) return { ok: false, errors: [{ path: '', message: 'is not a stored planning profile', code: 'invalid' }] }
  const p = raw['profile']
  const rawParams = isRecord(p['params']) ? p['params'] : {}
  // fromEntries makes every key an own property ("__proto__" included), so the validator names it.
  // Legacy values (the "WHO" source key, eligibility "off") are upgraded before validation.
  const params = Object.fromEntries(Object.keys(rawParams).map((k) => [k, upgradeLegacyParam(sanitizeParam(rawParams[k]))]))
  const profile = {
    id: typeof p['id'] === 'string' ? p['id'].slice(0, 64) : '',
    name: typeof p['name'] === 'string' ? p['name'].slice(0, MAX_PROFILE_NAME) : '',
    version: typeof p['version'] === 'string' ? p['version'].slice(0, 40) : '',
    params
  } as unknown as PlanningProfile
  // Profiles stored before protocol parameters were settings have none: the shipped values apply.
  const rawProtocol = p['protocolParams']
  if (rawProtocol !== undefined) {
    const protocolParams = isRecord(rawProtocol) ? Object.fromEntries(Object.keys(rawProtocol).map((k) => [k, sanitizeParam(rawProtocol[k])])) : {}
    ;(profile as { protocolParams?: unknown }).protocolParams = isRecord(rawProtocol) ? protocolParams : rawProtocol
  }
  const errors = validateProfile(profile)
  if (errors.length > 0) return { ok: false, errors }
  const history = (Array.isArray(raw['history']) ? raw['history'] : []).map(readChange).filter((c): c is ParamChange => c !== null)
  return { ok: true, record: { profile, history } }
}

/** How a parameter is entered: a number with its unit, one of a list, or a protocol id. */
export type InputSpec = { kind: 'number'; unit: string } | { kind: 'enum'; values: readonly (string | number)[] } | { kind: 'protocol' }

export function inputSpec(key: EditableKey): InputSpec {
  if (isProtocolParamKey(key)) return { kind: 'number', unit: PROTOCOL_PARAM_SPECS[key]?.unit ?? '' }
  return PROFILE_PARAM_SPECS[key as ProfileKey]
}

/** The typed text as the parameter's value type, or an error message. */
export function parseParamText(key: EditableKey, text: string): { ok: true; value: number | string } | { ok: false; message: string } {
  const t = text.trim()
  const spec = inputSpec(key)
  if (spec.kind === 'protocol') return { ok: true, value: t }
  if (spec.kind === 'enum') {
    const match = spec.values.find((v) => String(v) === t)
    return match === undefined ? { ok: false, message: `must be one of ${spec.values.join(', ')}` } : { ok: true, value: match }
  }
  const n = readNumberText(t, `a number (${spec.unit})`)
  return n.ok ? { ok: true, value: n.value } : n
}
