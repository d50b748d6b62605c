// One operated patient's outcome records reduced to what the Audit screen computes its figures
// from: the follow-up dates, the dates that end follow-up or exposure, the events that count for
// incidence and the before/after pairs. It does not depend on the day it is read, so it changes
// only when the patient's records change — small enough to be stored beside them and read instead
// of every visit. summaryFacts (cohort.ts) must give exactly computePatientFacts (tests/unit/outcomes/patient-summary.test.ts).
import type { Pair } from '../stats'
import { ENDING, firstOf, INCIDENCE_TYPES, lastContact, PAIRED_INTERVAL, patientPairs, surgeryDate, type CohortPatient } from './cohort'
import type { EventType } from './types'

export interface OutcomeSummary {
  planId: string
  /** The operation the patient's follow-up runs from (the plan's earliest). */
  operationId: string
  surgeryDate: string
  /** Follow-up visit dates, in date order. */
  followUpDates: string[]
  /** Latest of the last stage, the follow-up visits and the events (last contact before it is capped at today). */
  latestRecord: string
  /** First removal, death or loss to follow-up: no visit is expected after it. */
  followUpEnds: string | null
  /** First removal (the survival event). */
  removal: string | null
  /** First removal or death: implant-years stop there. */
  exposureEnds: string | null
  /** Events of a counted type on or after surgery, in record order. */
  incidenceEvents: { type: EventType; grade?: string; date: string }[]
  /** Baseline against 12-month value per paired measure (PAIRED_MEASURES order). */
  pairs: (Pair | null)[]
}

/** Dates are ISO calendar days; this is after every one of them. */
const NO_CAP = '9999-12-31'

export function outcomeSummary(p: Pick<CohortPatient, 'planId' | 'operation' | 'visits' | 'events'>): OutcomeSummary {
  const start = surgeryDate(p)
  return {
    planId: p.planId,
    operationId: p.operation.id,
    surgeryDate: start,
    followUpDates: p.visits.filter((v) => v.kind === 'follow-up').map((v) => v.date).sort(),
    latestRecord: lastContact(p, NO_CAP),
    followUpEnds: firstOf(p.events, ENDING)?.date ?? null,
    removal: firstOf(p.events, ['removal'])?.date ?? null,
    exposureEnds: firstOf(p.events, ['removal', 'death'])?.date ?? null,
    incidenceEvents: p.events.filter((e) => e.date >= start && INCIDENCE_TYPES.includes(e.type)).map((e) => ({ type: e.type, ...(e.infectionGrade !== undefined ? { grade: e.infectionGrade } : {}), date: e.date })),
    pairs: patientPairs(p, PAIRED_INTERVAL)
  }
}

export { summaryFacts } from './cohort'
