// Builders of outcome records and cohort patients for the outcome tests.
import type { CohortPatient, FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../src/shared/outcomes'
import { dateOfDay, dayNumber } from '../../../src/shared/outcomes'

export function plusDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date)! + days)
}

export function operation(planId: string, date: string, overrides: Partial<OperationRecord> = {}): OperationRecord {
  return {
    id: `op-${planId}`,
    planId,
    revisionId: `rev-${planId}`,
    stages: [{ stage: 1, date }],
    implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 },
    changes: [],
    complications: [],
    createdAt: 1,
    updatedAt: 1,
    ...overrides
  }
}

let seq = 0
export function visit(planId: string, date: string, values: Partial<FollowUpVisit> = {}): FollowUpVisit {
  return { id: `v${++seq}`, planId, kind: 'follow-up', date, createdAt: 1, updatedAt: 1, ...values }
}

export function event(planId: string, type: OutcomeEvent['type'], date: string, values: Partial<OutcomeEvent> = {}): OutcomeEvent {
  return { id: `e${++seq}`, planId, type, date, createdAt: 1, updatedAt: 1, ...values }
}

export function patient(planId: string, date: string, extra: Partial<CohortPatient> = {}): CohortPatient {
  return {
    planId,
    patientCode: planId.toUpperCase(),
    level: 'transfemoral',
    surgeon: 'Dr Okafor',
    planned: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 },
    catalogue: { diametersMm: [14, 15, 16, 17, 18, 19, 20], lengthsMm: [60, 70, 80, 90, 100] },
    calibration: 'calibration marker',
    imagingSource: 'X-ray',
    operation: operation(planId, date),
    visits: [],
    events: [],
    ...extra
  }
}
