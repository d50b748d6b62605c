// An outcome form's text, autosaved as a draft ~300 ms after each keystroke (and at once when the
// window is hidden), so a closed window or a crash loses nothing even before the record is valid.
// The draft is removed when the record is saved.
import { useCallback, useEffect, useRef, useState } from 'react'
import { outcomesRepo } from '../../db/outcomes-binding'
import type { FormValues } from './form-model'

export const OUTCOME_DRAFT_DELAY_MS = 300

export interface OutcomeForm {
  values: FormValues
  set: (key: string, value: string) => void
  /** True when the form opened with text from an unsaved draft. */
  restored: boolean
  /** Replace everything (after a save, or to start a new record) and drop the draft. */
  reset: (values: FormValues) => Promise<void>
  draftError: string
}

export function useOutcomeForm(draftKey: string, planId: string, initial: FormValues): OutcomeForm {
  const [values, setValues] = useState<FormValues>(initial)
  const [restored, setRestored] = useState(false)
  const [draftError, setDraftError] = useState('')
  const latest = useRef(values)
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    let live = true
    void outcomesRepo()
      .getDraft(draftKey)
      .then((row) => {
        if (!live || !row) return
        const text = Object.fromEntries(Object.entries(row.values).filter(([, v]) => typeof v === 'string')) as FormValues
        latest.current = { ...initial, ...text }
        setValues(latest.current)
        setRestored(true)
      })
    return () => {
      live = false
    }
    // The initial values only seed the form once per record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey])

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (!dirty.current) return
    dirty.current = false
    try {
      await outcomesRepo().saveDraft(draftKey, planId, latest.current)
      setDraftError('')
    } catch {
      dirty.current = true
      setDraftError('What you typed could not be kept on this computer (storage full or unavailable). It is still on screen: save the record or copy it.')
    }
  }, [draftKey, planId])

  useEffect(() => {
    const onHide = () => void flush()
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onHide)
      void flush()
    }
  }, [flush])

  const set = useCallback(
    (key: string, value: string) => {
      latest.current = { ...latest.current, [key]: value }
      setValues(latest.current)
      dirty.current = true
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), OUTCOME_DRAFT_DELAY_MS)
    },
    [flush]
  )

  const reset = useCallback(
    async (next: FormValues) => {
      if (timer.current) clearTimeout(timer.current)
      dirty.current = false
      latest.current = next
      setValues(next)
      setRestored(false)
      await outcomesRepo().removeDraft(draftKey)
    },
    [draftKey]
  )

  return { values, set, restored, reset, draftError }
}
