// A plan's summary row (planIndex table): what the library lists, filters and searches.
import type { PlanRow, PlanSummary, StoredCase } from './types'

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

export function planSummary(plan: PlanRow): PlanSummary {
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
    search
  }
}
