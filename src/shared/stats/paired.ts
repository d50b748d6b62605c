// Before/after change within the same patients (e.g. 6MWT before surgery and at 12 months).
// Only complete pairs count; the median of the changes is reported, not the change of the medians.
import { medianIqr, type MedianIqr } from './descriptive'

export interface Pair {
  before: number
  after: number
}

export interface PairedChange {
  /** Complete pairs. */
  n: number
  before: MedianIqr | null
  after: MedianIqr | null
  /** after − before, per patient. */
  change: MedianIqr | null
  /** Pairs whose value went up, down, or stayed the same. */
  increased: number
  decreased: number
  unchanged: number
}

export function pairedChange(pairs: readonly Pair[]): PairedChange {
  const complete = pairs.filter((p) => Number.isFinite(p.before) && Number.isFinite(p.after))
  const diffs = complete.map((p) => p.after - p.before)
  return {
    n: complete.length,
    before: medianIqr(complete.map((p) => p.before)),
    after: medianIqr(complete.map((p) => p.after)),
    change: medianIqr(diffs),
    increased: diffs.filter((d) => d > 0).length,
    decreased: diffs.filter((d) => d < 0).length,
    unchanged: diffs.filter((d) => d === 0).length
  }
}
