// Exponent notation and absurdly long numbers in clinical fields (issues #13 item 5, #18 item 7):
// refused at the field with a plain message, never read in another unit, never stored as Infinity.
import { describe, expect, it } from 'vitest'
import { isFieldError, parseHeight, parseLength, parseMass, parseCase } from '../../../src/shared/index'
import { readDecimal } from '../../../src/shared/units'
import { plainTextToRaw, textToRaw } from '../../../src/renderer/src/components/unit-value'
import { parseStationsPaste } from '../../../src/renderer/src/features/editor/paste-stations'
import { readFileSync } from 'node:fs'

const message = (r: unknown) => (isFieldError(r) ? r.message : `accepted as ${String(r)}`)

describe('exponent notation in clinical fields', () => {
  it('is refused in lengths, masses and heights, with or without a unit', () => {
    expect(message(parseLength('1e3', 'bone.residualLength'))).toMatch(/exponent/)
    expect(message(parseMass('1.8e2', 'patient.weight'))).toMatch(/exponent/)
    expect(message(parseMass('1.8e2 lb', 'patient.weight'))).toMatch(/exponent/)
    expect(message(parseLength('3e0 cm', 'bone.residualLength'))).toMatch(/exponent/)
    expect(message(parseHeight('1.8E2', 'patient.height'))).toMatch(/exponent/)
  })

  it('keeps the selected unit when typed in the form, so nothing reads it in another unit', () => {
    expect(textToRaw('1.8e2', 'mass', 'lb')).toBe('1.8e2 lb')
    expect(textToRaw('3e0', 'length', 'cm')).toBe('3e0 cm')
    expect(message(parseMass(textToRaw('1.8e2', 'mass', 'lb'), 'patient.weight'))).toMatch(/exponent/)
  })

  it('is refused in plain number fields of a case (age, magnification)', () => {
    const c = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, any>
    c.patient.ageYears = '5e1'
    const r = parseCase(c)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.find((e) => e.path === 'patient.ageYears')?.message).toMatch(/exponent/)
  })
})

describe('a 400-digit number', () => {
  const huge = '9'.repeat(400)
  it('never becomes Infinity in the draft: kept as text and refused by the core at the field', () => {
    expect(readDecimal(huge)).toBeNull()
    const raw = textToRaw(huge, 'length', 'mm')
    expect(raw).toBe(huge)
    expect(plainTextToRaw(huge)).toBe(huge)
    expect(message(parseLength(raw, 'bone.residualLength'))).toMatch(/too many digits/)
    expect(parseStationsPaste(`${huge}\t20\t30\n10\t20\t30`).stations[0]?.fromDistalEnd).toBe(huge)
  })

  it('is refused in a plain number field with a field-level message', () => {
    const c = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, any>
    c.patient.ageYears = plainTextToRaw(huge)
    const r = parseCase(c)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.find((e) => e.path === 'patient.ageYears')?.message).toMatch(/too many digits/)
  })
})
