// Follow-up schedule: when visits are due after surgery, and which visit counts for which
// interval. A site default, not a published rule: IPG270/IPG795 ask that every patient's outcomes
// be audited but set no intervals; 6 weeks, 3, 6 and 12 months then yearly is the usual rhythm of
// osseointegration cohorts (e.g. Van de Meent 2013 [S58] measured at 6 and 12 months).
import { siteDefault } from '../profile/param'
import type { ParamValue } from '../result'
import { dayNumber, dateOfDay, DAYS_PER_YEAR } from './dates'

export interface ScheduledInterval {
  /** "6 weeks", "3 months", "year 2"… */
  label: string
  /** Days after the (first) operation at which the visit is due. */
  dueDay: number
  /** A visit this many days before or after the due day counts for the interval. */
  windowDays: number
}

const MONTH = DAYS_PER_YEAR / 12

/** The default intervals as a site parameter (value: the first year's intervals in days; yearly
 *  visits follow, each with a ±3 month window). */
export const FOLLOW_UP_SCHEDULE: ParamValue<string> = siteDefault(
  'outcomes.followUpSchedule',
  '6 weeks, 3 months, 6 months, 12 months, then yearly',
  '',
  'Follow-up visits after surgery',
  { basedOn: ['S58', 'N1'], note: 'site default; NICE asks for complete audit of every patient but sets no intervals — confirm for your site' }
)

/** The shipped schedule's intervals up to `years` years after surgery. */
export function defaultIntervals(years = 10): ScheduledInterval[] {
  const out: ScheduledInterval[] = [
    { label: '6 weeks', dueDay: 42, windowDays: 14 },
    { label: '3 months', dueDay: Math.round(3 * MONTH), windowDays: 28 },
    { label: '6 months', dueDay: Math.round(6 * MONTH), windowDays: 42 },
    { label: '12 months', dueDay: Math.round(12 * MONTH), windowDays: 61 }
  ]
  for (let y = 2; y <= years; y++) out.push({ label: `year ${y}`, dueDay: Math.round(y * DAYS_PER_YEAR), windowDays: 91 })
  return out
}

/** The shipped schedule for ten years, one frozen array (so per-patient results computed with it can be reused). */
export const SHIPPED_INTERVALS: readonly ScheduledInterval[] = Object.freeze(defaultIntervals().map((i) => Object.freeze(i)))

export type IntervalStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'not-expected'

export interface IntervalState {
  interval: ScheduledInterval
  dueDate: string
  status: IntervalStatus
  /** The visit that counts for it, when done. */
  visitDate?: string
}

/**
 * Where each interval of one patient stands on `today`. A visit counts for an interval when it
 * falls in its window (each visit counts once, for the nearest due day) and is not after today.
 * Intervals after the patient left follow-up (removal, death, lost) are not expected.
 */
export function scheduleStatus(
  surgeryDate: string,
  visitDates: readonly string[],
  today: string,
  endOfFollowUp: string | null,
  intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS
): IntervalState[] {
  const surgery = dayNumber(surgeryDate)
  const now = dayNumber(today)
  if (surgery === null || now === null) throw new RangeError('scheduleStatus needs calendar dates')
  const end = endOfFollowUp === null ? null : dayNumber(endOfFollowUp)
  // Days after surgery of the visits after it (one loop, no intermediate arrays: this runs for
  // every patient of the Audit screen).
  const visits: number[] = []
  // A visit dated after today has not happened (a recording error the audit lists): not done.
  for (const date of visitDates) {
    const d = dayNumber(date)
    if (d !== null && d > surgery && d <= now) visits.push(d - surgery)
  }
  // In date order, so a tie goes to the earlier visit whatever order the records were read in.
  if (visits.length > 1) visits.sort((a, b) => a - b)
  const used: boolean[] = visits.map(() => false)
  return intervals.map((interval) => {
    const dueDate = dateOfDay(surgery + interval.dueDay)
    // The unused visit nearest the due day inside the window (earlier one on a tie).
    let best = -1
    for (let i = 0; i < visits.length; i++) {
      const off = Math.abs(visits[i]! - interval.dueDay)
      if (used[i] || off > interval.windowDays) continue
      if (best < 0 || off < Math.abs(visits[best]! - interval.dueDay)) best = i
    }
    if (best >= 0) {
      used[best] = true
      return { interval, dueDate, status: 'done', visitDate: dateOfDay(surgery + visits[best]!) }
    }
    const opens = surgery + interval.dueDay - interval.windowDays
    const closes = surgery + interval.dueDay + interval.windowDays
    if (end !== null && end < closes) return { interval, dueDate, status: 'not-expected' }
    if (now < opens) return { interval, dueDate, status: 'upcoming' }
    if (now <= closes) return { interval, dueDate, status: 'due' }
    return { interval, dueDate, status: 'overdue' }
  })
}
