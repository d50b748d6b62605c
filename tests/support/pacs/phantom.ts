// Small test radiographs as real DICOM files (written with the app's own Part 10 writer), with
// identity attributes so the tests can prove OsseoPlan does not pass them on or keep them.
import { writePart10, type DicomElement } from '../../../src/main/pacs/dicom-write'
import { newUid } from '../../../src/main/pacs/uids'

export interface PhantomStudy {
  studyUid: string
  seriesUid: string
  sopInstanceUid: string
  patientId: string
  patientName: string
  accessionNumber: string
  studyDate: string // YYYYMMDD
  modality: 'DX' | 'CR' | 'CT'
  rows: number
  columns: number
}

export function phantomStudy(overrides: Partial<PhantomStudy> = {}): PhantomStudy {
  return {
    studyUid: newUid(),
    seriesUid: newUid(),
    sopInstanceUid: newUid(),
    patientId: 'HOSP-0001',
    patientName: 'Testpatient^Anna',
    accessionNumber: 'ACC-1',
    studyDate: '20260901',
    modality: 'DX',
    rows: 64,
    columns: 48,
    ...overrides
  }
}

const SOP_CLASS = { DX: '1.2.840.10008.5.1.4.1.1.1.1', CR: '1.2.840.10008.5.1.4.1.1.1', CT: '1.2.840.10008.5.1.4.1.1.2' }

/** A 16-bit MONOCHROME2 radiograph: a bright vertical "bone" band on a dark background. */
export function phantomRadiograph(study: PhantomStudy): Uint8Array {
  const pixels = new Uint16Array(study.rows * study.columns)
  for (let y = 0; y < study.rows; y++) {
    for (let x = 0; x < study.columns; x++) pixels[y * study.columns + x] = Math.abs(x - study.columns / 2) < study.columns / 6 ? 3000 : 200 + ((x * 7 + y * 3) % 50)
  }
  const elements: DicomElement[] = [
    { tag: 0x00080016, vr: 'UI', value: SOP_CLASS[study.modality] },
    { tag: 0x00080018, vr: 'UI', value: study.sopInstanceUid },
    { tag: 0x00080020, vr: 'DA', value: study.studyDate },
    { tag: 0x00080030, vr: 'TM', value: '101500' },
    { tag: 0x00080050, vr: 'SH', value: study.accessionNumber },
    { tag: 0x00080060, vr: 'CS', value: study.modality },
    { tag: 0x00080090, vr: 'PN', value: 'Referrer^Rita' },
    { tag: 0x00081030, vr: 'LO', value: 'Femur left AP' },
    { tag: 0x0008103e, vr: 'LO', value: 'AP' },
    { tag: 0x00100010, vr: 'PN', value: study.patientName },
    { tag: 0x00100020, vr: 'LO', value: study.patientId },
    { tag: 0x00100030, vr: 'DA', value: '19700101' },
    { tag: 0x00100040, vr: 'CS', value: 'F' },
    { tag: 0x00181164, vr: 'DS', value: ['0.139', '0.139'] },
    { tag: 0x00181114, vr: 'DS', value: '1.15' },
    { tag: 0x0020000d, vr: 'UI', value: study.studyUid },
    { tag: 0x0020000e, vr: 'UI', value: study.seriesUid },
    { tag: 0x00200010, vr: 'SH', value: 'S1' },
    { tag: 0x00200011, vr: 'IS', value: '1' },
    { tag: 0x00200013, vr: 'IS', value: '1' },
    { tag: 0x00280002, vr: 'US', value: [1] },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: [study.rows] },
    { tag: 0x00280011, vr: 'US', value: [study.columns] },
    { tag: 0x00280100, vr: 'US', value: [16] },
    { tag: 0x00280101, vr: 'US', value: [12] },
    { tag: 0x00280102, vr: 'US', value: [11] },
    { tag: 0x00280103, vr: 'US', value: [0] },
    { tag: 0x7fe00010, vr: 'OW', value: pixels }
  ]
  return writePart10(elements)
}
