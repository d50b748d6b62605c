// The plan editor: loads the plan (or its newer unsaved draft) and hands it to the workspace.
import { useEffect, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { draftsRepo, plansRepo } from '../../db'
import type { PlanRow } from '../../db/types'
import { EditorWorkspace } from './EditorWorkspace'
import './editor.css'

interface Loaded {
  plan: PlanRow
  initial: CaseDraft
  /** When an unsaved draft newer than the plan was restored. */
  restoredAt: number | null
}

export function EditorPage({ planId }: { planId: string }) {
  const [state, setState] = useState<Loaded | null | 'error' | undefined>(undefined)

  useEffect(() => {
    let live = true
    Promise.all([plansRepo().get(planId), draftsRepo().get(planId)])
      .then(([plan, draft]) => {
        if (!live) return
        if (!plan) return setState(null)
        const editable = plan.status !== 'approved' && plan.status !== 'superseded'
        const useDraft = editable && draft !== undefined && draft.updatedAt > plan.updatedAt
        setState({
          plan,
          initial: (useDraft ? draft.caseFile : plan.caseFile) as CaseDraft,
          restoredAt: useDraft ? draft.updatedAt : null
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
  return <EditorWorkspace plan={state.plan} initial={state.initial} restoredAt={state.restoredAt} />
}
