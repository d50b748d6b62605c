// The plan editor: loads the plan (or its newer unsaved draft) and hands it to the workspace.
import { useEffect, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { draftsRepo, plansRepo } from '../../db'
import { caseToOpen } from '../../db/plans-repo'
import type { PlanRow } from '../../db/types'
import type { AutosaveBase } from './use-autosave'
import { EditorWorkspace } from './EditorWorkspace'
import './editor.css'

interface Loaded {
  plan: PlanRow
  initial: CaseDraft
  /** When an unsaved draft newer than the plan was restored. */
  restoredAt: number | null
  base: AutosaveBase
}

export function EditorPage({ planId }: { planId: string }) {
  const [state, setState] = useState<Loaded | null | 'error' | undefined>(undefined)

  useEffect(() => {
    let live = true
    Promise.all([plansRepo().get(planId), draftsRepo().get(planId)])
      .then(([plan, draft]) => {
        if (!live) return
        if (!plan) return setState(null)
        // Ordered by edit counters, never by the clock (a clock moved back lost drafts before).
        const { useDraft, base } = caseToOpen(plan, draft)
        setState({
          plan,
          initial: (useDraft && draft ? draft.caseFile : plan.caseFile) as CaseDraft,
          restoredAt: useDraft && draft ? draft.updatedAt : null,
          base
        })
      })
      .catch(() => live && setState('error'))
    return () => {
      live = false
    }
  }, [planId])

  if (state === undefined) return <p className="page">Loading…</p>
  if (state === 'error')
    return (
      <p className="page error" role="alert">
        The plan could not be opened from this computer&apos;s storage. Nothing was changed; try reopening the app.
      </p>
    )
  if (state === null)
    return (
      <p className="page error" role="alert">
        This plan does not exist (it may have been deleted).
      </p>
    )
  return <EditorWorkspace plan={state.plan} initial={state.initial} restoredAt={state.restoredAt} base={state.base} />
}
