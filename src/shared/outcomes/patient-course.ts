// One operated patient's course, as the outcome summary and the audit both read it: surgery
// date, the events that end follow-up or count for incidence, the last contact, and the
// before/after pairs. Kept apart from cohort.ts (the whole-cohort statistics) because the
// summary stored with every outcome write needs these and must not pull the statistics into
// the app's first screen.
import type { Pair } from '../stats'
import type { CohortPatient } from './cohort'
import { dayNumber, DAYS_PER_YEAR } from './dates'
import type { ScheduledInterval } from './schedule'
import type { EventType, FollowUpVisit, OutcomeEvent } from './types'

export function surgeryDate(p: Pick<CohortPatient, 'operation'>): string {
  return p.operation.stages[0]!.date
}

/** Events that end follow-up: after these no further visits are expected. */
export const ENDING: readonly EventType[] = ['removal', 'death', 'lost-to-follow-up']

/** The earliest event of these types; on one day a removal before a death before a loss to
 *  follow-up (as the stored summary reads them), whatever order they were saved in. */
export function firstOf(events: readonly OutcomeEvent[], types: readonly EventType[]): OutcomeEvent | undefined {
  const rank = (t: EventType) => ENDING.indexOf(t)
  return events.filter((e) => types.includes(e.type)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank(a.type) - rank(b.type)))[0]
}

/**
 * The dates the patient was known to be in follow-up, from the last stage on, in date order: the
 * last stage, the follow-up visits and the events. A loss to follow-up is not a contact (its date
 * is when the loss was declared, after the patient was last seen): counting it moved the censoring
 * and the implant-years later.
 */
export function contactDates(p: Pick<CohortPatient, 'operation' | 'visits' | 'events'>): string[] {
  const from = p.operation.stages[p.operation.stages.length - 1]!.date
  const dates = new Set([from])
  for (const v of p.visits) if (v.kind === 'follow-up' && v.date > from) dates.add(v.date)
  for (const e of p.events) if (e.type !== 'lost-to-follow-up' && e.date > from) dates.add(e.date)
  return [...dates].sort()
}

/** The latest of these dates (in date order) on or before today: a record dated after today has
 *  not happened (a recording error the audit lists). Today when none is (an operation after today). */
export function latestBy(dates: readonly string[], today: string): string {
  for (let i = dates.length - 1; i >= 0; i--) if (dates[i]! <= today) return dates[i]!
  return today
}

/** The last date the patient was known to be in follow-up, never after today (contactDates). */
export function lastContact(p: Pick<CohortPatient, 'operation' | 'visits' | 'events'>, today: string): string {
  return latestBy(contactDates(p), today)
}

/**
 * What ends follow-up: the first removal or death, or a loss to follow-up after which the patient
 * was not seen again (one lost and then seen is followed again; a later loss may end it). On one
 * day a removal before a death before a loss (firstOf).
 */
export function followUpEnding(p: Pick<CohortPatient, 'operation' | 'visits' | 'events'>): OutcomeEvent | undefined {
  const seen = contactDates(p)
  const last = seen[seen.length - 1]!
  return firstOf(eventsFromSurgery(p).filter((e) => e.type !== 'lost-to-follow-up' || last <= e.date), ENDING)
}

/** The events on or after the operation (stage 1): one dated before it is a recording error, not
 *  counted — it would end follow-up or exposure before they began — and listed by the audit. */
export function eventsFromSurgery(p: Pick<CohortPatient, 'operation' | 'events'>): OutcomeEvent[] {
  const start = surgeryDate(p)
  return p.events.filter((e) => e.date >= start)
}

/** What the audit lists as records to correct: the latest date of any record (after today is an
 *  error), and how many events and follow-up visits are dated before the operation. */
export function recordDates(p: Pick<CohortPatient, 'operation' | 'visits' | 'events'>): { latest: string; beforeOperation: number } {
  const start = surgeryDate(p)
  let latest = p.operation.stages[p.operation.stages.length - 1]!.date
  let beforeOperation = 0
  for (const v of p.visits) {
    if (v.date > latest) latest = v.date
    if (v.kind === 'follow-up' && v.date < start) beforeOperation++
  }
  for (const e of p.events) {
    if (e.date > latest) latest = e.date
    if (e.date < start) beforeOperation++
  }
  return { latest, beforeOperation }
}

/** Events that count for incidence per 100 implant-years. */
export const INCIDENCE_TYPES: readonly EventType[] = ['infection', 'fracture', 'loosening', 'revision', 'removal']

export const PAIRED_MEASURES = [
  { key: 'sixMinuteWalkM', label: '6-minute walk', unit: 'm', better: 'higher' },
  { key: 'tugS', label: 'Timed Up and Go', unit: 's', better: 'lower' },
  { key: 'qtfaGlobal', label: 'Q-TFA global score', unit: 'points', better: 'higher' },
  { key: 'qtfaMobility', label: 'Q-TFA mobility score', unit: 'points', better: 'higher' },
  { key: 'qtfaProstheticUse', label: 'Q-TFA prosthetic use score', unit: 'points', better: 'higher' },
  { key: 'qtfaProblem', label: 'Q-TFA problem score', unit: 'points', better: 'lower' },
  { key: 'wearHoursPerWeek', label: 'Prosthesis wear', unit: 'h/week', better: 'higher' },
  { key: 'quickDash', label: 'QuickDASH', unit: 'points', better: 'lower' }
] as const
export type PairedMeasureKey = (typeof PAIRED_MEASURES)[number]['key']

/** One visit's value of a paired measure (wear is hours/day × days/week when both are recorded). */
export function visitMeasure(v: FollowUpVisit, key: PairedMeasureKey): number | undefined {
  switch (key) {
    case 'qtfaGlobal':
      return v.qtfa?.global
    case 'qtfaMobility':
      return v.qtfa?.mobility
    case 'qtfaProstheticUse':
      return v.qtfa?.prostheticUse
    case 'qtfaProblem':
      return v.qtfa?.problem
    case 'wearHoursPerWeek':
      return v.wearHoursPerDay !== undefined && v.wearDaysPerWeek !== undefined ? v.wearHoursPerDay * v.wearDaysPerWeek : undefined
    default:
      return v[key]
  }
}

/** The paired interval: the 12-month visit (± its window) against the baseline. */
export const PAIRED_INTERVAL = { label: '12 months', dueDay: Math.round(DAYS_PER_YEAR), windowDays: 61 } as const

/**
 * One patient's pair per measure (in PAIRED_MEASURES order; null without both values): the last
 * baseline visit on or before surgery that recorded the measure, against the visit in the
 * interval's window nearest its due day that recorded it.
 */
export function patientPairs(p: Pick<CohortPatient, 'operation' | 'visits'>, interval: ScheduledInterval): (Pair | null)[] {
  const surgery = surgeryDate(p)
  const start = dayNumber(surgery)!
  // Ties are broken by date, then id, so the figures never depend on the order records are read in.
  const byDateThenId = (a: FollowUpVisit, b: FollowUpVisit) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const baselines = p.visits.filter((v) => v.kind === 'baseline' && v.date <= surgery).sort((a, b) => byDateThenId(b, a))
  const after = p.visits
    .filter((v) => v.kind === 'follow-up')
    .map((v) => ({ v, off: Math.abs(dayNumber(v.date)! - start - interval.dueDay) }))
    .filter((x) => x.off <= interval.windowDays)
    .sort((a, b) => a.off - b.off || byDateThenId(a.v, b.v))
    .map((x) => x.v)
  return PAIRED_MEASURES.map((m) => {
    const before = baselines.find((v) => visitMeasure(v, m.key) !== undefined)
    const later = before && after.find((v) => visitMeasure(v, m.key) !== undefined)
    return before && later ? { before: visitMeasure(before, m.key)!, after: visitMeasure(later, m.key)! } : null
  })
}
