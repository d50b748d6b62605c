// Work that may wait until the page has nothing else to do (after the first screen is drawn):
// requestIdleCallback where the browser has it, else a plain timer. Returns a cancel function.
export function whenIdle(work: () => void, fallbackMs = 1_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work())
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(work, fallbackMs)
  return () => clearTimeout(id)
}
