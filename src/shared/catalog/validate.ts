/** Validation of implant systems (settings screen) and catalogue look-up. */
import { BONES, FIXATIONS, type FieldError } from '../case/types'
import { isPlainObject } from '../case/migrations'
import { isProtocolId } from '../profile/protocols'
import { HIDDEN_CHARACTER_PROBLEM, hiddenCharacter } from '../patient-code'
import { checkProvenance } from '../profile/validate'
import type { ParamValue } from '../result'
import type { ImplantSystem } from './types'

/** Plausibility limits of implant-system parameters (shared by validateSystem and case-file systems). */
export const SYSTEM_LIMITS = {
  diameterMm: 100,
  lengthMm: 1000,
  engagementMm: 10,
  minCortexMm: 20,
  minContactMm: 500,
  tipMarginMm: 500,
  maxBodyWeightKg: 1000,
  stage2Days: 730
} as const

export function findSystem(systems: readonly ImplantSystem[], id: string): ImplantSystem | undefined {
  for (const s of systems) if (s.id === id) return s
  return undefined
}

/** Validate an implant system in its stored form (ParamValues with provenance). */
export function validateSystem(system: ImplantSystem): FieldError[] {
  const errors: FieldError[] = []
  const e = (path: string, message: string, code: FieldError['code'] = 'invalid') => errors.push({ path, message, code })
  if (!isPlainObject(system)) return [{ path: '', message: 'is not an implant system', code: 'invalid' }]
  if (typeof system.id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(system.id))
    e('id', 'is required: letters, digits, ".", "_" and "-" (at most 64)')
  if (typeof system.name !== 'string' || system.name.trim() === '') e('name', 'is required', 'required')
  else if (hiddenCharacter(system.name)) e('name', `${HIDDEN_CHARACTER_PROBLEM} (${hiddenCharacter(system.name)})`)
  if (typeof system.version !== 'string' || system.version.trim() === '') e('version', 'is required', 'required')
  if (!(FIXATIONS as readonly string[]).includes(system.fixation)) e('fixation', 'must be "press-fit" or "threaded"')
  if (!Array.isArray(system.bones) || system.bones.length === 0) e('bones', 'must name at least one bone')
  else system.bones.forEach((b, i) => (BONES as readonly string[]).includes(b) || e(`bones[${i}]`, `unknown bone "${String(b)}"`))

  const prov = (name: string, p: ParamValue<unknown & (number | number[] | string)> | null | undefined): boolean => {
    if (!isPlainObject(p)) {
      e(name, 'is required', 'required')
      return false
    }
    // Every source key must be in the source list (an unknown key is never counted as published).
    const msg = checkProvenance(p.provenance)
    if (msg) e(`${name}.provenance`, msg)
    return true
  }
  const sizes = (name: 'diametersMm' | 'lengthsMm', max: number) => {
    const p = system[name]
    if (!prov(name, p)) return
    const v = p.value as unknown
    if (!Array.isArray(v) || v.length === 0) return e(`${name}.value`, 'must list at least one size')
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as unknown
      if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0 || x > max) return e(`${name}.value[${i}]`, `must be a size between 0 and ${max} mm`)
      if (i > 0 && x <= (v[i - 1] as number)) return e(`${name}.value[${i}]`, 'sizes must be in ascending order without repeats')
    }
  }
  sizes('diametersMm', SYSTEM_LIMITS.diameterMm)
  sizes('lengthsMm', SYSTEM_LIMITS.lengthMm)
  const num = (name: 'engagementMm' | 'minCortexMm' | 'minContactMm' | 'tipMarginMm', min: number, max: number, exclusive = false) => {
    const p = system[name]
    if (!prov(name, p)) return
    const v = p.value as unknown
    if (typeof v !== 'number' || !Number.isFinite(v) || (exclusive ? v <= min : v < min) || v > max)
      e(`${name}.value`, `must be a number ${exclusive ? 'greater than' : 'from'} ${min} ${exclusive ? 'and at most' : 'to'} ${max} mm`)
  }
  num('engagementMm', 0, SYSTEM_LIMITS.engagementMm)
  num('minCortexMm', 0, SYSTEM_LIMITS.minCortexMm, true) // 0 would let an implant as wide as the bone pass (R-CORTEX)
  num('minContactMm', 0, SYSTEM_LIMITS.minContactMm, true)
  num('tipMarginMm', 0, SYSTEM_LIMITS.tipMarginMm)
  if (errors.length === 0) {
    const d0 = system.diametersMm.value[0] as number
    if (system.engagementMm.value >= d0) e('engagementMm.value', `must be smaller than the smallest diameter (${d0} mm)`)
  }
  if (system.maxBodyWeightKg !== null && system.maxBodyWeightKg !== undefined) {
    if (prov('maxBodyWeightKg', system.maxBodyWeightKg)) {
      const v = system.maxBodyWeightKg.value as unknown
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > SYSTEM_LIMITS.maxBodyWeightKg) e('maxBodyWeightKg.value', `must be a weight in kg (0–${SYSTEM_LIMITS.maxBodyWeightKg})`)
    }
  }
  if (prov('stages', system.stages)) {
    const v = system.stages.value as unknown
    if (v !== 1 && v !== 2 && v !== 'either') e('stages.value', 'must be 1, 2 or "either"')
  }
  const dmin = system.stage2MinDays
  const dmax = system.stage2MaxDays
  if ((dmin === null) !== (dmax === null)) e('stage2MaxDays', 'give both the earliest and the latest stage 2, or neither')
  else if (dmin && dmax && prov('stage2MinDays', dmin) && prov('stage2MaxDays', dmax)) {
    const a = dmin.value as unknown
    const b = dmax.value as unknown
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a > SYSTEM_LIMITS.stage2Days) e('stage2MinDays.value', `must be whole days (0–${SYSTEM_LIMITS.stage2Days})`)
    else if (typeof b !== 'number' || !Number.isInteger(b) || b < a || b > SYSTEM_LIMITS.stage2Days) e('stage2MaxDays.value', 'must be whole days, not before the earliest stage 2')
  }
  if (system.protocolId !== null && system.protocolId !== undefined && !isProtocolId(system.protocolId))
    e('protocolId', `unknown protocol "${system.protocolId}"`)
  return errors
}
