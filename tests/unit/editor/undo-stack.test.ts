import { describe, expect, it } from 'vitest'
import { canRedo, canUndo, createHistory, record, redo, undo } from '../../../src/renderer/src/features/editor/undo-stack'

describe('undo stack', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory('a')
    h = record(h, 'b', 'x', 0)
    h = record(h, 'c', 'y', 10)
    h = undo(h)
    expect(h.present).toBe('b')
    h = undo(h)
    expect(h.present).toBe('a')
    expect(canUndo(h)).toBe(false)
    h = redo(h)
    h = redo(h)
    expect(h.present).toBe('c')
    expect(canRedo(h)).toBe(false)
  })

  it('merges keystrokes in one field within the window into one step', () => {
    let h = createHistory('')
    h = record(h, '1', 'code', 0)
    h = record(h, '12', 'code', 300)
    h = record(h, '123', 'code', 600)
    expect(undo(h).present).toBe('')
    h = record(h, '1234', 'code', 5000)
    expect(undo(h).present).toBe('123')
  })

  it('does not merge edits of different fields or structural edits (key null)', () => {
    let h = createHistory(0)
    h = record(h, 1, null, 0)
    h = record(h, 2, null, 1)
    expect(undo(h).present).toBe(1)
  })

  it('a new edit after undo drops the redo branch', () => {
    let h = record(record(createHistory('a'), 'b', 'x', 0), 'c', 'y', 10)
    h = record(undo(h), 'd', 'z', 20)
    expect(canRedo(h)).toBe(false)
    expect(undo(h).present).toBe('b')
  })

  it('ignores a no-op edit', () => {
    const h = createHistory('a')
    expect(record(h, 'a', 'x', 0)).toBe(h)
    expect(undo(h)).toBe(h)
    expect(redo(h)).toBe(h)
  })
})
