// Drawing the annotated radiograph: the output size, and the scene drawn where the shared
// geometry puts it (recorded on a stand-in 2D context; the pixels themselves are checked in the
// browser tests, read back from the PACS).
import { describe, expect, it } from 'vitest'
import { drawScene, outputSize } from '../../../src/renderer/src/features/imaging/annotated-render'
import type { AnnotationScene } from '../../../src/shared/imaging'

function recorder() {
  const calls: [string, ...unknown[]][] = []
  const ctx = new Proxy(
    { measureText: (t: string) => ({ width: t.length * 10 }) } as Record<string, unknown>,
    {
      get: (target, key: string) => target[key] ?? ((...args: unknown[]) => void calls.push([key, ...args])),
      set: (_t, key: string, value) => (calls.push([`${key}=`, value]), true)
    }
  )
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls }
}

describe('output size', () => {
  it('scales a large image down to the longest side allowed, never a small one up', () => {
    expect(outputSize(3000, 1500, 2048)).toEqual({ k: 2048 / 3000, width: 2048, height: 1024 })
    expect(outputSize(520, 1400, 2048)).toEqual({ k: 1, width: 520, height: 1400 })
  })
})

describe('drawing the scene', () => {
  const scene: AnnotationScene = {
    marks: [
      { kind: 'polygon', role: 'implant', points: [{ x: 10, y: 10 }, { x: 10, y: 50 }, { x: 20, y: 50 }, { x: 20, y: 10 }] },
      { kind: 'line', role: 'prepared', a: { x: 11, y: 10 }, b: { x: 11, y: 50 }, dashed: true },
      { kind: 'label', role: 'tip-margin', at: { x: 90, y: 30 }, text: 'longest implant' }
    ],
    scaleBar: null,
    calibrationText: 'calibration: marker 25 mm'
  }

  it('draws each mark in its colour at its image coordinates; dashed lines dashed, solid ones solid', () => {
    const { ctx, calls } = recorder()
    drawScene(ctx, scene, 1, 100, 100)
    expect(calls.filter((c) => c[0] === 'moveTo' || c[0] === 'lineTo').map((c) => c.slice(1))).toEqual([
      [10, 10],
      [10, 50],
      [20, 50],
      [20, 10],
      [11, 10],
      [11, 50]
    ])
    const dashes = calls.filter((c) => c[0] === 'setLineDash').map((c) => (c[1] as number[]).length > 0)
    expect(dashes).toEqual([false, true, false])
    expect(calls.filter((c) => c[0] === 'strokeStyle=').map((c) => c[1])).toContain('#ff9f40')
  })

  it('keeps a label on the image: one that would run off the right edge moves left and up off its line', () => {
    const { ctx, calls } = recorder()
    drawScene(ctx, scene, 1, 100, 100)
    const text = calls.find((c) => c[0] === 'fillText')!
    // 15 characters × 10 = 150 px wider than the 100 px image: pinned at the left edge.
    expect(text[1]).toBe('longest implant')
    expect(text[2]).toBe(0)
    expect(text[3]).toBeLessThan(30)
    const wide = recorder()
    drawScene(wide.ctx, scene, 1, 400, 100)
    expect(wide.calls.find((c) => c[0] === 'fillText')!.slice(1)).toEqual(['longest implant', 90, 30])
  })
})
