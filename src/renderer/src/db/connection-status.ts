// Problems with the database connection that the user must act on (another window upgraded the
// database, or this window's upgrade waits for another window). The app shows them as a banner.

export interface ConnectionProblem {
  kind: 'versionchange' | 'blocked'
  message: string
}

let current: ConnectionProblem | null = null
const listeners = new Set<() => void>()

export function reportConnectionProblem(kind: ConnectionProblem['kind'], message: string): void {
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
