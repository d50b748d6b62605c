// A plan's summary row (planIndex table): what the library lists, filters and searches.
import type { AuditRow, PlanOutcome, PlanRow, PlanSummary, RevisionRow, StoredCase } from './types'

const SEARCH_TEXT_LIMIT = 2000

/** Every string in the case file (codes, landmark, notes, component and system names), joined. */
function caseText(caseFile: StoredCase): string {
  const parts: string[] = []
  const stack: unknown[] = [caseFile]
  let length = 0
  while (stack.length > 0 && length < SEARCH_TEXT_LIMIT) {
    const value = stack.pop()
    if (typeof value === 'string') {
      parts.push(value)
      length += value.length + 1
    } else if (value !== null && typeof value === 'object') {
      // The format name is in every case file: searching for it would match everything.
      for (const [key, item] of Object.entries(value)) if (key !== 'format') stack.push(item)
    }
  }
  return parts.join(' ')
}

/** What the summary row takes from outside the plan row: its latest revision and its origin. */
export interface SummaryContext {
  /** The plan's latest revision (reviewed or approved), if any. */
  revision?: Pick<RevisionRow, 'result'> | undefined
  /** The plan it was duplicated from, if any. */
  duplicatedFrom?: string | undefined
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The verdict and implant size a stored result recorded (read defensively: rows come from old
 *  versions and backups). */
export function outcomeOf(result: unknown): PlanOutcome | undefined {
  const r = record(result)
  const status = r['status']
  if (status !== 'ok' && status !== 'warnings' && status !== 'blocked') return undefined
  const implant = record(r['implant'])
  const diameterMm = finite(implant['diameterMm'])
  const lengthMm = finite(implant['lengthMm'])
  const system = record(r['system'])
  const systemName = typeof system['name'] === 'string' ? system['name'] : ''
  return { status, implant: diameterMm !== null && lengthMm !== null ? { diameterMm, lengthMm } : null, systemName }
}

/** The system name a case file itself carries (a custom system embedded in it). */
function embeddedSystemName(caseFile: StoredCase): string {
  const name = record(record(caseFile['implant'])['system'])['name']
  return typeof name === 'string' ? name : ''
}

export function planSummary(plan: PlanRow, context: SummaryContext = {}): PlanSummary {
  const search = [plan.patientCode, plan.surgeon, plan.systemId, plan.notes, caseText(plan.caseFile ?? {})]
    .join(' ')
    .toLowerCase()
    .slice(0, SEARCH_TEXT_LIMIT)
  return {
    id: plan.id,
    patientCode: plan.patientCode,
    surgeon: plan.surgeon,
    level: plan.level,
    side: plan.side,
    systemId: plan.systemId,
    status: plan.status,
    archived: plan.archived,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    parentId: plan.parentId,
    search,
    systemName: embeddedSystemName(plan.caseFile ?? {}),
    // A draft's case may have changed since its last review: its old result is not its outcome.
    ...(plan.status !== 'draft' && context.revision ? withOutcome(outcomeOf(context.revision.result)) : {}),
    duplicatedFrom: context.duplicatedFrom ?? ''
  }
}

function withOutcome(outcome: PlanOutcome | undefined): { outcome?: PlanOutcome } {
  return outcome ? { outcome } : {}
}

/** Summaries of many plans at once, with each plan's latest revision and duplicate origin taken
 *  from the revisions and the audit log (the schema v3 upgrade; a restored backup). */
export function summariesWithHistory(plans: readonly PlanRow[], revisions: readonly Pick<RevisionRow, 'planId' | 'number' | 'result'>[], audit: readonly Pick<AuditRow, 'planId' | 'action' | 'changes'>[]): PlanSummary[] {
  const latest = new Map<string, Pick<RevisionRow, 'planId' | 'number' | 'result'>>()
  for (const r of revisions) {
    const seen = latest.get(r.planId)
    if (!seen || r.number > seen.number) latest.set(r.planId, r)
  }
  const duplicatedFrom = new Map<string, string>()
  for (const a of audit) {
    if (a.action !== 'duplicate') continue
    const from = a.changes?.find((c) => c.path === 'duplicatedFrom')?.newValue
    if (from) duplicatedFrom.set(a.planId, from)
  }
  return plans.map((plan) => planSummary(plan, { revision: latest.get(plan.id), duplicatedFrom: duplicatedFrom.get(plan.id) }))
}
