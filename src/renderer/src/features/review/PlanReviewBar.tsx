// Status workflow bar shown at the top of the editor: status, latest revision (short hash),
// "Mark reviewed", "Approve", "Revise", History. Each step records an immutable revision of the
// case and the result the editor computed, in one transaction; a failure changes nothing and the
// editor keeps the case on screen.
import { useEffect, useState } from 'react'
import { planFromRaw } from '../../../../shared/plan'
import type { PlanResult } from '../../../../shared/result'
import { plansRepo, revisionsRepo } from '../../db'
import { unconfirmedSiteDefaults } from '../../db/plans-repo'
import { canonicalJson, shortHash } from '../../db/content-hash'
import { isQuotaError, storageErrorMessage } from '../../db/storage'
import type { PlanRow, RevisionRow } from '../../db/types'
import { navigate } from '../../router'
import { usePlanningContext } from '../settings/planning-context'
import { PlanHistory } from './PlanHistory'
import { FileOnApproval } from '../pacs/FileOnApproval'
import './review.css'
import { formatDateTime } from '../../../../shared/format'

export interface PlanReviewBarProps {
  plan: PlanRow
  /** The plan computed from the current case, null while the case is incomplete or invalid. */
  result: PlanResult | null
  /** Called after the bar changed the plan (status, revision), with the updated row. */
  onPlanChanged: (plan: PlanRow) => void
}

export function PlanReviewBar({ plan, result, onPlanChanged }: PlanReviewBarProps) {
  const { userName, profile, systems } = usePlanningContext()
  const [latest, setLatest] = useState<RevisionRow | undefined>(undefined)
  const [newer, setNewer] = useState<PlanRow | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [showHistory, setShowHistory] = useState(false)
  // The revision just approved: the bar offers to file it to the PACS its images came from.
  const [justApproved, setJustApproved] = useState<string | null>(null)
  // Approval on unconfirmed site defaults needs an explicit acknowledgement naming how many.
  const unconfirmed = unconfirmedSiteDefaults(result)
  const [acknowledged, setAcknowledged] = useState(false)

  useEffect(() => {
    let live = true
    void revisionsRepo()
      .latestForPlan(plan.id)
      .then((r) => live && setLatest(r))
    void plansRepo()
      .childrenOf(plan.id)
      .then((children) => live && setNewer(children.sort((a, b) => b.createdAt - a.createdAt)[0]))
    return () => {
      live = false
    }
  }, [plan.id, plan.status, plan.updatedAt])

  async function step(work: () => Promise<void>) {
    setBusy(true)
    setError('')
    try {
      await work()
    } catch (e) {
      setError(isQuotaError(e) ? storageErrorMessage(e) : `Not saved: ${storageErrorMessage(e)} Nothing was changed; the case on screen is kept.`)
    } finally {
      setBusy(false)
    }
  }

  // The revision records the saved case and the core's result for it; that result must be the one
  // on screen, or the surgeon would sign off numbers they have not seen (unsaved edits).
  const snapshot = () => {
    if (!result) throw new Error('The plan has no computed result yet: complete the case first.')
    const saved = planFromRaw(plan.caseFile, { profile, systems })
    if (!saved.ok || canonicalJson(saved.result) !== canonicalJson(result)) {
      throw new Error('The case on screen has changes that are not saved yet. Press Save, then try again.')
    }
    return { caseFile: plan.caseFile, result: saved.result, author: userName }
  }
  const markReviewed = () => step(async () => onPlanChanged((await plansRepo().markReviewed(plan.id, snapshot())).plan))
  const approve = () =>
    step(async () => {
      const approved = await plansRepo().approve(plan.id, { ...snapshot(), ...(acknowledged ? { acknowledgedSiteDefaults: unconfirmed } : {}) })
      setJustApproved(approved.revision.id)
      onPlanChanged(approved.plan)
    })
  const revise = () =>
    step(async () => {
      const draft = await plansRepo().revise(plan.id)
      navigate({ name: 'editor', planId: draft.id })
    })

  const noResult = result === null
  const blocked = result?.status === 'blocked'

  return (
    <div className="review-bar" role="region" aria-label="Review and approval">
      <div className="review-state">
        <span>
          Status: <span className={`status status-${plan.status}`}>{plan.status}</span>
        </span>
        {latest && (
          <span className="muted">
            Revision {latest.number} ({latest.status}) by {latest.author || '(no name set)'}, {formatDateTime(latest.createdAt)} · <code title={latest.contentHash}>{shortHash(latest.contentHash)}</code>
          </span>
        )}
        {plan.parentId && (
          <span>
            Revises <a href={`#/plans/${plan.parentId}`}>the earlier approved plan</a>
          </span>
        )}
        {plan.status === 'approved' && <span className="readonly-note">Approved — read-only. Use “Revise” to change it.</span>}
        {plan.status === 'superseded' && (
          <span>
            Superseded{newer ? (
              <>
                {' '}by <a href={`#/plans/${newer.id}`}>a newer plan</a>
              </>
            ) : null}
            {' '}— read-only.
          </span>
        )}
        {plan.status === 'draft' && noResult && <span className="muted">Complete the case to mark it reviewed.</span>}
        {plan.status === 'reviewed' && blocked && <span className="muted">Blocking findings: resolve them before approval.</span>}
      </div>
      <div className="review-actions">
        {plan.status === 'draft' && (
          <button type="button" className="primary" disabled={busy || noResult} onClick={() => void markReviewed()}>
            Mark reviewed
          </button>
        )}
        {plan.status === 'reviewed' && unconfirmed > 0 && !blocked && (
          <label className="check review-ack">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> I approve this plan knowing it rests on {unconfirmed} site
            default{unconfirmed === 1 ? '' : 's'} not confirmed by the site
          </label>
        )}
        {plan.status === 'reviewed' && (
          <button type="button" className="primary" disabled={busy || noResult || blocked || (unconfirmed > 0 && !acknowledged)} onClick={() => void approve()}>
            Approve
          </button>
        )}
        {plan.status === 'approved' && (
          <button type="button" disabled={busy} onClick={() => void revise()}>
            {newer && newer.status !== 'approved' && newer.status !== 'superseded' ? 'Open revision' : 'Revise'}
          </button>
        )}
        {(plan.status === 'approved' || plan.status === 'superseded') && (
          <a className="button-link" href={`#/plans/${plan.id}/outcomes`}>
            Record operation and follow-up
          </a>
        )}
        <button type="button" onClick={() => setShowHistory(true)}>
          History
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {justApproved && plan.status === 'approved' && <FileOnApproval planId={plan.id} revisionId={justApproved} onDismiss={() => setJustApproved(null)} />}
      {showHistory && <PlanHistory planId={plan.id} onClose={() => setShowHistory(false)} />}
    </div>
  )
}
