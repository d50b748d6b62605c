// Recompute, never trust: a restored revision's result must be exactly what the engine computes
// from its case with the profile and catalogue versions the result names. A content hash proves
// only that whoever edited the file recomputed the hash; this proves the numbers follow from the case.
import { parseCase } from '../../../shared/case/parse'
import { BUILTIN_SYSTEMS, CATALOG_VERSION } from '../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../shared/catalog/types'
import { computePlan, EARLIER_ENGINE_VERSIONS, ENGINE_VERSION } from '../../../shared/plan'
import { DEFAULT_PROFILE } from '../../../shared/profile/defaults'
import type { PlanningProfile } from '../../../shared/profile/types'
import { canonicalJson } from './content-hash'
import type { StoredCase } from './types'

/** What this library can recompute with: its planning profiles and its implant catalogue. */
export interface ReproduceWith {
  profiles: readonly PlanningProfile[]
  /** Built-in and custom systems. */
  systems: readonly ImplantSystem[]
}

export const SHIPPED_REPRODUCTION: ReproduceWith = { profiles: [DEFAULT_PROFILE], systems: BUILTIN_SYSTEMS }

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function named(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : 'none'
}

/**
 * null when `result` is exactly what the engine computes for `caseFile`; otherwise why not, in
 * words a surgeon can act on. Identical cases share one computation through `cache`.
 */
export function whyNotReproduced(caseFile: StoredCase, result: unknown, using: ReproduceWith, cache: Map<string, unknown>): string | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return 'its stored result is not a computed plan'
  const engine = field(result, 'engineVersion')
  // A result of an earlier engine is checked with this one: restored as it was when this engine
  // computes the same numbers and findings for its case, refused when the rules corrected since
  // change them (its stored numbers are then the ones that were wrong).
  const earlier = typeof engine === 'string' && EARLIER_ENGINE_VERSIONS.includes(engine)
  if (engine !== ENGINE_VERSION && !earlier) return `its result was computed by engine ${named(engine)}, and this OsseoPlan (engine ${ENGINE_VERSION}) cannot check it`
  const catalog = field(result, 'catalogVersion')
  if (catalog !== CATALOG_VERSION) return `its result names catalogue ${named(catalog)}, not this OsseoPlan's catalogue ${CATALOG_VERSION}`
  const profileId = field(result, 'profileId')
  const profileVersion = field(result, 'profileVersion')
  const profile = using.profiles.find((p) => p.id === profileId && p.version === profileVersion)
  if (!profile) return `its result was computed with planning profile ${named(profileId)} version ${named(profileVersion)}, which this library does not have`
  const system = field(result, 'system')
  const parsed = parseCase(caseFile, { systems: using.systems, plausibility: 'warn' })
  if (!parsed.ok) return 'its case cannot be computed'
  if (system !== null && parsed.value.implant.system === null) {
    const id = field(system, 'id')
    const version = field(system, 'version')
    if (!using.systems.some((s) => s.id === id && s.version === version)) return `its result names implant system ${named(id)} version ${named(version)}, which this library's catalogue does not have`
  }
  const key = `${profile.id}\u0000${profile.version}\u0000${canonicalJson(caseFile)}`
  let expected = cache.get(key)
  if (expected === undefined) {
    expected = computePlan(parsed.value, { profile, systems: using.systems })
    cache.set(key, expected)
  }
  if (!earlier) return sameJson(result, expected) ? null : 'its stored result does not follow from its case (recomputed with the same engine, profile and catalogue, the numbers differ)'
  return sameJson(result, { ...(expected as object), engineVersion: engine })
    ? null
    : `its result was computed by engine ${named(engine)}, and this OsseoPlan (engine ${ENGINE_VERSION}) computes different numbers or findings for its case: the rules were corrected since, and the stored numbers are not this engine's (see the rules basis)`
}

/** Equal as JSON: same values, object keys in any order, undefined members absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    if (a.length !== other.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, other[i] ?? null)) return false
    return true
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  let count = 0
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined) continue
    count++
    if (!Object.hasOwn(y, k) || !sameJson(x[k], y[k])) return false
  }
  for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined) count--
  return count === 0
}
