import { describe, expect, it } from 'vitest'
import {
  convertLength,
  convertMass,
  formatBmi,
  formatDays,
  formatKg,
  formatMagnification,
  formatMm,
  formatNumber,
  formatPercent,
  formatValue,
  isFieldError,
  parseHeight,
  parseLength,
  parseMass,
  toKg,
  toMm
} from '../../../src/shared/index'

const P = 'bone.residualLength'

describe('parseLength', () => {
  it('takes plain numbers as millimetres', () => {
    expect(parseLength(25, P)).toBe(25)
    expect(parseLength(0, P)).toBe(0)
  })
  it('converts unit strings with mathjs (1 in = 25.4 mm exactly)', () => {
    expect(parseLength('7.5 in', P)).toBe(190.5) // 7.5 × 25.4
    expect(parseLength('19.05 cm', P)).toBe(190.5) // 19.05 × 10
    expect(parseLength('3 in', P)).toBe(76.2) // 76.19999999999999 before float-noise cleaning
    expect(parseLength('0.1905 m', P)).toBe(190.5)
    expect(parseLength('190.5mm', P)).toBe(190.5)
    expect(parseLength('1 ft', P)).toBe(304.8)
    expect(parseLength('  12.5 mm  ', P)).toBe(12.5)
  })
  it('accepts a numeric string as the canonical unit', () => {
    expect(parseLength('25', P)).toBe(25)
  })
  it('rejects a decimal comma and suggests the decimal point', () => {
    const e = parseLength('12,5 mm', P)
    expect(isFieldError(e) && e.path).toBe(P)
    expect(isFieldError(e) && e.message).toContain('"12.5 mm"')
    const e2 = parseLength('12,5', P)
    expect(isFieldError(e2) && e2.message).toContain('"12.5"')
  })
  it('does not turn "1,000 mm" into "1.000 mm" (one): a comma before three digits may separate thousands', () => {
    const e = parseLength('1,000 mm', P)
    expect(isFieldError(e) && e.message).toBe('a comma is neither a decimal point nor a thousands separator here: write "1000 mm" for 1000, or "1.000 mm" for 1.000')
  })
  it('explains that units are case-sensitive', () => {
    const e = parseLength('25 MM', P)
    expect(isFieldError(e) && e.message).toBe('units are case-sensitive: write "25 mm"')
  })
  it('rejects a unit of the wrong kind', () => {
    const e = parseLength('12 kg', P)
    expect(isFieldError(e) && e.message).toBe('"12 kg" is a mass; expected a length (mm, cm, m or in)')
    const m = parseMass('12 mm', 'patient.weight')
    expect(isFieldError(m) && m.message).toBe('"12 mm" is a length; expected a mass (kg or lb)')
  })
  it('rejects unknown units, garbage, NaN, Infinity and wrong types', () => {
    expect(isFieldError(parseLength('12 parsec', P)) && (parseLength('12 parsec', P) as { message: string }).message).toBe(
      'unknown unit "parsec"; use mm, cm, m or in'
    )
    for (const bad of ['abc', '1 2 mm', 'mm', '--3 mm']) expect(isFieldError(parseLength(bad, P))).toBe(true)
    expect(parseLength(Number.NaN, P)).toEqual({ path: P, message: 'must be a finite number' })
    expect(parseLength(Infinity, P)).toEqual({ path: P, message: 'must be a finite number' })
    expect(parseLength(true, P)).toMatchObject({ path: P, message: expect.stringContaining('must be a number (mm)') })
    expect(parseLength(undefined, P)).toEqual({ path: P, message: 'is required', code: 'required' })
    expect(parseLength('', P)).toEqual({ path: P, message: 'is required', code: 'required' })
  })
  it('checks ranges, including negative unit strings', () => {
    expect(parseLength('-5 mm', P, { min: 0 })).toEqual({ path: P, message: 'must not be negative' })
    expect(parseLength(0, P, { min: 0, minInclusive: false })).toEqual({ path: P, message: 'must be greater than 0' })
    expect(parseLength(1001, P, { max: 1000 })).toEqual({ path: P, message: 'must be at most 1000 mm' })
    expect(parseLength(1000, P, { max: 1000 })).toBe(1000)
  })
})

describe('parseMass and parseHeight', () => {
  it('converts pounds (1 lb = 0.45359237 kg) and grams', () => {
    expect(parseMass('180 lb', 'w')).toBeCloseTo(81.6466266, 9) // 180 × 0.45359237
    expect(parseMass('150 g', 'w')).toBe(0.15)
    expect(parseMass(82, 'w')).toBe(82)
  })
  it('reads body height in centimetres', () => {
    expect(parseHeight('1.8 m', 'h')).toBe(180)
    expect(parseHeight(175, 'h')).toBe(175)
    expect(parseHeight('70 in', 'h')).toBe(177.8) // 70 × 2.54
  })
})

describe('convert and format', () => {
  it('converts for display and back', () => {
    expect(convertLength(254, 'in')).toBe(10)
    expect(convertLength(254, 'cm')).toBe(25.4)
    expect(convertLength(254, 'mm')).toBe(254)
    expect(convertMass(0.45359237, 'lb')).toBe(1)
    expect(toMm(10, 'in')).toBe(254)
    expect(toMm(2.54, 'cm')).toBe(25.4)
    expect(toKg(1, 'lb')).toBe(0.45359237)
  })
  it('formats with display rounding only', () => {
    expect(formatMm(16.5)).toBe('16.5 mm')
    expect(formatMm(15.000000000000002)).toBe('15 mm')
    expect(formatMm(165, 'cm')).toBe('16.5 cm')
    expect(formatMm(190.5, 'in')).toBe('7.5 in')
    expect(formatKg(81.6466266)).toBe('81.6 kg')
    expect(formatKg(81.6466266, 'lb')).toBe('180 lb')
    expect(formatNumber(-0.01, 1)).toBe('0')
    expect(formatNumber(-1.25, 1)).toBe('-1.3')
    expect(formatNumber(Number.NaN)).toBe('—')
    expect(formatMagnification(1.15)).toBe('1.15×')
    expect(formatPercent(0.5)).toBe('50 %')
    expect(formatBmi(25.88)).toBe('25.9 kg/m²')
    expect(formatDays(42)).toBe('day 42')
    expect(formatValue([16, 16.5], 'mm')).toBe('16, 16.5 mm')
    expect(formatValue(null, 'mm')).toBe('—')
  })
})
