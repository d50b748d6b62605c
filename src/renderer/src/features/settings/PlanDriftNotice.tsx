// Shown on an older plan: "computed with profile v1.0.0; with the current profile v1.0.1 these
// numbers would differ: …", with a button to recompute into a new revision (the caller stores it).
import { useMemo } from 'react'
import type { NormalizedCase } from '../../../../shared/case/types'
import { computePlan } from '../../../../shared/plan'
import type { PlanResult } from '../../../../shared/result'
import { compareWithCurrent, versionsDiffer } from './plan-drift'
import { usePlanningContext } from './planning-context'
import './settings.css'

export interface PlanDriftNoticeProps {
  plan: NormalizedCase
  /** The result stored with the plan (or revision). */
  result: PlanResult
  /** Recompute into a new revision; receives the result computed with the current settings. */
  onRecompute?: (current: PlanResult) => void
}

export function PlanDriftNotice({ plan, result, onRecompute }: PlanDriftNoticeProps) {
  const { profile, systems, loaded } = usePlanningContext()
  const current = useMemo(() => (loaded === false ? null : computePlan(plan, { profile, systems })), [plan, profile, systems, loaded])
  if (!current || !versionsDiffer(result, current)) return null
  const differences = compareWithCurrent(result, current)
  const was = `profile “${result.profileId}” v${result.profileVersion}, catalogue v${result.catalogVersion}${result.system ? `, ${result.system.name} v${result.system.version}` : ''}`
  const now = `profile “${current.profileId}” v${current.profileVersion}, catalogue v${current.catalogVersion}${current.system ? `, ${current.system.name} v${current.system.version}` : ''}`
  return (
    <aside className={differences.length ? 'drift-notice drift-changed' : 'drift-notice'} role="status" aria-label="Settings changed since this plan was computed">
      <p>
        Computed with {was}. With the current settings ({now}){' '}
        {differences.length ? 'these results would differ:' : 'the results would not change.'}
      </p>
      {differences.length > 0 && (
        <ul>
          {differences.map((d) => (
            <li key={d.path}>
              {d.label}: {d.before} → {d.after}
            </li>
          ))}
        </ul>
      )}
      {differences.length > 0 && onRecompute && (
        <button type="button" className="no-print" onClick={() => onRecompute(current)}>
          Recompute into a new revision
        </button>
      )}
    </aside>
  )
}
