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
 * The dates the patient was known to be in follow-up, from the operation on, in date order: the
 * stages, the follow-up visits and the events. A loss to follow-up is not a contact (its date is
 * when the loss was declared, after the patient was last seen: counting it moved the censoring and
 * the implant-years later), nor is a death (it may be learnt of long after the last visit: a death
 * after a loss does not undo the loss).
 */
export function contactDates(p: Pick<CohortPatient, 'operation' | 'visits' | 'events'>): string[] {
  const from = surgeryDate(p)
  const dates = new Set(p.operation.stages.map((s) => s.date))
  for (const v of p.visits) if (v.kind === 'follow-up' && v.date > from) dates.add(v.date)
  for (const e of p.events) if (e.type !== 'lost-to-follow-up' && e.type !== 'death' && e.date > from) dates.add(e.date)
  return [...dates].sort()
}

/** The latest of these dates (in date order) on or before today, or null: a record dated after
 *  today has not happened (a recording error the audit lists). */
function latestOnOrBefore(dates: readonly string[], today: string): string | null {
  for (let i = dates.length - 1; i >= 0; i--) if (dates[i]! <= today) return dates[i]!
  return null
}


/** What may end follow-up or exposure, as recorded (events on or after the operation): the first
 *  removal, the first death, and the losses to follow-up in date order. */
export interface Endings {
  removal: string | null
  death: string | null
  losses: string[]
}

export function endingsOf(p: Pick<CohortPatient, 'operation' | 'events'>): Endings {
  const events = eventsFromSurgery(p)
  return {
    removal: firstOf(events, ['removal'])?.date ?? null,
    death: firstOf(events, ['death'])?.date ?? null,
    losses: events.filter((e) => e.type === 'lost-to-follow-up').map((e) => e.date).sort()
  }
}

/**
 * What ended follow-up by `today` (undefined: still followed): the first removal or death on or
 * before today, or a loss to follow-up on or before today after which the patient was not seen by
 * today (one lost and then seen is followed again; a later loss may end it). Records after today
 * have not happened. On one day a removal before a death before a loss.
 */
export function endingOn(e: Endings, contacts: readonly string[], today: string): { type: 'removal' | 'death' | 'lost-to-follow-up'; date: string } | undefined {
  const seen = latestOnOrBefore(contacts, today)
  const loss = e.losses.find((l) => l <= today && (seen === null || seen <= l))
  const candidates = [
    ...(e.removal !== null && e.removal <= today ? [{ type: 'removal' as const, date: e.removal }] : []),
    ...(e.death !== null && e.death <= today ? [{ type: 'death' as const, date: e.death }] : []),
    ...(loss !== undefined ? [{ type: 'lost-to-follow-up' as const, date: loss }] : [])
  ]
  return candidates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ENDING.indexOf(a.type) - ENDING.indexOf(b.type)))[0]
}

/** Where follow-up and exposure stop on `today` (endingOn): at a removal (the survival event) or a
 *  death that ended it (nothing recorded after counts); at the last contact before a loss that ended
 *  it; else at the last contact on or before today. */
export function stopOn(e: Endings, contacts: readonly string[], today: string): { date: string; removal: boolean } {
  const end = endingOn(e, contacts, today)
  if (end?.type === 'removal') return { date: end.date, removal: true }
  if (end?.type === 'death') return { date: end.date, removal: false }
  const until = end?.date ?? today
  // Today when no contact is on or before it (an operation dated after today: not counted).
  return { date: latestOnOrBefore(contacts, until) ?? until, removal: false }
}

/** The events on or after the operation (stage 1): one dated before it is a recording error, not
 *  counted — it would end follow-up or exposure before they began — and listed by the audit. */
export function eventsFromSurgery(p: Pick<CohortPatient, 'operation' | 'events'>): OutcomeEvent[] {
  const start = surgeryDate(p)
  return p.events.filter((e) => e.date >= start)
}

/** What the audit lists as records to correct: the latest date of any record (after today is an
 *  error), how many events and follow-up visits are dated before the operation, and how many after
 *  the patient's death (neither is counted). */
export function recordDates(p: Pick<CohortPatient, 'operation' | 'visits' | 'events'>): { latest: string; beforeOperation: number; afterDeath: number } {
  const start = surgeryDate(p)
  const death = firstOf(eventsFromSurgery(p), ['death'])?.date ?? null
  let latest = p.operation.stages[p.operation.stages.length - 1]!.date
  let beforeOperation = 0
  let afterDeath = 0
  for (const v of p.visits) {
    if (v.date > latest) latest = v.date
    if (v.kind === 'follow-up' && v.date < start) beforeOperation++
    if (v.kind === 'follow-up' && death !== null && v.date > death) afterDeath++
  }
  for (const e of p.events) {
    if (e.date > latest) latest = e.date
    if (e.date < start) beforeOperation++
    if (death !== null && e.date > death) afterDeath++
  }
  return { latest, beforeOperation, afterDeath }
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

/** A before/after pair with the date of the visit after (counted only when that visit is counted). */
export type DatedPair = Pair & { date: string }

/** The paired interval: the 12-month visit (± its window) against the baseline. */
export const PAIRED_INTERVAL = { label: '12 months', dueDay: Math.round(DAYS_PER_YEAR), windowDays: 61 } as const

/**
 * One patient's pair per measure (in PAIRED_MEASURES order; null without both values): the last
 * baseline visit on or before surgery that recorded the measure, against the visit in the
 * interval's window nearest its due day that recorded it.
 */
export function patientPairs(p: Pick<CohortPatient, 'operation' | 'visits'>, interval: ScheduledInterval): (DatedPair | null)[] {
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
    return before && later ? { before: visitMeasure(before, m.key)!, after: visitMeasure(later, m.key)!, date: later.date } : null
  })
}
