// Equality by value for the plan column's memoised parts: a part that compares equal is not
// re-rendered, so a wrong "equal" would leave a stale number on screen.
import { describe, expect, it } from 'vitest'
import { basisUnder, sameProps, sameValue } from '../../../src/renderer/src/components/same-value'

describe('sameValue', () => {
  it('is true for equal plain data built apart', () => {
    const make = () => ({ a: 1, b: 'x', c: [1, 2, { d: null, e: undefined }], f: { g: true } })
    expect(sameValue(make(), make())).toBe(true)
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true)
  })

  it('is false for any difference, however deep', () => {
    expect(sameValue({ a: [1, 2, { d: 1 }] }, { a: [1, 2, { d: 2 }] })).toBe(false)
    expect(sameValue({ a: 62.1 }, { a: 62.12 })).toBe(false)
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false)
    expect(sameValue({ a: 1 }, { a: 1, b: 1 })).toBe(false)
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false)
    expect(sameValue([1], { 0: 1 })).toBe(false)
    expect(sameValue(null, {})).toBe(false)
    expect(sameValue('1', 1)).toBe(false)
    expect(sameValue(0, -0)).toBe(false)
  })

  it('compares anything but plain data by identity', () => {
    expect(sameValue(new Date(1), new Date(1))).toBe(false)
    expect(sameValue(new Map([[1, 1]]), new Map([[1, 1]]))).toBe(false)
    const f = () => 1
    expect(sameValue({ f }, { f })).toBe(true)
    expect(sameValue({ f }, { f: () => 1 })).toBe(false)
    // A React element (it may hold a link to its owner): never walked.
    const element = (text: string) => ({ $$typeof: Symbol.for('react.transitional.element'), props: { children: text } })
    expect(sameValue(element('a'), element('a'))).toBe(false)
  })

  it('compares props by value', () => {
    expect(sameProps({ u: 'mm', soft: { targetMm: 70 } }, { u: 'mm', soft: { targetMm: 70 } })).toBe(true)
    expect(sameProps({ u: 'mm', soft: { targetMm: 70 } }, { u: 'in', soft: { targetMm: 70 } })).toBe(false)
  })
})

describe('basisUnder', () => {
  it('keeps the entries under one part of the plan', () => {
    const basis = { 'implant.lengthMm': 1, 'implant.diameterMm': 2, 'softTissue.bmi': 3, implantX: 4 }
    expect(basisUnder(basis, 'implant.')).toEqual({ 'implant.lengthMm': 1, 'implant.diameterMm': 2 })
    expect(basisUnder(basis, 'rehab.')).toEqual({})
  })
})
