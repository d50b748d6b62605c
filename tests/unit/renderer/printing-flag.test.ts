// The `printing` class on <html> lasts exactly as long as a print: set by beforeprint, cleared by
// afterprint, or by the next animation frame if afterprint never comes; and styles.css hides only
// the screen copy under it (never the printed one).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PRINTING_CLASS, watchPrinting, type PrintingWindow } from '../../../src/renderer/src/printing-flag'

function fakeWindow() {
  const classes = new Set<string>()
  const listeners = new Map<string, Set<() => void>>()
  const frames: (() => void)[] = []
  const win: PrintingWindow = {
    addEventListener: (type, l) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
    removeEventListener: (type, l) => void listeners.get(type)?.delete(l),
    requestAnimationFrame: (cb) => frames.push(cb),
    document: { documentElement: { classList: { add: (n) => void classes.add(n), remove: (n) => void classes.delete(n) } } }
  }
  const fire = (type: string) => listeners.get(type)?.forEach((l) => l())
  const runFrames = () => frames.splice(0).forEach((f) => f())
  return { win, classes, fire, runFrames, listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) }
}

describe('watchPrinting', () => {
  it('marks <html> from beforeprint to afterprint', () => {
    const w = fakeWindow()
    watchPrinting(w.win)
    expect(w.classes.has(PRINTING_CLASS)).toBe(false)
    w.fire('beforeprint')
    expect(w.classes.has(PRINTING_CLASS)).toBe(true)
    w.fire('afterprint')
    expect(w.classes.has(PRINTING_CLASS)).toBe(false)
  })

  it('clears the mark at the next frame when afterprint never comes', () => {
    const w = fakeWindow()
    watchPrinting(w.win)
    w.fire('beforeprint')
    expect(w.classes.has(PRINTING_CLASS)).toBe(true)
    w.runFrames()
    expect(w.classes.has(PRINTING_CLASS)).toBe(false)
  })

  it('stops listening, and clears the mark, when stopped', () => {
    const w = fakeWindow()
    const stop = watchPrinting(w.win)
    w.fire('beforeprint')
    stop()
    expect(w.classes.has(PRINTING_CLASS)).toBe(false)
    expect(w.listening()).toBe(0)
    w.fire('beforeprint')
    expect(w.classes.has(PRINTING_CLASS)).toBe(false)
  })

  it('styles.css hides the app under the mark on screen only', () => {
    const css = readFileSync('src/renderer/src/styles.css', 'utf8')
    const rule = /@media\s+(\w+)\s*\{\s*html\.printing\s+#root\s*\{([^}]*)\}/.exec(css)
    expect(rule?.[1]).toBe('screen')
    expect(rule?.[2]).toMatch(/content-visibility:\s*hidden/)
    // No rule outside screen media names the mark.
    expect(css.replace(rule![0], '')).not.toMatch(/\.printing\b/)
  })
})
