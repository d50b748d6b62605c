// A minimal DICOM Part 10 writer for test images (phantoms and hostile files). Not used by the app.
// Why not the app's writer (src/main/pacs/dicom-write.ts, which the PACS phantoms use): this one
// must also write what the app must never write — implicit VR data sets, lengths that lie
// (`lengthOverride`), unknown VRs, a meta header naming another transfer syntax than the data set
// is in — and the committed hostile corpus files are its byte-exact output. Giving the app's
// writer those switches would put a damaged-file generator in the shipped code; the two share only
// the few lines of element encoding.
import { concat } from '../../src/shared/bytes'

export interface DicomElement {
  group: number
  element: number
  vr: string
  /** Strings are padded to even length; numbers are written as US; bytes as they are. */
  value: string | number | Uint8Array
  /** Write this length instead of the real one (hostile files). */
  lengthOverride?: number
}

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN', 'UC', 'UR'])

function valueBytes(e: DicomElement): Uint8Array {
  if (e.value instanceof Uint8Array) return e.value.length % 2 === 0 ? e.value : Uint8Array.from([...e.value, 0])
  if (typeof e.value === 'number') {
    const b = new Uint8Array(2)
    new DataView(b.buffer).setUint16(0, e.value, true)
    return b
  }
  const pad = e.vr === 'UI' ? '\0' : ' '
  const s = e.value.length % 2 === 0 ? e.value : e.value + pad
  return new TextEncoder().encode(s)
}

function encode(e: DicomElement, explicit: boolean): Uint8Array {
  const v = valueBytes(e)
  const length = e.lengthOverride ?? v.length
  const long = LONG_VRS.has(e.vr)
  const head = new Uint8Array(explicit ? (long ? 12 : 8) : 8)
  const d = new DataView(head.buffer)
  d.setUint16(0, e.group, true)
  d.setUint16(2, e.element, true)
  if (!explicit) d.setUint32(4, length >>> 0, true)
  else {
    head[4] = e.vr.charCodeAt(0)
    head[5] = e.vr.charCodeAt(1)
    if (long) d.setUint32(8, length >>> 0, true)
    else d.setUint16(6, length & 0xffff, true)
  }
  return concat([head, v])
}

export { concat }

export const EXPLICIT_LE = '1.2.840.10008.1.2.1'
export const IMPLICIT_LE = '1.2.840.10008.1.2'

/** Preamble, "DICM", file meta group (explicit VR LE) and the data set in `transferSyntax`. */
export function writeDicom(elements: DicomElement[], transferSyntax: string = EXPLICIT_LE): Uint8Array {
  const metaBody = concat(
    [
      { group: 2, element: 0x0001, vr: 'OB', value: Uint8Array.from([0, 1]) },
      { group: 2, element: 0x0002, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1.1' },
      { group: 2, element: 0x0003, vr: 'UI', value: '1.2.826.0.1.3680043.9.7777.1.1' },
      { group: 2, element: 0x0010, vr: 'UI', value: transferSyntax },
      { group: 2, element: 0x0012, vr: 'UI', value: '1.2.826.0.1.3680043.9.7777' }
    ].map((e) => encode(e, true))
  )
  const groupLength = encode({ group: 2, element: 0, vr: 'UL', value: new Uint8Array(new Uint32Array([metaBody.length]).buffer) }, true)
  const explicit = transferSyntax !== IMPLICIT_LE
  const sorted = [...elements].sort((a, b) => a.group - b.group || a.element - b.element)
  const preamble = new Uint8Array(132)
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128)
  return concat([preamble, groupLength, metaBody, ...sorted.map((e) => encode(e, explicit))])
}
