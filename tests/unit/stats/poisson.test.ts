// Exact Poisson intervals against Ulm (1990), "A simple method to calculate the confidence interval
// of a standardized mortality ratio", Am J Epidemiol 131:373–375, Table 1 (95 % limits, which are
// Garwood's 1936 chi-square limits).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gammaP, incidenceRate, poissonExactInterval } from '../../../src/shared/stats'

describe('exact Poisson interval', () => {
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [2, 0.242, 7.225],
    [3, 0.619, 8.767],
    [5, 1.623, 11.668],
    [10, 4.795, 18.390],
    [20, 12.217, 30.888],
    [50, 37.111, 65.919],
    [100, 81.364, 121.627]
  ])('%s events: 95 %% limits %s – %s', (count, lower, upper) => {
    const ci = poissonExactInterval(count)
    expect(ci.lower).toBeCloseTo(lower, 3)
    expect(ci.upper).toBeCloseTo(upper, 3)
  })

  it('each limit leaves exactly α/2 in its tail (definition of the exact interval)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (x) => {
        const { lower, upper } = poissonExactInterval(x)
        // P(X ≥ x | lower) = P(x, lower) = 0.025 and P(X ≤ x | upper) = Q(x+1, upper) = 0.025.
        return Math.abs(gammaP(x, lower) - 0.025) < 1e-9 && Math.abs(1 - gammaP(x + 1, upper) - 0.025) < 1e-9 && lower < x && x < upper
      })
    )
  })

  it('a 99 % interval contains the 95 % one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (x) => {
        const a = poissonExactInterval(x, 0.95)
        const b = poissonExactInterval(x, 0.99)
        return b.lower <= a.lower && b.upper >= a.upper
      })
    )
  })

  it('refuses counts that are not whole numbers', () => {
    expect(() => poissonExactInterval(1.5)).toThrow(RangeError)
    expect(() => poissonExactInterval(-1)).toThrow(RangeError)
  })
})

describe('incidence per 100 implant-years', () => {
  it('scales the count and its interval by the exposure', () => {
    // 3 infections over 40 implant-years: 7.5 per 100 implant-years, 95 % CI 1.55–21.92.
    const r = incidenceRate(3, 40)
    expect(r.rate).toBeCloseTo(7.5, 10)
    expect(r.lower).toBeCloseTo((0.6187 * 100) / 40, 2)
    expect(r.upper).toBeCloseTo((8.7673 * 100) / 40, 2)
  })
  it('zero events still has an upper limit; zero exposure has no rate', () => {
    expect(incidenceRate(0, 25).upper).toBeCloseTo((3.689 * 100) / 25, 2)
    expect(incidenceRate(0, 25).rate).toBe(0)
    expect(incidenceRate(0, 0)).toMatchObject({ rate: null, lower: null, upper: null })
  })
})
