// The library's plan summaries, read so that opening it does not grow with the library: the first
// screen (the newest summaries) is read and shown first; every summary is read after that first
// paint, in chunks, and replaces it. Until then search and filters apply to the first screen only
// (`complete` is false and the page says so).
import { useCallback, useEffect, useRef, useState } from 'react'
import { plansRepo } from '../../db'
import { earlyFirstScreen } from '../../db/early-open'
import { storageErrorMessage } from '../../db/storage'
import type { PlanSummary } from '../../db/types'
import { afterNextPaint } from '../../when-idle'

/** Enough rows for the tallest screen before the rest is read. */
export const FIRST_SCREEN_ROWS = 60

export interface LibraryPlans {
  /** null until the first read answers. */
  plans: PlanSummary[] | null
  /** True once every summary has been read. */
  complete: boolean
  error: string
  /** Reads everything again (after a change). */
  reload: () => Promise<void>
}

export function useLibraryPlans(): LibraryPlans {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null)
  const [complete, setComplete] = useState(false)
  const [error, setError] = useState('')
  const generation = useRef(0)

  const readAll = useCallback(async (run: number) => {
    const all = await plansRepo().allSummaries()
    if (run !== generation.current) return
    setPlans(all)
    setComplete(true)
  }, [])

  const reload = useCallback(async () => {
    const run = ++generation.current
    try {
      await readAll(run)
    } catch (e) {
      if (run === generation.current) setError(`The plan library could not be read: ${storageErrorMessage(e)}`)
    }
  }, [readAll])

  useEffect(() => {
    const run = ++generation.current
    void (async () => {
      try {
        // Read by index.html's first script when the page opened here (db/early-open.ts), or now.
        const first = (await earlyFirstScreen(FIRST_SCREEN_ROWS)) ?? (await plansRepo().newestSummaries(FIRST_SCREEN_ROWS))
        if (run !== generation.current) return
        setPlans(first)
        if (first.length < FIRST_SCREEN_ROWS) {
          setComplete(true)
          return
        }
        await afterNextPaint()
        if (run === generation.current) await readAll(run)
      } catch (e) {
        if (run === generation.current) setError(`The plan library could not be read: ${storageErrorMessage(e)}`)
      }
    })()
    return () => {
      generation.current++
    }
  }, [readAll])

  return { plans, complete, error, reload }
}
