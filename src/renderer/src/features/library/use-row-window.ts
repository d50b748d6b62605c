// Which rows of a scrolling list of fixed-height rows are in view. Every library row is one line
// of the same height (library.css), so the rows in view follow from the scroll offset by
// arithmetic: a keystroke that changes the number of matches costs the same with 90 or 90,000 of
// them (a general virtualiser rebuilt one measurement object per match on every such keystroke).
import { useLayoutEffect, useState, type RefObject } from 'react'

export interface RowWindow {
  /** First row rendered (inclusive) and last (exclusive). */
  first: number
  end: number
  /** Height of the rows not rendered above and below, kept as padding so the scroll bar is right. */
  before: number
  after: number
}

/** The rows within `top` … `top + height` of a list of `count` rows, and `overscan` either side. */
export function rowWindow(top: number, height: number, count: number, rowHeight: number, overscan: number): RowWindow {
  // The list may have shrunk below the scroll offset the browser has not clamped yet.
  const start = Math.max(0, Math.min(top, count * rowHeight - height))
  const first = Math.max(0, Math.floor(start / rowHeight) - overscan)
  const end = Math.min(count, Math.ceil((start + height) / rowHeight) + overscan)
  return { first, end: Math.max(first, end), before: first * rowHeight, after: (count - Math.max(first, end)) * rowHeight }
}

/** The library's scroll box before it is measured: library.css's max-height, max(18rem, 100vh −
 *  17rem), which the box fills whenever the list is longer (a shorter list is rendered whole). */
export function listBoxHeight(viewportHeight: number, rem: number): number {
  return Math.max(18 * rem, viewportHeight - 17 * rem)
}

/** listBoxHeight for this window, for the first render: the rows rendered first are the rows the box
 *  shows, so that measuring it does not render the list again before the first paint (a cold
 *  library open renders and lays out its first screen once). */
export function firstListBoxHeight(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
  return listBoxHeight(window.innerHeight, rem)
}

/** The scroll box's offset and height, followed on scroll and resize. `initialHeight` serves the
 *  first render, before the box is measured, so that it already shows a screenful. */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number, initialHeight: number | (() => number)): RowWindow {
  const [view, setView] = useState(() => ({ top: 0, height: typeof initialHeight === 'function' ? initialHeight() : initialHeight }))
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const read = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }))
    read()
    el.addEventListener('scroll', read, { passive: true })
    const resized = new ResizeObserver(read)
    resized.observe(el)
    return () => {
      el.removeEventListener('scroll', read)
      resized.disconnect()
    }
  }, [scroller])
  return rowWindow(view.top, view.height, count, rowHeight, overscan)
}
