// Medians, quartiles and proportions. Quantiles use Hyndman & Fan's type 7 (linear interpolation
// between order statistics; the default of R, NumPy and Excel's QUARTILE.INC) so that a reader can
// reproduce every figure in a spreadsheet.
import { normalQuantile } from './gamma'
import type { Interval } from './poisson'

/** Sorted copy; a typed array sorts numbers natively, several times faster than a comparator
 *  (the Audit screen sorts 8 measures × 3 lists of up to thousands of values per filter). */
function finiteSorted(values: readonly number[]): Float64Array {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError('Statistics need finite numbers')
  return Float64Array.from(values).sort()
}

/** The type-7 p-quantile of already sorted values (at least one). */
function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.ceil(h)
  const a = sorted[lo]!
  const b = sorted[hi]!
  return a + (h - lo) * (b - a)
}

/** The type-7 p-quantile (0 ≤ p ≤ 1); null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('A quantile is between 0 and 1')
  if (values.length === 0) return null
  return sortedQuantile(finiteSorted(values), p)
}

export interface MedianIqr {
  n: number
  median: number
  q1: number
  q3: number
  min: number
  max: number
}

/** Median and interquartile range (type 7) with n; null for no values. */
export function medianIqr(values: readonly number[]): MedianIqr | null {
  if (values.length === 0) return null
  const sorted = finiteSorted(values)
  return {
    n: sorted.length,
    median: sortedQuantile(sorted, 0.5),
    q1: sortedQuantile(sorted, 0.25),
    q3: sortedQuantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!
  }
}

/** Wilson's score interval for a proportion (Wilson 1927; Newcombe 1998, method 3): stays inside
 *  0–1 and behaves at 0 and n, unlike the Wald interval. */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('A proportion needs n ≥ 1')
  if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new RangeError('Successes are a whole number between 0 and n')
  const z = normalQuantile(1 - (1 - level) / 2)
  const p = successes / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  const denom = 1 + z2 / n
  // At 0 of n the lower limit is exactly 0 and at n of n the upper limit exactly 1; the formula's
  // rounding error there (2e-17, 0.9999999999999998) would be shown as "just under 100 %" by a
  // display that never rounds onto 0 or 100 % (features/outcomes/audit-format.ts).
  return {
    lower: successes === 0 ? 0 : Math.max(0, (centre - spread) / denom),
    upper: successes === n ? 1 : Math.min(1, (centre + spread) / denom)
  }
}
