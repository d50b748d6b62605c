// Calibration arithmetic: the four kinds, and the imaging section each becomes for R-MAG.
import { describe, expect, it } from 'vitest'
import { calibrate, resizedPixelSpacing, trueScale, type SpacingCandidate } from '../../../src/shared/imaging'
import { interpretSpacing, parseDecimalString } from '../../../src/shared/imaging/spacing'

const detector: SpacingCandidate = { id: 'imager-pixel-spacing', plane: 'detector', rowMm: 0.3, colMm: 0.3, label: 'IPS 0.3' }
const ermf: SpacingCandidate = { id: 'imager-ermf', plane: 'corrected', rowMm: 0.3 / 1.15, colMm: 0.3 / 1.15, ermf: 1.15, label: 'IPS ÷ ERMF 1.15' }
const ps: SpacingCandidate = { id: 'pixel-spacing', plane: 'corrected', rowMm: 0.25, colMm: 0.25, label: 'PS 0.25' }

function cal(input: Parameters<typeof calibrate>[0]) {
  const r = calibrate(input)
  if (!r.ok) throw new Error(r.error)
  return r.calibration
}

describe('calibration from the file', () => {
  it('ERMF-corrected spacing: detector mm in the case, the ERMF as its magnification', () => {
    const c = cal({ kind: 'file', spacing: ermf })
    expect(c.scale.rowMm).toBeCloseTo(0.3, 12)
    expect(c.imaging).toEqual({ source: 'xray', magnification: 1.15 })
    expect(trueScale(c, undefined)?.rowMm).toBeCloseTo(0.3 / 1.15, 12)
  })
  it('Pixel Spacing at the patient: true size, already calibrated', () => {
    const c = cal({ kind: 'file', spacing: ps })
    expect(c).toMatchObject({ scale: { rowMm: 0.25, colMm: 0.25 }, imaging: { source: 'calibrated' } })
  })
  it('detector spacing alone: X-ray without a factor (R-MAG applies the site default and warns)', () => {
    const c = cal({ kind: 'file', spacing: detector })
    expect(c.imaging).toEqual({ source: 'xray' })
    expect(c.label).toMatch(/not corrected/)
  })
  it('refuses an ERMF the plan cannot take', () => {
    expect(calibrate({ kind: 'file', spacing: { ...ermf, ermf: 1.5 } })).toEqual({ ok: false, error: expect.stringMatching(/1\.5 is outside 1\.00–1\.30/) })
  })
})

describe('calibration from a marker', () => {
  it('on a detector-spaced image: the marker as measured at the detector', () => {
    // 25 mm ball × 1.15 = 28.75 mm = 95.8333 px at 0.3 mm.
    const c = cal({ kind: 'marker', trueSizeMm: 25, from: { x: 100, y: 50 }, to: { x: 100 + 28.75 / 0.3, y: 50 }, detector })
    expect(c.imaging).toEqual({ source: 'xray', marker: { trueSize: 25, measuredSize: 28.75 } })
    expect(c.scale).toEqual({ rowMm: 0.3, colMm: 0.3 })
    expect(c.label).toBe('marker 25 mm (magnification 1.15)')
  })
  it('on a picture with no spacing: the marker sets the true pixel size', () => {
    const c = cal({ kind: 'marker', trueSizeMm: 25, from: { x: 0, y: 0 }, to: { x: 30, y: 40 }, detector: null })
    expect(c.imaging).toEqual({ source: 'calibrated' })
    expect(c.scale.rowMm).toBeCloseTo(0.5, 12)
  })
  it('refuses a marker that implies an impossible magnification', () => {
    const r = calibrate({ kind: 'marker', trueSizeMm: 25, from: { x: 0, y: 0 }, to: { x: 50, y: 0 }, detector })
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/measures 15 mm at the detector.*magnification of 0\.6/) })
  })
  it('refuses a line too short to calibrate and a non-positive size', () => {
    expect(calibrate({ kind: 'marker', trueSizeMm: 25, from: { x: 0, y: 0 }, to: { x: 5, y: 0 }, detector }).ok).toBe(false)
    expect(calibrate({ kind: 'marker', trueSizeMm: 0, from: { x: 0, y: 0 }, to: { x: 90, y: 0 }, detector }).ok).toBe(false)
    expect(calibrate({ kind: 'marker', trueSizeMm: NaN, from: { x: 0, y: 0 }, to: { x: 90, y: 0 }, detector }).ok).toBe(false)
  })
})

describe('known distance and department factor', () => {
  it('known distance keeps the pixel aspect and gives true size', () => {
    const aniso: SpacingCandidate = { ...detector, rowMm: 0.2, colMm: 0.4 }
    // Vertical line of 100 px = 20 mm detector-scaled; true length 10 mm → scale halves.
    const c = cal({ kind: 'known-distance', trueLengthMm: 10, from: { x: 5, y: 0 }, to: { x: 5, y: 100 }, detector: aniso })
    expect(c.scale.rowMm).toBeCloseTo(0.1, 12)
    expect(c.scale.colMm).toBeCloseTo(0.2, 12)
    expect(c.imaging).toEqual({ source: 'calibrated' })
  })
  it('department factor: on detector spacing only, within 1.00–1.30, with its provenance named', () => {
    const c = cal({ kind: 'department', factor: 1.18, provenance: 'site default, REFERENCE.md §4', detector })
    expect(c.imaging).toEqual({ source: 'xray', magnification: 1.18 })
    expect(c.label).toMatch(/1\.18.*site default/)
    expect(calibrate({ kind: 'department', factor: 1.4, provenance: '', detector }).ok).toBe(false)
    expect(calibrate({ kind: 'department', factor: 1.15, provenance: '', detector: ps }).ok).toBe(false)
  })
})

describe('spacing tags', () => {
  it('parses decimal strings strictly', () => {
    expect(parseDecimalString(' 0.139 ')).toBe(0.139)
    expect(parseDecimalString('1e-1')).toBe(0.1)
    for (const bad of ['NaN', 'Infinity', '', '0.1mm', '0x10']) expect(parseDecimalString(bad)).toBeNull()
  })
  it.each([
    ['0\\0', /not a usable pixel size/],
    ['-0.1\\-0.1', /not a usable pixel size/],
    ['NaN\\NaN', /not two numbers/],
    ['0.1', /not two numbers/],
    ['50\\50', /at most 10 mm/]
  ])('ignores Pixel Spacing %s and says why', (value, message) => {
    const s = interpretSpacing({ pixelSpacing: value })
    expect(s.candidates).toEqual([])
    expect(s.problems[0]).toMatch(message)
  })
  it('Pixel Spacing equal to Imager Pixel Spacing is the detector size, not a correction', () => {
    const s = interpretSpacing({ pixelSpacing: '0.3\\0.3', imagerPixelSpacing: '0.3\\0.3' })
    expect(s.candidates.map((c) => c.plane)).toEqual(['detector', 'detector'])
    expect(s.conflict).toBeNull()
  })
  it('agreeing corrected spacings are no conflict', () => {
    const s = interpretSpacing({ pixelSpacing: '0.26087\\0.26087', imagerPixelSpacing: '0.3\\0.3', ermf: '1.15' })
    expect(s.conflict).toBeNull()
  })
  it('ignores an ERMF that is not a factor', () => {
    const s = interpretSpacing({ imagerPixelSpacing: '0.3\\0.3', ermf: 'NaN' })
    expect(s.candidates.map((c) => c.id)).toEqual(['imager-pixel-spacing'])
    expect(s.problems[0]).toMatch(/Magnification Factor/)
  })
})

describe('true size of a calibration', () => {
  it('detector-plane spacing with no plan yet: no true size is guessed; with the plan, its R-MAG factor applies', () => {
    const c = cal({ kind: 'file', spacing: detector })
    expect(c.imaging).toEqual({ source: 'xray' })
    expect(trueScale(c, undefined)).toBeNull()
    expect(trueScale(c, 1.2)?.colMm).toBeCloseTo(0.3 / 1.2, 12)
  })
})

describe('Pixel Spacing of a resized copy (the filed Secondary Capture)', () => {
  it('is the true size per source pixel times source pixels per output pixel, [rows, columns]', () => {
    const c = cal({ kind: 'file', spacing: { ...ermf, rowMm: 0.3 / 1.15, colMm: 0.2 / 1.15 } })
    // 3,000 × 2,000 (rows × columns) scaled down to 1,200 × 800: 2.5 source pixels per output pixel.
    const [row, col] = resizedPixelSpacing(c, { rows: 3000, columns: 2000 }, { rows: 1200, columns: 800 })!
    expect(row).toBeCloseTo((0.3 / 1.15) * 2.5, 12)
    expect(col).toBeCloseTo((0.2 / 1.15) * 2.5, 12)
    // Not resized: the true size itself.
    expect(resizedPixelSpacing(c, { rows: 3000, columns: 2000 }, { rows: 3000, columns: 2000 })).toEqual([trueScale(c, undefined)!.rowMm, trueScale(c, undefined)!.colMm])
  })
  it('has none where the calibration states no true size of its own (the site default factor is not filed as one)', () => {
    const c = cal({ kind: 'file', spacing: detector })
    expect(resizedPixelSpacing(c, { rows: 100, columns: 100 }, { rows: 50, columns: 50 })).toBeNull()
    // A stated factor is one: the department's, on the detector size.
    const d = cal({ kind: 'department', factor: 1.2, provenance: 'site', detector })
    expect(resizedPixelSpacing(d, { rows: 100, columns: 100 }, { rows: 50, columns: 50 })![0]).toBeCloseTo((0.3 / 1.2) * 2, 12)
  })
})
