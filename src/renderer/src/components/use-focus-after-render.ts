// Moves focus to an element that the next render creates (a new table row's first field).
// It runs right after React commits that render, not on a later animation frame: by then the
// surgeon (or a fast keyboard) may already be typing in another field, and the late focus
// would send the next keystrokes into the new row.
import { useCallback, useLayoutEffect, useRef } from 'react'

export function useFocusAfterRender(): (elementId: string) => void {
  const pending = useRef<string | null>(null)
  useLayoutEffect(() => {
    if (!pending.current) return
    const element = document.getElementById(pending.current)
    if (element) {
      pending.current = null
      element.focus()
    }
  })
  return useCallback((elementId: string) => {
    pending.current = elementId
  }, [])
}
