// The library's matches for the current query, computed on the keystroke itself (no deferred
// render, no debounce): the summaries are sorted once per list and sort order, so a keystroke only
// filters — typing on filters the previous matches, and deleting back to a query just typed takes
// its matches again (match-steps.ts), not the whole library.
import { useMemo, useRef } from 'react'
import type { PlanSummary } from '../../db/types'
import { sortPlans, type LibraryQuery } from './library-query'
import { nextMatches, type MatchStep } from './match-steps'

export function useMatches(plans: readonly PlanSummary[] | null, query: LibraryQuery): PlanSummary[] {
  const sorted = useMemo(() => (plans ? sortPlans(plans, query.sort) : []), [plans, query.sort])
  const steps = useRef<MatchStep[]>([])
  return useMemo(() => {
    const next = nextMatches(steps.current, sorted, query)
    steps.current = next.steps
    return next.matches
  }, [sorted, query])
}
