import { describe, expect, it } from 'vitest'
import { canonicalOf, rawToText, textToRaw, unitOfRaw, plainTextToRaw } from '../../../src/renderer/src/components/unit-value'

describe('unit-aware input glue', () => {
  it('stores a number typed in the canonical unit as a plain number', () => {
    expect(textToRaw('190.5', 'length', 'mm')).toBe(190.5)
    expect(textToRaw('82', 'mass', 'kg')).toBe(82)
    expect(textToRaw('180', 'height', 'cm')).toBe(180)
  })

  it('stores a number typed in another unit exactly, with its unit, for the core to convert', () => {
    expect(textToRaw('7.5', 'length', 'in')).toBe('7.5 in')
    expect(textToRaw('19.05', 'length', 'cm')).toBe('19.05 cm')
    expect(textToRaw('180', 'mass', 'lb')).toBe('180 lb')
    expect(canonicalOf('7.5 in', 'length')).toBe(190.5)
    expect(canonicalOf('180 lb', 'mass')).toBeCloseTo(81.6466266, 6)
  })

  it('clears the field on empty text and keeps non-numbers as typed (the core reports them)', () => {
    expect(textToRaw('  ', 'length', 'mm')).toBeUndefined()
    expect(textToRaw('7,5', 'length', 'in')).toBe('7,5')
    expect(textToRaw('3 in', 'length', 'mm')).toBe('3 in')
    expect(plainTextToRaw('1.15')).toBe(1.15)
    expect(plainTextToRaw('abc')).toBe('abc')
    expect(plainTextToRaw('')).toBeUndefined()
  })

  it('shows the typed text when the selected unit is the stored one', () => {
    expect(rawToText('7.50 in', 'length', 'in')).toBe('7.50')
    expect(rawToText(190.5, 'length', 'mm')).toBe('190.5')
  })

  it('converts for display when the selected unit differs, without changing what is stored', () => {
    expect(rawToText('7.5 in', 'length', 'mm')).toBe('190.5')
    expect(rawToText('7.5 in', 'length', 'cm')).toBe('19.05')
    expect(rawToText(190.5, 'length', 'in')).toBe('7.5')
    expect(rawToText(100, 'mass', 'lb')).toBe('220.5')
    expect(rawToText(180, 'height', 'in')).toBe('70.87')
  })

  it('recognises the unit a raw value was typed in', () => {
    expect(unitOfRaw('7.5 in', 'length')).toBe('in')
    expect(unitOfRaw('80 kg', 'mass')).toBe('kg')
    expect(unitOfRaw('1.8 m', 'height')).toBeNull()
    expect(unitOfRaw(190, 'length')).toBeNull()
  })

  it('shows a converted value at the precision of its unit, keeping the stored value exact', () => {
    // 253 mm shown in inches: 9.96 in, not 9.96063 (issue #13 item 4).
    expect(rawToText(253, 'length', 'in')).toBe('9.96')
    expect(rawToText(82, 'mass', 'lb')).toBe('180.8')
    expect(rawToText('7.5 in', 'length', 'mm')).toBe('190.5')
    expect(rawToText(17.25, 'length', 'cm')).toBe('1.73')
    expect(rawToText('180 lb', 'mass', 'kg')).toBe('81.6')
  })
})
