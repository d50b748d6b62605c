// Exact (Garwood 1936) confidence intervals for a Poisson count and incidence rates per person-time.
// Lower limit: χ²(α/2; 2x)/2, upper: χ²(1−α/2; 2x+2)/2, computed as Gamma(x, 1) and Gamma(x+1, 1)
// quantiles (χ²(p; 2k)/2 = Gamma quantile with shape k). Checked against Ulm (1990) in the tests.
import { gammaPInverse } from './gamma'

export interface Interval {
  lower: number
  upper: number
}

function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError('The confidence level must be between 0 and 1')
}

/** The exact two-sided interval for the mean of a Poisson variable observed as `count`. */
export function poissonExactInterval(count: number, level = 0.95): Interval {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('A count is a whole number ≥ 0')
  assertLevel(level)
  const alpha = 1 - level
  return {
    lower: count === 0 ? 0 : gammaPInverse(alpha / 2, count),
    upper: gammaPInverse(1 - alpha / 2, count + 1)
  }
}

export interface IncidenceRate {
  events: number
  /** Person-time at risk in the unit of `per` (e.g. implant-years). */
  exposure: number
  /** Events per `per` units of exposure, e.g. per 100 implant-years; null when there is no exposure. */
  rate: number | null
  lower: number | null
  upper: number | null
  per: number
  level: number
}

/** Events per `per` units of exposure with the exact Poisson interval scaled to the same unit. */
export function incidenceRate(events: number, exposure: number, per = 100, level = 0.95): IncidenceRate {
  if (!(exposure >= 0) || !Number.isFinite(exposure)) throw new RangeError('Exposure is a finite amount ≥ 0')
  if (!(per > 0)) throw new RangeError('The rate unit must be positive')
  const interval = poissonExactInterval(events, level)
  if (exposure === 0) return { events, exposure, rate: null, lower: null, upper: null, per, level }
  const scale = per / exposure
  return { events, exposure, rate: events * scale, lower: interval.lower * scale, upper: interval.upper * scale, per, level }
}
