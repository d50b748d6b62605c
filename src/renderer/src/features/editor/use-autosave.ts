// Autosave: the draft row is written ~300 ms after the last keystroke (crash safety), the plan
// row ~800 ms after it; both are flushed at once on Ctrl+S, when the window is hidden or closed.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { draftsRepo, plansRepo, storageErrorMessage } from '../../db'
import { connectionProblem } from '../../db/connection-status'
import { onPlanSavedElsewhere } from '../../db/plan-events'
import { PlanConflictError } from '../../db/plans-repo'
import { isQuotaError, QUOTA_MESSAGE } from '../../db/storage'
import type { PlanRow, StoredCase } from '../../db/types'

export const DRAFT_DELAY_MS = 300
export const PLAN_DELAY_MS = 800

export type SaveState =
  | { kind: 'saved' | 'pending' | 'saving' }
  | { kind: 'error'; message: string; detail: string }
  /** The plan was saved in another window. `unsaved`: this window has changes the plan does not hold. */
  | { kind: 'conflict'; theirs: PlanRow | null; unsaved: boolean }

/** A failed save in plain words (the storage helpers' message for a full disk); the technical
 *  reason goes to `detail` (a tooltip), never a stack trace. The case stays on screen. */
export function saveError(error: unknown): SaveState {
  // After the library was deleted, "everything saved before is kept" would be false.
  if (connectionProblem()?.kind === 'deleted') {
    return { kind: 'error', message: 'the plan library was deleted (see the notice at the top). Your entries are still on screen.', detail: storageErrorMessage(error) }
  }
  const message = isQuotaError(error)
    ? QUOTA_MESSAGE
    : 'This computer’s storage could not be written, so this change was not saved. Everything saved before is kept; your entries are still on screen. Save again with Ctrl+S.'
  return { kind: 'error', message, detail: storageErrorMessage(error) }
}

/** What the editor loaded: the plan row's version, and the edit counter of the case on screen. */
export interface AutosaveBase {
  version: number
  editSeq: number
}

/** `inPlan` is the case the plan row holds when the editor opens (differs from `draft` when an
 *  unsaved draft was restored; it is then saved to the plan straight away). `hold`: a handle is
 *  being dragged; the saves wait for its release (a write within a drag took its frames) — the
 *  flushes (Ctrl+S, window hidden or closed) do not wait. */
export function useAutosave(planId: string, draft: CaseDraft, inPlan: CaseDraft, enabled: boolean, onPlanSaved: (row: PlanRow) => void, base: AutosaveBase = { version: 0, editSeq: 0 }, hold = false) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' })
  const latest = useRef(draft)
  const savedToPlan = useRef(inPlan)
  const savedToDraft = useRef(draft)
  const onSaved = useRef(onPlanSaved)
  onSaved.current = onPlanSaved
  // The plan version this editor's case is based on; a save names it (see plansRepo.updateCase).
  const version = useRef(base.version)
  // A monotonic edit counter: every new case on screen gets the next number (drafts are ordered by it).
  const editSeq = useRef(base.editSeq)
  const seqOf = useRef(new WeakMap<object, number>([[draft as object, base.editSeq]]))
  const conflict = useRef(false)
  // Set when the user discards this window's case for the other window's: nothing more is written.
  const discarded = useRef(false)
  const seq = (c: CaseDraft) => seqOf.current.get(c as object) ?? editSeq.current

  const saveDraft = useCallback(async () => {
    const current = latest.current
    if (current === savedToDraft.current) return true
    try {
      await draftsRepo().save(planId, current as StoredCase, { editSeq: seq(current), baseVersion: version.current })
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
    // After a conflict nothing is written to the plan until the user chooses (keepMine, discardMine).
    if (conflict.current) return false
    if (current === savedToPlan.current) {
      setState({ kind: 'saved' })
      return true
    }
    setState({ kind: 'saving' })
    try {
      const row = await plansRepo().updateCase(planId, current as StoredCase, { expectedVersion: version.current, editSeq: seq(current) })
      version.current = row.version ?? 0
      savedToPlan.current = current
      onSaved.current(row)
      setState(latest.current === current ? { kind: 'saved' } : { kind: 'pending' })
      return true
    } catch (error) {
      if (error instanceof PlanConflictError) {
        conflict.current = true
        setState({ kind: 'conflict', theirs: error.current, unsaved: true })
        return false
      }
      // Say why the plan itself was not updated; the screen still holds every entry.
      setState(saveError(error))
      return false
    }
  }, [planId])

  /** Saves now; true when the plan row holds what is on screen (always for a read-only plan). */
  const flush = useCallback(async (): Promise<boolean> => {
    if (!enabled || discarded.current) return true
    const [draftSaved, planSaved] = await Promise.all([saveDraft(), savePlan()])
    return draftSaved && planSaved
  }, [enabled, saveDraft, savePlan])

  useEffect(() => {
    if (!seqOf.current.has(draft as object)) {
      editSeq.current += 1
      seqOf.current.set(draft as object, editSeq.current)
    }
    latest.current = draft
    if (!enabled) return
    // Back (by Undo) to the case both rows hold: nothing to write, and nothing pending any more.
    // Back to the plan row's case only: the draft row still holds a later one and is rewritten.
    if (draft === savedToPlan.current && draft === savedToDraft.current) return setState((s) => (s.kind === 'pending' ? { kind: 'saved' } : s))
    // The same state object while pending: no second render of the editor for each change.
    if (!conflict.current) setState((s) => (s.kind === 'pending' ? s : { kind: 'pending' }))
    else setState((s) => (s.kind === 'conflict' && !s.unsaved ? { ...s, unsaved: true } : s))
    if (hold) return
    const d = setTimeout(() => void saveDraft(), DRAFT_DELAY_MS)
    const p = setTimeout(() => void savePlan(), PLAN_DELAY_MS)
    return () => {
      clearTimeout(d)
      clearTimeout(p)
    }
  }, [draft, enabled, saveDraft, savePlan, hold])

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush()
    }
    const onPageHide = () => {
      // The page may be gone before an IndexedDB write completes: keep a synchronous copy first.
      if (enabled && !discarded.current && latest.current !== savedToPlan.current) draftsRepo().keepWhileClosing(planId, latest.current as StoredCase, { editSeq: seq(latest.current), baseVersion: version.current })
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

  // Another window saved this plan: say so now, before this window's next save is refused.
  useEffect(() => {
    if (!enabled) return
    return onPlanSavedElsewhere((event) => {
      if (event.planId !== planId || event.version <= version.current) return
      conflict.current = true
      setState({ kind: 'conflict', theirs: null, unsaved: latest.current !== savedToPlan.current })
    })
  }, [enabled, planId])

  /** The user chose to keep this window's case: saved over the other window's, on purpose. */
  const keepMine = useCallback(async (): Promise<boolean> => {
    const current = await plansRepo().get(planId)
    if (!current) return false
    version.current = current.version ?? 0
    conflict.current = false
    savedToPlan.current = current.caseFile as CaseDraft
    return flush()
  }, [planId, flush])

  /** The user chose the other window's case: this window's draft is dropped and nothing more is written. */
  const discardMine = useCallback(async (): Promise<void> => {
    discarded.current = true
    await draftsRepo().remove(planId)
  }, [planId])

  return { state, flush, keepMine, discardMine }
}
