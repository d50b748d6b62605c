// Validation of operation records, visits and events: field-level errors, nothing coerced.
import { describe, expect, it } from 'vitest'
import { AL_MUDERIS_2016, isCalendarDate, parseEvent, parseOperation, parseVisit } from '../../../src/shared/outcomes'

const op = {
  id: 'op1',
  planId: 'p1',
  revisionId: 'r1',
  stages: [{ stage: 1, date: '2026-03-03' }, { stage: 2, date: '2026-04-20', surgeon: 'Dr Okafor' }],
  implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80, lot: 'L-2291' },
  canal: { finalReamerMm: 15.5 },
  changes: [{ change: 'one size smaller diameter', reason: 'cortex cracked on trial' }],
  complications: ['minor bleeding'],
  createdAt: 5,
  updatedAt: 6
}

function errorsOf(r: { ok: boolean } & ({ errors: { path: string; message: string }[] } | object)): Record<string, string> {
  return 'errors' in r ? Object.fromEntries(r.errors.map((e) => [e.path, e.message])) : {}
}

describe('operation record', () => {
  it('accepts a complete two-stage record and keeps every field', () => {
    const r = parseOperation(op)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value).toEqual(op)
  })
  it('names each bad field', () => {
    const r = parseOperation({ ...op, stages: [{ stage: 1, date: '2026-02-30' }, { stage: 2, date: '2026-01-01' }], implant: { systemId: 'x', diameterMm: '16', lengthMm: 900 } })
    expect(r.ok).toBe(false)
    expect(errorsOf(r)).toMatchObject({
      'stages[0].date': 'must be a real calendar date written YYYY-MM-DD',
      'implant.diameterMm': 'must be a number',
      'implant.lengthMm': 'must be at most 300 mm'
    })
  })
  it('refuses a stage 2 before stage 1, an empty stage list and a change without a reason', () => {
    expect(errorsOf(parseOperation({ ...op, stages: [{ stage: 1, date: '2026-03-03' }, { stage: 2, date: '2026-03-01' }] }))).toHaveProperty(['stages[1].date'])
    expect(errorsOf(parseOperation({ ...op, stages: [] }))).toHaveProperty('stages')
    expect(errorsOf(parseOperation({ ...op, changes: [{ change: 'longer stem' }] }))).toHaveProperty(['changes[0].reason'])
  })
  it('refuses prototype tricks and non-objects without throwing', () => {
    expect(parseOperation(JSON.parse('{"__proto__": {"x": 1}}')).ok).toBe(false)
    expect(parseOperation(null).ok).toBe(false)
    expect(parseOperation([op]).ok).toBe(false)
  })
})

describe('follow-up visit', () => {
  const base = { id: 'v1', planId: 'p1', kind: 'follow-up', date: '2026-06-01', createdAt: 1, updatedAt: 1 }
  it('every measure is optional', () => {
    expect(parseVisit(base).ok).toBe(true)
  })
  it('keeps measures in range and names those out of range with their unit', () => {
    const good = parseVisit({ ...base, wearHoursPerDay: 14, wearDaysPerWeek: 7, kLevel: 'K3', sixMinuteWalkM: 412, tugS: 8.1, qtfa: { global: 63, problem: 12 }, pain: 2, falls: 0 })
    expect(good.ok).toBe(true)
    const bad = parseVisit({ ...base, wearHoursPerDay: 25, wearDaysPerWeek: 3.5, sixMinuteWalkM: 4500, tugS: 0, qtfa: { global: 130 }, pain: 11, kLevel: 'k3', falls: -1 })
    expect(errorsOf(bad)).toEqual({
      wearHoursPerDay: 'must be at most 24 h/day',
      wearDaysPerWeek: 'must be a whole number',
      sixMinuteWalkM: 'must be at most 1000 m',
      tugS: 'must be at least 1 s',
      'qtfa.global': 'must be at most 100 points',
      pain: 'must be at most 10 points',
      kLevel: 'must be one of "K0", "K1", "K2", "K3", "K4"',
      falls: 'must be at least 0 falls'
    })
  })
})

describe('event', () => {
  const base = { id: 'e1', planId: 'p1', type: 'infection', date: '2026-07-01', createdAt: 1, updatedAt: 1 }
  it('accepts an infection with a grade of the site scale', () => {
    expect(parseEvent({ ...base, infectionGrade: '2', infectionScaleId: AL_MUDERIS_2016.id }, AL_MUDERIS_2016).ok).toBe(true)
  })
  it('refuses a grade that is not on the scale, a grade on a fracture, and an unknown type', () => {
    expect(errorsOf(parseEvent({ ...base, infectionGrade: '7' }, AL_MUDERIS_2016)).infectionGrade).toMatch(/1, 2, 3, 4/)
    expect(errorsOf(parseEvent({ ...base, type: 'fracture', infectionGrade: '1' }))).toHaveProperty('infectionGrade')
    expect(errorsOf(parseEvent({ ...base, type: 'broken' }))).toHaveProperty('type')
  })
  it('ships the literature scale as a scale to confirm, with its source', () => {
    expect(AL_MUDERIS_2016.confirmed).toBe(false)
    expect(AL_MUDERIS_2016.source).toMatch(/J Bone Joint Surg Am 2016/)
    expect(AL_MUDERIS_2016.grades.map((g) => g.code)).toEqual(['1', '2', '3', '4'])
  })
})

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2027-02-29')).toBe(false)
    expect(isCalendarDate('2027-2-1')).toBe(false)
    expect(isCalendarDate(20270201)).toBe(false)
  })
})

describe('day arithmetic', () => {
  it('agrees with the JavaScript calendar for every day from 1950 to 2100 (property of the conversion)', async () => {
    const { dayNumber, dateOfDay } = await import('../../../src/shared/outcomes')
    const wrong: string[] = []
    for (let ms = Date.UTC(1950, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10)
      const day = Math.round(ms / 86_400_000)
      if (dayNumber(iso) !== day || dateOfDay(day) !== iso) wrong.push(iso)
    }
    expect(wrong).toEqual([])
    expect(dayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000)
    expect(dayNumber('1900-02-29')).toBeNull()
    expect(dayNumber('2000-02-29')).not.toBeNull()
  })

  it('answers the same when asked again (the conversions are remembered), for real and impossible dates', async () => {
    const { dayNumber, dateOfDay } = await import('../../../src/shared/outcomes')
    const days = Array.from({ length: 3000 }, (_, i) => Date.UTC(2020, 0, 1) / 86_400_000 + i * 7)
    const first = days.map((d) => [dateOfDay(d), dayNumber(dateOfDay(d))])
    expect(days.map((d) => [dateOfDay(d), dayNumber(dateOfDay(d))])).toEqual(first)
    expect(first.every(([iso, day], i) => day === days[i] && iso === new Date(days[i]! * 86_400_000).toISOString().slice(0, 10))).toBe(true)
    for (let i = 0; i < 2; i++) {
      expect(dayNumber('2023-02-29')).toBeNull()
      expect(dayNumber('2024-13-01')).toBeNull()
      expect(dayNumber(20240101 as unknown as string)).toBeNull()
    }
  })
})
