// Problems with the database connection that the user must act on (another window upgraded the
// database, this window's upgrade waits for another window, or the library was deleted while the
// app runs). The app shows them as a banner. What is still on screen (the plan open in the
// editor) registers here, so after a deletion it can be written back.
import type { PlanRow } from './types'

export interface ConnectionProblem {
  kind: 'versionchange' | 'blocked' | 'deleted'
  message: string
}

export const DELETED_MESSAGE =
  'The plan library on this computer was deleted while OsseoPlan was open (by another window, or by clearing the browser’s site data). The plans are gone from this computer; only a backup file can bring them back. Nothing will be saved until you reload.'

let current: ConnectionProblem | null = null
const listeners = new Set<() => void>()

export function reportConnectionProblem(kind: ConnectionProblem['kind'], message: string): void {
  // A deletion is the worst news: a later, milder report never hides it.
  if (current?.kind === 'deleted') return
  current = { kind, message }
  for (const listener of listeners) listener()
}

export function connectionProblem(): ConnectionProblem | null {
  return current
}

/** For useSyncExternalStore. */
export function subscribeConnectionProblem(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** A plan as it is on screen now (the editor's case, not the stored one). */
export type OnScreenPlan = () => PlanRow | null

const onScreen = new Set<OnScreenPlan>()

export function keepOnScreenPlan(provider: OnScreenPlan): () => void {
  onScreen.add(provider)
  return () => onScreen.delete(provider)
}

export function plansOnScreen(): PlanRow[] {
  return [...onScreen].map((p) => p()).filter((p): p is PlanRow => p !== null)
}

/** Tests only. */
export function resetConnectionProblem(): void {
  current = null
}
