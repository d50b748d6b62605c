// Issue #13 §10: the loading chart's ticks never repeat for small loads, and a schedule of one
// point (a finger) still draws a line.
import { describe, expect, test } from 'vitest'
import { dayAxis, niceTicks } from '../../../src/renderer/src/features/print/chart-scale'
import { formatNumber } from '../../../src/shared/format'

const labels = (max: number) => {
  const t = niceTicks(max)
  return t.values.map((v) => formatNumber(v, t.decimals))
}

describe('chart ticks', () => {
  test.each([0.08, 0.15, 1, 1.8, 6, 42, 85, 1234])('labels for a maximum of %s are distinct and reach it', (max) => {
    const shown = labels(max)
    expect(new Set(shown).size).toBe(shown.length)
    expect(niceTicks(max).max).toBeGreaterThanOrEqual(max)
    expect(shown.length).toBeGreaterThanOrEqual(3)
    expect(shown.length).toBeLessThanOrEqual(11)
  })

  test('a finger load (0.08 kg) gets two-decimal ticks, a transhumeral one (1.8 kg) one decimal', () => {
    expect(labels(0.08)).toEqual(['0', '0.02', '0.04', '0.06', '0.08'])
    expect(labels(1.8)).toEqual(['0', '0.5', '1', '1.5', '2'])
  })

  test('the day axis runs past the last scheduled day, so a single point is drawn as a held line', () => {
    const axis = dayAxis(42)
    expect(axis.max).toBeGreaterThanOrEqual(56)
    expect(dayAxis(182).max).toBeGreaterThan(182)
  })
})
