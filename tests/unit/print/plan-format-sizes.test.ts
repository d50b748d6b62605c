// Issue #13 items 3 and 11, as the editor, print and plan --text show them (plan-format.ts):
// catalogue sizes stay in mm whatever the display unit (inches only in brackets after), and a
// one-value stage-2 interval is said once ("182 days", never "182–182 days").
import { describe, expect, it } from 'vitest'
import { formatMmAtMost, formatSize } from '../../../src/shared/format'
import { contactText, diameterText, implantSizeText, stageDaysText } from '../../../src/shared/plan-format'

describe('catalogue sizes are shown in mm', () => {
  it('with inches displayed, the mm size leads and the inch equivalent follows in brackets', () => {
    expect(implantSizeText(18.5, 80, 'in')).toBe('Ø 18.5 mm (0.728 in) × 80 mm (3.15 in)')
    expect(diameterText(18.5, 'in')).toBe('Ø 18.5 mm (0.728 in)')
  })
  it('a limit in inches stays apart from the value beside it (a 29.9 mm contact against 30 mm required)', () => {
    expect(contactText(29.9, 30, 'in')).toBe('1.18 in')
    expect(formatSize(30, 'in')).toBe('30 mm (1.181 in)')
  })
  it('the longest length the bone allows is not shown below a size that fits it, in inches', () => {
    expect(formatSize(160, 'in')).toBe('160 mm (6.299 in)')
    expect(formatMmAtMost(160.01, 'in')).toBe('6.299 in')
  })
  it('in mm and cm the size is the catalogue size, exactly, in mm', () => {
    expect(implantSizeText(15.25, 140, 'mm')).toBe('Ø 15.25 mm × 140 mm')
    expect(implantSizeText(15.25, 140, 'cm')).toMatch(/^Ø 15\.25 mm\b.* × 140 mm\b/)
  })
})

describe('stage-2 interval', () => {
  it('one value is said once; a range keeps its dash', () => {
    expect(stageDaysText({ min: 182, max: 182 })).toBe('182 days')
    expect(stageDaysText({ min: 28, max: 56 })).toBe('28–56 days')
  })
})
