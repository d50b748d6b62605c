// Shown on an older plan: "computed with profile v1.0.0; with the current profile v1.0.1 these
// numbers would differ: …", with a button to recompute into a new revision (the caller does it
// through the review workflow). Nothing is shown when the plan's results would not change.
import { useMemo, type ReactNode } from 'react'
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import { computedWith, planDrift } from './plan-drift'
import { usePlanningContext } from './planning-context'
import './settings.css'

export interface PlanDriftNoticeProps {
  plan: NormalizedCase
  /** The result stored with the plan (or revision). */
  result: PlanResult
  /** Recompute into a new revision; receives the result computed with the current settings. */
  onRecompute?: (current: PlanResult) => void
  /** What computed the stored result, e.g. "Approved revision 2". */
  subject?: string
  /** What to do about it, by plan status. */
  children?: ReactNode
}

export function PlanDriftNotice({ plan, result, onRecompute, subject = 'This plan', children }: PlanDriftNoticeProps) {
  const { profile, systems, loaded } = usePlanningContext()
  const drift = useMemo(() => (loaded === false ? null : planDrift(plan, result, { profile, systems })), [plan, result, profile, systems, loaded])
  if (!drift) return null
  return (
    <aside className="drift-notice drift-changed" role="region" aria-label="Settings changed since this plan was computed" data-testid="plan-drift">
      <p>
        {subject} was computed with {computedWith(result)}. With the current settings ({computedWith(drift.current)}) these results differ:
      </p>
      <ul>
        {drift.differences.map((d) => (
          <li key={d.path}>
            {d.label}: {d.before} → {d.after}
          </li>
        ))}
      </ul>
      {children}
      {onRecompute && (
        <button type="button" className="no-print" onClick={() => onRecompute(drift.current)}>
          Recompute into a new revision
        </button>
      )}
    </aside>
  )
}
