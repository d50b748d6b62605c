// What every editor field needs, read from the editor store by path: its value, its messages,
// the display units and whether the plan is read-only. The context holds the store itself, which
// never changes; each component subscribes only to what it shows.
import { createContext, useCallback, useContext, useMemo, useRef, useSyncExternalStore } from 'react'
import { fieldId } from '../../components/field-id'
import { getAt } from './draft-path'
import type { EditorStore, FormMeta } from './editor-store'
import type { FormErrors } from './field-errors'
import type { LengthUnit, MassUnit } from '../../../../shared/units'
import type { CaseDraft } from '../../../../shared/case/types'

export const EditorStoreContext = createContext<EditorStore | null>(null)

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext)
  if (!store) throw new Error('useEditorStore outside the editor')
  return store
}

/** A value derived from the draft and the form's messages. `select` must return a primitive or a
 *  reference that stays the same while its input does (draft subtrees do: edits copy only the path). */
export function useEditorSelect<T>(select: (draft: CaseDraft, meta: FormMeta) => T): T {
  const store = useEditorStore()
  const snapshot = () => select(store.draft(), store.meta())
  return useSyncExternalStore(store.subscribe, snapshot, snapshot)
}

/** A value derived from the form's messages, units or read-only state alone: not notified when
 *  the draft changes (a keystroke), only when these do. Same rule for `select` as above. */
export function useMetaSelect<T>(select: (meta: FormMeta) => T): T {
  const store = useEditorStore()
  const snapshot = () => select(store.meta())
  return useSyncExternalStore(store.subscribeMeta, snapshot, snapshot)
}

/** The draft's value at `path`, notified only by edits at, above or below that path. */
export function useDraftAt(path: string): unknown {
  const store = useEditorStore()
  const subscribe = useCallback((listener: () => void) => store.subscribeAt(path, listener), [store, path])
  const snapshot = () => getAt(store.draft(), path)
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
export const useUnits = () => useMetaSelect((m) => m.units)
export const useReadOnly = () => useMetaSelect((m) => m.readOnly)
export const useErrorAt = (path: string) => useMetaSelect((m) => m.errors.byPath.get(path) ?? null)
export const useMissingAt = (path: string) => useMetaSelect((m) => m.errors.required.get(path) ?? null)

interface FieldState {
  value: unknown
  error: string | null
  missing: string | null
  warning: string | null
  disabled: boolean
}

/** Props for a field component bound to `path` (a stable onChange). One subscription per field
 *  (not one per value and message), to its own path: a keystroke notifies the field typed in (and
 *  any that show a path above or below it), not the few hundred others; a change of the messages
 *  notifies every field, and each keeps the object it had when nothing in it changed. */
export function useField(path: string) {
  const store = useEditorStore()
  const onChange = useCallback((v: unknown) => store.set(path, v), [store, path])
  const subscribe = useCallback((listener: () => void) => store.subscribeAt(path, listener), [store, path])
  const last = useRef<FieldState | null>(null)
  const snapshot = (): FieldState => {
    const { errors, readOnly } = store.meta()
    const next: FieldState = {
      value: getAt(store.draft(), path),
      error: errors.byPath.get(path) ?? null,
      missing: errors.required.get(path) ?? null,
      warning: errors.warnings.get(path) ?? null,
      disabled: readOnly
    }
    const was = last.current
    if (was && was.value === next.value && was.error === next.error && was.missing === next.missing && was.warning === next.warning && was.disabled === next.disabled) return was
    return (last.current = next)
  }
  const state = useSyncExternalStore(subscribe, snapshot, snapshot)
  return { id: fieldId(path), path, onChange, ...state }
}

/** The whole form at once, for a component that works on the whole draft (the radiograph panel
 *  writes measured values into several sections). It re-renders on every change of the draft, so
 *  form fields use useField/useDraftAt instead. */
export interface EditorForm {
  draft: CaseDraft
  set: (path: string, value: unknown) => void
  replace: (path: string, value: unknown) => void
  errors: FormErrors
  units: { length: LengthUnit; mass: MassUnit }
  readOnly: boolean
}

export function useEditorForm(): EditorForm {
  const store = useEditorStore()
  const draft = useSyncExternalStore(store.subscribe, store.draft, store.draft)
  const meta = useSyncExternalStore(store.subscribe, store.meta, store.meta)
  return useMemo(() => ({ draft, set: store.set, replace: store.replace, errors: meta.errors, units: meta.units, readOnly: meta.readOnly }), [store, draft, meta])
}
