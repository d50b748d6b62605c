// Timers that run inside the page, so that Playwright's own round trips are not counted: from the
// timestamp of the next user input event (keydown or click, as the browser stamped it) until the
// page shows the awaited change, and until the frame with that change has been painted.
import type { Page } from '@playwright/test'

export interface InPageTiming {
  /** Input event → the awaited change is in the DOM (ms). */
  dom: number
  /** Input event → the frame showing it has been painted (ms). */
  painted: number
}

type Awaited =
  | { kind: 'selector'; selector: string }
  | { kind: 'text-change'; selector: string }
  | { kind: 'mark'; name: string }

interface BenchWindow {
  __bench?: { start: number; dom: number; painted: number }
}

function install(awaited: Awaited): void {
  const w = window as unknown as BenchWindow
  const state = { start: Number.NaN, dom: Number.NaN, painted: Number.NaN }
  w.__bench = state
  const textBefore = awaited.kind === 'text-change' ? document.querySelector(awaited.selector)?.textContent : null
  const reached = (): boolean => {
    if (awaited.kind === 'selector') return document.querySelector(awaited.selector) !== null
    if (awaited.kind === 'text-change') return document.querySelector(awaited.selector)?.textContent !== textBefore
    const mark = performance.getEntriesByName(awaited.name, 'mark').at(-1)
    return mark !== undefined && mark.startTime >= state.start
  }
  const domTime = (): number => (awaited.kind === 'mark' ? performance.getEntriesByName(awaited.name, 'mark').at(-1)!.startTime : performance.now())
  const onInput = (e: Event): void => {
    state.start = e.timeStamp
    document.removeEventListener('keydown', onInput, true)
    document.removeEventListener('click', onInput, true)
    // Check on every frame before it is painted; the change is painted in the first frame that
    // sees it, and a task queued from that frame's callback runs after the paint.
    const frame = (): void => {
      if (!Number.isNaN(state.dom) || reached()) {
        if (Number.isNaN(state.dom)) state.dom = domTime()
        setTimeout(() => (state.painted = performance.now()), 0)
      } else requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  }
  if (awaited.kind !== 'mark') {
    // DOM changes are timed exactly when they happen, not at the next frame.
    const observer = new MutationObserver(() => {
      if (!Number.isNaN(state.start) && Number.isNaN(state.dom) && reached()) {
        state.dom = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  }
  document.addEventListener('keydown', onInput, true)
  document.addEventListener('click', onInput, true)
}

/** Times `action` (one key press or click) inside the page until `awaited` shows. */
export async function timeInPage(page: Page, awaited: Awaited, action: () => Promise<void>): Promise<InPageTiming> {
  await page.evaluate(install, awaited)
  await action()
  const handle = await page.waitForFunction(() => {
    const s = (window as unknown as BenchWindow).__bench
    return s && !Number.isNaN(s.painted) ? { dom: s.dom - s.start, painted: s.painted - s.start } : null
  }, undefined, { timeout: 30_000 })
  return (await handle.jsonValue()) as InPageTiming
}

/** Page-load timings: navigation start → first library row in the DOM, and → that frame painted. */
export function startTimerScript(): void {
  const w = window as unknown as { __start?: { firstRow: number; painted: number } }
  const observer = new MutationObserver(() => {
    if (document.querySelector('section.library tbody tr[data-plan-id]')) {
      observer.disconnect()
      const firstRow = performance.now()
      requestAnimationFrame(() => setTimeout(() => (w.__start = { firstRow, painted: performance.now() }), 0))
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

export async function startTiming(page: Page): Promise<{ firstRow: number; painted: number }> {
  const handle = await page.waitForFunction(() => (window as unknown as { __start?: unknown }).__start ?? null, undefined, { timeout: 60_000 })
  return (await handle.jsonValue()) as { firstRow: number; painted: number }
}
