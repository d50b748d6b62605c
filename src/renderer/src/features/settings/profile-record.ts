// A planning profile as the site keeps it: the profile the core computes with, plus the record of
// who changed, confirmed or reset which parameter and when. Every change bumps the version, which
// each PlanResult records, so an older plan can tell it was computed with different settings.
import type { FieldError } from '../../../../shared/case/types'
import { DEFAULT_PROFILE, PROFILE_KEYS, PROFILE_PARAM_SPECS } from '../../../../shared/profile/defaults'
import { paramSources } from '../../../../shared/profile/param'
import type { PlanningProfile, ProfileKey, ProfileParams } from '../../../../shared/profile/types'
import { validateProfile } from '../../../../shared/profile/validate'
import type { ParamScalar, ParamValue } from '../../../../shared/result'
import { isRecord, sanitizeParam, stableStringify } from './param-sanitize'

export interface ParamChange {
  key: ProfileKey
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

function param(profile: PlanningProfile, key: ProfileKey): AnyParam {
  return profile.params[key] as unknown as AnyParam
}

/** true when the parameter is a site default nobody at the site has confirmed yet. */
export function isUnconfirmed(p: AnyParam): boolean {
  return p.provenance.kind === 'site-default' && p.confirmed !== true
}

export function unconfirmedKeys(profile: PlanningProfile): ProfileKey[] {
  return PROFILE_KEYS.filter((k) => isUnconfirmed(param(profile, k)))
}

/** The latest change, confirmation or reset of a parameter. */
export function lastChange(record: ProfileRecord, key: ProfileKey): ParamChange | undefined {
  for (let i = record.history.length - 1; i >= 0; i--) if (record.history[i]?.key === key) return record.history[i]
  return undefined
}

/** Field-level errors of the core's validator that concern one parameter (path params["key"]…). */
export function errorsForKey(errors: readonly FieldError[], key: ProfileKey): FieldError[] {
  const prefix = `params["${key}"]`
  return errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`))
}

function withParam(record: ProfileRecord, key: ProfileKey, next: AnyParam, change: Omit<ParamChange, 'version' | 'key'>): EditResult {
  const version = bumpVersion(record.profile.version)
  const params = { ...record.profile.params, [key]: next } as unknown as ProfileParams
  const profile: PlanningProfile = { ...record.profile, version, params }
  const errors = validateProfile(profile)
  if (errors.length > 0) return { ok: false, errors }
  const history = [...record.history, { ...change, key, version }].slice(-MAX_HISTORY)
  return { ok: true, record: { profile, history } }
}

/**
 * Sets a parameter's value. The site now owns the value: a published value changed by the site
 * becomes a site value (its sources kept as "based on"), confirmed by the person who set it.
 */
export function changeParam(record: ProfileRecord, key: ProfileKey, value: number | string, by: string, at: number): EditResult {
  if (!(key in PROFILE_PARAM_SPECS)) return { ok: false, errors: [{ path: `params["${String(key)}"]`, message: 'unknown profile parameter', code: 'invalid' }] }
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
export function isShippedParam(p: ParamValue<ParamScalar>, key: ProfileKey): boolean {
  const shipped = DEFAULT_PROFILE.params[key] as unknown as ParamValue<ParamScalar>
  return stableStringify({ ...p, label: null }) === stableStringify({ ...shipped, label: null })
}

/** Confirms a site default as it stands. Published values need no confirmation. */
export function confirmParam(record: ProfileRecord, key: ProfileKey, by: string, at: number): EditResult {
  const old = param(record.profile, key)
  if (!isUnconfirmed(old)) return { ok: true, record }
  return withParam(record, key, { ...old, confirmed: true }, { action: 'confirmed', by, at, from: old.value, to: old.value })
}

/** Restores the shipped value and provenance (a shipped site default is unconfirmed again). */
export function resetParam(record: ProfileRecord, key: ProfileKey, by: string, at: number): EditResult {
  const old = param(record.profile, key)
  const shipped = param(DEFAULT_PROFILE, key)
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
  if (typeof key !== 'string' || !(key in PROFILE_PARAM_SPECS)) return null
  if (action !== 'changed' && action !== 'confirmed' && action !== 'reset') return null
  const at = raw['at']
  if (typeof at !== 'number' || !Number.isFinite(at)) return null
  const scalar = (v: unknown): ParamScalar => (typeof v === 'number' || typeof v === 'string' ? v : '')
  return {
    key: key as ProfileKey,
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
  const params: Record<string, AnyParam | null> = {}
  for (const k of Object.keys(rawParams)) params[k] = sanitizeParam(rawParams[k])
  const profile = {
    id: typeof p['id'] === 'string' ? p['id'].slice(0, 64) : '',
    name: typeof p['name'] === 'string' ? p['name'].slice(0, MAX_PROFILE_NAME) : '',
    version: typeof p['version'] === 'string' ? p['version'].slice(0, 40) : '',
    params
  } as unknown as PlanningProfile
  const errors = validateProfile(profile)
  if (errors.length > 0) return { ok: false, errors }
  const history = (Array.isArray(raw['history']) ? raw['history'] : []).map(readChange).filter((c): c is ParamChange => c !== null)
  return { ok: true, record: { profile, history } }
}

/** The typed text as the parameter's value type, or an error message. */
export function parseParamText(key: ProfileKey, text: string): { ok: true; value: number | string } | { ok: false; message: string } {
  const spec = PROFILE_PARAM_SPECS[key]
  const t = text.trim()
  if (spec.kind === 'protocol') return { ok: true, value: t }
  if (spec.kind === 'enum') {
    const match = spec.values.find((v) => String(v) === t)
    return match === undefined ? { ok: false, message: `must be one of ${spec.values.join(', ')}` } : { ok: true, value: match }
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, message: `must be a number (${spec.unit})` }
  return { ok: true, value: Number(t) }
}
