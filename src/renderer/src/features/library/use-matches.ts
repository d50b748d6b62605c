// The library's matches for the current query, computed on the keystroke itself (no deferred
// render, no debounce): the summaries are sorted once per list and sort order, so a keystroke only
// filters — and typing on (narrowing) filters the previous matches, not the whole library.
import { useMemo, useRef } from 'react'
import type { PlanSummary } from '../../db/types'
import { matchPlans, narrows, sortPlans, type LibraryQuery } from './library-query'

interface Last {
  sorted: readonly PlanSummary[]
  query: LibraryQuery
  matches: PlanSummary[]
}

export function useMatches(plans: readonly PlanSummary[] | null, query: LibraryQuery): PlanSummary[] {
  const sorted = useMemo(() => (plans ? sortPlans(plans, query.sort) : []), [plans, query.sort])
  const last = useRef<Last | null>(null)
  return useMemo(() => {
    const previous = last.current
    const narrowing = previous !== null && previous.sorted === sorted && narrows(previous.query, query)
    const matches = matchPlans(narrowing ? previous.matches : sorted, query)
    // The same plans as before: the same array, so the memoised list does not re-render.
    const result = narrowing && matches.length === previous.matches.length ? previous.matches : matches
    last.current = { sorted, query, matches: result }
    return result
  }, [sorted, query])
}
