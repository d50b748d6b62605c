// Search, filters and sort of the library, over the in-memory plan summaries (no database
// access per keystroke). Pure functions, so 10,000 plans filter in a few milliseconds.
import type { PlanStatus, PlanSummary } from '../../db/types'

export type SortKey = 'updated-desc' | 'updated-asc' | 'created-desc' | 'patient-asc' | 'status'

export interface LibraryQuery {
  /** Words typed in the search box; every word must appear (patient code, surgeon, free text). */
  text: string
  level: string
  side: string
  systemId: string
  status: '' | PlanStatus
  /** yyyy-mm-dd, inclusive, on the date last updated (local time); '' = open. */
  from: string
  to: string
  showArchived: boolean
  sort: SortKey
}

export const EMPTY_QUERY: LibraryQuery = { text: '', level: '', side: '', systemId: '', status: '', from: '', to: '', showArchived: false, sort: 'updated-desc' }

const STATUS_ORDER: Record<PlanStatus, number> = { draft: 0, reviewed: 1, approved: 2, superseded: 3 }

function dayStart(date: string): number {
  return new Date(`${date}T00:00:00`).getTime()
}

function comparator(sort: SortKey): (a: PlanSummary, b: PlanSummary) => number {
  switch (sort) {
    case 'updated-asc':
      return (a, b) => a.updatedAt - b.updatedAt
    case 'created-desc':
      return (a, b) => b.createdAt - a.createdAt
    case 'patient-asc':
      return (a, b) => a.patientCode.localeCompare(b.patientCode, undefined, { numeric: true }) || b.updatedAt - a.updatedAt
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.updatedAt - a.updatedAt
    default:
      // A revision's approval and its parent's supersession share a time: the newer plan comes first.
      return (a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt
  }
}

export function filterPlans(plans: readonly PlanSummary[], query: LibraryQuery): PlanSummary[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean)
  const from = query.from ? dayStart(query.from) : -Infinity
  const to = query.to ? dayStart(query.to) + 86_400_000 : Infinity
  const matches = plans.filter(
    (p) =>
      (query.showArchived || p.archived === 0) &&
      (!query.level || p.level === query.level) &&
      (!query.side || p.side === query.side) &&
      (!query.systemId || p.systemId === query.systemId) &&
      (!query.status || p.status === query.status) &&
      p.updatedAt >= from &&
      p.updatedAt < to &&
      words.every((word) => p.search.includes(word))
  )
  return matches.sort(comparator(query.sort))
}

export interface LibraryCounts {
  total: number
  archived: number
  byStatus: Record<PlanStatus, number>
}

export function countPlans(plans: readonly PlanSummary[]): LibraryCounts {
  const byStatus: Record<PlanStatus, number> = { draft: 0, reviewed: 0, approved: 0, superseded: 0 }
  let archived = 0
  for (const p of plans) {
    byStatus[p.status]++
    if (p.archived === 1) archived++
  }
  return { total: plans.length, archived, byStatus }
}

/** Distinct non-empty values of a field, sorted, for the filter menus. */
export function distinctValues(plans: readonly PlanSummary[], field: 'level' | 'side' | 'systemId'): string[] {
  return [...new Set(plans.map((p) => p[field]).filter(Boolean))].sort()
}
