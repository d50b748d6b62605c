// The viewer's gestures outside React (ImageCanvas.tsx): moves coalesced to one frame, the pan and
// window-drag arithmetic, and when a committed view must be painted again after a preview.
import { describe, expect, it } from 'vitest'
import { frameCoalescer } from '../../../src/renderer/src/features/imaging/frame-coalescer'
import { needsPaint, panBy, toImage, windowDragStep, type View } from '../../../src/renderer/src/features/imaging/viewport'

/** A fake frame clock: `tick` runs the callbacks scheduled so far. */
function clock() {
  let next = 1
  const queued = new Map<number, () => void>()
  return {
    schedule: (f: () => void) => (queued.set(next, f), next++),
    cancel: (id: number) => void queued.delete(id),
    tick() {
      const now = [...queued.values()]
      queued.clear()
      for (const f of now) f()
    },
    get pending() {
      return queued.size
    }
  }
}

describe('frameCoalescer', () => {
  it('runs the work once in the next frame however often it is asked for before it', () => {
    const c = clock()
    let runs = 0
    const f = frameCoalescer(() => runs++, c.schedule, c.cancel)
    for (let i = 0; i < 5; i++) f.request()
    expect(runs).toBe(0)
    expect(c.pending).toBe(1)
    c.tick()
    expect(runs).toBe(1)
    c.tick()
    expect(runs).toBe(1)
    f.request()
    c.tick()
    expect(runs).toBe(2)
  })

  it('flush runs waiting work now and not again in the frame; with nothing waiting it does nothing', () => {
    const c = clock()
    let runs = 0
    const f = frameCoalescer(() => runs++, c.schedule, c.cancel)
    f.flush()
    expect(runs).toBe(0)
    f.request()
    f.flush()
    expect(runs).toBe(1)
    c.tick()
    expect(runs).toBe(1)
  })

  it('cancel drops the waiting work; a later request schedules again', () => {
    const c = clock()
    let runs = 0
    const f = frameCoalescer(() => runs++, c.schedule, c.cancel)
    f.request()
    f.cancel()
    c.tick()
    expect(runs).toBe(0)
    f.request()
    c.tick()
    expect(runs).toBe(1)
  })
})

describe('panBy', () => {
  it('keeps the image point under the pointer as it travels (screen pixels ÷ zoom)', () => {
    const start: View = { cx: 100, cy: 50, zoom: 4 }
    const grabbed = toImage(start, 760, 560, 300, 200)
    const v = panBy(start, 40, -20)
    expect(v.zoom).toBe(4)
    const now = toImage(v, 760, 560, 340, 180)
    expect(now.x).toBeCloseTo(grabbed.x, 9)
    expect(now.y).toBeCloseTo(grabbed.y, 9)
  })
})

describe('windowDragStep', () => {
  const w = { center: 1000, width: 400, invert: true }
  it('right widens, left narrows (by a factor); down raises the centre by a share of the width; invert kept', () => {
    expect(windowDragStep(w, 200, 0)).toEqual({ center: 1000, width: 400 * Math.E, invert: true })
    expect(windowDragStep(w, -200, 0).width).toBeCloseTo(400 / Math.E, 9)
    expect(windowDragStep(w, 0, 40)).toEqual({ center: 1040, width: 400, invert: true })
  })
  it('never narrows below a width of 1', () => {
    expect(windowDragStep({ ...w, width: 2 }, -5000, 0).width).toBe(1)
  })
})

describe('needsPaint', () => {
  const wl = { center: 1000, width: 400, invert: false }
  const fit: View = { cx: 10, cy: 10, zoom: 0.5 }
  const close: View = { cx: 10, cy: 10, zoom: 4 }
  it('a committed view and window equal to what the exact frame shows: no paint', () => {
    expect(needsPaint({ view: { ...fit }, wl: { ...wl }, preview: false }, fit, wl)).toBe(false)
  })
  it('a different view or window: paint', () => {
    expect(needsPaint({ view: fit, wl, preview: false }, { ...fit, cx: 11 }, wl)).toBe(true)
    expect(needsPaint({ view: fit, wl, preview: false }, fit, { ...wl, invert: true })).toBe(true)
  })
  it('a preview is painted again exactly when its view and window are committed, at any zoom', () => {
    expect(needsPaint({ view: fit, wl, preview: true }, fit, wl)).toBe(true)
    expect(needsPaint({ view: close, wl, preview: true }, close, wl)).toBe(true)
  })
})
