// After surgery: what was done (operation record), how the patient does (follow-up visits) and
// what happened (events). Each record belongs to a plan; the operation also names the approved
// revision it carried out, so the plan stays immutable and "planned vs implanted" is exact.

/** Calendar date "YYYY-MM-DD". */
export type CalendarDate = string

export interface StageRecord {
  /** 1 or 2 (two-stage procedures), in order. */
  stage: 1 | 2
  date: CalendarDate
  surgeon?: string
}

export interface ImplantedDevice {
  /** Catalogue system id, e.g. 'opra-femur'. */
  systemId: string
  diameterMm: number
  lengthMm: number
  lot?: string
  serial?: string
}

export interface CanalPreparation {
  /** Diameter of the last reamer or drill used, mm. */
  finalReamerMm?: number
  /** Free text: reaming technique, broaching, bone graft… */
  note?: string
}

export interface IntraOpChange {
  /** What differed from the plan, e.g. "one size smaller diameter". */
  change: string
  reason: string
}

export interface OperationRecord {
  id: string
  planId: string
  /** The approved revision this operation carried out. */
  revisionId: string
  stages: StageRecord[]
  implant: ImplantedDevice
  canal?: CanalPreparation
  changes: IntraOpChange[]
  /** Complications on the table, free text each. */
  complications: string[]
  notes?: string
  createdAt: number
  updatedAt: number
}

export const K_LEVELS = ['K0', 'K1', 'K2', 'K3', 'K4'] as const
export type KLevel = (typeof K_LEVELS)[number]

export const VISIT_KINDS = ['baseline', 'follow-up'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]

/** Questionnaire for persons with a Transfemoral Amputation (Hagberg 2004), each score 0–100. */
export interface QtfaScores {
  /** Prosthetic use score (higher = more use). */
  prostheticUse?: number
  /** Prosthetic mobility score (higher = better). */
  mobility?: number
  /** Problem score (higher = more problems). */
  problem?: number
  /** Global score (higher = better). */
  global?: number
}

export interface FollowUpVisit {
  id: string
  planId: string
  /** 'baseline': before surgery (for before/after change); 'follow-up': after. */
  kind: VisitKind
  date: CalendarDate
  /** Prosthesis wear, hours per day (0–24). */
  wearHoursPerDay?: number
  /** Prosthesis wear, days per week (0–7). */
  wearDaysPerWeek?: number
  kLevel?: KLevel
  /** Six-minute walk distance, m. */
  sixMinuteWalkM?: number
  /** Timed Up and Go, s. */
  tugS?: number
  /** Lower limb levels. */
  qtfa?: QtfaScores
  /** Upper limb levels: QuickDASH disability score 0–100 (higher = more disability). */
  quickDash?: number
  /** Pain, numeric rating scale 0–10. */
  pain?: number
  /** Falls since the last visit. */
  falls?: number
  notes?: string
  createdAt: number
  updatedAt: number
}

export const EVENT_TYPES = ['infection', 'fracture', 'loosening', 'revision', 'removal', 'death', 'lost-to-follow-up'] as const
export type EventType = (typeof EVENT_TYPES)[number]

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  infection: 'Infection',
  fracture: 'Periprosthetic fracture',
  loosening: 'Loosening',
  revision: 'Revision surgery',
  removal: 'Implant removal',
  death: 'Death',
  'lost-to-follow-up': 'Lost to follow-up'
}

export interface OutcomeEvent {
  id: string
  planId: string
  type: EventType
  date: CalendarDate
  /** Infection only: the grade's code on the site's infection scale. */
  infectionGrade?: string
  /** The scale the grade is on (its id), so a later change of scale does not reinterpret old grades. */
  infectionScaleId?: string
  note?: string
  createdAt: number
  updatedAt: number
}
