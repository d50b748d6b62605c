// Autosave: the draft row is written ~300 ms after the last keystroke (crash safety), the plan
// row ~800 ms after it; both are flushed at once on Ctrl+S, when the window is hidden or closed.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { draftsRepo, plansRepo, storageErrorMessage } from '../../db'
import { isQuotaError, QUOTA_MESSAGE } from '../../db/storage'
import type { PlanRow, StoredCase } from '../../db/types'

export const DRAFT_DELAY_MS = 300
export const PLAN_DELAY_MS = 800

export type SaveState = { kind: 'saved' | 'pending' | 'saving' } | { kind: 'error'; message: string; detail: string }

/** A failed save in plain words (the storage helpers' message for a full disk); the technical
 *  reason goes to `detail` (a tooltip), never a stack trace. The case stays on screen. */
export function saveError(error: unknown): SaveState {
  const message = isQuotaError(error)
    ? QUOTA_MESSAGE
    : 'This computer’s storage could not be written, so this change was not saved. Everything saved before is kept; your entries are still on screen. Save again with Ctrl+S.'
  return { kind: 'error', message, detail: storageErrorMessage(error) }
}

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
    if (current === savedToDraft.current) return true
    try {
      await draftsRepo().save(planId, current as StoredCase)
      savedToDraft.current = current
      return true
    } catch (error) {
      // Not marked saved, so the next save tries again; the screen still holds every entry.
      setState(saveError(error))
      return false
    }
  }, [planId])

  const savePlan = useCallback(async () => {
    const current = latest.current
    if (current === savedToPlan.current) {
      setState({ kind: 'saved' })
      return true
    }
    setState({ kind: 'saving' })
    try {
      const row = await plansRepo().updateCase(planId, current as StoredCase)
      savedToPlan.current = current
      onSaved.current(row)
      setState(latest.current === current ? { kind: 'saved' } : { kind: 'pending' })
      return true
    } catch (error) {
      // Say why the plan itself was not updated; the screen still holds every entry.
      setState(saveError(error))
      return false
    }
  }, [planId])

  /** Saves now; true when the plan row holds what is on screen (always for a read-only plan). */
  const flush = useCallback(async (): Promise<boolean> => {
    if (!enabled) return true
    const [draftSaved, planSaved] = await Promise.all([saveDraft(), savePlan()])
    return draftSaved && planSaved
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
    const onPageHide = () => {
      // The page may be gone before an IndexedDB write completes: keep a synchronous copy first.
      if (enabled && latest.current !== savedToPlan.current) draftsRepo().keepWhileClosing(planId, latest.current as StoredCase)
      void flush()
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', onPageHide)
      void flush() // leaving the editor (route change) saves too
    }
  }, [flush, enabled, planId])

  return { state, flush }
}
