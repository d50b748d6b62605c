// How the library names a plan's level, system, implant and outcome: in the surgeon's words
// ("Transfemoral", the system's name, "Ø 18.5 × 80 mm"), never ids.
import { BUILTIN_SYSTEMS } from '../../../../shared/catalog/systems'
import { formatNumber } from '../../../../shared/format'
import { levelSideText } from '../../../../shared/level-labels'
import type { PlanOutcome, PlanSummary } from '../../db/types'

export function levelLabel(level: string): string {
  return level ? levelSideText(level, '') : '—'
}

const BUILTIN_NAMES = new Map(BUILTIN_SYSTEMS.map((s) => [s.id, s.name]))

/** The system's name: from the case file, the last review, the catalogue or the site's own
 *  systems (`custom`), in that order; the id only when no name is known anywhere. */
export function systemLabel(plan: PlanSummary, custom: ReadonlyMap<string, string>): string {
  if (!plan.systemId && !plan.systemName) return '—'
  return plan.systemName || plan.outcome?.systemName || BUILTIN_NAMES.get(plan.systemId) || custom.get(plan.systemId) || plan.systemId
}

export function implantLabel(outcome: PlanOutcome | undefined): string {
  if (!outcome) return '—'
  if (!outcome.implant) return 'No size fits'
  return `Ø ${formatNumber(outcome.implant.diameterMm, 2)} × ${formatNumber(outcome.implant.lengthMm, 1)} mm`
}

export const OUTCOME_LABELS: Record<PlanOutcome['status'], string> = { ok: 'OK', warnings: 'With warnings', blocked: 'Blocked' }

export function outcomeLabel(outcome: PlanOutcome | undefined): string {
  return outcome ? OUTCOME_LABELS[outcome.status] : '—'
}
