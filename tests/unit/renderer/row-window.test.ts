// The library list's rows in view, by arithmetic on one fixed row height.
import { describe, expect, it } from 'vitest'
import { rowWindow } from '../../../src/renderer/src/features/library/use-row-window'

const H = 38

describe('rowWindow', () => {
  it('renders the rows in view and the overscan below at the top', () => {
    // 528 px of 38-px rows: 14 in view (the last partly), 2 more below.
    expect(rowWindow(0, 528, 1000, H, 2)).toEqual({ first: 0, end: 16, before: 0, after: (1000 - 16) * H })
  })

  it('renders the overscan either side when scrolled, keeping the full height as padding', () => {
    const w = rowWindow(100 * H + 10, 528, 1000, H, 2)
    expect(w.first).toBe(98)
    expect(w.end).toBe(100 + 15 + 2)
    expect(w.before + (w.end - w.first) * H + w.after).toBe(1000 * H)
  })

  it('shows the last rows when the list shrank below the scroll offset', () => {
    // Scrolled far down, then a keystroke leaves 20 matches: the browser will clamp the offset.
    const w = rowWindow(500 * H, 528, 20, H, 2)
    expect(w.end).toBe(20)
    expect(w.first).toBeLessThanOrEqual(20 - 14)
    expect(w.before + (w.end - w.first) * H + w.after).toBe(20 * H)
  })

  it('renders every row of a list shorter than the box, and none of an empty one', () => {
    expect(rowWindow(0, 528, 5, H, 2)).toEqual({ first: 0, end: 5, before: 0, after: 0 })
    expect(rowWindow(0, 528, 0, H, 2)).toEqual({ first: 0, end: 0, before: 0, after: 0 })
  })
})
