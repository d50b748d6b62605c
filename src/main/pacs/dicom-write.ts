// A small DICOM Part 10 writer (explicit VR little endian only), enough for the two documents
// OsseoPlan files back to a PACS — an Encapsulated PDF and a Secondary Capture image — and for
// the test phantoms. Values are written exactly as given; the caller chooses tags and VRs.
import { concat } from '../../shared/bytes'

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1'
/** OsseoPlan's implementation class UID (a 2.25 UUID-derived root) and version name. */
export const IMPLEMENTATION_CLASS_UID = '2.25.198017064522476829372108063512309467433'
export const IMPLEMENTATION_VERSION = 'OSSEOPLAN_1'

export type DicomValue = string | readonly string[] | readonly number[] | Uint8Array | Uint16Array | readonly DicomItem[]
/** One data element: tag as 0xGGGGEEEE, its value representation and value. */
export interface DicomElement {
  tag: number
  vr: string
  value: DicomValue
}
export type DicomItem = readonly DicomElement[]

const LONG_LENGTH_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT'])
const NUMBER_VRS: Record<string, { size: number; write: (view: DataView, at: number, value: number) => void }> = {
  US: { size: 2, write: (v, at, n) => v.setUint16(at, n, true) },
  SS: { size: 2, write: (v, at, n) => v.setInt16(at, n, true) },
  UL: { size: 4, write: (v, at, n) => v.setUint32(at, n, true) },
  SL: { size: 4, write: (v, at, n) => v.setInt32(at, n, true) },
  FL: { size: 4, write: (v, at, n) => v.setFloat32(at, n, true) },
  FD: { size: 8, write: (v, at, n) => v.setFloat64(at, n, true) }
}

const encoder = new TextEncoder()

function padEven(bytes: Uint8Array, pad: number): Uint8Array {
  if (bytes.length % 2 === 0) return bytes
  const out = new Uint8Array(bytes.length + 1)
  out.set(bytes)
  out[bytes.length] = pad
  return out
}

function valueBytes(element: DicomElement): Uint8Array {
  const { vr, value } = element
  if (vr === 'SQ') {
    const items = value as readonly DicomItem[]
    return concat(items.map((item) => itemBytes(item)))
  }
  if (value instanceof Uint8Array) return padEven(value, 0)
  if (value instanceof Uint16Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  const spec = NUMBER_VRS[vr]
  if (spec) {
    const numbers = value as readonly number[]
    const out = new Uint8Array(numbers.length * spec.size)
    const view = new DataView(out.buffer)
    numbers.forEach((n, i) => spec.write(view, i * spec.size, n))
    return out
  }
  const text = typeof value === 'string' ? value : (value as readonly (string | number)[]).map(String).join('\\')
  return padEven(encoder.encode(text), vr === 'UI' ? 0 : 0x20)
}

function header(tag: number, vr: string, length: number): Uint8Array {
  const long = LONG_LENGTH_VRS.has(vr)
  const out = new Uint8Array(long ? 12 : 8)
  const view = new DataView(out.buffer)
  view.setUint16(0, tag >>> 16, true)
  view.setUint16(2, tag & 0xffff, true)
  out[4] = vr.charCodeAt(0)
  out[5] = vr.charCodeAt(1)
  if (long) view.setUint32(8, length, true)
  else {
    if (length > 0xffff) throw new RangeError(`value of (${tag.toString(16)}) is too long for VR ${vr}`)
    view.setUint16(6, length, true)
  }
  return out
}

function elementBytes(element: DicomElement): Uint8Array {
  const body = valueBytes(element)
  return concat([header(element.tag, element.vr, body.length), body])
}

function itemBytes(item: DicomItem): Uint8Array {
  const body = datasetBytes(item)
  const head = new Uint8Array(8)
  const view = new DataView(head.buffer)
  view.setUint16(0, 0xfffe, true)
  view.setUint16(2, 0xe000, true)
  view.setUint32(4, body.length, true)
  return concat([head, body])
}

/** A data set in ascending tag order (the standard requires it). */
export function datasetBytes(elements: readonly DicomElement[]): Uint8Array {
  const sorted = [...elements].sort((a, b) => a.tag - b.tag)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.tag === sorted[i - 1]!.tag) throw new Error(`duplicate tag (${sorted[i]!.tag.toString(16)})`)
  }
  return concat(sorted.map(elementBytes))
}

/** A complete Part 10 file: preamble, DICM, file meta information, then the data set. */
export function writePart10(elements: readonly DicomElement[]): Uint8Array {
  const sopClass = elements.find((e) => e.tag === 0x00080016)?.value
  const sopInstance = elements.find((e) => e.tag === 0x00080018)?.value
  if (typeof sopClass !== 'string' || typeof sopInstance !== 'string') throw new Error('SOP Class and SOP Instance UIDs are required')
  const meta = datasetBytes([
    { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0, 1]) },
    { tag: 0x00020002, vr: 'UI', value: sopClass },
    { tag: 0x00020003, vr: 'UI', value: sopInstance },
    { tag: 0x00020010, vr: 'UI', value: EXPLICIT_VR_LITTLE_ENDIAN },
    { tag: 0x00020012, vr: 'UI', value: IMPLEMENTATION_CLASS_UID },
    { tag: 0x00020013, vr: 'SH', value: IMPLEMENTATION_VERSION }
  ])
  const groupLength = elementBytes({ tag: 0x00020000, vr: 'UL', value: [meta.length] })
  const preamble = new Uint8Array(132)
  preamble.set(encoder.encode('DICM'), 128)
  return concat([preamble, groupLength, meta, datasetBytes(elements)])
}
