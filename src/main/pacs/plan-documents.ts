// The two DICOM objects OsseoPlan files back into the patient's study: the plan summary as an
// Encapsulated PDF, and the annotated radiograph as a Secondary Capture image. Patient and study
// attributes are copied from the study as the PACS holds it at filing time, never from the plan
// (which keeps no names), and are not stored by OsseoPlan afterwards.
import type { DicomJsonDataset } from './dicom-json'
import { jsonText } from './dicom-json'
import { writePart10, type DicomElement } from './dicom-write'
import { isUid, newUid } from './uids'

export const ENCAPSULATED_PDF_STORAGE = '1.2.840.10008.5.1.4.1.1.104.1'
export const SECONDARY_CAPTURE_STORAGE = '1.2.840.10008.5.1.4.1.1.7'

/** Patient and study attributes copied into filed objects: tag, VR and keyword (for messages). */
export const COPIED_STUDY_ATTRIBUTES = [
  { tag: 0x00080020, vr: 'DA', keyword: 'StudyDate' },
  { tag: 0x00080030, vr: 'TM', keyword: 'StudyTime' },
  { tag: 0x00080050, vr: 'SH', keyword: 'AccessionNumber' },
  { tag: 0x00080090, vr: 'PN', keyword: 'ReferringPhysicianName' },
  { tag: 0x00081030, vr: 'LO', keyword: 'StudyDescription' },
  { tag: 0x00100010, vr: 'PN', keyword: 'PatientName' },
  { tag: 0x00100020, vr: 'LO', keyword: 'PatientID' },
  { tag: 0x00100021, vr: 'LO', keyword: 'IssuerOfPatientID' },
  { tag: 0x00100030, vr: 'DA', keyword: 'PatientBirthDate' },
  { tag: 0x00100040, vr: 'CS', keyword: 'PatientSex' },
  { tag: 0x0020000d, vr: 'UI', keyword: 'StudyInstanceUID' },
  { tag: 0x00200010, vr: 'SH', keyword: 'StudyID' }
] as const

export type StudyAttributes = ReadonlyMap<number, string>

const MAX_LENGTH: Record<string, number> = { DA: 8, TM: 16, SH: 16, LO: 64, PN: 324, CS: 16, UI: 64 }

function tagKey(tag: number): string {
  return tag.toString(16).toUpperCase().padStart(8, '0')
}

/**
 * The study's patient and study attributes from its DICOM JSON (QIDO-RS or metadata), checked
 * so a hostile server cannot smuggle control characters or oversized values into our files.
 */
export function studyAttributesFrom(dataset: DicomJsonDataset, studyUid: string): StudyAttributes | string {
  const out = new Map<number, string>()
  for (const { tag, vr, keyword } of COPIED_STUDY_ATTRIBUTES) {
    // eslint-disable-next-line no-control-regex
    const value = jsonText(dataset, tagKey(tag)).replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
    if (value.length > (MAX_LENGTH[vr] ?? 64)) return `the server's ${keyword} is longer than DICOM allows`
    out.set(tag, value)
  }
  if (out.get(0x0020000d) !== studyUid || !isUid(studyUid)) return 'the server returned a different study than the one asked for'
  return out
}

export interface FiledSeries {
  seriesUid: string
  seriesNumber: number
  /** Shown in the PACS's series list, e.g. "OsseoPlan plan P-0042 rev 3". */
  seriesDescription: string
}

export interface FilingClock {
  date: string // YYYYMMDD
  time: string // HHMMSS
}

export function dicomClock(now: Date): FilingClock {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return {
    date: `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`,
    time: `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  }
}

function common(study: StudyAttributes, series: FiledSeries, sopClass: string, sopInstance: string, modality: string, clock: FilingClock, instanceNumber: number): DicomElement[] {
  const copied: DicomElement[] = COPIED_STUDY_ATTRIBUTES.map(({ tag, vr }) => ({ tag, vr, value: study.get(tag) ?? '' }))
  return [
    ...copied,
    { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 192' },
    { tag: 0x00080016, vr: 'UI', value: sopClass },
    { tag: 0x00080018, vr: 'UI', value: sopInstance },
    { tag: 0x00080012, vr: 'DA', value: clock.date },
    { tag: 0x00080013, vr: 'TM', value: clock.time },
    { tag: 0x00080023, vr: 'DA', value: clock.date },
    { tag: 0x00080033, vr: 'TM', value: clock.time },
    { tag: 0x00080060, vr: 'CS', value: modality },
    { tag: 0x00080064, vr: 'CS', value: 'WSD' },
    { tag: 0x00080070, vr: 'LO', value: 'OsseoPlan' },
    { tag: 0x0008103e, vr: 'LO', value: series.seriesDescription.slice(0, 64) },
    { tag: 0x00181016, vr: 'LO', value: 'OsseoPlan' },
    { tag: 0x0020000e, vr: 'UI', value: series.seriesUid },
    { tag: 0x00200011, vr: 'IS', value: String(series.seriesNumber) },
    { tag: 0x00200013, vr: 'IS', value: String(instanceNumber) }
  ]
}

export interface EncapsulatedPdfInput {
  study: StudyAttributes
  series: FiledSeries
  pdf: Uint8Array
  documentTitle: string
  clock: FilingClock
  sopInstanceUid?: string
}

export function encapsulatedPdf(input: EncapsulatedPdfInput): { sopInstanceUid: string; bytes: Uint8Array } {
  if (!(input.pdf.length >= 5 && String.fromCharCode(...input.pdf.subarray(0, 5)) === '%PDF-')) throw new Error('the summary is not a PDF')
  const sopInstanceUid = input.sopInstanceUid ?? newUid()
  const elements: DicomElement[] = [
    ...common(input.study, input.series, ENCAPSULATED_PDF_STORAGE, sopInstanceUid, 'DOC', input.clock, 1),
    { tag: 0x0008002a, vr: 'DT', value: `${input.clock.date}${input.clock.time}` },
    { tag: 0x00280301, vr: 'CS', value: 'YES' },
    { tag: 0x0040a043, vr: 'SQ', value: [] },
    { tag: 0x00420010, vr: 'ST', value: input.documentTitle.slice(0, 1024) },
    { tag: 0x00420011, vr: 'OB', value: input.pdf },
    { tag: 0x00420012, vr: 'LO', value: 'application/pdf' }
  ]
  return { sopInstanceUid, bytes: writePart10(elements) }
}

export interface SecondaryCaptureInput {
  study: StudyAttributes
  series: FiledSeries
  /** 8-bit RGB, row by row, `rows × columns × 3` bytes. */
  rgb: Uint8Array
  rows: number
  columns: number
  clock: FilingClock
  /** What the image shows, for the PACS's viewers (e.g. "AP radiograph with implant template"). */
  imageComments: string
  /** True-size mm per pixel [row, column], written as Pixel Spacing with its calibration (DICOM's
   *  Basic Pixel Spacing Calibration macro), so a PACS viewer measures the image at true size. */
  pixelSpacingMm?: [number, number]
  /** How the spacing was found, e.g. "marker 25 mm (magnification 1.15)". */
  calibration?: string
  sopInstanceUid?: string
  instanceNumber?: number
}

/** Decimal String: at most 16 characters. */
function ds(n: number): string {
  for (let digits = 10; digits > 0; digits--) {
    const t = String(Number(n.toPrecision(digits)))
    if (t.length <= 16) return t
  }
  return String(Math.round(n))
}

function spacingElements(input: SecondaryCaptureInput): DicomElement[] {
  const s = input.pixelSpacingMm
  if (!s) return []
  if (!s.every((v) => Number.isFinite(v) && v > 0)) throw new Error('pixel spacing must be positive lengths')
  const marker = /^(marker|known distance)/.test(input.calibration ?? '')
  return [
    { tag: 0x00280030, vr: 'DS', value: [ds(s[0]), ds(s[1])] },
    // FIDUCIAL: calibrated on an object of known size in the image; GEOMETRY: from the imaging geometry.
    { tag: 0x00280a02, vr: 'CS', value: marker ? 'FIDUCIAL' : 'GEOMETRY' },
    { tag: 0x00280a04, vr: 'LO', value: (input.calibration ?? '').slice(0, 64) }
  ]
}

export function secondaryCapture(input: SecondaryCaptureInput): { sopInstanceUid: string; bytes: Uint8Array } {
  const { rows, columns, rgb } = input
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1 || rows > 10000 || columns > 10000) throw new Error('image size out of range')
  if (rgb.length !== rows * columns * 3) throw new Error('pixel data does not match the image size')
  const sopInstanceUid = input.sopInstanceUid ?? newUid()
  const elements: DicomElement[] = [
    ...common(input.study, input.series, SECONDARY_CAPTURE_STORAGE, sopInstanceUid, 'OT', input.clock, input.instanceNumber ?? 2),
    { tag: 0x00204000, vr: 'LT', value: input.imageComments.slice(0, 10240) },
    ...spacingElements(input),
    { tag: 0x00280002, vr: 'US', value: [3] },
    { tag: 0x00280004, vr: 'CS', value: 'RGB' },
    { tag: 0x00280006, vr: 'US', value: [0] },
    { tag: 0x00280010, vr: 'US', value: [rows] },
    { tag: 0x00280011, vr: 'US', value: [columns] },
    { tag: 0x00280100, vr: 'US', value: [8] },
    { tag: 0x00280101, vr: 'US', value: [8] },
    { tag: 0x00280102, vr: 'US', value: [7] },
    { tag: 0x00280103, vr: 'US', value: [0] },
    { tag: 0x00282110, vr: 'CS', value: '00' },
    { tag: 0x7fe00010, vr: 'OB', value: rgb }
  ]
  return { sopInstanceUid, bytes: writePart10(elements) }
}
