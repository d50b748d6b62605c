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

/** Page-load timings: navigation start → first library row in the DOM (or, for an empty library,
 *  its "No plans yet" message), and → that frame painted; `complete` when the library has read
 *  every summary (its count no longer says it is still reading). */
export function startTimerScript(): void {
  const w = window as unknown as { __start?: { firstRow: number; painted: number; empty: boolean }; __complete?: number }
  const observer = new MutationObserver(() => {
    const row = document.querySelector('section.library tbody tr[data-plan-id]')
    const empty = !row && document.querySelector('section.library p.empty') !== null && !document.querySelector('section.library .library-count')
    if (!w.__start && (row || empty)) {
      const firstRow = performance.now()
      w.__start = { firstRow, painted: Number.NaN, empty }
      requestAnimationFrame(() => setTimeout(() => (w.__start!.painted = performance.now()), 0))
    }
    const count = document.querySelector('section.library .library-count')?.textContent ?? ''
    if ((empty || (count && !count.includes('reading'))) && w.__complete === undefined) w.__complete = performance.now()
    if (w.__start && w.__complete !== undefined) observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
}

export async function startTiming(page: Page): Promise<{ firstRow: number; painted: number; empty: boolean }> {
  const handle = await page.waitForFunction(() => {
    const s = (window as unknown as { __start?: { painted: number } }).__start
    return s && !Number.isNaN(s.painted) ? s : null
  }, undefined, { timeout: 120_000 })
  return (await handle.jsonValue()) as { firstRow: number; painted: number; empty: boolean }
}

/** Navigation start → every summary read (the count no longer says "reading"). */
export async function completeTiming(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __complete?: number }).__complete ?? null, undefined, { timeout: 300_000 })
  return (await handle.jsonValue()) as number
}
