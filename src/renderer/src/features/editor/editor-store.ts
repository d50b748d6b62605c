// The editor's state outside React: the draft with its undo history, and what the form shows
// beside it (field messages, display units, read-only). Each field subscribes to its own path
// (useSyncExternalStore with a selector), so a keystroke re-renders the field that changed and
// the result column, not the whole form. Writes are synchronous: the field that was typed in
// sees its new value in the same render as its typed text. Beside the draft, the history keeps
// "side" states (a radiograph's measurements and calibration, keyed by image): an image edit and
// the case values it writes are one undo step, so Undo takes back both together.
import type { CaseDraft } from '../../../../shared/case/types'
import type { LengthUnit, MassUnit } from '../../../../shared/units'
import { pathsTouch, setAt } from './draft-path'
import { mapErrors, type FormErrors } from './field-errors'
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from './undo-stack'

export interface FormMeta {
  errors: FormErrors
  units: { length: LengthUnit; mass: MassUnit }
  readOnly: boolean
}

/** One step of the editor's history: the draft and the side states at that moment. */
export interface EditorSnapshot {
  draft: CaseDraft
  side: Readonly<Record<string, unknown>>
}

export type SideEdit = (draft: CaseDraft, side: (key: string) => unknown) => { draft?: CaseDraft; side?: Record<string, unknown> } | null

/**
 * What must follow a typed edit in the same undo step (a radiograph's values when the case's
 * magnification is typed: image-follow.ts). `sideKeys`: every side state known.
 */
export type Follower = (before: CaseDraft, after: CaseDraft, side: (key: string) => unknown, sideKeys: readonly string[]) => { draft: CaseDraft; side: Record<string, unknown> } | null

export interface EditorStore {
  history(): History<EditorSnapshot>
  draft(): CaseDraft
  meta(): FormMeta
  /** Every change: of the draft, the form's messages, units or read-only state, or a gesture. */
  subscribe(listener: () => void): () => void
  /** Changes that can move the draft's value at `path` (an edit at, above or below it), and every
   *  change of the messages, units or read-only state: what one field shows. */
  subscribeAt(path: string, listener: () => void): () => void
  /** Changes of the messages, units or read-only state only (not of the draft). */
  subscribeMeta(listener: () => void): () => void
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
  /** A side state (undefined until registered). */
  side(key: string): unknown
  /** Sets what follows each typed edit (null: nothing). */
  setFollower(follower: Follower | null): void
  /** Every side state registered, with its starting value (what is stored already). */
  sideEntries(): { key: string; value: unknown; initial: unknown }[]
  /** A side state whose owner is gone (a deleted image): no longer listed or followed. */
  forgetSide(key: string): void
  /** Registers a side state's starting value (not an undo step); a key already known keeps its value. */
  initSide(key: string, value: unknown): void
  /** One undo step changing side states and the draft together; steps of the same `gesture`
   *  (one drag of a handle) merge into one, however long it lasts. `null` from `change`: no step. */
  edit(change: SideEdit, gesture?: string | null): void
  /** The gesture (a handle drag) whose edits are still coming, or null: autosaves wait for its end. */
  gesture(): string | null
  /** The gesture is over (the handle was released); any edit without a gesture ends it too. */
  endGesture(): void
}

export const EMPTY_META: FormMeta = { errors: mapErrors([]), units: { length: 'mm', mass: 'kg' }, readOnly: false }

export function createEditorStore(initial: CaseDraft, now: () => number = Date.now): EditorStore {
  let history = createHistory<EditorSnapshot>({ draft: initial, side: {} })
  let meta = EMPTY_META
  let openGesture: string | null = null
  /** Starting values of side states, for history steps taken before they were registered. */
  const sideBase = new Map<string, unknown>()
  // Three kinds of listener, so that a keystroke notifies the field typed in, not every field of
  // the form (a few hundred; issue #14): whole-draft listeners, listeners of one path, and
  // listeners of the messages only.
  const listeners = new Set<() => void>()
  const atPath = new Map<string, Set<() => void>>()
  const metaListeners = new Set<() => void>()
  const call = (set: Iterable<() => void>) => {
    for (const l of [...set]) l()
  }
  /** `changed`: the paths written (null: anything may have changed, as after an undo). */
  const emit = (changed: readonly string[] | null, meta = false) => {
    call(listeners)
    for (const [path, set] of [...atPath]) if (meta || changed === null || changed.some((c) => pathsTouch(path, c))) call(set)
    if (meta) call(metaListeners)
  }
  const subscribeTo = <K,>(map: Map<K, Set<() => void>>, key: K, listener: () => void) => {
    let set = map.get(key)
    if (!set) map.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && map.get(key) === set) map.delete(key)
    }
  }
  const commit = (next: History<EditorSnapshot>, changed: readonly string[] | null) => {
    if (next === history) return
    history = next
    emit(changed)
  }
  /** A step that is not part of a gesture ends any gesture left open (a release that never came). */
  const commitOther = (next: History<EditorSnapshot>, changed: readonly string[] | null) => {
    openGesture = null
    commit(next, changed)
  }
  let follower: Follower | null = null
  const forgotten = new Set<string>()
  /** The snapshot after a typed edit: the draft, and what follows it in the same step. */
  const withDraft = (draft: CaseDraft): EditorSnapshot => {
    const present = history.present
    if (!follower) return { draft, side: present.side }
    const keys = [...new Set([...Object.keys(present.side), ...sideBase.keys()])].filter((k) => !forgotten.has(k))
    const out = follower(present.draft, draft, (key) => sideOf(present, key), keys)
    return out ? { draft: out.draft, side: { ...present.side, ...out.side } } : { draft, side: present.side }
  }
  const sideOf = (snapshot: EditorSnapshot, key: string) => (key in snapshot.side ? snapshot.side[key] : sideBase.get(key))
  /** A typed edit (`key`: steps of the same key merge, typing in one field); when something
   *  followed it beyond the paths typed, every field may have changed. */
  const typed = (draft: CaseDraft, key: string | null, paths: readonly string[]) => {
    const snapshot = withDraft(draft)
    commitOther(record(history, snapshot, key, now()), snapshot.draft === draft ? paths : null)
  }
  return {
    history: () => history,
    draft: () => history.present.draft,
    meta: () => meta,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    subscribeAt: (path, listener) => subscribeTo(atPath, path, listener),
    subscribeMeta(listener) {
      metaListeners.add(listener)
      return () => metaListeners.delete(listener)
    },
    set: (path, value) => typed(setAt(history.present.draft, path, value), path, [path]),
    replace: (path, value) => typed(setAt(history.present.draft, path, value), null, [path]),
    replaceMany(changes) {
      let draft = history.present.draft
      for (const [path, value] of changes) draft = setAt(draft, path, value)
      typed(draft, null, changes.map(([path]) => path))
    },
    undo: () => commitOther(undo(history), null),
    redo: () => commitOther(redo(history), null),
    canUndo: () => canUndo(history),
    canRedo: () => canRedo(history),
    setMeta(next) {
      if (next.errors === meta.errors && next.units === meta.units && next.readOnly === meta.readOnly) return
      meta = next
      emit(null, true)
    },
    side: (key) => sideOf(history.present, key),
    setFollower(next) {
      follower = next
    },
    sideEntries: () => [...sideBase].filter(([key]) => !forgotten.has(key)).map(([key, initial]) => ({ key, value: sideOf(history.present, key), initial })),
    forgetSide(key) {
      forgotten.add(key)
    },
    initSide(key, value) {
      if (!sideBase.has(key)) sideBase.set(key, value)
    },
    edit(change, gesture = null) {
      const present = history.present
      openGesture = gesture
      const out = change(present.draft, (key) => sideOf(present, key))
      if (!out) return
      const draft = out.draft ?? present.draft
      const side = out.side ? { ...present.side, ...out.side } : present.side
      if (draft === present.draft && side === present.side) return
      const key = gesture === null ? null : `gesture:${gesture}`
      // A change of the side states alone moves no field of the draft.
      commit(record(history, { draft, side }, key, now(), gesture === null ? undefined : Number.POSITIVE_INFINITY), draft === present.draft ? [] : null)
    },
    gesture: () => openGesture,
    endGesture() {
      if (openGesture === null) return
      openGesture = null
      emit([])
    }
  }
}
