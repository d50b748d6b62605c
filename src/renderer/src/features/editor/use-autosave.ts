// Autosave: the draft row is written ~300 ms after the last keystroke (crash safety), the plan
// row ~800 ms after it; both are flushed at once on Ctrl+S, when the window is hidden or closed.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { draftsRepo, plansRepo } from '../../db'
import type { PlanRow, StoredCase } from '../../db/types'

export const DRAFT_DELAY_MS = 300
export const PLAN_DELAY_MS = 800

export type SaveState = { kind: 'saved' | 'pending' | 'saving' } | { kind: 'error'; message: string }

/** `inPlan` is the case the plan row holds when the editor opens (differs from `draft` when an
 *  unsaved draft was restored; it is then saved to the plan straight away). */
export function useAutosave(planId: string, draft: CaseDraft, inPlan: CaseDraft, enabled: boolean, onPlanSaved: (row: PlanRow) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' })
  const latest = useRef(draft)
  const savedToPlan = useRef(inPlan)
  const savedToDraft = useRef(draft)
  const onSaved = useRef(onPlanSaved)
  onSaved.current = onPlanSaved

  const saveDraft = useCallback(async () => {
    const current = latest.current
    if (current === savedToDraft.current) return
    savedToDraft.current = current
    await draftsRepo().save(planId, current as StoredCase)
  }, [planId])

  const savePlan = useCallback(async () => {
    const current = latest.current
    if (current === savedToPlan.current) {
      setState({ kind: 'saved' })
      return
    }
    setState({ kind: 'saving' })
    try {
      const row = await plansRepo().updateCase(planId, current as StoredCase)
      savedToPlan.current = current
      onSaved.current(row)
      setState(latest.current === current ? { kind: 'saved' } : { kind: 'pending' })
    } catch (error) {
      // The draft row still holds every keystroke; say why the plan itself was not updated.
      setState({ kind: 'error', message: error instanceof Error ? error.message : 'The plan could not be saved.' })
    }
  }, [planId])

  const flush = useCallback(async () => {
    if (!enabled) return
    await Promise.all([saveDraft(), savePlan()])
  }, [enabled, saveDraft, savePlan])

  useEffect(() => {
    latest.current = draft
    if (!enabled || draft === savedToPlan.current) return
    setState({ kind: 'pending' })
    const d = setTimeout(() => void saveDraft(), DRAFT_DELAY_MS)
    const p = setTimeout(() => void savePlan(), PLAN_DELAY_MS)
    return () => {
      clearTimeout(d)
      clearTimeout(p)
    }
  }, [draft, enabled, saveDraft, savePlan])

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush()
    }
    const onPageHide = () => void flush()
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', onPageHide)
      void flush() // leaving the editor (route change) saves too
    }
  }, [flush])

  return { state, flush }
}
