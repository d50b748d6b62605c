// The Audit screen computes each patient's facts once and re-aggregates them per filter: the
// figures must be exactly those of the figure functions run on the filtered patients, for every
// filter, on repeated calls, and must follow a change of day or of follow-up schedule.
import { describe, expect, it } from 'vitest'
import { auditCohort, defaultIntervals, eventIncidence, followUpCompleteness, matchesFilter, pairedChanges, planFacts, planningAccuracy, recordsToCorrect, removalFreeSurvival, type CohortFilter, type CohortPatient } from '../../../src/shared/outcomes'
import { BUILTIN_SYSTEMS } from '../../../src/shared/catalog/systems'
import { generatedCohort } from './audit-generator'

function cohort(): CohortPatient[] {
  const g = generatedCohort(120, 1200, 200, 3)
  const sys = BUILTIN_SYSTEMS[0]!
  return g.operations.map((op, i) => {
    const f = planFacts(g.revisions[i]!.caseFile, g.revisions[i]!.result)
    const s = g.summaries[i]!
    return { planId: op.planId, patientCode: s.patientCode, level: s.level, surgeon: s.surgeon, ...f, catalogue: { diametersMm: sys.diametersMm.value, lengthsMm: sys.lengthsMm.value }, operation: op, visits: g.visits.filter((v) => v.planId === op.planId), events: g.events.filter((e) => e.planId === op.planId) }
  })
}

const TODAY = '2026-11-29'
const FILTERS: CohortFilter[] = [{}, { level: 'transfemoral' }, { year: 2019 }, { stages: 2 }, { surgeon: 'Dr Lind', level: 'transtibial' }, {}]

describe('audit figures from per-patient facts', () => {
  it('equal the figure functions on the filtered patients, filter after filter', () => {
    const all = cohort()
    for (const f of FILTERS) {
      const patients = all.filter((p) => matchesFilter(p, f))
      expect(auditCohort(all, f, TODAY)).toEqual({
        n: patients.length,
        completeness: followUpCompleteness(patients, TODAY),
        survival: removalFreeSurvival(patients, TODAY),
        incidence: eventIncidence(patients, TODAY),
        paired: pairedChanges(patients, '12 months', undefined, TODAY),
        accuracy: planningAccuracy(patients),
        toCorrect: recordsToCorrect(patients, TODAY)
      })
    }
  })

  it('follow a new day and a different schedule instead of reusing stale facts', () => {
    const all = cohort()
    auditCohort(all, {}, TODAY)
    const later = '2027-06-01'
    expect(auditCohort(all, {}, later).completeness).toEqual(followUpCompleteness(all, later))
    expect(auditCohort(all, {}, later).survival).toEqual(removalFreeSurvival(all, later))
    const short = defaultIntervals(2)
    expect(auditCohort(all, {}, later, short).completeness).toEqual(followUpCompleteness(all, later, short))
    expect(auditCohort(all, {}, later, short).completeness.rows.map((r) => r.label)).toEqual(['6 weeks', '3 months', '6 months', '12 months', 'year 2'])
  })
})
