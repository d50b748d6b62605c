// Custom implant systems as stored and exchanged: rebuilt from known fields only, checked for
// explicit units, then validated by the core's validateSystem. Built-in systems are read-only.
import { BUILTIN_SYSTEMS } from '../../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import { validateSystem } from '../../../../shared/catalog/validate'
import type { FieldError } from '../../../../shared/case/types'
import type { ParamScalar, ParamValue } from '../../../../shared/result'
import { isRecord, sanitizeParam, stableStringify } from './param-sanitize'
import { isUnconfirmed } from './profile-record'

export type SystemResult = { ok: true; system: ImplantSystem } | { ok: false; errors: FieldError[] }

/** Parameters of a system with the unit each must be stored in (the core computes in mm, kg, days). */
export const SYSTEM_PARAM_UNITS = {
  diametersMm: 'mm',
  lengthsMm: 'mm',
  engagementMm: 'mm',
  minCortexMm: 'mm',
  minContactMm: 'mm',
  tipMarginMm: 'mm',
  maxBodyWeightKg: 'kg',
  // One or two stages is a count without a unit, as the core's catalogue stores it.
  stages: '',
  stage2MinDays: 'days',
  stage2MaxDays: 'days'
} as const
export type SystemParamName = keyof typeof SYSTEM_PARAM_UNITS
export const SYSTEM_PARAM_NAMES = Object.keys(SYSTEM_PARAM_UNITS) as SystemParamName[]
const NULLABLE: readonly SystemParamName[] = ['maxBodyWeightKg', 'stage2MinDays', 'stage2MaxDays']

export function isBuiltinSystemId(id: string): boolean {
  return BUILTIN_SYSTEMS.some((s) => s.id === id)
}

function str(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

/** The system rebuilt from known fields, its parameter keys following its id. */
export function sanitizeSystem(raw: unknown): SystemResult {
  if (!isRecord(raw)) return { ok: false, errors: [{ path: '', message: 'is not an implant system (expected an object)', code: 'invalid' }] }
  const errors: FieldError[] = []
  const id = str(raw['id'], 65)
  const out: Record<string, unknown> = {
    id,
    name: str(raw['name'], 100).trim(),
    version: str(raw['version'], 40).trim(),
    manufacturer: typeof raw['manufacturer'] === 'string' && raw['manufacturer'].trim() ? raw['manufacturer'].trim().slice(0, 100) : null,
    fixation: raw['fixation'],
    bones: Array.isArray(raw['bones']) ? raw['bones'].slice(0, 20) : raw['bones'],
    template: false,
    label: typeof raw['label'] === 'string' && raw['label'].trim() ? raw['label'].trim().slice(0, 200) : null,
    protocolId: typeof raw['protocolId'] === 'string' ? raw['protocolId'].slice(0, 64) : null
  }
  for (const name of SYSTEM_PARAM_NAMES) {
    const value = raw[name]
    if ((value === null || value === undefined) && NULLABLE.includes(name)) {
      out[name] = null
      continue
    }
    const p = sanitizeParam(value)
    if (p) {
      p.key = `system.${id}.${name}`
      if (p.unit !== SYSTEM_PARAM_UNITS[name]) errors.push({ path: `${name}.unit`, message: `must be "${SYSTEM_PARAM_UNITS[name]}"`, code: 'invalid' })
    }
    out[name] = p
  }
  const system = out as unknown as ImplantSystem
  errors.push(...validateSystem(system))
  return errors.length ? { ok: false, errors } : { ok: true, system }
}

/** Checks a system the site wants to store: valid, and not taking a built-in system's id. */
export function checkCustomSystem(system: unknown): SystemResult {
  const result = sanitizeSystem(system)
  if (result.ok && isBuiltinSystemId(result.system.id))
    return { ok: false, errors: [{ path: 'id', message: `"${result.system.id}" is a built-in system; choose another id`, code: 'invalid' }] }
  return result
}

/** Value-level equality of two systems (used to decide whether a save is a new version). */
export function sameSystemContent(a: ImplantSystem, b: ImplantSystem): boolean {
  const strip = (s: ImplantSystem) => stableStringify({ ...s, version: '' })
  return strip(a) === strip(b)
}

export type AnyParam = ParamValue<ParamScalar>

/** Names of the system's parameters that are site defaults nobody at the site has confirmed. */
export function unconfirmedSystemParams(system: ImplantSystem): SystemParamName[] {
  return SYSTEM_PARAM_NAMES.filter((name) => {
    const p = system[name] as AnyParam | null
    return p !== null && isUnconfirmed(p)
  })
}
