/** Shared machinery of the rules: bases, findings, and the record of parameters used. */
import { paramRef, paramSources } from '../profile/param'
import type { PlanningProfile } from '../profile/types'
import type { Basis, BasisInput, Finding, ParamRef, ParamScalar, ParamValue, RuleId, Severity, SourceKey } from '../result'

/**
 * Tolerance for comparisons against thresholds, in the quantity's own unit (mm, ×, kg).
 * It only absorbs binary floating-point noise (e.g. 115 / 1.15 = 99.99999999999999):
 * a value within 1e-9 of a threshold counts as exactly at it. Calculation never rounds.
 */
export const EPS = 1e-9

interface Cached {
  ref: ParamRef
  sources: SourceKey[]
}
/**
 * References of the built-in parameters (default profile, catalogue, protocols), made once.
 * Other parameters (site profiles, systems carried by a case) get a per-plan cache instead, so
 * that planning never grows a global table.
 */
const staticRefs = new WeakMap<object, Cached>()

function makeCached(p: ParamValue<ParamScalar>): Cached {
  return { ref: paramRef(p), sources: paramSources(p) }
}

/** Register built-in parameters (called once at module load). */
export function preloadParams(params: Iterable<ParamValue<ParamScalar> | null | undefined>): void {
  for (const p of params) if (p && !staticRefs.has(p)) staticRefs.set(p, makeCached(p))
}

export function inp(value: BasisInput['value'], unit: string): BasisInput {
  return { value, unit }
}

export class PlanContext {
  readonly findings: Finding[] = []
  readonly basis: Record<string, Basis> = {}
  readonly used = new Map<string, ParamRef>()
  private local: Map<object, Cached> | null = null

  constructor(readonly profile: PlanningProfile) {}

  /** Build a basis; its parameters are recorded as used by the plan. */
  make(
    rule: RuleId,
    formula: string,
    inputs: Record<string, BasisInput>,
    params: readonly (ParamValue<ParamScalar> | null | undefined)[],
    sources: readonly SourceKey[] = []
  ): Basis {
    const refs: ParamRef[] = []
    const srcs: SourceKey[] = sources.slice()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      if (!p) continue
      const c = this.cached(p)
      refs.push(c.ref)
      if (!this.used.has(c.ref.key)) this.used.set(c.ref.key, c.ref)
      const ps = c.sources
      for (let j = 0; j < ps.length; j++) if (!srcs.includes(ps[j] as SourceKey)) srcs.push(ps[j] as SourceKey)
    }
    return { rule, formula, inputs, parameters: refs, sources: srcs }
  }

  private cached(p: ParamValue<ParamScalar>): Cached {
    const hit = staticRefs.get(p)
    if (hit) return hit
    const local = (this.local ??= new Map())
    let c = local.get(p)
    if (!c) {
      c = makeCached(p)
      local.set(p, c)
    }
    return c
  }

  find(id: string, severity: Severity, message: string, basis: Basis, paths?: string[]): void {
    const f: Finding = { id, severity, message, basis }
    if (paths && paths.length > 0) f.paths = paths
    this.findings.push(f)
  }
}

/** "[S24][S25]" for messages. */
export function cite(sources: readonly SourceKey[]): string {
  return sources.map((s) => `[${s}]`).join('')
}
