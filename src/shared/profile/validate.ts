/** Validation of planning profiles (settings screen) and of profile overrides in a case file. */
import { Collector, list } from '../case/fields'
import { isPlainObject } from '../case/migrations'
import type { FieldError } from '../case/types'
import { isKnownSource } from '../catalog/sources'
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

/** "unknown source key "S9999" (not in the source list)" for the first unknown key, else null. */
function unknownSources(keys: unknown): string | null {
  if (keys === undefined) return null
  if (!Array.isArray(keys)) return 'source keys must be a list'
  for (const k of keys) if (!isKnownSource(k)) return `unknown source key "${String(k)}": not in the source list`
  return null
}

/** Provenance check shared by profiles, protocol parameters and implant systems: every source key must be known. */
export function checkProvenance(p: unknown): string | null {
  if (!isPlainObject(p)) return 'provenance is missing'
  const pr = p as Partial<Provenance>
  if (pr.kind === 'published') {
    if (typeof pr.source !== 'string' || pr.source.trim() === '') return 'a published value needs its source key (e.g. "S66")'
    if (!isKnownSource(pr.source)) return `unknown source key "${pr.source}": not in the source list`
    return unknownSources(pr.also)
  }
  if (pr.kind === 'site-default') return unknownSources(pr.basedOn)
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
  if (errors.length === 0)
    for (const r of invertedRanges((k) => (params as ProfileParams)[k].value as number)) e(`${keyPath('params', r.low)}.value`, r.message)
  errors.push(...validateProtocolParams((profile as { protocolParams?: unknown }).protocolParams, checkProvenance))
  return errors
}

/** Profile ranges that must be ordered (minimum ≤ maximum), with how to say so. */
const RANGES: readonly { low: ProfileKey; high: ProfileKey; what: (high: number) => string }[] = [
  { low: 'mag.warnBelow', high: 'mag.warnAbove', what: (h) => `the upper warning limit (${h})` },
  { low: 'stage.pressFitMinDays', high: 'stage.pressFitMaxDays', what: (h) => `the latest stage 2 (${h} days)` }
]

/** The ranges inverted under `value` (each reported on its lower end). */
function invertedRanges(value: (k: ProfileKey) => number): { low: ProfileKey; high: ProfileKey; message: string }[] {
  return RANGES.filter((r) => value(r.low) > value(r.high)).map((r) => ({ low: r.low, high: r.high, message: `must not exceed ${r.what(value(r.high))}` }))
}

/**
 * Field errors of a case's overrides that invert a range (R-STAGE, R-MAG), against the profile the
 * plan uses for the end the case does not set. Paths are the case file's (`profile["key"]`).
 */
export function caseRangeErrors(profile: PlanningProfile, overrides: ProfileOverrides): FieldError[] {
  const value = (k: ProfileKey) => ((overrides[k] as ParamValue<number> | undefined) ?? (profile.params[k] as ParamValue<number>)).value
  return invertedRanges(value).map((r) => {
    const at = overrides[r.low] !== undefined ? r.low : r.high
    const message = at === r.low ? r.message : `must not be below “${profile.params[r.low].label ?? r.low}” (${value(r.low)})`
    return { path: keyPath('profile', at), message, code: 'invalid' as const }
  })
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
        if (!isKnownSource(v.source.trim())) {
          c.error(`${p}.source`, `unknown source key "${v.source.trim()}": use a key of the source list (docs/rules.md), or leave the source out for a site default`)
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
  // Both ends of a range in the case file: they must be ordered (the profile's ends are checked when planning).
  for (const r of RANGES)
    if (out[r.low] && out[r.high] && (out[r.low]?.value as number) > (out[r.high]?.value as number))
      c.error(keyPath(path, r.low), `must not exceed ${r.what(out[r.high]?.value as number)}`)
  return out as ProfileOverrides
}

/**
 * Parameters a case file may only make stricter, and the direction that is: a minimum ('min') is
 * stricter when higher, a maximum ('max') when lower, a severity when absolute. Eligibility, and
 * the published magnification range outside which R-MAG warns (a case must not silence it).
 */
const STRICTER_ONLY: Partial<Record<ProfileKey, 'min' | 'max' | 'severity'>> = {
  'mag.warnBelow': 'min',
  'mag.warnAbove': 'max',
  'elig.minAgeYears': 'min',
  'elig.maxBmi': 'max',
  'elig.minSocketRehabMonths': 'min',
  'elig.maxHipFlexionDeg': 'max',
  'elig.maxKneeFlexionDeg': 'max',
  'elig.minResidualHumerusMm': 'min'
}

/** true when the case's value would make eligibility, or a warning, less strict than the profile's. */
function weakens(key: ProfileKey, profileValue: unknown, caseValue: unknown): boolean {
  const dir = key.startsWith('elig.severity.') ? 'severity' : STRICTER_ONLY[key]
  if (dir === undefined) return false
  if (dir === 'severity') return profileValue === 'absolute' && caseValue !== 'absolute'
  if (typeof profileValue !== 'number' || typeof caseValue !== 'number') return false
  return dir === 'min' ? caseValue < profileValue : caseValue > profileValue
}

export interface AppliedOverrides {
  profile: PlanningProfile
  /** Overrides not applied because they would weaken eligibility or a warning (the profile's value is kept). */
  refused: { key: ProfileKey; caseValue: number | string; profileValue: number | string; label: string; reason: 'weaker' | 'range' }[]
}

/**
 * The profile with the case's overrides applied (labels kept from the base profile). A case file
 * may make eligibility (R-ELIG) and the magnification warning (R-MAG) stricter, never weaker: such
 * overrides are refused and listed.
 */
export function applyCaseOverrides(profile: PlanningProfile, overrides: ProfileOverrides): AppliedOverrides {
  const keys = Object.keys(overrides) as ProfileKey[]
  const refused: AppliedOverrides['refused'] = []
  if (keys.length === 0) return { profile, refused }
  const params = { ...profile.params } as Record<ProfileKey, ParamValue<number | string>>
  for (const k of keys) {
    const o = overrides[k] as ParamValue<number | string> | undefined
    if (!o) continue
    const base = profile.params[k] as ParamValue<number | string>
    if (weakens(k, base.value, o.value)) {
      refused.push({ key: k, caseValue: o.value, profileValue: base.value, label: base.label ?? k, reason: 'weaker' })
      continue
    }
    params[k] = base.label === undefined ? o : { ...o, label: base.label }
  }
  // A case value that inverts a range against the profile (planFromRaw refuses such a file) is not applied.
  for (const r of invertedRanges((k) => params[k].value as number))
    for (const k of [r.low, r.high])
      if (params[k] !== profile.params[k]) {
        refused.push({ key: k, caseValue: params[k].value, profileValue: profile.params[k].value, label: profile.params[k].label ?? k, reason: 'range' })
        params[k] = profile.params[k] as ParamValue<number | string>
      }
  return { profile: { ...profile, version: `${profile.version}+case`, params: params as unknown as ProfileParams }, refused }
}

/** The profile with the case's overrides applied; overrides that would weaken eligibility are not. */
export function applyProfileOverrides(profile: PlanningProfile, overrides: ProfileOverrides): PlanningProfile {
  return applyCaseOverrides(profile, overrides).profile
}
