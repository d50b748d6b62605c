// Axes of the loading charts (editor and printed summary): round tick values whose labels never
// repeat ("0, 0.05, 0.1" for a finger, not "0, 0, 0"), and a day axis that runs past the last
// scheduled day so a load held from then on shows as a line, never as a lone dot.

export interface Ticks {
  values: number[]
  /** Decimals that tell every tick apart. */
  decimals: number
  /** The axis end (the last tick). */
  max: number
}

/** Round ticks from 0 to at least `max`, about `count` steps (1, 2 or 5 × a power of ten). */
export function niceTicks(max: number, count = 5): Ticks {
  if (!(max > 0) || !Number.isFinite(max)) return { values: [0, 1], decimals: 0, max: 1 }
  const rough = max / count
  const mag = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough - 1e-12) ?? rough * 10)
  const n = Math.ceil(max / step - 1e-9)
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9))
  const values = Array.from({ length: n + 1 }, (_, i) => Number((i * step).toFixed(decimals)))
  return { values, decimals, max: values[values.length - 1] ?? max }
}

/**
 * The day axis: from 0 past the last scheduled day by a quarter of it (at least two weeks), so
 * the load reached on the last day is drawn held to the right.
 */
export function dayAxis(lastDay: number): Ticks {
  return niceTicks(Math.max(lastDay + Math.max(14, lastDay * 0.25), 1), 6)
}
