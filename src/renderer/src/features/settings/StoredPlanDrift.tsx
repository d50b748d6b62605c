// In the plan editor: compares the plan's latest stored revision with the same case computed with
// today's settings, and says how to bring the plan up to date through the review workflow. An
// approved plan is revised (a new draft linked to it, computed with the current settings); a
// draft or reviewed plan already shows the current numbers and only needs reviewing again.
import { useEffect, useMemo, useState } from 'react'
import { plansRepo, revisionsRepo } from '../../db'
import { storageErrorMessage } from '../../db'
import type { PlanRow, RevisionRow } from '../../db/types'
import { navigate } from '../../router'
import { readStoredPlan } from './plan-drift'
import { PlanDriftNotice } from './PlanDriftNotice'
import { usePlanningContext } from './planning-context'

export function StoredPlanDrift({ plan }: { plan: PlanRow }) {
  const { systems } = usePlanningContext()
  const [revision, setRevision] = useState<RevisionRow | undefined>(undefined)
  const [error, setError] = useState('')

  useEffect(() => {
    let live = true
    revisionsRepo()
      .latestForPlan(plan.id)
      .then((r) => live && setRevision(r))
      .catch(() => live && setRevision(undefined))
    return () => {
      live = false
    }
  }, [plan.id, plan.status, plan.updatedAt])

  const stored = useMemo(() => (revision ? readStoredPlan(revision.caseFile, revision.result, { systems }) : null), [revision, systems])
  if (!revision || !stored) return null

  async function revise(): Promise<void> {
    setError('')
    try {
      const draft = await plansRepo().revise(plan.id)
      navigate({ name: 'editor', planId: draft.id })
    } catch (e) {
      setError(`The revision could not be started: ${storageErrorMessage(e)} Nothing was changed.`)
    }
  }

  const subject = `Revision ${revision.number} (${revision.status})`
  return (
    <PlanDriftNotice
      plan={stored.plan}
      result={stored.result}
      subject={subject}
      {...(plan.status === 'approved' ? { onRecompute: () => void revise() } : {})}
    >
      {plan.status === 'approved' && (
        <p>Recomputing starts a revision of this approved plan (a new draft linked to it) computed with the current settings; review and approve it to replace this plan.</p>
      )}
      {plan.status === 'superseded' && <p>A newer plan replaces this one; open it from the review bar.</p>}
      {(plan.status === 'draft' || plan.status === 'reviewed') && (
        <p>
          The plan on screen is already computed with the current settings. {plan.status === 'draft' ? 'Mark it reviewed' : 'Review it again before approving'} to record
          a revision with these numbers.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </PlanDriftNotice>
  )
}
