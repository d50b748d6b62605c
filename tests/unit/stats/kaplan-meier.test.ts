// Kaplan–Meier against the classic worked example: remission times (weeks) of the 21 leukaemia
// patients treated with 6-mercaptopurine (Freireich et al., Blood 1963;21:699; Gehan 1965), worked
// in Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text", ch. 2, and in Collett,
// "Modelling Survival Data in Medical Research", §2.1–2.2 (Ŝ and Greenwood SE); the log-log limits
// are those of R's survfit(conf.type = "log-log") on MASS::gehan (6-MP arm).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kaplanMeier, medianSurvival, numbersAtRisk, survivalAt, type SurvivalObservation } from '../../../src/shared/stats'

const SIX_MP: SurvivalObservation[] = [
  [6, 1], [6, 1], [6, 1], [6, 0], [7, 1], [9, 0], [10, 1], [10, 0], [11, 0], [13, 1], [16, 1],
  [17, 0], [19, 0], [20, 0], [22, 1], [23, 1], [25, 0], [32, 0], [32, 0], [34, 0], [35, 0]
].map(([time, event]) => ({ time: time!, event: event === 1 }))

// time, at risk, events, Ŝ, Greenwood SE, log-log lower, upper
const PUBLISHED: [number, number, number, number, number, number, number][] = [
  [6, 21, 3, 0.857, 0.0764, 0.620, 0.952],
  [7, 17, 1, 0.807, 0.0869, 0.563, 0.923],
  [10, 15, 1, 0.753, 0.0963, 0.503, 0.889],
  [13, 12, 1, 0.690, 0.1068, 0.432, 0.849],
  [16, 11, 1, 0.627, 0.1141, 0.368, 0.805],
  [22, 7, 1, 0.538, 0.1282, 0.268, 0.747],
  [23, 6, 1, 0.448, 0.1346, 0.188, 0.680]
]

describe('Kaplan–Meier: 6-MP remission data', () => {
  const curve = kaplanMeier(SIX_MP)
  it.each(PUBLISHED)('week %s: %s at risk, %s events, Ŝ %s, SE %s, 95 %% CI %s–%s', (time, atRisk, events, s, se, lower, upper) => {
    const step = curve.steps.find((x) => x.time === time)!
    expect(step).toMatchObject({ atRisk, events })
    expect(step.survival).toBeCloseTo(s, 3)
    expect(step.stdError!).toBeCloseTo(se, 4)
    expect(step.lower!).toBeCloseTo(lower, 3)
    expect(step.upper!).toBeCloseTo(upper, 3)
  })
  it('counts subjects and events, lists censor-only times without a drop, and has the published median of 23 weeks', () => {
    expect(curve).toMatchObject({ n: 21, events: 9 })
    const week9 = curve.steps.find((x) => x.time === 9)!
    expect(week9).toMatchObject({ events: 0, censored: 1, atRisk: 16 })
    expect(week9.survival).toBeCloseTo(0.807, 3)
    expect(survivalAt(curve, 5.9)).toBe(1)
    expect(survivalAt(curve, 12.9)).toBeCloseTo(0.753, 3)
    expect(medianSurvival(curve)).toBe(23)
    expect(numbersAtRisk(SIX_MP, [0, 10, 20, 30])).toEqual([21, 15, 8, 4])
  })
  it('counts an event before a censoring at the same time', () => {
    const c = kaplanMeier([{ time: 6, event: true }, { time: 6, event: false }, { time: 8, event: true }])
    expect(c.steps[0]).toMatchObject({ atRisk: 3, events: 1, censored: 1 })
    expect(c.steps[0]!.survival).toBeCloseTo(2 / 3, 12)
    expect(c.steps[1]!.survival).toBe(0)
    expect(c.steps[1]).toMatchObject({ stdError: null, lower: null, upper: null })
    expect(medianSurvival(c)).toBe(8)
  })
  it('refuses negative or non-finite times', () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(RangeError)
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError)
  })
})

describe('Kaplan–Meier properties', () => {
  const observations = fc.array(fc.record({ time: fc.integer({ min: 0, max: 50 }), event: fc.boolean() }), { minLength: 1, maxLength: 60 })
  it('is non-increasing, inside 0–1, and the band holds the estimate', () => {
    fc.assert(
      fc.property(observations, (obs) => {
        const c = kaplanMeier(obs)
        let previous = 1
        for (const s of c.steps) {
          if (s.survival > previous + 1e-15 || s.survival < 0) return false
          if (s.lower !== null && !(s.lower <= s.survival + 1e-12 && s.survival <= s.upper! + 1e-12 && s.lower >= 0 && s.upper! <= 1)) return false
          previous = s.survival
        }
        return c.n === obs.length
      })
    )
  })
  it('without censoring equals the share still event-free', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), (times) => {
        const c = kaplanMeier(times.map((time) => ({ time, event: true })))
        return c.steps.every((s) => Math.abs(s.survival - times.filter((t) => t > s.time).length / times.length) < 1e-12)
      })
    )
  })
})

describe('numbers at risk at a year: compared at the resolution of days', () => {
  // Times are days since surgery / 365.25. A patient seen exactly 365 days after surgery (the
  // schedule's 12-month due day) is 0.9993 y: still at risk at 1 year.
  const years = (days: number) => days / 365.25
  it('three patients seen on day 365 are at risk at 1 year; day 364 is not', () => {
    const seen365 = [0, 1, 2].map(() => ({ time: years(365), event: false }))
    expect(numbersAtRisk(seen365, [0, 1])).toEqual([3, 3])
    expect(numbersAtRisk([{ time: years(364), event: false }], [0, 1])).toEqual([1, 0])
  })
  it('at each year counts from the whole day nearest the year mark (the yearly visits are due then)', () => {
    // Year 2 is day 730.5: day 730 (two calendar years without 29 February) counts, day 729 not;
    // year 3 is day 1095.75: the schedule's due day 1096 counts, day 1095 not; year 4 is day 1461.
    const at = (days: number, t: number) => numbersAtRisk([{ time: years(days), event: true }], [t])[0]
    expect([at(730, 2), at(729, 2), at(1096, 3), at(1095, 3), at(1461, 4), at(1460, 4)]).toEqual([1, 0, 1, 0, 1, 0])
  })
  it('leaves the estimate alone: the step at day 365 has 3 at risk and the curve is as before', () => {
    const obs = [{ time: years(365), event: true }, { time: years(365), event: false }, { time: years(400), event: false }]
    const c = kaplanMeier(obs)
    expect(c.steps[0]).toMatchObject({ time: years(365), atRisk: 3, events: 1, censored: 1 })
    expect(c.steps[0]!.survival).toBeCloseTo(2 / 3, 12)
    expect(survivalAt(c, 1)).toBeCloseTo(2 / 3, 12)
  })
  it('with no resolution compares times as they are', () => {
    expect(numbersAtRisk([{ time: years(365), event: false }], [1], 0)).toEqual([0])
  })
})
