// Two windows on one plan: when the other window saved it, this one never overwrites that save
// silently. The surgeon is told and chooses: keep this window's case, take the other's, or keep
// both (this window's case becomes a new plan).
import { useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { plansRepo, storageErrorMessage } from '../../db'
import type { PlanRow } from '../../db/types'
import { formatDateTime } from '../../../../shared/format'
import type { SaveState } from './use-autosave'

interface Props {
  state: Extract<SaveState, { kind: 'conflict' }>
  plan: PlanRow
  mine: CaseDraft
  keepMine: () => Promise<boolean>
  discardMine: () => Promise<void>
}

/** Reopens the app on a plan (the editor loads it fresh, with no draft of this window). */
function reopen(planId: string): void {
  window.location.hash = `#/plans/${planId}`
  window.location.reload()
}

export function ConflictBanner({ state, plan, mine, keepMine, discardMine }: Props) {
  const [message, setMessage] = useState('')
  const run = (action: () => Promise<void>) => () => void action().catch((error: unknown) => setMessage(`Nothing was changed: ${storageErrorMessage(error)}`))
  const when = state.theirs ? ` at ${formatDateTime(state.theirs.updatedAt)}` : ''
  return (
    <div className="ed-conflict" role="alert" data-testid="plan-conflict">
      <p>
        <strong>This plan was changed in another window{when}.</strong>{' '}
        {state.unsaved
          ? 'Your changes in this window are not saved over it. Choose which version to keep — or keep both.'
          : 'This window shows an older version. Load the newer one before editing here.'}
      </p>
      <div className="ed-conflict-actions">
        <button type="button" onClick={run(async () => (await discardMine(), reopen(plan.id)))}>
          {state.unsaved ? 'Use the other window’s version' : 'Load the newer version'}
        </button>
        {state.unsaved && (
          <>
            <button type="button" onClick={run(async () => void (await keepMine()))}>
              Keep my version (replace the other)
            </button>
            <button
              type="button"
              onClick={run(async () => {
                const copy = await plansRepo().create({ caseFile: mine as Record<string, unknown>, surgeon: plan.surgeon, notes: plan.notes })
                await discardMine()
                reopen(copy.id)
              })}
            >
              Keep both (mine as a new plan)
            </button>
          </>
        )}
      </div>
      {message && <p className="ed-msg ed-msg-error">{message}</p>}
    </div>
  )
}
