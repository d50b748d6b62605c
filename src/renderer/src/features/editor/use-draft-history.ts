// The draft with its undo/redo history.
import { useCallback, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import { setAt } from './draft-path'
import { createHistory, record, redo as redoStep, undo as undoStep, canRedo, canUndo, type History } from './undo-stack'

export function useDraftHistory(initial: CaseDraft) {
  const [history, setHistory] = useState<History<CaseDraft>>(() => createHistory(initial))
  const set = useCallback((path: string, value: unknown) => {
    setHistory((h) => record(h, setAt(h.present, path, value), path, Date.now()))
  }, [])
  const replace = useCallback((path: string, value: unknown) => {
    setHistory((h) => record(h, setAt(h.present, path, value), null, Date.now()))
  }, [])
  const undo = useCallback(() => setHistory(undoStep), [])
  const redo = useCallback(() => setHistory(redoStep), [])
  return { draft: history.present, set, replace, undo, redo, canUndo: canUndo(history), canRedo: canRedo(history) }
}
