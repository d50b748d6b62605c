import { describe, expect, test } from 'vitest'
import { formatCompared } from '../../../src/renderer/src/features/review/compare-format'
import { formatKg, formatMm } from '../../../src/shared/format'

const MM_KG = { length: 'mm', mass: 'kg' } as const

describe('compare view values', () => {
  test('result numbers are rounded as the editor and print round them', () => {
    expect(formatCompared('rehab.schedule[3].loadKg', 65.38461538461539, MM_KG)).toBe('65.4 kg')
    expect(formatCompared('implant.contactLengthMm', 33.33333333333333, MM_KG)).toBe(formatMm(33.33333333333333))
    expect(formatCompared('corrected.magnification', 1.15, MM_KG)).toBe('1.15×')
    expect(formatCompared('softTissue.bmi', 25.880570635020828, MM_KG)).toBe('25.9 kg/m²')
    expect(formatCompared('stages.stage2AfterDays.min', 182, MM_KG)).toBe('182 days')
  })

  test('case-file fields in their canonical units, converted to the display units', () => {
    const inLb = { length: 'in', mass: 'lb' } as const
    expect(formatCompared('bone.stations[2].endosteal', 17.25, MM_KG)).toBe('17.3 mm')
    expect(formatCompared('bone.stations[2].endosteal', 17.25, inLb)).toBe(formatMm(17.25, 'in'))
    expect(formatCompared('patient.weight', 82, inLb)).toBe(formatKg(82, 'lb'))
    expect(formatCompared('patient.height', 178, MM_KG)).toBe('178 cm')
    expect(formatCompared('patient.hipFlexionContractureDeg', 5, MM_KG)).toBe('5°')
  })

  test('other numbers to two decimals; text, booleans and absent values as they are', () => {
    expect(formatCompared('patient.tScore', -1.2345, MM_KG)).toBe('-1.23')
    expect(formatCompared('patient.sex', 'male', MM_KG)).toBe('male')
    expect(formatCompared('rehab.slowSuggested', false, MM_KG)).toBe('false')
    expect(formatCompared('implant.larger', undefined, MM_KG)).toBe('—')
    expect(formatCompared('bone.residualLength', '7.5 in', MM_KG)).toBe('7.5 in')
  })
})
