// First-run acknowledgement (issue #7 fills this in): until the user acknowledges what OsseoPlan
// is, the app shows the statement instead of its screens.
import type { ReactNode } from 'react'

export function FirstRunGate({ children }: { children: ReactNode }) {
  return <>{children}</>
}
