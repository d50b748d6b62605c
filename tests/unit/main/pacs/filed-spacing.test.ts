// Round trip: the Secondary Capture OsseoPlan files to the PACS states its Pixel Spacing with a
// Pixel Spacing Calibration Type (FIDUCIAL or GEOMETRY), so that OsseoPlan's reading of a file's
// pixel size takes it back as true size (a projection's Pixel Spacing without one is not).
// (The app itself refuses to open colour images; the spacing tags are read as readDicom reads them.)
import { describe, expect, it } from 'vitest'
import { dicomClock, secondaryCapture } from '../../../../src/main/pacs/plan-documents'
import { dicomParser } from '../../../../src/shared/imaging/dicom-parser-lib'
import { spacingTags } from '../../../../src/shared/imaging/dicom-read'
import { interpretSpacing } from '../../../../src/shared/imaging/spacing'

describe("OsseoPlan's own filed Secondary Capture", () => {
  const study = new Map<number, string>([[0x0020000d, '1.2.826.0.1.3680043.9.7777.2']])
  const series = { seriesUid: '1.2.826.0.1.3680043.9.7777.9', seriesNumber: 900, seriesDescription: 'OsseoPlan plan P-1' }
  const capture = (calibration: string) =>
    secondaryCapture({ study, series, rgb: new Uint8Array(2 * 2 * 3), rows: 2, columns: 2, clock: dicomClock(new Date(2026, 0, 2, 3, 4, 5)), imageComments: 'AP radiograph', pixelSpacingMm: [0.2608695652, 0.2608695652], calibration })

  it.each([
    ['marker 25 mm (magnification 1.15)', 'FIDUCIAL'],
    ['from the file: Imager Pixel Spacing ÷ ERMF 1.15 = 0.2609 mm (corrected to the patient)', 'GEOMETRY']
  ])('is read back as true size (calibration "%s" written as %s)', (calibration, type) => {
    const ds = dicomParser.parseDicom(capture(calibration).bytes)
    const tags = spacingTags(ds)
    expect(tags).toMatchObject({ modality: 'OT', calibrationType: type, pixelSpacing: '0.2608695652\\0.2608695652' })
    const s = interpretSpacing(tags)
    expect(s.candidates).toEqual([{ id: 'pixel-spacing', plane: 'corrected', rowMm: 0.2608695652, colMm: 0.2608695652, label: expect.stringContaining(`(calibrated at the patient: ${type}, "`) }])
    expect(s.conflict).toBeNull()
  })

  it('states no pixel size when the calibration gave none of its own (site default factor)', () => {
    const bytes = secondaryCapture({ study, series, rgb: new Uint8Array(2 * 2 * 3), rows: 2, columns: 2, clock: dicomClock(new Date(2026, 0, 2, 3, 4, 5)), imageComments: 'AP radiograph' }).bytes
    expect(interpretSpacing(spacingTags(dicomParser.parseDicom(bytes))).candidates).toEqual([])
  })
})
