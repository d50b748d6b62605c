// Planning accuracy: how far the implanted size was from the planned one, counted in catalogue
// sizes, as templating studies report it (exact, within one size, further).
import { wilsonInterval } from './descriptive'
import type { Interval } from './poisson'

export type SizeAgreement = 'exact' | 'one-size' | 'further' | 'off-catalogue'

export interface SizeComparison {
  agreement: SizeAgreement
  /** Catalogue steps between the two sizes (0 = same size); null when either is not in the catalogue. */
  steps: number | null
  /** implanted − planned, in the size's unit (mm). */
  difference: number
}

/** Sizes equal within 1 µm count as one size, so 16 and 16.0000001 from a unit conversion agree. */
const SAME = 1e-3

function indexOf(sizes: readonly number[], value: number): number {
  return sizes.findIndex((s) => Math.abs(s - value) < SAME)
}

/** Compares a planned and an implanted size against the catalogue's list of sizes. */
export function compareSizes(planned: number, implanted: number, catalogueSizes: readonly number[]): SizeComparison {
  const difference = implanted - planned
  if (Math.abs(difference) < SAME) return { agreement: 'exact', steps: 0, difference: 0 }
  const sizes = [...new Set(catalogueSizes)].sort((a, b) => a - b)
  const p = indexOf(sizes, planned)
  const q = indexOf(sizes, implanted)
  if (p < 0 || q < 0) return { agreement: 'off-catalogue', steps: null, difference }
  const steps = Math.abs(q - p)
  return { agreement: steps === 1 ? 'one-size' : 'further', steps, difference }
}

export interface ShareWithInterval {
  count: number
  n: number
  /** count / n; null for n = 0. */
  share: number | null
  interval: Interval | null
}

export function share(count: number, n: number, level = 0.95): ShareWithInterval {
  if (n === 0) return { count, n, share: null, interval: null }
  return { count, n, share: count / n, interval: wilsonInterval(count, n, level) }
}

export interface AccuracySummary {
  n: number
  exact: ShareWithInterval
  /** Exactly one catalogue size away. */
  oneSize: ShareWithInterval
  /** Exact or one size: the figure the literature quotes as "±1 size". */
  withinOne: ShareWithInterval
  further: ShareWithInterval
  /** Either size not in the catalogue (custom or a catalogue changed since): counted, not classified. */
  offCatalogue: number
}

export function summariseAccuracy(comparisons: readonly SizeComparison[]): AccuracySummary {
  const classified = comparisons.filter((c) => c.agreement !== 'off-catalogue')
  const n = classified.length
  const count = (kind: SizeAgreement): number => classified.filter((c) => c.agreement === kind).length
  const exact = count('exact')
  const oneSize = count('one-size')
  return {
    n,
    exact: share(exact, n),
    oneSize: share(oneSize, n),
    withinOne: share(exact + oneSize, n),
    further: share(count('further'), n),
    offCatalogue: comparisons.length - n
  }
}
