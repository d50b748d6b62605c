// While the page prints, its screen copy is not laid out (issue #14). Inside a print Chromium lays
// the page out for paper and then, before the print returns, for the screen again (each twice for a
// print with a dialog, which counts the pages first), and the printed document is the same DOM, so
// each screen layout costs about as much as a paper one (docs/performance.md). On `beforeprint`
// <html> gets the class `printing`, under which styles.css skips the screen layout of #root
// (screen media only: paper is laid out as before).
// `afterprint` removes it; so does the next animation frame, which comes before anything is
// painted again, should `afterprint` never arrive.

export const PRINTING_CLASS = 'printing'

/** The part of `window` this needs (a test passes its own). */
export interface PrintingWindow {
  addEventListener(type: 'beforeprint' | 'afterprint', listener: () => void): void
  removeEventListener(type: 'beforeprint' | 'afterprint', listener: () => void): void
  requestAnimationFrame(callback: () => void): number
  document: { documentElement: { classList: { add(name: string): void; remove(name: string): void } } }
}

/** Starts watching; returns the function that stops it (and clears the class). */
export function watchPrinting(win: PrintingWindow = window): () => void {
  const classes = win.document.documentElement.classList
  const end = () => classes.remove(PRINTING_CLASS)
  const begin = () => {
    classes.add(PRINTING_CLASS)
    win.requestAnimationFrame(end)
  }
  win.addEventListener('beforeprint', begin)
  win.addEventListener('afterprint', end)
  return () => {
    win.removeEventListener('beforeprint', begin)
    win.removeEventListener('afterprint', end)
    end()
  }
}
