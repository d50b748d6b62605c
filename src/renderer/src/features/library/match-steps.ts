// The matches of each query typed on from the last full filter, kept while the list and the other
// filters stay the same: typing on filters the previous matches (narrowing), and deleting back to
// a query typed a moment ago gives its matches again instead of filtering the whole library — at
// 100,000 plans a Backspace otherwise scans every summary.
import type { PlanSummary } from '../../db/types'
import { matchPlans, narrows, type LibraryQuery } from './library-query'

export interface MatchStep {
  sorted: readonly PlanSummary[]
  query: LibraryQuery
  matches: PlanSummary[]
}

/** At most this many queries are kept (each holds its matches). */
export const MAX_STEPS = 24

/** The same query for matching purposes: the same filters and sort, the same text ignoring case. */
export function sameQuery(a: LibraryQuery, b: LibraryQuery): boolean {
  for (const key of Object.keys(b) as (keyof LibraryQuery)[]) if (key !== 'text' && a[key] !== b[key]) return false
  return a.text.toLowerCase() === b.text.toLowerCase()
}

/** The matches of `query` over `sorted` (sorted once per list and sort order), and the steps to
 *  keep for the next keystroke: from the latest earlier step with the same query, or filtering
 *  the matches of the latest step it narrows, or else the whole list. Every answer equals
 *  `matchPlans(sorted, query)`. */
export function nextMatches(steps: readonly MatchStep[], sorted: readonly PlanSummary[], query: LibraryQuery): { matches: PlanSummary[]; steps: MatchStep[] } {
  const kept = steps.filter((s) => s.sorted === sorted)
  for (let i = kept.length - 1; i >= 0; i--) {
    const step = kept[i]!
    if (sameQuery(step.query, query)) return { matches: step.matches, steps: kept.slice(0, i + 1) }
    if (narrows(step.query, query)) {
      const found = matchPlans(step.matches, query)
      // The same plans as before: the same array, so the memoised list does not re-render.
      const matches = found.length === step.matches.length ? step.matches : found
      return { matches, steps: [...kept.slice(Math.max(0, i + 2 - MAX_STEPS), i + 1), { sorted, query, matches }] }
    }
  }
  const matches = matchPlans(sorted, query)
  return { matches, steps: [{ sorted, query, matches }] }
}
