// One operated patient's outcome records reduced to what the Audit screen computes its figures
// from: the follow-up dates, the dates that end follow-up or exposure, the events that count for
// incidence and the before/after pairs. It does not depend on the day it is read, so it changes
// only when the patient's records change — small enough to be stored beside them and read instead
// of every visit. summaryFacts (cohort.ts; not re-exported here, so storing a summary does not load the cohort statistics) must give exactly computePatientFacts (tests/unit/outcomes/patient-summary.test.ts).
import type { CohortPatient } from './cohort'
import { contactDates, endingsOf, type DatedPair, eventsFromSurgery, INCIDENCE_TYPES, PAIRED_INTERVAL, patientPairs, recordDates, surgeryDate } from './patient-course'
import type { EventType, OutcomeEvent } from './types'

export interface OutcomeSummary {
  planId: string
  /** The operation the patient's follow-up runs from (the plan's earliest). */
  operationId: string
  surgeryDate: string
  /** Follow-up visit dates, in date order. */
  followUpDates: string[]
  /** The dates the patient was known to be in follow-up, from the operation on, in date order
   *  (the last contact on a day is the latest of them on or before it: one after today is a
   *  recording error). Since schema v16; before, only the latest was kept. */
  contactDates: string[]
  /** Losses to follow-up, in date order: one ends follow-up on a day when the patient was not seen
   *  after it by that day (patient-course.ts endingOn). Since schema v16. */
  losses: string[]
  /** First removal (the survival event). */
  removal: string | null
  /** First death. Since schema v16 (the first removal or death before). */
  death: string | null
  /** Events of a counted type on or after surgery, in record order (an infection's grade with the
   *  scale it was graded on). */
  incidenceEvents: { type: EventType; grade?: string; scaleId?: string; date: string }[]
  /** Baseline against 12-month value per paired measure (PAIRED_MEASURES order). */
  pairs: (DatedPair | null)[]
  /** The latest date of any record (one after today is a recording error the audit lists). */
  latestDate: string
  /** Events and follow-up visits dated before the operation (recording errors, not counted). */
  beforeOperation: number
  /** Follow-up visits and events dated after the death (recording errors, not counted). Since schema v16. */
  afterDeath: number
}

export function outcomeSummary(p: Pick<CohortPatient, 'planId' | 'operation' | 'visits' | 'events'>): OutcomeSummary {
  const events = eventsFromSurgery(p)
  const dates = recordDates(p)
  return {
    planId: p.planId,
    operationId: p.operation.id,
    surgeryDate: surgeryDate(p),
    followUpDates: p.visits.filter((v) => v.kind === 'follow-up').map((v) => v.date).sort(),
    contactDates: contactDates(p),
    ...endingsOf(p),
    incidenceEvents: events.filter((e) => INCIDENCE_TYPES.includes(e.type)).map(incidenceEvent),
    pairs: patientPairs(p, PAIRED_INTERVAL),
    latestDate: dates.latest,
    beforeOperation: dates.beforeOperation,
    afterDeath: dates.afterDeath
  }
}

/** An event as incidence counts it: an infection's grade goes with the scale it was graded on. */
export function incidenceEvent(e: OutcomeEvent): OutcomeSummary['incidenceEvents'][number] {
  return { type: e.type, ...(e.infectionGrade !== undefined ? { grade: e.infectionGrade, ...(e.infectionScaleId !== undefined ? { scaleId: e.infectionScaleId } : {}) } : {}), date: e.date }
}
