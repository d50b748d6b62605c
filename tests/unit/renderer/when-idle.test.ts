// whenIdle runs its work once the page is idle (requestIdleCallback), or after a timer where the
// browser has none, and not at all once cancelled.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from '../../../src/renderer/src/when-idle'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('whenIdle', () => {
  it('waits for the idle callback, and a cancelled one never runs', () => {
    const queued = new Map<number, () => void>()
    let next = 1
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => (queued.set(next, cb), next++))
    vi.stubGlobal('cancelIdleCallback', (id: number) => queued.delete(id))
    const work = vi.fn()
    whenIdle(work)
    const cancel = whenIdle(work)
    expect(work).not.toHaveBeenCalled()
    cancel()
    for (const cb of queued.values()) cb()
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('falls back to a timer without requestIdleCallback', () => {
    vi.stubGlobal('requestIdleCallback', undefined)
    vi.useFakeTimers()
    const work = vi.fn()
    whenIdle(work, 500)
    const cancelled = vi.fn()
    whenIdle(cancelled, 500)()
    vi.advanceTimersByTime(499)
    expect(work).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(work).toHaveBeenCalledTimes(1)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
