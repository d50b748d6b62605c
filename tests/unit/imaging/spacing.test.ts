// Which plane a file's Pixel Spacing is in: true size at the patient only for cross-sectional
// modalities, or for a projection radiograph whose Pixel Spacing Calibration Type says GEOMETRY or
// FIDUCIAL; otherwise it is taken as the detector size (magnified), so R-MAG still corrects it.
import { describe, expect, it } from 'vitest'
import { writeDicom, type DicomElement } from '../../../scripts/imaging/dicom-writer'
import { earlierSpacingReading, interpretSpacing } from '../../../src/shared/imaging/spacing'
import { calibrate, readDicom, type SpacingCandidate } from '../../../src/shared/imaging'
import { parsed } from './phantoms'

const planes = (cs: SpacingCandidate[]) => cs.map((c) => [c.id, c.plane])
const ps = (cs: SpacingCandidate[]) => cs.find((c) => c.id === 'pixel-spacing')!

/** A 2 × 2 grayscale image with the given modality and spacing tags. */
function tiny(modality: string | null, extra: DicomElement[]): Uint8Array {
  return writeDicom([
    ...(modality === null ? [] : [{ group: 0x0008, element: 0x0060, vr: 'CS', value: modality }]),
    { group: 0x0028, element: 0x0002, vr: 'US', value: 1 },
    { group: 0x0028, element: 0x0004, vr: 'CS', value: 'MONOCHROME2' },
    { group: 0x0028, element: 0x0010, vr: 'US', value: 2 },
    { group: 0x0028, element: 0x0011, vr: 'US', value: 2 },
    { group: 0x0028, element: 0x0100, vr: 'US', value: 8 },
    { group: 0x0028, element: 0x0101, vr: 'US', value: 8 },
    ...extra,
    { group: 0x7fe0, element: 0x0010, vr: 'OB', value: new Uint8Array(4) }
  ])
}
const PS = (v: string): DicomElement => ({ group: 0x0028, element: 0x0030, vr: 'DS', value: v })
const IPS = (v: string): DicomElement => ({ group: 0x0018, element: 0x1164, vr: 'DS', value: v })
const TYPE = (v: string): DicomElement => ({ group: 0x0028, element: 0x0a02, vr: 'CS', value: v })
const DESCRIPTION = (v: string): DicomElement => ({ group: 0x0028, element: 0x0a04, vr: 'LO', value: v })
function spacingOf(bytes: Uint8Array) {
  const r = readDicom(bytes)
  if (!r.ok) throw new Error(r.error)
  return r.image.header.spacing
}

describe('Pixel Spacing of a projection radiograph', () => {
  it('CR with Pixel Spacing only: taken as at the detector (magnified), so R-MAG corrects it', () => {
    const s = spacingOf(tiny('CR', [PS('0.139\\0.139')]))
    expect(planes(s.candidates)).toEqual([['pixel-spacing', 'detector']])
    expect(ps(s.candidates).label).toBe('Pixel Spacing 0.139 mm (no calibration stated: taken as at the detector, magnified)')
    expect(s.conflict).toBeNull()
    // From the file: X-ray without a factor (the site default applies, with its warning).
    const c = calibrate({ kind: 'file', spacing: ps(s.candidates) })
    expect(c).toMatchObject({ ok: true, calibration: { imaging: { source: 'xray' }, scale: { rowMm: 0.139, colMm: 0.139 } } })
    expect(c.ok && c.calibration.label).toMatch(/not corrected \(the site default factor applies\)/)
    // A department factor may use it as the detector size.
    expect(calibrate({ kind: 'department', factor: 1.15, provenance: 'site default', detector: ps(s.candidates) })).toMatchObject({ ok: true, calibration: { imaging: { source: 'xray', magnification: 1.15 } } })
  })

  it.each(['CR', 'DX', 'MG', 'IO', 'PX', 'RF', 'XA', 'OT', 'NM', 'US', ''])('modality "%s" without a calibration type: detector', (modality) => {
    expect(interpretSpacing({ modality, pixelSpacing: '0.2\\0.2' }).candidates.map((c) => c.plane)).toEqual(['detector'])
  })

  it('no Modality at all: treated as a projection', () => {
    expect(planes(spacingOf(tiny(null, [PS('0.2\\0.2')])).candidates)).toEqual([['pixel-spacing', 'detector']])
  })

  it('DX with Pixel Spacing Calibration Type GEOMETRY: true size, labelled with its type', () => {
    const s = spacingOf(tiny('DX', [PS('0.125\\0.125'), TYPE('GEOMETRY')]))
    expect(planes(s.candidates)).toEqual([['pixel-spacing', 'corrected']])
    expect(ps(s.candidates).label).toBe('Pixel Spacing 0.125 mm (calibrated at the patient: GEOMETRY)')
    expect(calibrate({ kind: 'file', spacing: ps(s.candidates) })).toMatchObject({ ok: true, calibration: { imaging: { source: 'calibrated' } } })
    expect(calibrate({ kind: 'department', factor: 1.15, provenance: 'site default', detector: ps(s.candidates) })).toMatchObject({ ok: false })
  })

  it('FIDUCIAL with its description; the type is read as a code string (case and spaces ignored)', () => {
    const s = spacingOf(tiny('CR', [PS('0.125\\0.125'), TYPE(' fiducial '), DESCRIPTION('25 mm ball')]))
    expect(ps(s.candidates)).toMatchObject({ plane: 'corrected', label: 'Pixel Spacing 0.125 mm (calibrated at the patient: FIDUCIAL, "25 mm ball")' })
    for (const type of ['geometry', 'Geometry  ', '  GEOMETRY\0']) expect(ps(interpretSpacing({ modality: 'DX', pixelSpacing: '0.1\\0.1', calibrationType: type }).candidates).plane).toBe('corrected')
  })

  it('a calibration type that is neither GEOMETRY nor FIDUCIAL is not a calibration', () => {
    const c = ps(interpretSpacing({ modality: 'DX', pixelSpacing: '0.1\\0.1', calibrationType: 'ESTIMATED' }).candidates)
    expect(c).toMatchObject({ plane: 'detector', label: 'Pixel Spacing 0.1 mm (calibration type "ESTIMATED" not recognised: taken as at the detector, magnified)' })
    const hostile = ps(interpretSpacing({ modality: 'DX', pixelSpacing: '0.1\\0.1', calibrationType: 'X'.repeat(500) + '\u202e' }).candidates)
    expect(hostile.plane).toBe('detector')
    expect(hostile.label.length).toBeLessThan(140)
  })

  it('a long, hostile description is cleaned and shortened in the label', () => {
    const description = '\u202eevil\r\n\t' + 'A'.repeat(300)
    const c = ps(interpretSpacing({ modality: 'DX', pixelSpacing: '0.125\\0.125', calibrationType: 'GEOMETRY', calibrationDescription: description }).candidates)
    expect(c.plane).toBe('corrected')
    expect(c.label).not.toMatch(/[\u0000-\u001f\u202e]/)
    expect(c.label).toMatch(/^Pixel Spacing 0\.125 mm \(calibrated at the patient: GEOMETRY, "evil A+…"\)$/)
    expect(c.label.length).toBeLessThanOrEqual('Pixel Spacing 0.125 mm (calibrated at the patient: GEOMETRY, "")'.length + 48)
    // Read from a file too (LO is at most 64 characters by the standard; files may not keep to it).
    const s = spacingOf(tiny('DX', [PS('0.125\\0.125'), TYPE('GEOMETRY'), DESCRIPTION('B'.repeat(200))]))
    expect(ps(s.candidates).label).toBe(`Pixel Spacing 0.125 mm (calibrated at the patient: GEOMETRY, "${'B'.repeat(47)}…")`)
    // The free text is not a kept tag; the calibration type is.
    const r = readDicom(tiny('DX', [PS('0.125\\0.125'), TYPE('GEOMETRY'), DESCRIPTION('B'.repeat(200))]))
    expect(r.ok && r.image.header.kept.map((k) => k.name)).toEqual(expect.arrayContaining(['Pixel Spacing', 'Pixel Spacing Calibration Type']))
    expect(r.ok && r.image.header.kept.map((k) => k.name)).not.toContain('Pixel Spacing Calibration Description')
  })

  it('DX with Pixel Spacing ≠ Imager Pixel Spacing and no calibration type: both detector, no conflict', () => {
    const s = spacingOf(tiny('DX', [PS('0.12\\0.12'), IPS('0.139\\0.139')]))
    expect(planes(s.candidates)).toEqual([
      ['imager-pixel-spacing', 'detector'],
      ['pixel-spacing', 'detector']
    ])
    expect(ps(s.candidates).label).toBe("Pixel Spacing 0.12 mm (differs from the detector's 0.139 mm, but no calibration stated: not taken as true size)")
    expect(s.conflict).toBeNull()
  })

  it('Pixel Spacing equal to Imager Pixel Spacing stays "same as the detector", even when marked GEOMETRY', () => {
    for (const calibrationType of [undefined, 'GEOMETRY']) {
      const s = interpretSpacing({ modality: 'DX', pixelSpacing: '0.139\\0.139', imagerPixelSpacing: '0.139\\0.139', ...(calibrationType ? { calibrationType } : {}) })
      expect(ps(s.candidates)).toMatchObject({ plane: 'detector', label: 'Pixel Spacing 0.139 mm (same as the detector: magnified)' })
    }
  })

  it('Pixel Spacing equal to Imager Pixel Spacing ÷ ERMF is that correction, calibration type or not', () => {
    const s = interpretSpacing({ modality: 'MG', pixelSpacing: '0.06087\\0.06087', imagerPixelSpacing: '0.07\\0.07', ermf: '1.15' })
    expect(planes(s.candidates)).toEqual([
      ['imager-pixel-spacing', 'detector'],
      ['imager-ermf', 'corrected'],
      ['pixel-spacing', 'corrected']
    ])
    expect(ps(s.candidates).label).toMatch(/equals Imager Pixel Spacing ÷ ERMF/)
    expect(s.conflict).toBeNull()
  })

  it('a calibrated Pixel Spacing that disagrees with Imager Pixel Spacing ÷ ERMF is a conflict; an uncalibrated one is not', () => {
    const calibrated = parsed({ spacing: 'conflict' }).header.spacing
    expect(calibrated.conflict).toMatch(/two different true pixel sizes/)
    const uncalibrated = interpretSpacing({ modality: 'DX', pixelSpacing: '0.2\\0.2', imagerPixelSpacing: '0.3\\0.3', ermf: '1.15' })
    expect(ps(uncalibrated.candidates).plane).toBe('detector')
    expect(uncalibrated.conflict).toBeNull()
  })

  it('phantoms: a calibrated Pixel Spacing (GEOMETRY) is true size; the detector size written as Pixel Spacing is not', () => {
    expect(planes(parsed({ spacing: 'pixel-spacing' }).header.spacing.candidates)).toEqual([['pixel-spacing', 'corrected']])
    expect(planes(parsed({ spacing: 'uncalibrated-pixel-spacing', modality: 'CR' }).header.spacing.candidates)).toEqual([['pixel-spacing', 'detector']])
  })
})

describe('Pixel Spacing of a cross-sectional image', () => {
  it('CT with Pixel Spacing only: in the patient plane, true size', () => {
    const s = spacingOf(tiny('CT', [PS('0.7\\0.7')]))
    expect(s.candidates).toEqual([{ id: 'pixel-spacing', plane: 'corrected', rowMm: 0.7, colMm: 0.7, label: "Pixel Spacing 0.7 mm (CT: in the patient's plane, true size)" }])
    expect(calibrate({ kind: 'file', spacing: s.candidates[0]! })).toMatchObject({ ok: true, calibration: { imaging: { source: 'calibrated' } } })
  })

  it.each(['MR', 'PT', 'ct', ' MR '])('%s: true size without a calibration type', (modality) => {
    expect(interpretSpacing({ modality, pixelSpacing: '0.5\\0.5' }).candidates.map((c) => c.plane)).toEqual(['corrected'])
  })
})

describe('an image read by an earlier version (Pixel Spacing taken as true size unchecked)', () => {
  const earlier = { candidates: [{ id: 'pixel-spacing' as const, plane: 'corrected' as const, rowMm: 0.139, colMm: 0.139, label: 'Pixel Spacing 0.139 mm (stated at the patient)' }], problems: [], conflict: null }
  it('is told to be opened again or calibrated', () => {
    expect(earlierSpacingReading(earlier)).toMatch(/^This image was opened by an earlier version, which took its Pixel Spacing \(0\.139 mm\) as true size/)
  })
  it('an image read now is not', () => {
    for (const tags of [{ modality: 'DX', pixelSpacing: '0.139\\0.139' }, { modality: 'DX', pixelSpacing: '0.139\\0.139', calibrationType: 'GEOMETRY' }, { modality: 'CT', pixelSpacing: '0.5\\0.5' }]) {
      expect(earlierSpacingReading(interpretSpacing(tags))).toBeNull()
    }
  })
})
