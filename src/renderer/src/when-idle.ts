// Work that waits for the screen to be drawn. whenIdle: until the page has nothing else to do
// (requestIdleCallback, at the latest after `atMostMs`, so a busy page still gets it done; a plain
// timer where the browser has no idle callback). afterNextFrame: until the next frame is painted
// (both return a cancel function); afterNextPaint: the same as a promise.
export function whenIdle(work: () => void, atMostMs = 2_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: atMostMs })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(work, atMostMs)
  return () => clearTimeout(id)
}

/** Runs `work` in a task after the next frame (a task queued from a frame callback runs after that
 *  frame's paint); at once in a task where there are no frames. */
export function afterNextFrame(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(work, 0)
    return () => clearTimeout(timer)
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)))
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
}

/** Resolves after the next frame has been produced (a task queued from a frame callback runs
 *  after its paint), or after `atMostMs` when given and no frame came by then (a hidden window
 *  draws none: what must happen anyway, like storing the image, passes `atMostMs`). */
export function afterNextPaint(atMostMs?: number): Promise<void> {
  return new Promise((resolve) => {
    afterNextFrame(resolve)
    if (atMostMs !== undefined) setTimeout(resolve, atMostMs)
  })
}
