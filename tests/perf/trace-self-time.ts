// Self time per event name from one thread's complete trace events: each event's time less that of
// the events nested in it, so that a name's total is the time spent in it and not in its children.

export interface TimedSlice { ph: string; name: string; ts: number; dur?: number; tdur?: number }

/** `time` picks the duration to count: the wall duration (`dur`) or the thread's own (`tdur`). */
export function selfTimes<E extends TimedSlice>(events: readonly E[], time: (e: E) => number | undefined): Map<string, number> {
  const slices = events.filter((e) => e.ph === 'X' && e.dur !== undefined && time(e) !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const self = new Map<string, number>()
  const stack: { end: number; name: string }[] = []
  for (const e of slices) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop()
    const parent = stack.at(-1)
    const ms = time(e)! / 1000
    self.set(e.name, (self.get(e.name) ?? 0) + ms)
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - ms)
    stack.push({ end: e.ts + e.dur!, name: e.name })
  }
  return self
}
