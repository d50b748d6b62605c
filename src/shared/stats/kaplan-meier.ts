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

/** Subjects still under observation at each time (time ≥ t counts as at risk at t), for the
 *  numbers printed under a survival chart. */
export function numbersAtRisk(observations: readonly SurvivalObservation[], times: readonly number[]): number[] {
  return times.map((t) => observations.filter((o) => o.time >= t).length)
}

/** The smallest time at which Ŝ(t) ≤ 0.5; null when the curve never gets there. */
export function medianSurvival(curve: KmCurve): number | null {
  for (const step of curve.steps) if (step.survival <= 0.5) return step.time
  return null
}
