// What would differ if a stored plan were computed again with the current profile and catalogue.
// Pure: compares two PlanResults the core produced (stored vs recomputed now); the only numbers
// come from the core's computePlan.
import { parseCase } from '../../../../shared/case/parse'
import { formatBeside, formatParamValue } from '../../../../shared/format'
import type { NormalizedCase } from '../../../../shared/case/types'
import { computePlan, type PlanOptions } from '../../../../shared/plan'
import type { PlanResult } from '../../../../shared/result'
import { looksLikeResult } from '../print/load-summary'

export interface PlanDifference {
  /** Path in the PlanResult ('implant.diameterMm', 'findings', …). */
  path: string
  /** Plain English name of what differs. */
  label: string
  before: string
  after: string
}

/** Text of a result value beside the value it changed from or to; numbers in the core's canonical
 *  units (mm, kg, days), with the decimals it takes to tell them apart (+0.004 → −0.004 mm is not
 *  "0 mm → 0 mm"; a catalogue Ø 12.125 mm is not 12.13). */
function show(value: unknown, other: unknown, unit = '', exact = false): string {
  if (value === null || value === undefined) return 'none'
  if (typeof value === 'number' && exact) return formatParamValue(value, unit)
  // Beside 0 as well: a value that changed sign never reads "0".
  if (typeof value === 'number') return formatBeside(value, typeof other === 'number' ? [other, 0] : [0], 2, unit ? ` ${unit}` : '')
  return String(value)
}

/** `exact`: a catalogue size, shown as the catalogue states it. */
type Probe = { path: string; label: string; unit?: string; exact?: boolean; get: (r: PlanResult) => unknown }

const PROBES: readonly Probe[] = [
  { path: 'status', label: 'Plan status', get: (r) => r.status },
  { path: 'system', label: 'Implant system', get: (r) => (r.system ? `${r.system.name} (version ${r.system.version})` : null) },
  { path: 'implant.diameterMm', label: 'Implant diameter', unit: 'mm', exact: true, get: (r) => r.implant?.diameterMm },
  { path: 'implant.lengthMm', label: 'Implant length', unit: 'mm', exact: true, get: (r) => r.implant?.lengthMm },
  { path: 'implant.preparedDiameterMm', label: 'Prepared canal diameter', unit: 'mm', exact: true, get: (r) => r.implant?.preparedDiameterMm },
  { path: 'implant.contactLengthMm', label: 'Cortical contact length', unit: 'mm', get: (r) => r.implant?.contactLengthMm },
  { path: 'implant.maxLengthMm', label: 'Longest implant the bone allows', unit: 'mm', get: (r) => r.implant?.maxLengthMm },
  { path: 'corrected.magnification', label: 'Magnification applied', unit: '×', get: (r) => r.corrected?.magnification },
  { path: 'softTissue.targetMm', label: 'Soft-tissue target', unit: 'mm', get: (r) => r.softTissue?.targetMm },
  { path: 'softTissue.reductionMm', label: 'Soft-tissue reduction', unit: 'mm', get: (r) => r.softTissue?.reductionMm },
  { path: 'buildHeight.clearanceMm', label: 'Build-height clearance', unit: 'mm', get: (r) => r.buildHeight?.clearanceMm },
  { path: 'buildHeight.resectionMm', label: 'Proposed bone resection', unit: 'mm', get: (r) => r.buildHeight?.resectionMm },
  { path: 'rehab.protocolName', label: 'Loading protocol', get: (r) => r.rehab?.protocolName },
  { path: 'rehab.targetLoadKg', label: 'Target load', unit: 'kg', get: (r) => r.rehab?.targetLoadKg },
  { path: 'rehab.schedule', label: 'Loading schedule rows', get: (r) => (r.rehab ? JSON.stringify(r.rehab.schedule) : null) },
  { path: 'stages.count', label: 'Surgical stages', get: (r) => r.stages?.count },
  {
    path: 'stages.stage2AfterDays',
    label: 'Stage 2 after stage 1',
    get: (r) => (r.stages?.stage2AfterDays ? `${r.stages.stage2AfterDays.min}–${r.stages.stage2AfterDays.max} days` : null)
  }
]

function eligibilityText(r: PlanResult): Map<string, string> {
  return new Map((r.eligibility ?? []).map((e) => [e.item, `${e.outcome} (${e.severity})`]))
}

function unconfirmed(r: PlanResult): string[] {
  return (r.siteDefaultsUsed ?? []).filter((p) => !p.confirmed).map((p) => p.key)
}

/**
 * Differences between a stored result and the same case computed now. Empty when the plan's
 * numbers, findings and flags would not change (a version bump alone is not a difference).
 */
export function compareWithCurrent(stored: PlanResult, current: PlanResult): PlanDifference[] {
  const out: PlanDifference[] = []
  for (const probe of PROBES) {
    const a = probe.get(stored)
    const b = probe.get(current)
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ path: probe.path, label: probe.label, before: probe.path === 'rehab.schedule' ? 'earlier schedule' : show(a, b, probe.unit, probe.exact), after: probe.path === 'rehab.schedule' ? 'changed schedule' : show(b, a, probe.unit, probe.exact) })
    }
  }
  const ea = eligibilityText(stored)
  const eb = eligibilityText(current)
  for (const item of new Set([...ea.keys(), ...eb.keys()])) {
    if (ea.get(item) !== eb.get(item)) out.push({ path: `eligibility.${item}`, label: `Eligibility: ${item}`, before: ea.get(item) ?? 'not checked', after: eb.get(item) ?? 'not checked' })
  }
  const fa = new Set((stored.findings ?? []).map((f) => f.id))
  const fb = new Set((current.findings ?? []).map((f) => f.id))
  const gone = [...fa].filter((id) => !fb.has(id))
  const added = [...fb].filter((id) => !fa.has(id))
  if (gone.length || added.length) out.push({ path: 'findings', label: 'Findings', before: gone.length ? `had ${gone.join(', ')}` : 'no others', after: added.length ? `adds ${added.join(', ')}` : 'no others' })
  const ua = unconfirmed(stored)
  const ub = unconfirmed(current)
  if (ua.join('|') !== ub.join('|')) out.push({ path: 'siteDefaultsUsed', label: 'Unconfirmed site defaults', before: String(ua.length), after: String(ub.length) })
  return out
}

/** true when the plan was computed with another engine, profile, profile version, catalogue or system version. */
export function versionsDiffer(stored: PlanResult, current: PlanResult): boolean {
  return (
    stored.engineVersion !== current.engineVersion ||
    stored.profileId !== current.profileId ||
    stored.profileVersion !== current.profileVersion ||
    stored.catalogVersion !== current.catalogVersion ||
    (stored.system?.version ?? null) !== (current.system?.version ?? null)
  )
}

export interface PlanDrift {
  /** The same case computed now, with the current settings. */
  current: PlanResult
  differences: PlanDifference[]
}

/**
 * The drift of a stored result: null when it was computed with the current versions, or when
 * nothing the plan shows would change (a version bump alone is not worth a notice).
 */
export function planDrift(plan: NormalizedCase, stored: PlanResult, options: PlanOptions): PlanDrift | null {
  const current = computePlan(plan, options)
  if (!versionsDiffer(stored, current)) return null
  const differences = compareWithCurrent(stored, current)
  return differences.length ? { current, differences } : null
}

/** A stored revision's case and result, when this version can read both (else null). */
export function readStoredPlan(caseFile: unknown, result: unknown, options: PlanOptions): { plan: NormalizedCase; result: PlanResult } | null {
  if (!looksLikeResult(result)) return null
  const parsed = parseCase(caseFile, { ...(options.systems ? { systems: options.systems } : {}), plausibility: 'warn' })
  return parsed.ok ? { plan: parsed.value, result } : null
}

/** "profile “default” v1.0.1, catalogue v1.0.0, OPRA femur v1, engine 1.0.0": what a result was computed with. */
export function computedWith(r: PlanResult): string {
  return `profile “${r.profileId}” v${r.profileVersion}, catalogue v${r.catalogVersion}${r.system ? `, ${r.system.name} v${r.system.version}` : ''}, engine ${r.engineVersion}`
}
