// The editor's state outside React: the draft with its undo history, and what the form shows
// beside it (field messages, display units, read-only). Each field subscribes to its own path
// (useSyncExternalStore with a selector), so a keystroke re-renders the field that changed and
// the result column, not the whole form. Writes are synchronous: the field that was typed in
// sees its new value in the same render as its typed text.
import type { CaseDraft } from '../../../../shared/case/types'
import type { LengthUnit, MassUnit } from '../../../../shared/units'
import { setAt } from './draft-path'
import { mapErrors, type FormErrors } from './field-errors'
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from './undo-stack'

export interface FormMeta {
  errors: FormErrors
  units: { length: LengthUnit; mass: MassUnit }
  readOnly: boolean
}

export interface EditorStore {
  history(): History<CaseDraft>
  draft(): CaseDraft
  meta(): FormMeta
  subscribe(listener: () => void): () => void
  /** Writes one field; keystrokes in the same field merge into one undo step. */
  set(path: string, value: unknown): void
  /** Replaces a whole subtree (or several paths) in one undo step (add/remove rows, paste, a source switch). */
  replace(path: string, value: unknown): void
  replaceMany(changes: readonly (readonly [string, unknown])[]): void
  undo(): void
  redo(): void
  canUndo(): boolean
  canRedo(): boolean
  /** Publishes the messages, units and read-only state for the current draft. */
  setMeta(meta: FormMeta): void
}

export const EMPTY_META: FormMeta = { errors: mapErrors([]), units: { length: 'mm', mass: 'kg' }, readOnly: false }

export function createEditorStore(initial: CaseDraft, now: () => number = Date.now): EditorStore {
  let history = createHistory(initial)
  let meta = EMPTY_META
  const listeners = new Set<() => void>()
  const emit = () => {
    for (const l of [...listeners]) l()
  }
  const commit = (next: History<CaseDraft>) => {
    if (next === history) return
    history = next
    emit()
  }
  return {
    history: () => history,
    draft: () => history.present,
    meta: () => meta,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set: (path, value) => commit(record(history, setAt(history.present, path, value), path, now())),
    replace: (path, value) => commit(record(history, setAt(history.present, path, value), null, now())),
    replaceMany(changes) {
      let draft = history.present
      for (const [path, value] of changes) draft = setAt(draft, path, value)
      commit(record(history, draft, null, now()))
    },
    undo: () => commit(undo(history)),
    redo: () => commit(redo(history)),
    canUndo: () => canUndo(history),
    canRedo: () => canRedo(history),
    setMeta(next) {
      if (next.errors === meta.errors && next.units === meta.units && next.readOnly === meta.readOnly) return
      meta = next
      emit()
    }
  }
}
