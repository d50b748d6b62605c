// A display preference being saved is shown at once, and only until its own save has settled.
import { describe, expect, it } from 'vitest'
import { settled, withPending } from '../../../src/renderer/src/features/settings/pending-prefs'

describe('display preferences being saved', () => {
  it('a change is pending until its save settles, then the stored value shows again', () => {
    const p = withPending({}, { lengthUnit: 'cm' })
    expect(p).toEqual({ lengthUnit: 'cm' })
    expect(settled(p, { lengthUnit: 'cm' })).toEqual({})
  })

  it('changes of different preferences are pending side by side and settle one by one', () => {
    let p = withPending({}, { lengthUnit: 'cm' })
    p = withPending(p, { paperSize: 'Letter' })
    expect(p).toEqual({ lengthUnit: 'cm', paperSize: 'Letter' })
    p = settled(p, { paperSize: 'Letter' })
    expect(p).toEqual({ lengthUnit: 'cm' })
    expect(settled(p, { lengthUnit: 'cm' })).toEqual({})
  })

  it('a later change of the same preference stays shown when the earlier save settles', () => {
    let p = withPending({}, { lengthUnit: 'cm' })
    p = withPending(p, { lengthUnit: 'in' })
    p = settled(p, { lengthUnit: 'cm' })
    expect(p).toEqual({ lengthUnit: 'in' })
    expect(settled(p, { lengthUnit: 'in' })).toEqual({})
  })

  it('leaves the pending values it was given unchanged', () => {
    const p = Object.freeze(withPending({}, { massUnit: 'lb' }))
    expect(settled(p, { massUnit: 'lb' })).toEqual({})
    expect(p).toEqual({ massUnit: 'lb' })
  })
})
