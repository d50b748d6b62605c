// The printed documents are magnified on screen by a CSS transform (print.css), which leaves their
// layout as printed; a transform does not change the space an element takes, so the sheet sits in a
// frame given the sheet's magnified size, measured here and again whenever the sheet's size changes
// (a radiograph page loading, the paper size changed). Print ignores the frame's size (print.css).
import { useLayoutEffect, useRef } from 'react'

/** The size the frame takes: the sheet's box as drawn, magnification included (CSS px). */
export function frameSize(sheet: Pick<Element, 'getBoundingClientRect'>): { width: number; height: number } {
  const box = sheet.getBoundingClientRect()
  return { width: Math.ceil(box.width), height: Math.ceil(box.height) }
}

/** Refs for the frame and the sheet in it; the frame follows the sheet's magnified size. */
export function useSheetFrame<F extends HTMLElement, S extends HTMLElement>() {
  const frame = useRef<F>(null)
  const sheet = useRef<S>(null)
  // After every render: the sheet is only there once the plan has loaded, and may be replaced.
  useLayoutEffect(() => {
    const f = frame.current
    const s = sheet.current
    if (!f || !s) return undefined
    const fit = () => {
      const { width, height } = frameSize(s)
      f.style.width = `${width}px`
      f.style.height = `${height}px`
    }
    fit()
    if (typeof ResizeObserver === 'undefined') return undefined
    const observer = new ResizeObserver(fit)
    observer.observe(s)
    return () => observer.disconnect()
  })
  return { frame, sheet }
}
