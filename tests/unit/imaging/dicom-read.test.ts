// Reading DICOM Part 10 files: tags, pixels, de-identification, transfer syntaxes and frames.
import { describe, expect, it } from 'vitest'
import { IMPLICIT_LE, writeDicom } from '../../../scripts/imaging/dicom-writer'
import { phantomPixels } from '../../../scripts/imaging/phantom'
import { readDicom } from '../../../src/shared/imaging'
import { parsed, phantom, truth } from './phantoms'

describe('readDicom on the phantom', () => {
  it('reads geometry, bits, window and rescale', () => {
    const h = parsed().header
    expect(h).toMatchObject({ kind: 'dicom', rows: truth.rows, columns: truth.columns, bitsAllocated: 16, bitsStored: 12, signed: false, photometric: 'MONOCHROME2', rescaleSlope: 1, rescaleIntercept: 0, window: { center: 2000, width: 4000 }, modality: 'DX', frameCount: 1, frameIndex: 0 })
  })

  it('returns one frame of pixels exactly as drawn', () => {
    const img = parsed()
    const expected = phantomPixels()
    const got = new Uint16Array(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength / 2)
    expect(got.length).toBe(expected.length)
    expect(got[123_456]).toBe(expected[123_456])
    expect(Buffer.from(img.pixels).equals(Buffer.from(expected.buffer))).toBe(true)
  })

  it('reads implicit VR little endian the same as explicit', () => {
    const a = parsed()
    const b = parsed({ transferSyntax: IMPLICIT_LE })
    expect(b.header.transferSyntax).toBe(IMPLICIT_LE)
    expect(b.header.spacing).toEqual(a.header.spacing)
    expect(Buffer.from(b.pixels).equals(Buffer.from(a.pixels))).toBe(true)
  })

  it('marks MONOCHROME1 so that it is displayed inverted', () => {
    expect(parsed({ photometric: 'MONOCHROME1' }).header.photometric).toBe('MONOCHROME1')
  })

  it('labels the detector spacing and the ERMF-corrected spacing separately', () => {
    const c = parsed().header.spacing.candidates
    expect(c.map((x) => [x.id, x.plane])).toEqual([
      ['imager-pixel-spacing', 'detector'],
      ['imager-ermf', 'corrected']
    ])
    expect(c[1]!.rowMm).toBeCloseTo(0.3 / 1.15, 12)
    expect(c[1]!.label).toMatch(/ERMF 1\.15/)
  })

  it('surfaces conflicting true pixel sizes instead of choosing one', () => {
    const s = parsed({ spacing: 'conflict' }).header.spacing
    expect(s.conflict).toMatch(/two different true pixel sizes/)
    expect(s.candidates.filter((c) => c.plane === 'corrected')).toHaveLength(2)
  })
})

describe('de-identification', () => {
  it('keeps only the tags the app needs and names the identifying ones it dropped', () => {
    const h = parsed().header
    const text = JSON.stringify(h)
    for (const secret of ['Doe', 'Jane', 'MRN-0042', '19700101', 'General Hospital', 'see report']) expect(text).not.toContain(secret)
    expect(h.kept.map((k) => k.name)).toEqual(
      expect.arrayContaining(['Transfer Syntax UID', 'Modality', 'Rows', 'Columns', 'Imager Pixel Spacing', 'Estimated Radiographic Magnification Factor', 'Study Instance UID', 'Series Instance UID', 'SOP Instance UID'])
    )
    expect(h.kept.map((k) => k.name)).not.toContain("Patient's Name")
    expect(h.dropped).toEqual(expect.arrayContaining(["Patient's Name", 'Patient ID', "Patient's Birth Date", 'Institution Name', 'Image Comments']))
  })
})

describe('frames and transfer syntaxes', () => {
  it('refuses a multi-frame file plainly unless a frame is chosen, then reads that frame', () => {
    const bytes = phantom({ frames: 3, rows: 64, columns: 48 })
    const r = readDicom(bytes)
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/holds 3 frames\. Choose the frame/) })
    const f = readDicom(bytes, { frame: 2 })
    expect(f.ok && f.image.header.frameIndex).toBe(2)
    expect(readDicom(bytes, { frame: 3 })).toEqual({ ok: false, error: expect.stringMatching(/Frame 4 does not exist/) })
  })

  it.each([
    ['1.2.840.10008.1.2.4.90', /JPEG 2000 \(lossless only\).*uncompressed/],
    ['1.2.840.10008.1.2.4.80', /JPEG-LS Lossless/],
    ['1.2.840.10008.1.2.5', /RLE Lossless/],
    ['1.2.840.10008.1.2.2', /Big Endian/],
    ['1.2.840.10008.1.2.1.99', /Deflated/],
    ['1.2.3.4', /transfer syntax 1\.2\.3\.4/]
  ])('refuses transfer syntax %s with its name and how to export an uncompressed copy', (uid, message) => {
    const r = readDicom(writeDicom([{ group: 0x28, element: 0x10, vr: 'US', value: 4 }], uid))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error).toMatch(message)
      expect(r.error).toMatch(/export the image again as uncompressed DICOM/)
    }
  })

  it('reads a JPEG Baseline frame as the compressed stream for the browser to decode', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9])
    const item = (tagEl: number, body: Uint8Array) => {
      const b = new Uint8Array(8 + body.length)
      const v = new DataView(b.buffer)
      v.setUint16(0, 0xfffe, true)
      v.setUint16(2, tagEl, true)
      v.setUint32(4, body.length, true)
      b.set(body, 8)
      return b
    }
    const delim = new Uint8Array(8)
    new DataView(delim.buffer).setUint16(0, 0xfffe, true)
    new DataView(delim.buffer).setUint16(2, 0xe0dd, true)
    const encapsulated = new Uint8Array([...item(0xe000, new Uint8Array(0)), ...item(0xe000, jpeg), ...delim])
    const bytes = writeDicom(
      [
        { group: 0x28, element: 0x02, vr: 'US', value: 1 },
        { group: 0x28, element: 0x04, vr: 'CS', value: 'MONOCHROME2' },
        { group: 0x28, element: 0x10, vr: 'US', value: 2 },
        { group: 0x28, element: 0x11, vr: 'US', value: 2 },
        { group: 0x28, element: 0x100, vr: 'US', value: 8 },
        { group: 0x7fe0, element: 0x10, vr: 'OB', value: encapsulated, lengthOverride: 0xffffffff }
      ],
      '1.2.840.10008.1.2.4.50'
    )
    const r = readDicom(bytes)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.image.encoding).toBe('jpeg-baseline')
      expect([...r.image.pixels.subarray(0, jpeg.length)]).toEqual([...jpeg])
    }
  })
})
