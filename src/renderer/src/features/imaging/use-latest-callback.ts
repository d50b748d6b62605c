// A callback whose identity never changes but which always calls the latest function given: the
// overlay's memoised parts (Overlay.tsx) then re-render only when what they draw changes, not
// because the workspace made new handler closures on its last render.
import { useCallback, useLayoutEffect, useRef } from 'react'

export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn)
  useLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
