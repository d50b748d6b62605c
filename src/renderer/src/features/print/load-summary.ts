// Loads what the summary prints: the current plan (its case file computed now with the site's
// profile and catalogue, exactly as the editor computes it) or a stored revision (its stored case
// file and stored result, never recomputed). Turns it into the summary model of shared/summary.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import { parseCase } from '../../../../shared/case/parse'
import { planFromRaw } from '../../../../shared/plan'
import type { PlanningProfile } from '../../../../shared/profile/types'
import type { PlanResult } from '../../../../shared/result'
import { buildIncompleteSummary, buildSummary, type DisplayUnits, type IncompleteSummary, type PlanSummary, type SummaryMeta } from '../../../../shared/summary'
import { plansRepo, revisionsRepo } from '../../db'
import { revisionContentHash } from '../../db/content-hash'

export interface SummaryContext {
  profile: PlanningProfile
  systems: readonly ImplantSystem[]
  units: DisplayUnits
}

export type LoadedSummary =
  | { kind: 'not-found'; message: string }
  | { kind: 'incomplete'; summary: IncompleteSummary }
  | { kind: 'plan'; summary: PlanSummary; normalized: NormalizedCase; result: PlanResult }

/** A stored result is trusted only if it has the shape this version prints. */
export function looksLikeResult(x: unknown): x is PlanResult {
  if (typeof x !== 'object' || x === null) return false
  const r = x as Record<string, unknown>
  return typeof r['status'] === 'string' && typeof r['corrected'] === 'object' && typeof r['softTissue'] === 'object' && typeof r['rehab'] === 'object'
}

async function hashOf(caseFile: unknown, result: unknown): Promise<string> {
  try {
    return await revisionContentHash(caseFile, result)
  } catch {
    return ''
  }
}

export async function loadSummary(planId: string, revisionId: string | undefined, ctx: SummaryContext): Promise<LoadedSummary> {
  const plan = await plansRepo().get(planId)
  if (!plan) return { kind: 'not-found', message: 'This plan does not exist (it may have been deleted).' }

  if (revisionId !== undefined) {
    const revision = await revisionsRepo().get(revisionId)
    if (!revision || revision.planId !== planId) return { kind: 'not-found', message: 'This revision of the plan does not exist.' }
    const meta: SummaryMeta = {
      surgeon: plan.surgeon,
      status: revision.status,
      revisionNumber: revision.number,
      dateMs: revision.createdAt,
      contentHash: revision.contentHash,
      units: ctx.units
    }
    // A stored revision prints as it was signed, whatever today's plausible ranges say (they warn).
    const parsed = parseCase(revision.caseFile, { systems: ctx.systems, plausibility: 'warn' })
    if (!parsed.ok) return { kind: 'incomplete', summary: buildIncompleteSummary(revision.caseFile, parsed.errors, meta) }
    if (!looksLikeResult(revision.result))
      return {
        kind: 'incomplete',
        summary: buildIncompleteSummary(revision.caseFile, [{ path: '', message: 'the stored result of this revision cannot be read by this version' }], meta)
      }
    return { kind: 'plan', summary: buildSummary(parsed.value, revision.result, meta), normalized: parsed.value, result: revision.result }
  }

  const meta: SummaryMeta = {
    surgeon: plan.surgeon,
    status: plan.status,
    revisionNumber: null,
    dateMs: plan.updatedAt,
    contentHash: '',
    units: ctx.units
  }
  const planned = planFromRaw(plan.caseFile, { profile: ctx.profile, systems: ctx.systems })
  if (!planned.ok) return { kind: 'incomplete', summary: buildIncompleteSummary(plan.caseFile, planned.errors, meta) }
  // Same hash a revision of this exact case and result would carry.
  meta.contentHash = await hashOf(plan.caseFile, planned.result)
  return { kind: 'plan', summary: buildSummary(planned.case, planned.result, meta), normalized: planned.case, result: planned.result }
}
