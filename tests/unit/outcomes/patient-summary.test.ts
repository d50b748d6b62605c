// The stored per-patient summary must give exactly the facts computed from every visit and event:
// for random patients (visits before and after surgery, ties, events in any order, future dates),
// any day and either schedule, summaryFacts(outcomeSummary(p)) equals computePatientFacts(p).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computePatientFacts, dateOfDay, dayNumber, defaultIntervals, EVENT_TYPES, outcomeSummary, patientAccuracy, SHIPPED_INTERVALS, summaryFacts, type CohortPatient, type FollowUpVisit, type OutcomeEvent } from '../../../src/shared/outcomes'
import { BUILTIN_SYSTEMS } from '../../../src/shared/catalog/systems'
import { generatedCohort } from './audit-generator'

const BASE = dayNumber('2020-01-01')!
const sys = BUILTIN_SYSTEMS[0]!
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

const visitArb = fc.record({
  kind: fc.constantFrom('baseline' as const, 'follow-up' as const),
  offset: fc.integer({ min: -400, max: 2500 }),
  walk: optional(fc.integer({ min: 50, max: 700 })),
  tug: optional(fc.integer({ min: 3, max: 40 })),
  global: optional(fc.integer({ min: 0, max: 100 })),
  hours: optional(fc.integer({ min: 0, max: 16 })),
  days: optional(fc.integer({ min: 0, max: 7 }))
})
const eventArb = fc.record({ type: fc.constantFrom(...EVENT_TYPES), offset: fc.integer({ min: -100, max: 2500 }), grade: fc.constantFrom('1', '2', '3', undefined) })

const patientArb = fc.record({
  surgery: fc.integer({ min: 0, max: 2000 }),
  twoStage: fc.boolean(),
  visits: fc.array(visitArb, { maxLength: 14 }),
  events: fc.array(eventArb, { maxLength: 5 })
}).map(({ surgery, twoStage, visits, events }): CohortPatient => {
  const s = BASE + surgery
  return {
    planId: 'p', patientCode: 'P', level: 'transfemoral', surgeon: '', calibration: 'CT', imagingSource: 'CT',
    planned: { systemId: sys.id, diameterMm: sys.diametersMm.value[0]!, lengthMm: sys.lengthsMm.value[0]! },
    catalogue: { diametersMm: sys.diametersMm.value, lengthsMm: sys.lengthsMm.value },
    operation: { id: 'o', planId: 'p', revisionId: 'r', stages: twoStage ? [{ stage: 1, date: dateOfDay(s) }, { stage: 2, date: dateOfDay(s + 49) }] : [{ stage: 1, date: dateOfDay(s) }], implant: { systemId: sys.id, diameterMm: sys.diametersMm.value[1]!, lengthMm: sys.lengthsMm.value[0]! }, changes: [], complications: [], createdAt: 1, updatedAt: 1 },
    visits: visits.map((v, i): FollowUpVisit => ({
      id: `v${i}`, planId: 'p', kind: v.kind, date: dateOfDay(s + v.offset),
      ...(v.walk !== undefined ? { sixMinuteWalkM: v.walk } : {}), ...(v.tug !== undefined ? { tugS: v.tug } : {}), ...(v.global !== undefined ? { qtfa: { global: v.global } } : {}),
      ...(v.hours !== undefined ? { wearHoursPerDay: v.hours } : {}), ...(v.days !== undefined ? { wearDaysPerWeek: v.days } : {}), createdAt: 1, updatedAt: 1
    })),
    events: events.map((e, i): OutcomeEvent => ({ id: `e${i}`, planId: 'p', type: e.type, date: dateOfDay(s + e.offset), ...(e.type === 'infection' && e.grade ? { infectionGrade: e.grade } : {}), createdAt: 1, updatedAt: 1 }))
  }
})

function byPlan<T extends { planId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const r of rows) map.set(r.planId, [...(map.get(r.planId) ?? []), r])
  return map
}

const todayArb = fc.integer({ min: -100, max: 5000 }).map((d) => dateOfDay(BASE + d))
const scheduleArb = fc.constantFrom(SHIPPED_INTERVALS, defaultIntervals(3))

describe('per-patient outcome summary', () => {
  it('gives the same facts as all visits and events, on any day and schedule', () => {
    fc.assert(
      fc.property(patientArb, todayArb, scheduleArb, (p, today, intervals) => {
        expect(summaryFacts(outcomeSummary(p), patientAccuracy(p), today, intervals)).toEqual(computePatientFacts(p, today, intervals))
      }),
      { numRuns: 400, seed: 17 }
    )
  })

  it('survives being stored (a structured clone, as IndexedDB keeps it) unchanged', () => {
    fc.assert(
      fc.property(patientArb, todayArb, (p, today) => {
        expect(summaryFacts(structuredClone(outcomeSummary(p)), null, today)).toEqual(summaryFacts(outcomeSummary(p), null, today))
      }),
      { numRuns: 50, seed: 3 }
    )
  })

  it('matches on the benchmark cohort too (2,000 patients)', () => {
    const g = generatedCohort(2000, 20000, 3000)
    const visits = byPlan(g.visits)
    const events = byPlan(g.events)
    for (const op of g.operations) {
      const p = { planId: op.planId, patientCode: '', level: '', surgeon: '', planned: null, catalogue: null, calibration: '', imagingSource: '', operation: op, visits: visits.get(op.planId) ?? [], events: events.get(op.planId) ?? [] }
      expect(summaryFacts(outcomeSummary(p), null, '2026-11-30')).toEqual(computePatientFacts(p, '2026-11-30'))
    }
  })
})
