// whenIdle runs its work once the page is idle (requestIdleCallback, with a deadline), or after a
// timer where the browser has none, and not at all once cancelled.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterNextFrame, whenIdle } from '../../../src/renderer/src/when-idle'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('whenIdle', () => {
  it('waits for the idle callback, and a cancelled one never runs', () => {
    const queued = new Map<number, () => void>()
    let next = 1
    const deadlines: unknown[] = []
    vi.stubGlobal('requestIdleCallback', (cb: () => void, options: unknown) => (deadlines.push(options), queued.set(next, cb), next++))
    vi.stubGlobal('cancelIdleCallback', (id: number) => queued.delete(id))
    const work = vi.fn()
    whenIdle(work, 300)
    const cancel = whenIdle(work)
    expect(deadlines).toEqual([{ timeout: 300 }, { timeout: 2_000 }])
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

  it('afterNextFrame runs its work in a task after the next frame, and not once cancelled', () => {
    vi.useFakeTimers()
    const frames: (() => void)[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
    vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => undefined))
    const work = vi.fn()
    const cancelled = vi.fn()
    afterNextFrame(work)
    afterNextFrame(cancelled)()
    vi.advanceTimersByTime(100)
    expect(work).not.toHaveBeenCalled()
    for (const f of frames) f()
    expect(work).not.toHaveBeenCalled() // not inside the frame callback: after the paint
    vi.advanceTimersByTime(0)
    expect(work).toHaveBeenCalledTimes(1)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
