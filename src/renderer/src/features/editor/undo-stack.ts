// Undo/redo history of the editor's case draft. Consecutive keystrokes in one field within
// `mergeWindowMs` become one step, so Ctrl+Z undoes a word, not a character.
export interface History<T> {
  past: T[]
  present: T
  future: T[]
  /** Field of the last edit and when it happened, for merging keystrokes. */
  lastKey: string | null
  lastAt: number
}

export const HISTORY_LIMIT = 200

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 }
}

export function record<T>(h: History<T>, next: T, key: string | null, at: number, mergeWindowMs = 1000): History<T> {
  if (Object.is(next, h.present)) return h
  const merge = key !== null && key === h.lastKey && at - h.lastAt <= mergeWindowMs && h.past.length > 0
  const past = merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT)
  return { past, present: next, future: [], lastKey: key, lastAt: at }
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1]
  if (h.past.length === 0) return h
  return { past: h.past.slice(0, -1), present: prev as T, future: [h.present, ...h.future], lastKey: null, lastAt: 0 }
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h
  const [next, ...future] = h.future as [T, ...T[]]
  return { past: [...h.past, h.present], present: next, future, lastKey: null, lastAt: 0 }
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0
