// Kaplan–Meier survival with Greenwood's variance and the log-log ("log(−log S)", Kalbfleisch &
// Prentice) confidence interval, which stays inside 0–1. Ties: events at a time are counted
// before censorings at the same time (the usual convention; R's survfit does the same).
import { normalQuantile } from './gamma'

export interface SurvivalObservation {
  /** Time from the start (e.g. years since implantation), ≥ 0. */
  time: number
  /** true: the event happened at `time`; false: censored (last known event-free) at `time`. */
  event: boolean
}

export interface KmStep {
  time: number
  /** Subjects still under observation just before `time`. */
  atRisk: number
  events: number
  censored: number
  /** Ŝ(t) just after `time`. */
  survival: number
  /** Greenwood standard error of Ŝ(t); null where undefined (Ŝ = 0). */
  stdError: number | null
  /** Log-log interval; null where undefined (Ŝ = 0). At Ŝ = 1 both limits are 1. */
  lower: number | null
  upper: number | null
}

export interface KmCurve {
  n: number
  events: number
  level: number
  /** One step per distinct time with an event or a censoring, in time order. */
  steps: KmStep[]
}

export function kaplanMeier(observations: readonly SurvivalObservation[], level = 0.95): KmCurve {
  if (!(level > 0 && level < 1)) throw new RangeError('The confidence level must be between 0 and 1')
  for (const o of observations) if (!(o.time >= 0) || !Number.isFinite(o.time)) throw new RangeError('Survival times are finite and ≥ 0')
  const z = normalQuantile(1 - (1 - level) / 2)
  const sorted = [...observations].sort((a, b) => a.time - b.time)
  const steps: KmStep[] = []
  let atRisk = sorted.length
  let survival = 1
  let greenwood = 0
  let totalEvents = 0
  let i = 0
  while (i < sorted.length) {
    const time = sorted[i]!.time
    let events = 0
    let censored = 0
    while (i < sorted.length && sorted[i]!.time === time) {
      if (sorted[i]!.event) events++
      else censored++
      i++
    }
    if (events > 0) {
      survival *= 1 - events / atRisk
      greenwood = events < atRisk ? greenwood + events / (atRisk * (atRisk - events)) : Infinity
    }
    totalEvents += events
    steps.push({ time, atRisk, events, censored, survival, ...interval(survival, greenwood, z) })
    atRisk -= events + censored
  }
  return { n: sorted.length, events: totalEvents, level, steps }
}

function interval(survival: number, greenwood: number, z: number): Pick<KmStep, 'stdError' | 'lower' | 'upper'> {
  if (survival === 0 || !Number.isFinite(greenwood)) return { stdError: null, lower: null, upper: null }
  const stdError = survival * Math.sqrt(greenwood)
  if (survival === 1) return { stdError, lower: 1, upper: 1 }
  const logS = Math.log(survival)
  const sigma = Math.sqrt(greenwood) / Math.abs(logS)
  return { stdError, lower: survival ** Math.exp(z * sigma), upper: survival ** Math.exp(-z * sigma) }
}

/** Ŝ(t) as a right-continuous step function: 1 before the first event. */
export function survivalAt(curve: KmCurve, time: number): number {
  let s = 1
  for (const step of curve.steps) {
    if (step.time > time) break
    s = step.survival
  }
  return s
}

/** One day in years of 365.25 days: the resolution of the audit's survival times, which are whole
 *  days since surgery divided by 365.25. */
export const DAY_IN_YEARS = 1 / 365.25

/**
 * Subjects still under observation at each time, for the numbers printed under a survival chart:
 * an observation counts at t when its time is t or later, compared at the `resolution` the times
 * were recorded in (default one day, for times in years as the audit computes them; 0: exactly).
 *
 * Why: the times are whole days / 365.25, so a patient seen exactly 365 days after surgery — the
 * follow-up schedule's 12-month due day — is 0.9993 y, and compared exactly would not be at risk at
 * 1 year although seen on the anniversary. At whole-day resolution an observation counts at t when
 * its day is at least t × 365.25 less half a day: year 1 from day 365 (364.75), year 2 from day
 * 730, year 3 from day 1096 (1095.25; the schedule's due day), year 4 from day 1461. Display only:
 * the estimate (kaplanMeier) and its own numbers at risk compare the times exactly.
 */
export function numbersAtRisk(observations: readonly SurvivalObservation[], times: readonly number[], resolution = DAY_IN_YEARS): number[] {
  if (!(resolution > 0)) return times.map((t) => observations.filter((o) => o.time >= t).length)
  // Each time as the whole number of `resolution` steps it was computed from, against the mark in
  // steps less half a step (exact in floating point for whole years and days: 730.5 − 0.5 = 730).
  const steps = observations.map((o) => Math.round(o.time / resolution))
  return times.map((t) => {
    const from = t / resolution - 0.5
    return steps.filter((s) => s >= from).length
  })
}

/** The smallest time at which Ŝ(t) ≤ 0.5; null when the curve never gets there. */
export function medianSurvival(curve: KmCurve): number | null {
  for (const step of curve.steps) if (step.survival <= 0.5) return step.time
  return null
}
