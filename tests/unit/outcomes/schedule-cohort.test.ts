// Follow-up schedule and the cohort audit, worked by hand.
import { describe, expect, it } from 'vitest'
import {
  auditCohort,
  defaultIntervals,
  eventIncidence,
  followUpCompleteness,
  FOLLOW_UP_SCHEDULE,
  pairedChanges,
  planFacts,
  planningAccuracy,
  removalFreeSurvival,
  scheduleStatus,
  smallNumberNote
} from '../../../src/shared/outcomes'
import { event, operation, patient, plusDays, visit } from './fixtures'

describe('follow-up schedule', () => {
  it('is a site default with provenance: 6 weeks, 3, 6, 12 months, then yearly', () => {
    expect(FOLLOW_UP_SCHEDULE.provenance.kind).toBe('site-default')
    expect(defaultIntervals(3).map((i) => [i.label, i.dueDay])).toEqual([['6 weeks', 42], ['3 months', 91], ['6 months', 183], ['12 months', 365], ['year 2', 731], ['year 3', 1096]])
  })
  it('marks visits done in their window, then due, overdue and upcoming', () => {
    const s = scheduleStatus('2026-01-01', ['2026-02-14', '2026-04-10'], '2026-07-10', null, defaultIntervals(2))
    expect(s.map((x) => [x.interval.label, x.status])).toEqual([['6 weeks', 'done'], ['3 months', 'done'], ['6 months', 'due'], ['12 months', 'upcoming'], ['year 2', 'upcoming']])
    const later = scheduleStatus('2026-01-01', ['2026-02-14'], '2026-09-01', null, defaultIntervals(2))
    expect(later.map((x) => x.status)).toEqual(['done', 'overdue', 'overdue', 'upcoming', 'upcoming'])
  })
  it('takes the earlier of two visits equally far from the due day, whatever order they were read in', () => {
    // 6 weeks = day 42: 2026-02-07 is day 37, 2026-02-17 is day 47 (both 5 days off).
    for (const dates of [['2026-02-07', '2026-02-17'], ['2026-02-17', '2026-02-07']]) {
      expect(scheduleStatus('2026-01-01', dates, '2026-03-01', null, defaultIntervals(1))[0]!.visitDate).toBe('2026-02-07')
    }
  })
  it('counts one visit for one interval only, and expects nothing after removal', () => {
    const s = scheduleStatus('2026-01-01', ['2026-03-10'], '2027-06-01', '2026-05-01', defaultIntervals(1))
    // 2026-03-10 is day 68: inside both the 6-week (42 ± 14? no) and 3-month (91 ± 28) windows → 3 months.
    expect(s.map((x) => x.status)).toEqual(['overdue', 'done', 'not-expected', 'not-expected'])
  })
})

describe('cohort audit', () => {
  const today = '2028-01-01'
  it('lists everyone due or overdue, earliest due date first', () => {
    const a = patient('a', '2027-06-01', { visits: [visit('a', '2027-07-13')] })
    const b = patient('b', '2027-10-01')
    const c = followUpCompleteness([a, b], today)
    expect(c.n).toBe(2)
    expect(c.list.map((d) => [d.patientCode, d.label, d.status])).toEqual([
      ['A', '3 months', 'overdue'], // due 2027-08-31
      ['B', '6 weeks', 'overdue'], // due 2027-11-12
      ['A', '6 months', 'due'], // due 2027-12-01
      ['B', '3 months', 'due'] // due 2027-12-31
    ])
    expect(c.rows.find((r) => r.label === '6 weeks')!.counts).toMatchObject({ done: 1, overdue: 1 })
  })

  it('survival free of removal: removal is the event, death is censored', () => {
    const ps = [
      patient('a', '2024-01-01', { events: [event('a', 'removal', '2025-01-01')] }),
      patient('b', '2024-01-01', { events: [event('b', 'death', '2024-07-01')] }),
      patient('c', '2024-01-01', { visits: [visit('c', '2026-01-01')] }),
      patient('d', '2024-01-01', { visits: [visit('d', '2027-01-01')] })
    ]
    const s = removalFreeSurvival(ps, today)
    expect(s.curve).toMatchObject({ n: 4, events: 1 })
    // b censored at 0.5 y, then a's removal at 1.0 y with 3 at risk: Ŝ = 2/3.
    const drop = s.curve.steps.find((x) => x.events === 1)!
    expect(drop.atRisk).toBe(3)
    expect(drop.survival).toBeCloseTo(2 / 3, 12)
    expect(s.atRisk.slice(0, 4)).toEqual([4, 3, 2, 1])
  })

  it('incidence per 100 implant-years over the follow-up each patient gave', () => {
    // a: 2 years to last contact with two infections (grades 1 and 2); b: 2 years, one fracture. 4.0 implant-years (to the day: 730 + 731 days).
    const ps = [
      patient('a', '2026-01-01', { visits: [visit('a', '2028-01-01')], events: [event('a', 'infection', '2026-05-01', { infectionGrade: '1' }), event('a', 'infection', '2027-05-01', { infectionGrade: '2' })] }),
      patient('b', '2026-01-01', { visits: [visit('b', '2028-01-01')], events: [event('b', 'fracture', '2027-03-01')] })
    ]
    const inc = eventIncidence(ps, today)
    expect(inc.implantYears).toBeCloseTo((730 * 2) / 365.25, 10)
    const infection = inc.rows.find((r) => r.type === 'infection' && r.grade === undefined)!
    expect(infection.rate.events).toBe(2)
    expect(infection.patients).toBe(1)
    expect(infection.rate.rate).toBeCloseTo((2 * 100) / inc.implantYears, 10)
    expect(inc.rows.filter((r) => r.grade !== undefined).map((r) => [r.grade, r.rate.events])).toEqual([['1', 1], ['2', 1]])
    expect(inc.rows.find((r) => r.type === 'removal')!.rate.events).toBe(0)
  })

  it('pairs each patient baseline with their 12-month visit', () => {
    const ps = [
      patient('a', '2026-01-01', { visits: [visit('a', '2025-12-01', { kind: 'baseline', sixMinuteWalkM: 300, tugS: 15 }), visit('a', '2027-01-10', { sixMinuteWalkM: 420, tugS: 9 })] }),
      patient('b', '2026-01-01', { visits: [visit('b', '2025-12-15', { kind: 'baseline', sixMinuteWalkM: 250 }), visit('b', '2026-12-20', { sixMinuteWalkM: 330 })] }),
      // c has no 12-month visit (only 6 months): not paired.
      patient('c', '2026-01-01', { visits: [visit('c', '2025-12-15', { kind: 'baseline', sixMinuteWalkM: 200 }), visit('c', '2026-07-01', { sixMinuteWalkM: 260 })] })
    ]
    const rows = pairedChanges(ps)
    const walk = rows.find((r) => r.key === 'sixMinuteWalkM')!
    expect(walk.change.n).toBe(2)
    expect(walk.change.change!.median).toBe(100)
    expect(rows.find((r) => r.key === 'tugS')!.change.n).toBe(1)
    expect(rows.find((r) => r.key === 'qtfaGlobal')!.change.n).toBe(0)
  })

  it('pairs do not depend on the order visits are read in (same-day baselines, equally near follow-ups)', () => {
    const visits = [
      visit('a', '2025-12-01', { id: 'v-b1', kind: 'baseline', sixMinuteWalkM: 300 }),
      visit('a', '2025-12-01', { id: 'v-b2', kind: 'baseline', sixMinuteWalkM: 280 }),
      visit('a', '2026-12-22', { id: 'v-f1', sixMinuteWalkM: 400 }),
      visit('a', '2027-01-11', { id: 'v-f2', sixMinuteWalkM: 450 })
    ]
    const median = (vs: typeof visits) => pairedChanges([patient('a', '2026-01-01', { visits: vs })]).find((r) => r.key === 'sixMinuteWalkM')!.change.change!.median
    const forward = median(visits)
    expect(median([...visits].reverse())).toBe(forward)
    // The later-id baseline of the day and the earlier of two equally near follow-ups count.
    expect(forward).toBe(400 - 280)
  })

  it('planning accuracy in catalogue sizes, with the calibration of the plans that were off', () => {
    const ps = [
      patient('a', '2026-01-01'),
      patient('b', '2026-01-01', { operation: operation('b', '2026-01-01', { implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 } }), calibration: 'default magnification factor' }),
      patient('c', '2026-01-01', { operation: operation('c', '2026-01-01', { implant: { systemId: 'opra-femur', diameterMm: 19, lengthMm: 70 } }), calibration: 'default magnification factor' }),
      patient('d', '2026-01-01', { planned: null })
    ]
    const acc = planningAccuracy(ps)
    expect(acc.n).toBe(3)
    expect(acc.diameter.exact.count).toBe(1)
    expect(acc.diameter.oneSize.count).toBe(1)
    expect(acc.diameter.further.count).toBe(1)
    expect(acc.length.exact.count).toBe(2)
    expect(acc.causes.find((c) => c.value === 'default magnification factor')).toMatchObject({ n: 2, off: 2 })
    expect(acc.causes.find((c) => c.value === 'calibration marker')).toMatchObject({ n: 1, off: 0 })
    // Calibration rows first, then imaging; within each, the commonest first.
    expect(acc.causes.map((c) => [c.factor, c.n])).toEqual([['calibration', 2], ['calibration', 1], ['imaging', 3]])
  })

  it('filters by level, system, stages, year and surgeon', () => {
    const ps = [
      patient('a', '2026-01-01'),
      patient('b', '2027-01-01', { level: 'transtibial' }),
      patient('c', '2026-05-01', { surgeon: 'Dr Lind', operation: operation('c', '2026-05-01', { stages: [{ stage: 1, date: '2026-05-01' }, { stage: 2, date: '2026-06-20' }] }) })
    ]
    expect(auditCohort(ps, {}, today).n).toBe(3)
    expect(auditCohort(ps, { level: 'transtibial' }, today).n).toBe(1)
    expect(auditCohort(ps, { year: 2026 }, today).n).toBe(2)
    expect(auditCohort(ps, { stages: 2 }, today).n).toBe(1)
    expect(auditCohort(ps, { surgeon: 'Dr Okafor', year: 2026 }, today).n).toBe(1)
    expect(auditCohort(ps, { systemId: 'other' }, today).n).toBe(0)
  })

  it('says when numbers are small', () => {
    expect(smallNumberNote(0)).toBe('No operated limbs yet.')
    expect(smallNumberNote(3)).toMatch(/Only 3 operated limbs/)
    expect(smallNumberNote(40)).toBeNull()
  })
})

describe('plan facts', () => {
  it('reads the planned size and the calibration kind from a revision', () => {
    expect(planFacts({ imaging: { source: 'xray', marker: { diameter: 25 } } }, { implant: { systemId: 's', diameterMm: 16, lengthMm: 80 } })).toEqual({
      planned: { systemId: 's', diameterMm: 16, lengthMm: 80 },
      calibration: 'calibration marker',
      imagingSource: 'X-ray'
    })
    expect(planFacts({ imaging: { source: 'xray' } }, null)).toMatchObject({ planned: null, calibration: 'default magnification factor' })
    expect(planFacts('junk', 42)).toEqual({ planned: null, calibration: 'unknown', imagingSource: 'unknown' })
  })
})

it('plusDays helper', () => expect(plusDays('2026-01-01', 31)).toBe('2026-02-01'))
