// The allowed units are converted without mathjs (its set-up costs ~0.2 s on the first unit string
// of a restore); the result must be the very same number mathjs gives, for every allowed unit,
// every canonical unit of its kind and any value a clinician can write.
import fc from 'fast-check'
import { create, unitDependencies } from 'mathjs'
import { describe, expect, it } from 'vitest'
import { type Canonical, convertUnit, convertUnitWithMathjs, LENGTH_UNIT_NAMES, MASS_UNIT_NAMES, parseHeight, parseLength, parseMass } from '../../../src/shared/units'

const math = create({ unitDependencies: unitDependencies! })
const pairs: Array<[string, Canonical]> = [
  ...LENGTH_UNIT_NAMES.flatMap((name) => [[name, 'mm'], [name, 'cm']] as Array<[string, Canonical]>),
  ...MASS_UNIT_NAMES.map((name) => [name, 'kg'] as [string, Canonical])
]

/** Decimal texts as the case format allows them: up to 15 digits, with or without a point. */
const decimalText = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{0,6}$/), { nil: undefined }))
  .map(([sign, whole, frac]) => `${sign}${whole}${frac === undefined ? '' : `.${frac}`}`)

describe('unit conversion without mathjs', () => {
  it('knows every allowed unit, with the size mathjs gives it', () => {
    for (const [name, canonical] of pairs) {
      expect(convertUnit(1, name, canonical)).toBe(math.unit(1, name).toNumber(canonical))
    }
  })

  it('gives the same number as mathjs for every allowed unit and any written value (property)', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(...pairs), (text, [name, canonical]) => {
        const value = Number(text)
        expect(Object.is(convertUnit(value, name, canonical), math.unit(value, name).toNumber(canonical))).toBe(true)
      }),
      { numRuns: 5_000 }
    )
  })

  it('gives the same number as mathjs for arbitrary doubles too (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.constantFrom(...pairs), (value, [name, canonical]) => {
        expect(Object.is(convertUnit(value, name, canonical), math.unit(value, name).toNumber(canonical))).toBe(true)
      }),
      { numRuns: 5_000 }
    )
  })

  it('parses unit strings to the same values as before (mathjs reference, cleaned)', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(...pairs), fc.constantFrom('', ' ', '  '), (text, [name, canonical], gap) => {
        const parse = canonical === 'kg' ? parseMass : canonical === 'cm' ? parseHeight : parseLength
        const expected = convertUnitWithMathjs(Number(text), name, canonical)
        const cleaned = Math.abs(expected) < 1e6 ? Math.round(expected * 1e9) / 1e9 : expected
        expect(parse(`${text}${gap}${name}`, 'p')).toBe(cleaned)
      }),
      { numRuns: 5_000 }
    )
  })

  it('leaves a unit outside the table to mathjs', () => {
    expect(convertUnit(2, 'km', 'mm')).toBe(math.unit(2, 'km').toNumber('mm'))
  })
})
