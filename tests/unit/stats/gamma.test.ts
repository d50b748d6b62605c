// Incomplete gamma, chi-square and normal quantiles against printed tables.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chiSquareQuantile, gammaP, gammaPInverse, gammaQ, logGamma, normalCdf, normalQuantile } from '../../../src/shared/stats'

describe('log-gamma and the incomplete gamma function', () => {
  it('gives ln Γ of known values (Γ(5) = 24, Γ(½) = √π, Γ(10.5))', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
    // Γ(10.5) = 1133278.3889487855 (Abramowitz & Stegun, Table 6.1 scaled)
    expect(logGamma(10.5)).toBeCloseTo(Math.log(1133278.3889487855), 10)
  })
  it('P(1, x) = 1 − e^−x and P + Q = 1', () => {
    for (const x of [0.01, 0.5, 1, 2, 7.5, 30]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 13)
      expect(gammaP(3.3, x) + gammaQ(3.3, x)).toBeCloseTo(1, 13)
    }
  })
  it('rejects impossible arguments instead of returning NaN', () => {
    expect(() => gammaP(0, 1)).toThrow(RangeError)
    expect(() => gammaP(1, -1)).toThrow(RangeError)
    expect(() => gammaPInverse(1.2, 1)).toThrow(RangeError)
  })
})

describe('chi-square quantiles', () => {
  // Abramowitz & Stegun Table 26.8 / any printed chi-square table.
  it.each([
    [0.95, 1, 3.841459],
    [0.05, 10, 3.940299],
    [0.975, 30, 46.979242],
    [0.5, 2, 1.386294],
    [0.999, 5, 20.515006]
  ])('χ²(%s; %s df) = %s', (p, k, expected) => {
    expect(chiSquareQuantile(p, k)).toBeCloseTo(expected, 5)
  })
})

describe('normal quantiles', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.5, 0],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056]
  ])('z(%s) = %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 10)
  })
  it('Φ and its inverse round-trip', () => {
    fc.assert(fc.property(fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }), (p) => Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-12 * Math.max(1, p / 1e-4)))
  })
})

describe('gammaPInverse (property)', () => {
  it('P(a, P⁻¹(p, a)) = p for shapes 0.5–500', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (p, a) => {
        const x = gammaPInverse(p, a)
        return Math.abs(gammaP(a, x) - p) < 1e-9
      })
    )
  })
})
