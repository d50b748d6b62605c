// Many inputs, one piece of work per frame: pointer moves and wheel steps only change what a
// gesture holds (a ref), and the view is drawn once in the next animation frame with the latest
// of it. `flush` does the waiting work now (a gesture that ends); `cancel` drops it.
export interface FrameCoalescer {
  /** Asks for the work in the next frame (once, however often it is asked before that frame). */
  request(): void
  /** Runs the waiting work now, if any. */
  flush(): void
  cancel(): void
}

export function frameCoalescer(
  work: () => void,
  schedule: (f: () => void) => number = (f) => requestAnimationFrame(f),
  unschedule: (id: number) => void = (id) => cancelAnimationFrame(id)
): FrameCoalescer {
  let id: number | null = null
  const run = () => {
    id = null
    work()
  }
  return {
    request() {
      if (id === null) id = schedule(run)
    },
    flush() {
      if (id === null) return
      unschedule(id)
      run()
    },
    cancel() {
      if (id !== null) unschedule(id)
      id = null
    }
  }
}
