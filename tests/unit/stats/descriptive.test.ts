// Quantiles (Hyndman & Fan 1996 type 7, R's default), paired change, Wilson intervals, planning
// accuracy classification.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareSizes, medianIqr, pairedChange, quantile, summariseAccuracy, wilsonInterval } from '../../../src/shared/stats'

describe('median and IQR (type 7)', () => {
  it('matches R: quantile(1:10) gives 3.25, 5.5, 7.75', () => {
    expect(medianIqr([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ n: 10, median: 5.5, q1: 3.25, q3: 7.75, min: 1, max: 10 })
  })
  it("matches R on Tukey's example quantile(c(6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49)) = 25.5, 40, 42.5", () => {
    const s = medianIqr([6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49])!
    expect([s.q1, s.median, s.q3]).toEqual([25.5, 40, 42.5])
  })
  it('is null without values and refuses non-finite ones', () => {
    expect(medianIqr([])).toBeNull()
    expect(quantile([], 0.5)).toBeNull()
    expect(() => medianIqr([1, Number.NaN])).toThrow(RangeError)
  })
  it('quartiles are ordered and inside the range (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const s = medianIqr(xs)!
        return s.min <= s.q1 && s.q1 <= s.median && s.median <= s.q3 && s.q3 <= s.max && s.n === xs.length
      })
    )
  })
})

describe('paired before/after change', () => {
  it('reports the median of the changes, not the change of the medians', () => {
    // Before medians 300, after 400 (change of medians 100), but the per-patient changes are 10, 20, 200.
    const r = pairedChange([{ before: 300, after: 310 }, { before: 100, after: 400 }, { before: 350, after: 370 }])
    expect(r.n).toBe(3)
    expect(r.change!.median).toBe(20)
    expect(r.after!.median - r.before!.median).toBe(70)
    expect(r).toMatchObject({ increased: 3, decreased: 0, unchanged: 0 })
  })
  it('is empty without pairs', () => {
    expect(pairedChange([])).toMatchObject({ n: 0, change: null })
  })
})

describe('Wilson score interval', () => {
  // Newcombe RG, Stat Med 1998;17:857–872, Table I, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718]
  ])('%s/%s: %s – %s', (k, n, lower, upper) => {
    const ci = wilsonInterval(k, n)
    expect(ci.lower).toBeCloseTo(lower, 4)
    expect(ci.upper).toBeCloseTo(upper, 4)
  })
})

describe('Wilson interval at the ends', () => {
  it('is exactly 0 below 0 successes and exactly 1 above n of n (no rounding error to print as 99.99… %)', () => {
    for (const n of [1, 10, 250, 1999]) {
      expect(wilsonInterval(0, n).lower).toBe(0)
      expect(wilsonInterval(n, n).upper).toBe(1)
      expect(wilsonInterval(0, n).upper).toBeLessThan(1)
      expect(wilsonInterval(n, n).lower).toBeGreaterThan(0)
    }
  })
})

describe('planning accuracy', () => {
  const diameters = [12, 13, 14, 15, 16, 17, 18, 20]
  it('counts catalogue steps, not millimetres', () => {
    expect(compareSizes(16, 16, diameters)).toEqual({ agreement: 'exact', steps: 0, difference: 0 })
    expect(compareSizes(16, 17, diameters)).toMatchObject({ agreement: 'one-size', steps: 1 })
    expect(compareSizes(18, 20, diameters)).toMatchObject({ agreement: 'one-size', steps: 1, difference: 2 })
    expect(compareSizes(14, 17, diameters)).toMatchObject({ agreement: 'further', steps: 3 })
    expect(compareSizes(16, 19, diameters)).toMatchObject({ agreement: 'off-catalogue', steps: null })
  })
  it('summarises with n, leaving off-catalogue sizes out of the shares', () => {
    const s = summariseAccuracy([compareSizes(16, 16, diameters), compareSizes(16, 17, diameters), compareSizes(14, 17, diameters), compareSizes(16, 19, diameters)])
    expect(s.n).toBe(3)
    expect(s.offCatalogue).toBe(1)
    expect(s.exact.share).toBeCloseTo(1 / 3, 12)
    expect(s.withinOne).toMatchObject({ count: 2, n: 3 })
    expect(s.further.count).toBe(1)
    expect(summariseAccuracy([]).exact).toEqual({ count: 0, n: 0, share: null, interval: null })
  })
})
