// The Audit screen's figures for a cohort: follow-up completeness, removal-free survival, event
// incidence per 100 implant-years, paired before/after change and planning accuracy. Pure: the
// renderer loads the rows, this computes; every figure carries its n.
import { compareSizes, incidenceRate, kaplanMeier, numbersAtRisk, pairedChange, summariseAccuracy, type AccuracySummary, type IncidenceRate, type KmCurve, type Pair, type PairedChange, type SizeComparison, type SurvivalObservation } from '../stats'
import { dayNumber, DAYS_PER_YEAR } from './dates'
import { SHIPPED_INTERVALS, scheduleStatus, type IntervalState, type IntervalStatus, type ScheduledInterval } from './schedule'
import type { EventType, FollowUpVisit, OperationRecord, OutcomeEvent } from './types'
import type { OutcomeSummary } from './patient-summary'
import { contactDates, endingOn, endingsOf, INCIDENCE_TYPES, PAIRED_MEASURES, patientPairs, stopOn, surgeryDate, type Endings, type PairedMeasureKey } from './patient-course'
import { outcomeSummary } from './patient-summary'

// The per-patient primitives live in patient-course.ts (the app's start-up code stores outcome
// summaries with them); they are re-exported here for the audit's other users.
export { ENDING, firstOf, INCIDENCE_TYPES, PAIRED_INTERVAL, PAIRED_MEASURES, patientPairs, surgeryDate, visitMeasure, type PairedMeasureKey } from './patient-course'

/** One operated patient (one plan) with everything the audit reads. */
export interface CohortPatient {
  planId: string
  patientCode: string
  level: string
  surgeon: string
  /** Planned size from the approved revision the operation names; null when the plan had none. */
  planned: { systemId: string; diameterMm: number; lengthMm: number } | null
  /** Catalogue sizes of the implanted system (for "within one size"). */
  catalogue: { diametersMm: number[]; lengthsMm: number[] } | null
  /** "X-ray, calibration marker", "CT"… how the plan's sizes were measured. */
  calibration: string
  imagingSource: string
  operation: OperationRecord
  visits: FollowUpVisit[]
  events: OutcomeEvent[]
}

/** An operated patient as the Audit screen reads it: the plan's facts and the first operation,
 *  its visits and events reduced to the stored summary (patient-summary.ts) — never read in full. */
export interface AuditPatient extends Omit<CohortPatient, 'visits' | 'events'> {
  summary: OutcomeSummary
}

/** What the filters, the planning accuracy and the operations export read of a patient. */
export type PatientHead = Omit<CohortPatient, 'visits' | 'events'>

export interface CohortFilter {
  level?: string
  systemId?: string
  stages?: 1 | 2
  year?: number
  surgeon?: string
}


export function matchesFilter(p: PatientHead, f: CohortFilter): boolean {
  if (f.level && p.level !== f.level) return false
  if (f.systemId && p.operation.implant.systemId !== f.systemId) return false
  if (f.stages && p.operation.stages.length !== f.stages) return false
  if (f.year && Number(surgeryDate(p).slice(0, 4)) !== f.year) return false
  if (f.surgeon && p.surgeon !== f.surgeon) return false
  return true
}


// ---------------------------------------------------------------------------------------------
// Follow-up completeness

export interface CompletenessRow {
  label: string
  counts: Record<IntervalStatus, number>
}

export interface PatientDue {
  planId: string
  patientCode: string
  label: string
  dueDate: string
  status: 'due' | 'overdue'
}

export interface Completeness {
  n: number
  rows: CompletenessRow[]
  /** Everyone due or overdue whose follow-up has not ended, earliest due date first. */
  list: PatientDue[]
  /** Patients whose follow-up ended (by today), by what ended it, and those still followed. */
  ended: Record<'removal' | 'death' | 'lost-to-follow-up', number>
  followed: number
}

/** What ended the patient's follow-up by `today` (null: still followed). */
export type FollowUpEnd = 'removal' | 'death' | 'lost-to-follow-up' | null

export function followUpCompleteness(patients: readonly CohortPatient[], today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): Completeness {
  return completenessOf(operatedBy(patients, today), (p) => patientFacts(p, today, intervals), intervals)
}

function completenessOf<P extends AnyPatient>(patients: readonly P[], factsOf: (p: P) => Pick<PatientFacts, 'schedule' | 'ended'>, intervals: readonly ScheduledInterval[]): Completeness {
  const rows = intervals.map((i) => ({ label: i.label, counts: { done: 0, due: 0, overdue: 0, upcoming: 0, 'not-expected': 0 } }))
  const list: PatientDue[] = []
  const ended = { removal: 0, death: 0, 'lost-to-follow-up': 0 }
  for (const p of patients) {
    const f = factsOf(p)
    if (f.ended) ended[f.ended]++
    f.schedule.forEach((s, i) => {
      rows[i]!.counts[s.status]++
      // A visit missed before follow-up ended stays counted as overdue, but is nobody to call.
      if ((s.status === 'due' || s.status === 'overdue') && !f.ended) list.push({ planId: p.planId, patientCode: p.patientCode, label: s.interval.label, dueDate: s.dueDate, status: s.status })
    })
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  list.sort((a, b) => order(a.dueDate, b.dueDate) || order(a.patientCode, b.patientCode))
  // Rows where nothing is done, due, overdue or no longer expected yet (far-future years, all
  // upcoming) say nothing: drop them. A row with patients whose follow-up ended is kept.
  const said = rows.filter((r) => r.counts.done + r.counts.due + r.counts.overdue + r.counts['not-expected'] > 0)
  return { n: patients.length, rows: said, list, ended, followed: patients.length - ended.removal - ended.death - ended['lost-to-follow-up'] }
}

// ---------------------------------------------------------------------------------------------
// Survival free of implant removal

export interface RemovalFreeSurvival {
  curve: KmCurve
  /** Years since surgery at which the numbers at risk are printed, and those numbers. */
  atRiskTimes: number[]
  atRisk: number[]
  /** Deaths and losses are censored at their date, not counted as failures. */
  censoringNote: string
}

/** Survival from the operation to the first removal (the event) on or before today, else censored
 *  at a death or the last contact (records after today have not happened: patient-course.ts stopOn). */
function observationOf(start: string, e: Endings, contacts: readonly string[], today: string): SurvivalObservation {
  const stop = stopOn(e, contacts, today)
  return { time: Math.max(0, dayNumber(stop.date)! - dayNumber(start)!) / DAYS_PER_YEAR, event: stop.removal }
}

export function removalFreeSurvival(patients: readonly CohortPatient[], today: string): RemovalFreeSurvival {
  return survivalOf(operatedBy(patients, today).map((p) => patientFacts(p, today).observation))
}

function survivalOf(observations: readonly SurvivalObservation[]): RemovalFreeSurvival {
  const curve = kaplanMeier(observations)
  const maxYears = Math.ceil(Math.max(1, ...observations.map((o) => o.time)))
  const atRiskTimes = Array.from({ length: Math.min(maxYears, 20) + 1 }, (_, i) => i)
  return {
    curve,
    atRiskTimes,
    atRisk: numbersAtRisk(observations, atRiskTimes),
    censoringNote: 'Patients without a removal are censored at their last contact (last visit, event or operation) or at their death; losses to follow-up are censored at the last contact, not counted as removals.'
  }
}

// ---------------------------------------------------------------------------------------------
// Event incidence per 100 implant-years

/** The grade of the incidence row of infections that were not graded. */
export const UNGRADED = 'not recorded'

export interface IncidenceRow {
  /** Event type, or 'infection' with a grade (on the scale `scaleId`), or ungraded ('none'). */
  type: EventType
  grade?: string
  scaleId?: string
  rate: IncidenceRate
  /** Patients with at least one such event. */
  patients: number
}

export interface Incidence {
  n: number
  implantYears: number
  rows: IncidenceRow[]
}

/** Exposure runs from the first stage to removal, death or last contact, never past today; events
 *  in that span count. */
export interface Exposure {
  days: number
  counted: { type: EventType; grade?: string; scaleId?: string; planId: string }[]
}

/** Implant-days from the operation to the first removal or death on or before today, else to the
 *  last contact (stopOn), and the events counted in that time. */
function exposureOf(planId: string, start: string, e: Endings, contacts: readonly string[], today: string, events: readonly { type: EventType; grade?: string; scaleId?: string; date: string }[]): Exposure {
  const end = stopOn(e, contacts, today).date
  const counted = events.filter((x) => x.date >= start && x.date <= end).map(({ date: _date, ...x }) => ({ ...x, planId }))
  return { days: Math.max(0, dayNumber(end)! - dayNumber(start)!), counted }
}

export function eventIncidence(patients: readonly CohortPatient[], today: string): Incidence {
  return incidenceOf(operatedBy(patients, today).map((p) => patientFacts(p, today).exposure))
}

function incidenceOf(exposures: readonly Exposure[]): Incidence {
  let exposureDays = 0
  const counted: Exposure['counted'] = []
  for (const x of exposures) {
    exposureDays += x.days
    for (const c of x.counted) counted.push(c)
  }
  const implantYears = exposureDays / DAYS_PER_YEAR
  const rowOf = (type: EventType, hits: readonly Exposure['counted'][number][], grade?: { grade: string; scaleId?: string }): IncidenceRow => ({
    type,
    ...(grade ? { grade: grade.grade, ...(grade.scaleId !== undefined ? { scaleId: grade.scaleId } : {}) } : {}),
    rate: incidenceRate(hits.length, implantYears),
    patients: new Set(hits.map((h) => h.planId)).size
  })
  const rows: IncidenceRow[] = []
  for (const type of INCIDENCE_TYPES) {
    const ofType = counted.filter((c) => c.type === type)
    rows.push(rowOf(type, ofType))
    if (type !== 'infection' || ofType.length === 0) continue
    // One row per grade of each scale (a grade means nothing without its scale), and the
    // infections not graded: the grade rows add up to the infections.
    const key = (c: { grade?: string; scaleId?: string }) => (c.grade === undefined ? '' : `${c.scaleId ?? ''}\u0000${c.grade}`)
    const keys = [...new Set(ofType.map(key))].filter((k) => k !== '').sort()
    if (keys.length === 0) continue
    for (const k of keys) {
      const [scaleId, grade] = k.split('\u0000') as [string, string]
      rows.push(rowOf('infection', ofType.filter((c) => key(c) === k), { grade, ...(scaleId !== '' ? { scaleId } : {}) }))
    }
    const ungraded = ofType.filter((c) => c.grade === undefined)
    if (ungraded.length > 0) rows.push(rowOf('infection', ungraded, { grade: UNGRADED }))
  }
  return { n: exposures.length, implantYears, rows }
}

// ---------------------------------------------------------------------------------------------
// Paired before/after change

export interface PairedRow {
  key: PairedMeasureKey
  label: string
  unit: string
  better: 'higher' | 'lower'
  change: PairedChange
}

/**
 * Baseline (the last baseline visit on or before surgery) against the visit that counts for the
 * chosen interval (default 12 months), for patients who have both values; with `today`, only pairs
 * whose later visit is counted on that day (not after today, nor after the removal, death or loss
 * that ended follow-up: stopOn).
 */
export function pairedChanges(patients: readonly CohortPatient[], intervalLabel = '12 months', intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS, today?: string): PairedRow[] {
  const interval = intervals.find((i) => i.label === intervalLabel)
  if (!interval) throw new RangeError(`No follow-up interval "${intervalLabel}"`)
  return pairedOf(
    patients.map((p) => {
      const stop = today === undefined ? null : stopOn(endingsOf(p), contactDates(p), today).date
      return patientPairs(p, interval).map((x) => (x && (stop === null || x.date <= stop) ? x : null))
    })
  )
}

function pairedOf(perPatient: readonly (readonly (Pair | null)[])[]): PairedRow[] {
  return PAIRED_MEASURES.map((m, k) => {
    const pairs: Pair[] = []
    for (const pp of perPatient) if (pp[k]) pairs.push(pp[k]!)
    return { key: m.key, label: m.label, unit: m.unit, better: m.better, change: pairedChange(pairs) }
  })
}

// ---------------------------------------------------------------------------------------------
// Planning accuracy

/** Digital templating in the literature (REFERENCE.md §4 [A1][A2]): the exact size ≈ 27–34 % of
 *  the time, within one size ≈ 60 %. Hip and knee arthroplasty studies, not osseointegration. */
export const LITERATURE_ACCURACY = {
  exact: { low: 0.27, high: 0.34 },
  withinOne: 0.6,
  sources: ['A1', 'A2'],
  note: 'digital templating of hip and knee arthroplasty (mediCAD); no osseointegration figure is published'
} as const

export interface CauseRow {
  /** 'calibration' or 'imaging'. */
  factor: 'calibration' | 'imaging'
  value: string
  n: number
  /** Plans of that kind where diameter or length was not the planned size. */
  off: number
}

export interface PlanningAccuracy {
  /** Patients with a planned and an implanted size. */
  n: number
  diameter: AccuracySummary
  length: AccuracySummary
  causes: CauseRow[]
}

export interface PatientAccuracy {
  d: SizeComparison
  l: SizeComparison
  calibration: string
  imagingSource: string
}

export function patientAccuracy(p: PatientHead): PatientAccuracy | null {
  if (!p.planned) return null
  return {
    d: compareSizes(p.planned.diameterMm, p.operation.implant.diameterMm, p.catalogue?.diametersMm ?? []),
    l: compareSizes(p.planned.lengthMm, p.operation.implant.lengthMm, p.catalogue?.lengthsMm ?? []),
    calibration: p.calibration,
    imagingSource: p.imagingSource
  }
}

export function planningAccuracy(patients: readonly CohortPatient[]): PlanningAccuracy {
  return accuracyOf(patients.map(patientAccuracy))
}

function accuracyOf(perPatient: readonly (PatientAccuracy | null)[]): PlanningAccuracy {
  const diam: SizeComparison[] = []
  const len: SizeComparison[] = []
  const causes = new Map<string, CauseRow>()
  let n = 0
  for (const p of perPatient) {
    if (!p) continue
    n++
    const { d, l } = p
    diam.push(d)
    len.push(l)
    const off = d.agreement !== 'exact' || l.agreement !== 'exact'
    for (const [factor, value] of [['calibration', p.calibration], ['imaging', p.imagingSource]] as const) {
      const key = `${factor}:${value}`
      const row = causes.get(key) ?? { factor, value, n: 0, off: 0 }
      row.n++
      if (off) row.off++
      causes.set(key, row)
    }
  }
  // Plain comparison of the two factor names ('calibration' before 'imaging'): localeCompare's first
  // use starts the browser's collator, which cost the Audit screen's first opening ~100 ms.
  const byFactor = (a: CauseRow, b: CauseRow): number => (a.factor < b.factor ? -1 : a.factor > b.factor ? 1 : 0)
  return { n, diameter: summariseAccuracy(diam), length: summariseAccuracy(len), causes: [...causes.values()].sort((a, b) => byFactor(a, b) || b.n - a.n) }
}

// ---------------------------------------------------------------------------------------------

/** Below this many patients a figure is shown with a "small numbers" warning. */
export const SMALL_N = 10

export function smallNumberNote(n: number): string | null {
  // Counted per operated limb (plan): a patient operated on both sides counts twice.
  if (n === 0) return 'No operated limbs yet.'
  if (n < SMALL_N) return `Only ${n} operated limb${n === 1 ? '' : 's'}: too few for firm conclusions; read the figures as case counts.`
  return null
}

export interface CohortAudit {
  n: number
  completeness: Completeness
  survival: RemovalFreeSurvival
  incidence: Incidence
  paired: PairedRow[]
  accuracy: PlanningAccuracy
  toCorrect: RecordsToCorrect
}

// ---------------------------------------------------------------------------------------------
// Per-patient facts, computed once per patient (for a given day and schedule) and kept while the
// patient's record object lives: a filter change only re-aggregates them. A patient whose record
// changes is a new object (the screen reloads its rows), so its facts are computed afresh.

export interface PatientFacts {
  today: string
  intervals: readonly ScheduledInterval[]
  schedule: IntervalState[]
  /** What ended follow-up by today (null: still followed). */
  ended: FollowUpEnd
  observation: SurvivalObservation
  exposure: Exposure
  pairs: (Pair | null)[]
  accuracy: PatientAccuracy | null
  /** Recording errors to correct: a record dated after today; records dated before the operation. */
  problems: { afterToday: boolean; beforeOperation: number; afterDeath: number }
}

const factsCache = new WeakMap<CohortPatient | AuditPatient, PatientFacts>()

/** A patient read with its records, or with their stored summary (the Audit screen's). */
type AnyPatient = CohortPatient | AuditPatient

function patientFacts(p: AnyPatient, today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): PatientFacts {
  const cached = factsCache.get(p)
  if (cached && cached.today === today && cached.intervals === intervals) return cached
  const facts = 'summary' in p ? summaryFacts(p.summary, patientAccuracy(p), today, intervals) : computePatientFacts(p, today, intervals)
  factsCache.set(p, facts)
  return facts
}

/** One patient's facts from all its visits and events: its summary as a write stores it, read on
 *  `today` (the Audit screen reads the stored one: summaryFacts; tests check the two agree). */
export function computePatientFacts(p: CohortPatient, today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): PatientFacts {
  return factsOn(outcomeSummary(p), patientAccuracy(p), today, intervals)
}

/** The patient's facts on `today` from its summary (equal to computePatientFacts on the records it
 *  summarises, tests/unit/outcomes/patient-summary.test.ts); accuracy comes from the plan and catalogue. */
export function summaryFacts(s: OutcomeSummary, accuracy: PatientAccuracy | null, today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): PatientFacts {
  return factsOn(s, accuracy, today, intervals)
}

/** The facts on `today` of a patient's dates (a stored summary, or the same computed from records). */
function factsOn(s: OutcomeSummary, accuracy: PatientAccuracy | null, today: string, intervals: readonly ScheduledInterval[]): PatientFacts {
  const endings: Endings = { removal: s.removal, death: s.death, losses: s.losses }
  const ending = endingOn(endings, s.contactDates, today)
  const stop = stopOn(endings, s.contactDates, today).date
  // A visit after the removal or death that ended follow-up is not a visit done (a recording error
  // after a death, listed), nor is a pair whose later visit comes after where follow-up stops.
  const visits = ending && ending.type !== 'lost-to-follow-up' ? s.followUpDates.filter((d) => d <= ending.date) : s.followUpDates
  return {
    today,
    intervals,
    schedule: scheduleStatus(s.surgeryDate, visits, today, ending?.date ?? null, intervals),
    ended: ending?.type ?? null,
    observation: observationOf(s.surgeryDate, endings, s.contactDates, today),
    exposure: exposureOf(s.planId, s.surgeryDate, endings, s.contactDates, today, s.incidenceEvents),
    pairs: s.pairs.map((x) => (x && x.date <= stop ? { before: x.before, after: x.after } : null)),
    accuracy,
    problems: { afterToday: s.latestDate > today, beforeOperation: s.beforeOperation, afterDeath: s.afterDeath }
  }
}

/**
 * Every figure of the Audit screen for the patients matching `filter`. `intervals` is the site's
 * follow-up schedule (default: the shipped one); pass the same array object each time so the
 * per-patient facts are reused.
 */
export function auditCohort(all: readonly AnyPatient[], filter: CohortFilter, today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): CohortAudit {
  return { ...auditHead(all, filter, today, intervals), ...auditRest(all, filter, today, intervals) }
}

/** The figures at the top of the Audit screen: the count, follow-up completeness and survival
 *  (the screen shows them first and computes the rest, auditRest, just after). */
export type CohortAuditHead = Pick<CohortAudit, 'n' | 'completeness' | 'survival' | 'toCorrect'>
export type CohortAuditRest = Omit<CohortAudit, keyof CohortAuditHead>

/** Patients (codes) with recording errors the figures leave out: dated after today, or before the operation. */
export interface RecordsToCorrect {
  afterToday: string[]
  beforeOperation: string[]
  afterDeath: string[]
}

export function recordsToCorrect(patients: readonly CohortPatient[], today: string): RecordsToCorrect {
  return toCorrectOf(patients, (p) => computePatientFacts(p, today))
}

function toCorrectOf<P extends AnyPatient>(patients: readonly P[], factsOf: (p: P) => PatientFacts): RecordsToCorrect {
  const codes = (pick: (f: PatientFacts) => boolean) => [...new Set(patients.filter((p) => pick(factsOf(p))).map((p) => p.patientCode))].sort()
  return { afterToday: codes((f) => f.problems.afterToday), beforeOperation: codes((f) => f.problems.beforeOperation > 0), afterDeath: codes((f) => f.problems.afterDeath > 0) }
}

export function auditHead(all: readonly AnyPatient[], filter: CohortFilter, today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): CohortAuditHead {
  const patients = all.filter((p) => matchesFilter(p, filter))
  const counted = operatedBy(patients, today)
  return {
    n: counted.length,
    completeness: completenessOf(counted, (p) => patientFacts(p, today, intervals), intervals),
    survival: survivalOf(counted.map((p) => patientFacts(p, today, intervals).observation)),
    toCorrect: toCorrectOf(patients, (p) => patientFacts(p, today, intervals))
  }
}

/** The patients operated on or before today: an operation dated after today is a recording error
 *  (listed under Records to correct), not counted in any figure. */
function operatedBy<P extends PatientHead>(patients: readonly P[], today: string): P[] {
  return patients.filter((p) => surgeryDate(p) <= today)
}

export function auditRest(all: readonly AnyPatient[], filter: CohortFilter, today: string, intervals: readonly ScheduledInterval[] = SHIPPED_INTERVALS): CohortAuditRest {
  const facts = operatedBy(all.filter((p) => matchesFilter(p, filter)), today).map((p) => patientFacts(p, today, intervals))
  return {
    incidence: incidenceOf(facts.map((f) => f.exposure)),
    paired: pairedOf(facts.map((f) => f.pairs)),
    accuracy: accuracyOf(facts.map((f) => f.accuracy))
  }
}
