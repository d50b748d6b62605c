// Display: rescale, window, MONOCHROME1 and invert through the lookup table.
import { describe, expect, it } from 'vitest'
import { defaultWindow, gridOf, renderGray, valueRange } from '../../../src/shared/imaging/window-level'
import type { ImageHeader } from '../../../src/shared/imaging'

function header(over: Partial<ImageHeader> = {}): ImageHeader {
  return { kind: 'dicom', rows: 1, columns: 4, bitsAllocated: 16, bitsStored: 12, signed: false, photometric: 'MONOCHROME2', rescaleSlope: 1, rescaleIntercept: 0, window: null, spacing: { candidates: [], problems: [], conflict: null }, modality: 'DX', frameCount: 1, frameIndex: 0, transferSyntax: '', kept: [], dropped: [], ...over }
}
const gray = (out: Uint8ClampedArray) => [0, 4, 8, 12].map((i) => out[i])

describe('window and level', () => {
  it('maps the window linearly onto 0–255 and clamps outside it', () => {
    const out = new Uint8ClampedArray(16)
    renderGray(header(), Uint16Array.from([0, 1000, 1500, 4000]), { center: 1500, width: 1000, invert: false }, out)
    expect(gray(out)).toEqual([0, 0, 128, 255])
    expect(out[3]).toBe(255)
  })
  it('shows MONOCHROME1 inverted, and Invert turns it back', () => {
    const out = new Uint8ClampedArray(16)
    const h = header({ photometric: 'MONOCHROME1' })
    renderGray(h, Uint16Array.from([0, 1000, 1500, 4000]), { center: 1500, width: 1000, invert: false }, out)
    expect(gray(out)).toEqual([255, 255, 127, 0])
    renderGray(h, Uint16Array.from([0, 1000, 1500, 4000]), { center: 1500, width: 1000, invert: true }, out)
    expect(gray(out)).toEqual([0, 0, 128, 255])
  })
  it('applies rescale slope and intercept, signed samples and bits stored', () => {
    const out = new Uint8ClampedArray(16)
    renderGray(header({ signed: true, bitsStored: 16, rescaleSlope: 2, rescaleIntercept: -1000 }), Int16Array.from([-500, 0, 500, 1000]), { center: 0, width: 2000, invert: false }, out)
    expect(gray(out)).toEqual([0, 0, 128, 255])
    // High bits above Bits Stored are not part of the value.
    renderGray(header(), Uint16Array.from([0xf000, 0xf400, 0, 0]), { center: 1024, width: 2048, invert: false }, out)
    expect(gray(out).slice(0, 2)).toEqual([0, 128])
  })
  it('default window: the file’s, else the value range', () => {
    expect(defaultWindow(header({ window: { center: 5, width: 10 } }), [0])).toEqual({ center: 5, width: 10, invert: false })
    expect(valueRange(header({ rescaleSlope: -1 }), [10, 20])).toEqual({ min: -20, max: -10 })
    expect(defaultWindow(header(), [10, 30])).toEqual({ center: 20, width: 20, invert: false })
  })
  it('default window of a large image: from an even sample of its pixels, within the true range', () => {
    const n = 3_000_000
    const samples = new Uint16Array(n).map((_, i) => 1000 + ((i * 7919) % 3000))
    samples[1] = 9 // between the samples read: not seen
    const all = valueRange(header(), samples, n)
    const sampled = valueRange(header(), samples)
    expect(all).toEqual({ min: 9, max: 3999 })
    expect(sampled.min).toBeGreaterThanOrEqual(all.min)
    expect(sampled.max).toBeLessThanOrEqual(all.max)
    expect(sampled.min).toBeLessThan(1010)
    expect(sampled.max).toBeGreaterThan(3990)
    expect(valueRange(header(), samples)).toEqual(sampled)
    expect(valueRange(header(), [10, 5, 30], 1)).toEqual({ min: 10, max: 10 })
  })
  it('presentation values for edge suggestion: bone bright whatever the photometric', () => {
    expect(gridOf(header({ photometric: 'MONOCHROME1' }), [7, 0, 0, 0]).at(0, 0)).toBe(-7)
    expect(gridOf(header({ rescaleSlope: 2, rescaleIntercept: 1 }), [0, 7, 0, 0]).at(1, 0)).toBe(15)
  })
})
