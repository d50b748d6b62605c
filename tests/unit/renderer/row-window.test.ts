// The library list's rows in view, by arithmetic on one fixed row height.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listBoxHeight, rowWindow } from '../../../src/renderer/src/features/library/use-row-window'

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

describe('listBoxHeight (the first render, before the scroll box is measured)', () => {
  it("is library.css's max-height of the scroll box, so the first render has the rows the box shows", () => {
    const css = readFileSync(join(__dirname, '../../../src/renderer/src/features/library/library.css'), 'utf8')
    expect(css).toMatch(/\.plan-scroll \{[^}]*max-height: max\(18rem, calc\(100vh - 17rem\)\)/)
    // An 800-px window at 16-px rem: 528 px, the 16 rows of the first test above (not 24).
    expect(listBoxHeight(800, 16)).toBe(528)
    expect(rowWindow(0, listBoxHeight(800, 16), 1000, H, 2).end).toBe(16)
    // A low window: the box keeps its 18rem.
    expect(listBoxHeight(400, 16)).toBe(288)
    expect(listBoxHeight(800, 20)).toBe(460)
  })
})
