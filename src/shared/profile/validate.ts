/** Validation of planning profiles (settings screen) and of profile overrides in a case file. */
import { Collector, list } from '../case/fields'
import { isPlainObject } from '../case/migrations'
import type { FieldError } from '../case/types'
import type { ParamValue, Provenance } from '../result'
import { isFieldError, parseLength } from '../units'
import { PROFILE_KEYS, PROFILE_PARAM_SPECS, type ProfileParamSpec } from './defaults'
import { published, siteDefault } from './param'
import { validateProtocolParams } from './protocol-params'
import { isProtocolId, PROTOCOL_IDS } from './protocols'
import type { PlanningProfile, ProfileKey, ProfileOverrides, ProfileParams } from './types'

function keyPath(base: string, key: string): string {
  return `${base}["${key}"]`
}

/** Check one value against its spec; returns an error message or null. */
function checkValue(spec: ProfileParamSpec, value: unknown): string | null {
  if (spec.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number (${spec.unit})`
    if (spec.integer && !Number.isInteger(value)) return 'must be a whole number'
    if (value < spec.min || value > spec.max) return `must be between ${spec.min} and ${spec.max} ${spec.unit}`
    return null
  }
  if (spec.kind === 'enum') {
    if (!spec.values.includes(value as string | number)) return `must be one of ${list(spec.values)}`
    return null
  }
  if (typeof value !== 'string' || !isProtocolId(value)) return `must be a protocol id: ${list(PROTOCOL_IDS)}`
  return null
}

function checkProvenance(p: unknown): string | null {
  if (!isPlainObject(p)) return 'provenance is missing'
  const pr = p as Partial<Provenance>
  if (pr.kind === 'published') {
    if (typeof pr.source !== 'string' || pr.source.trim() === '') return 'a published value needs its source key (e.g. "S66")'
    return null
  }
  if (pr.kind === 'site-default') return null
  return 'provenance must be "published" (with a source) or "site-default"'
}

/**
 * Validate a complete planning profile. Paths look like `params["soft.targetMm"].value` or, for the
 * site's protocol parameters, `protocolParams["protocol.opra.startDay"].value`.
 */
export function validateProfile(profile: PlanningProfile): FieldError[] {
  const errors: FieldError[] = []
  const e = (path: string, message: string) => errors.push({ path, message, code: 'invalid' })
  if (!isPlainObject(profile)) return [{ path: '', message: 'is not a planning profile', code: 'invalid' }]
  if (typeof profile.id !== 'string' || profile.id.trim() === '') e('id', 'is required')
  if (typeof profile.name !== 'string' || profile.name.trim() === '') e('name', 'is required')
  if (typeof profile.version !== 'string' || profile.version.trim() === '') e('version', 'is required')
  const params = profile.params as unknown
  if (!isPlainObject(params)) {
    e('params', 'is required')
    return errors
  }
  for (const k of Object.keys(params)) if (!Object.hasOwn(PROFILE_PARAM_SPECS, k)) e(keyPath('params', k), 'unknown profile parameter')
  for (const key of PROFILE_KEYS) {
    const p = params[key] as ParamValue<number | string> | undefined
    const base = keyPath('params', key)
    if (!isPlainObject(p)) {
      errors.push({ path: base, message: 'is missing', code: 'required' })
      continue
    }
    if (p.key !== key) e(`${base}.key`, `must be "${key}"`)
    const msg = checkValue(PROFILE_PARAM_SPECS[key], p.value)
    if (msg) e(`${base}.value`, msg)
    const pm = checkProvenance(p.provenance)
    if (pm) e(`${base}.provenance`, pm)
  }
  if (errors.length === 0) {
    const v = <K extends ProfileKey>(k: K) => (params as ProfileParams)[k].value
    if (v('mag.warnBelow') > v('mag.warnAbove'))
      e(`${keyPath('params', 'mag.warnBelow')}.value`, `must not exceed the upper warning limit (${v('mag.warnAbove')})`)
    if (v('stage.pressFitMinDays') > v('stage.pressFitMaxDays'))
      e(`${keyPath('params', 'stage.pressFitMinDays')}.value`, `must not exceed the latest stage 2 (${v('stage.pressFitMaxDays')} days)`)
  }
  errors.push(...validateProtocolParams((profile as { protocolParams?: unknown }).protocolParams, checkProvenance))
  return errors
}

/**
 * Parse profile overrides carried by a case file: `{ "soft.targetMm": 10 }` or
 * `{ "soft.targetMm": { "value": 10, "source": "S9" } }`. Length parameters accept units.
 * A value without a source is a site default entered in the case file (unconfirmed).
 */
export function parseProfileOverrides(raw: Record<string, unknown>, path: string, c: Collector): ProfileOverrides {
  const out: Record<string, ParamValue<number | string>> = {}
  for (const k of Object.keys(raw)) {
    const p = keyPath(path, k)
    if (!Object.hasOwn(PROFILE_PARAM_SPECS, k)) {
      c.error(p, `unknown profile parameter "${k}"; see docs/rules.md for the list`)
      continue
    }
    const key = k as ProfileKey
    const spec = PROFILE_PARAM_SPECS[key]
    let v = raw[k]
    let source: string | undefined
    if (isPlainObject(v)) {
      const extra = Object.keys(v).filter((x) => x !== 'value' && x !== 'source')
      for (const x of extra) c.warn(`${p}.${x}`, `unknown field "${x}", ignored`)
      if (v.source !== undefined) {
        if (typeof v.source !== 'string' || v.source.trim() === '') {
          c.error(`${p}.source`, 'must be a source key such as "S66"')
          continue
        }
        source = v.source.trim()
      }
      v = v.value
      if (v === undefined) {
        c.required(`${p}.value`)
        continue
      }
    }
    const vp = source === undefined ? p : `${p}.value`
    if (spec.kind === 'number' && spec.length && typeof v === 'string') {
      const mm = parseLength(v, vp)
      if (isFieldError(mm)) {
        c.error(vp, mm.message)
        continue
      }
      v = mm
    }
    const msg = checkValue(spec, v)
    if (msg) {
      c.error(vp, msg)
      continue
    }
    const base = PROFILE_PARAM_SPECS[key]
    const unit = base.kind === 'number' ? base.unit : ''
    const value = v as number | string
    out[key] =
      source === undefined
        ? siteDefault(key, value, unit, key, { note: 'set in the case file' })
        : published(key, value, unit, key, source)
  }
  return out as ProfileOverrides
}

/** The profile with the case's overrides applied (labels kept from the base profile). */
export function applyProfileOverrides(profile: PlanningProfile, overrides: ProfileOverrides): PlanningProfile {
  const keys = Object.keys(overrides) as ProfileKey[]
  if (keys.length === 0) return profile
  const params = { ...profile.params } as Record<ProfileKey, ParamValue<number | string>>
  for (const k of keys) {
    const o = overrides[k] as ParamValue<number | string> | undefined
    if (!o) continue
    const label = profile.params[k].label
    params[k] = label === undefined ? o : { ...o, label }
  }
  return { ...profile, version: `${profile.version}+case`, params: params as unknown as ProfileParams }
}
