// Hand cases from the 2026-12-01 audit of the outcome figures: records dated after today or before
// the operation, a loss to follow-up as a contact, infection grades of two scales, patients whose
// follow-up ended. Each figure is checked through the full records and through the stored summary
// (the Audit screen's path), which must agree.
import { describe, expect, it } from 'vitest'
import { auditCohort, computePatientFacts, DEFAULT_INFECTION_SCALE, eventIncidence, followUpCompleteness, outcomeSummary, recordsToCorrect, removalFreeSurvival, summaryFacts, UNGRADED, type AuditPatient, type CohortPatient } from '../../../src/shared/outcomes'
import { event, operation, patient, visit } from './fixtures'
import { followUpEndedText, incidenceLabel, recordsToCorrectText } from '../../../src/renderer/src/features/outcomes/audit-format'

const TODAY = '2026-06-01'
const asAudit = (p: CohortPatient): AuditPatient => {
  const { visits: _v, events: _e, ...head } = p
  return { ...head, summary: outcomeSummary(p) }
}
const years = (days: number) => days / 365.25

function bothPaths(p: CohortPatient) {
  const full = computePatientFacts(p, TODAY)
  const stored = summaryFacts(outcomeSummary(p), full.accuracy, TODAY)
  expect(stored).toEqual(full)
  return full
}

describe('records dated after today', () => {
  it('a removal typed 2036 for 2026 is not a removal yet, nor a contact: censored at the last visit (was: 11.75 implant-years, a removal at 11.75 y; then 2.00 y, to today)', () => {
    const p = patient('a', '2024-06-01', { visits: [visit('a', '2025-06-01')], events: [event('a', 'removal', '2036-03-01')] })
    const f = bothPaths(p)
    expect(f.observation).toEqual({ time: years(365), event: false })
    expect(f.exposure.days).toBe(365)
    expect(eventIncidence([p], TODAY).implantYears).toBeCloseTo(years(365), 12)
    expect(removalFreeSurvival([p], TODAY).curve.events).toBe(0)
    expect(recordsToCorrect([p], TODAY)).toEqual({ afterToday: ['A'], beforeOperation: [], afterDeath: [] })
  })

  it('a death typed 2030 and an infection dated after today: exposure runs to the last contact, the infection is not counted (was: 6.0 implant-years, 1 infection; then 2.4, to today)', () => {
    const p = patient('a', '2024-01-01', { visits: [visit('a', '2025-01-01')], events: [event('a', 'death', '2030-01-01'), event('a', 'infection', '2026-12-01')] })
    const f = bothPaths(p)
    expect(f.exposure.days).toBe(366)
    expect(f.exposure.counted).toEqual([])
    expect(f.ended).toBeNull()
  })

  it('a follow-up visit dated after today is not a visit done, nor the last contact', () => {
    // The 12-month visit typed a month after today (in its window): the visit is still due.
    const p = patient('a', '2025-06-01', { visits: [visit('a', '2025-07-13'), visit('a', '2026-07-01')] })
    const f = bothPaths(p)
    expect(f.schedule.find((s) => s.interval.label === '6 weeks')!.status).toBe('done')
    expect(f.schedule.find((s) => s.interval.label === '12 months')!.status).toBe('due')
    expect(f.observation).toEqual({ time: years(42), event: false })
  })
})

describe('records dated after today do not end or extend follow-up (third read)', () => {
  const ON = '2026-12-01'
  const both = (p: CohortPatient) => {
    const full = computePatientFacts(p, ON)
    expect(summaryFacts(outcomeSummary(p), full.accuracy, ON)).toEqual(full)
    return full
  }
  it('a loss to follow-up stays the end when a visit is typed for next year (was: followed again, 6 visits to call)', () => {
    const p = patient('a', '2024-01-01', { visits: [visit('a', '2024-09-01'), visit('a', '2027-02-01')], events: [event('a', 'lost-to-follow-up', '2025-03-01')] })
    expect(both(p).ended).toBe('lost-to-follow-up')
    expect(followUpCompleteness([p], ON).list).toEqual([])
  })

  it('a removal typed for next year does not end the schedule: year 2 is due (was: not expected, nobody to call)', () => {
    const p = patient('a', '2025-01-01', { visits: ['2025-02-12', '2025-04-02', '2025-07-02', '2026-01-01'].map((d) => visit('a', d)), events: [event('a', 'removal', '2027-01-15')] })
    const f = both(p)
    expect(f.ended).toBeNull()
    expect(f.schedule.find((i) => i.interval.label === 'year 2')!.status).toBe('due')
  })

  it('a second stage typed for next year: censored at the last visit, not today (was: 1,065 days for 152)', () => {
    const p = patient('a', '2024-01-01', { operation: operation('a', '2024-01-01', { stages: [{ stage: 1, date: '2024-01-01' }, { stage: 2, date: '2027-01-10' }] }), visits: [visit('a', '2024-06-01')] })
    const f = both(p)
    expect(f.observation).toEqual({ time: years(152), event: false })
    expect(f.exposure.days).toBe(152)
  })
})

describe('records dated after a death (third read)', () => {
  it('a removal dated after the death is not a removal: censored at the death, as incidence counts it (was: a removal at 1.00 y on the survival curve)', () => {
    const p = patient('a', '2024-01-01', { events: [event('a', 'death', '2024-06-01'), event('a', 'removal', '2025-01-01')] })
    const f = bothPaths(p)
    expect(f.observation).toEqual({ time: years(152), event: false })
    expect(f.exposure).toEqual({ days: 152, counted: [] })
    expect(f.ended).toBe('death')
  })

  it('a visit dated after the death does not carry the censoring past it', () => {
    const p = patient('a', '2024-01-01', { visits: [visit('a', '2025-01-01')], events: [event('a', 'death', '2024-06-01')] })
    expect(bothPaths(p).observation).toEqual({ time: years(152), event: false })
  })
})

describe('deaths, pairs and operations on the audit’s day (fourth read)', () => {
  it('a death recorded after a loss does not undo the loss: censored at the last visit, ended by the loss (was: 1,216 days of unobserved time, ended by the death)', () => {
    const p = patient('a', '2023-01-01', { visits: [visit('a', '2023-12-01')], events: [event('a', 'lost-to-follow-up', '2024-06-01'), event('a', 'death', '2026-05-01')] })
    const f = bothPaths(p)
    expect(f.ended).toBe('lost-to-follow-up')
    expect(f.observation).toEqual({ time: years(334), event: false })
    expect(f.exposure.days).toBe(334)
  })

  it('a 12-month visit dated after today, or after the death, gives no before/after pair (was: counted)', () => {
    const walk = (date: string, m: number) => visit('a', date, { sixMinuteWalkM: m })
    const baseline = visit('a', '2025-05-01', { kind: 'baseline', sixMinuteWalkM: 200 })
    const future = patient('a', '2025-06-10', { visits: [baseline, walk('2026-06-20', 350)] })
    expect(bothPaths(future).pairs[0]).toBeNull()
    const dead = patient('a', '2023-01-01', { visits: [{ ...baseline, date: '2022-12-01' }, walk('2024-01-01', 350)], events: [event('a', 'death', '2023-06-01')] })
    expect(bothPaths(dead).pairs[0]).toBeNull()
    const seen = patient('a', '2025-05-20', { visits: [baseline, walk('2026-05-20', 350)] })
    expect(bothPaths(seen).pairs[0]).toEqual({ before: 200, after: 350 })
  })

  it('a visit dated after the death is not a visit done, and is listed to correct', () => {
    const p = patient('a', '2024-01-01', { visits: [visit('a', '2025-01-01')], events: [event('a', 'death', '2024-06-01')] })
    const f = bothPaths(p)
    expect(f.schedule.find((i) => i.interval.label === '12 months')!.status).toBe('not-expected')
    expect(recordsToCorrect([p], TODAY)).toEqual({ afterToday: [], beforeOperation: [], afterDeath: ['A'] })
    expect(recordsToCorrectText(recordsToCorrect([p], TODAY))).toEqual(['Dated after the death (not counted): A. Correct the date of the follow-up visit or event, or of the death.'])
  })

  it('an operation dated after today is in no figure, only under Records to correct (was: counted as followed, at risk at year 0)', () => {
    const later = patient('b', '2026-09-01')
    const now = patient('a', '2025-01-01', { visits: [visit('a', '2025-02-12')] })
    const audit = auditCohort([now, later], {}, TODAY)
    expect(audit.n).toBe(1)
    expect(audit.completeness.followed).toBe(1)
    expect(audit.survival.atRisk[0]).toBe(1)
    expect(audit.toCorrect.afterToday).toEqual(['B'])
  })
})

describe('records dated before the operation', () => {
  it('a death typed 2014 for a 2024 operation neither ends follow-up nor erases the infections (was: 0 implant-years, 0 infections)', () => {
    const p = patient('a', '2024-06-01', { events: [event('a', 'infection', '2025-01-01'), event('a', 'infection', '2025-06-01'), event('a', 'death', '2014-01-01')] })
    const f = bothPaths(p)
    expect(f.exposure.counted).toHaveLength(2)
    expect(f.exposure.days).toBe(365)
    expect(f.ended).toBeNull()
    expect(recordsToCorrect([p], TODAY)).toEqual({ afterToday: [], beforeOperation: ['A'], afterDeath: [] })
  })

  it('a removal typed 2014 is not a removal at time 0 (was: survival 0 %)', () => {
    const p = patient('a', '2024-06-01', { visits: [visit('a', '2025-06-01')], events: [event('a', 'removal', '2014-06-01')] })
    expect(bothPaths(p).observation).toEqual({ time: years(365), event: false })
  })
})

describe('a loss to follow-up is not a contact', () => {
  it('censored at the last visit, not at the day the loss was recorded (was: 3.00 y and 3.00 implant-years for 1.00)', () => {
    const p = patient('a', '2023-01-01', { visits: [visit('a', '2024-01-01')], events: [event('a', 'lost-to-follow-up', '2026-01-01')] })
    const f = bothPaths(p)
    expect(f.observation).toEqual({ time: years(365), event: false })
    expect(f.exposure.days).toBe(365)
    expect(f.ended).toBe('lost-to-follow-up')
  })

  it('a patient lost and then seen again is followed again: not ended, and on the list when a visit is due (was: ended for good)', () => {
    const p = patient('a', '2023-01-01', { visits: [visit('a', '2023-12-20'), visit('a', '2025-02-01')], events: [event('a', 'lost-to-follow-up', '2024-06-01')] })
    const f = bothPaths(p)
    expect(f.ended).toBeNull()
    expect(f.observation).toEqual({ time: years(762), event: false })
    const c = followUpCompleteness([p], TODAY)
    expect(c.ended).toEqual({ removal: 0, death: 0, 'lost-to-follow-up': 0 })
    expect([...new Set(c.list.map((d) => d.planId))]).toEqual(['a'])
  })

  it('lost, seen again, then lost again: follow-up ends at the second loss', () => {
    // Seen 2025-05-01, after the year-2 window (to 2025-04-02) closed: that visit was missed while
    // the patient was still followed, so it stays overdue; year 3 comes after the second loss.
    const p = patient('a', '2023-01-01', { visits: [visit('a', '2025-05-01')], events: [event('a', 'lost-to-follow-up', '2024-06-01'), event('a', 'lost-to-follow-up', '2025-09-01')] })
    const f = bothPaths(p)
    expect(f.ended).toBe('lost-to-follow-up')
    const status = (label: string) => f.schedule.find((i) => i.interval.label === label)!.status
    expect(status('year 2')).toBe('overdue')
    expect(status('year 3')).toBe('not-expected')
  })
})

describe('infection grades', () => {
  it('rows per grade of each scale, and one for infections not graded: they add up (was: two scales merged, the ungraded left out)', () => {
    const p = patient('a', '2024-01-01', {
      events: [
        event('a', 'infection', '2024-03-01', { infectionGrade: '2', infectionScaleId: 'al-muderis-2016' }),
        event('a', 'infection', '2024-04-01', { infectionGrade: '2', infectionScaleId: 'site-scale-2' }),
        event('a', 'infection', '2024-05-01')
      ]
    })
    const rows = eventIncidence([p], TODAY).rows.filter((r) => r.type === 'infection')
    expect(rows.map((r) => [r.grade ?? 'all', r.scaleId ?? '', r.rate.events])).toEqual([
      ['all', '', 3],
      ['2', 'al-muderis-2016', 1],
      ['2', 'site-scale-2', 1],
      [UNGRADED, '', 1]
    ])
    expect(auditCohort([asAudit(p)], {}, TODAY).incidence.rows.filter((r) => r.type === 'infection')).toEqual(rows)
  })
})

describe('patients whose follow-up ended', () => {
  it('lost early: the 6-week row is kept, and the losses are counted (was: no rows, "Nobody is due or overdue")', () => {
    const lost = ['a', 'b', 'c', 'd'].map((id) => patient(id, '2026-04-01', { events: [event(id, 'lost-to-follow-up', '2026-05-06')] }))
    const recent = ['e', 'f', 'g', 'h', 'i', 'j'].map((id) => patient(id, '2026-05-12'))
    const c = followUpCompleteness([...lost, ...recent], TODAY)
    expect(c.rows[0]).toMatchObject({ label: '6 weeks', counts: { upcoming: 6, 'not-expected': 4 } })
    expect(c.ended).toEqual({ removal: 0, death: 0, 'lost-to-follow-up': 4 })
    expect(c.followed).toBe(6)
    expect(auditCohort([...lost, ...recent].map(asAudit), {}, TODAY).completeness).toEqual(c)
  })

  it('a patient who died is not on the list of patients to call; the visits missed before stay counted as overdue', () => {
    const died = patient('a', '2020-01-01', { events: [event('a', 'death', '2023-06-01')] })
    const c = followUpCompleteness([died], TODAY)
    expect(c.list).toEqual([])
    expect(c.rows.reduce((n, r) => n + r.counts.overdue, 0)).toBeGreaterThan(0)
    expect(c.ended.death).toBe(1)
  })
})

describe('endings on one day (second read)', () => {
  it('a loss to follow-up saved before a removal on the same day: ended by the removal, on both paths', () => {
    const p = patient('a', '2024-01-01', { events: [event('a', 'lost-to-follow-up', '2025-01-01'), event('a', 'removal', '2025-01-01')] })
    expect(bothPaths(p).ended).toBe('removal')
    const q = patient('b', '2024-01-01', { events: [event('b', 'death', '2025-01-01'), event('b', 'removal', '2025-01-01')] })
    expect(bothPaths(q).ended).toBe('removal')
  })
})

describe('what the Audit screen says of them', () => {
  it('names the records to correct, by patient', () => {
    const future = patient('a', '2024-06-01', { events: [event('a', 'removal', '2036-03-01')] })
    const early = patient('b', '2024-06-01', { events: [event('b', 'death', '2014-01-01')] })
    expect(recordsToCorrectText(recordsToCorrect([future, early], TODAY))).toEqual([
      'Dated after today (not counted): A. Correct the date of the visit, event or operation stage.',
      'Dated before the operation (not counted): B. Correct the date of the follow-up visit or event, or of the operation.'
    ])
    expect(recordsToCorrectText(recordsToCorrect([patient('c', '2024-06-01')], TODAY))).toEqual([])
  })

  it('says whose follow-up ended and how many are still followed', () => {
    const c = followUpCompleteness([patient('a', '2020-01-01', { events: [event('a', 'death', '2023-06-01')] }), patient('b', '2025-01-01')], TODAY)
    expect(followUpEndedText(c)).toBe(
      'Follow-up ended: 0 implant removals, 1 death, 0 losses to follow-up; 1 of 2 still followed. Those whose follow-up ended are not on the list below (a visit missed before it stays counted as overdue).'
    )
  })

  it('labels each grade row with its scale, and the ungraded row', () => {
    const p = patient('a', '2024-01-01', {
      events: [event('a', 'infection', '2024-03-01', { infectionGrade: '2', infectionScaleId: 'al-muderis-2016' }), event('a', 'infection', '2024-04-01', { infectionGrade: '2', infectionScaleId: 'site-scale-2' }), event('a', 'infection', '2024-05-01')]
    })
    const labels = eventIncidence([p], TODAY).rows.filter((r) => r.type === 'infection').map((r) => incidenceLabel(r, DEFAULT_INFECTION_SCALE))
    expect(labels).toEqual(['Infection', '  Grade 2 — high-grade soft-tissue infection', '  grade 2 on another scale (site-scale-2)', '  grade not recorded'])
  })
})
