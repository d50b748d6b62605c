// Hostile image files for the tests: each one something a damaged or malicious file could hold,
// and what must happen to it. They are part of the hostile corpus (tests/fixtures/hostile, target
// "image"): scripts/imaging/write-hostile-corpus.ts writes the small ones there as files; the large
// ones are generated at test time from here.
import { EXPLICIT_LE, concat, writeDicom, type DicomElement } from './dicom-writer'
import { phantomDicom, writePng } from './phantom'

export interface HostileImage {
  id: string
  what: string
  bytes: () => Uint8Array
  /** 'reject': refused with a message matching `message`; 'accept-with-problem': opened, the problem listed. */
  expect: 'reject' | 'accept-with-problem'
  message: RegExp
}

const us = (element: number, value: number, group = 0x28): DicomElement => ({ group, element, vr: 'US', value })

/** A small valid explicit-VR image (4 × 4, 16-bit) with `over` elements replacing or adding tags. */
function tiny(over: DicomElement[] = [], syntax = EXPLICIT_LE, pixelBytes = 32): Uint8Array {
  const base: DicomElement[] = [
    us(0x02, 1),
    { group: 0x28, element: 0x04, vr: 'CS', value: 'MONOCHROME2' },
    us(0x10, 4),
    us(0x11, 4),
    us(0x100, 16),
    us(0x101, 12),
    us(0x103, 0),
    { group: 0x7fe0, element: 0x10, vr: 'OW', value: new Uint8Array(pixelBytes) }
  ]
  const key = (e: DicomElement) => e.group * 0x10000 + e.element
  const keys = new Set(over.map(key))
  return writeDicom([...base.filter((e) => !keys.has(key(e))), ...over], syntax)
}

function nestedSequences(depth: number): Uint8Array {
  // Each level: an SQ of undefined length holding one item of undefined length holding the next SQ.
  const sqHead = Uint8Array.from([0x09, 0x00, 0x10, 0x10, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff])
  const itemHead = Uint8Array.from([0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff])
  const parts: Uint8Array[] = []
  for (let i = 0; i < depth; i++) parts.push(sqHead, itemHead)
  const body = concat(parts)
  const file = tiny()
  // The data set starts after the preamble (132), the group length element (12) and the meta group.
  const start = 144 + new DataView(file.buffer, file.byteOffset).getUint32(140, true)
  return concat([file.subarray(0, start), body, file.subarray(start)])
}

function jpegWithSize(width: number, height: number): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9])
}

function cut(bytes: Uint8Array, keep: number): Uint8Array {
  return bytes.slice(0, keep)
}

let phantomCache: Uint8Array | null = null
const smallPhantom = () => (phantomCache ??= phantomDicom({ rows: 120, columns: 80, identity: true }))

/** The corpus's kind of hostile input (the manifest id's middle part). */
export function hostileImageCategory(h: HostileImage): 'malformed' | 'range' | 'type' | 'large' | 'boundary' | 'unsupported' {
  if (/^(huge-dimensions|png-bomb|jpeg-huge|nested-sequences|frames-huge)$/.test(h.id)) return 'large'
  if (/^(just-too-tall|rows-zero)$/.test(h.id)) return 'boundary'
  if (/^(odd-vr-rows|rows-as-text|spacing-nan|ermf-nan|rescale-nan)$/.test(h.id)) return 'type'
  if (/^(bits-|spacing-zero|spacing-negative|rescale-zero|frames-negative|frames-past-data)/.test(h.id)) return 'range'
  if (/^(colour|jpeg-2000)$/.test(h.id)) return 'unsupported'
  return 'malformed'
}

/** The file name in the corpus: the id with the extension a user would see. */
export function hostileImageFileName(h: HostileImage): string {
  return `${h.id}.${h.id.startsWith('png-') ? 'png' : h.id.startsWith('jpeg-') && !/^jpeg-(not-jpeg|2000)$/.test(h.id) ? 'jpg' : 'dcm'}`
}

export const HOSTILE_IMAGES: HostileImage[] = [
  { id: 'empty', what: 'an empty file', bytes: () => new Uint8Array(0), expect: 'reject', message: /not a DICOM file/ },
  { id: 'text', what: 'a text file named .dcm', bytes: () => new TextEncoder().encode('hello, this is not an image'), expect: 'reject', message: /not a DICOM file/ },
  { id: 'dicm-only', what: 'preamble and DICM and nothing else', bytes: () => cut(tiny(), 132), expect: 'reject', message: /header is damaged|damaged or cut short/ },
  { id: 'meta-truncated', what: 'file meta header cut mid-element', bytes: () => cut(tiny(), 150), expect: 'reject', message: /damaged or cut short/ },
  { id: 'dataset-truncated', what: 'data set cut before the pixel data', bytes: () => cut(smallPhantom(), 700), expect: 'reject', message: /damaged|cut short|no Rows|no image data/ },
  { id: 'pixels-truncated', what: 'pixel data cut short', bytes: () => cut(smallPhantom(), smallPhantom().length - 1000), expect: 'reject', message: /damaged|truncated|cut short/ },
  { id: 'length-past-end', what: 'an element whose length runs past the end of the file', bytes: () => tiny([{ group: 0x10, element: 0x10, vr: 'UT', value: 'Doe', lengthOverride: 0x7ffffff0 }]), expect: 'reject', message: /damaged|cut short/ },
  { id: 'native-undefined-length', what: 'uncompressed pixel data with an undefined length', bytes: () => tiny([{ group: 0x7fe0, element: 0x10, vr: 'OW', value: new Uint8Array(32), lengthOverride: 0xffffffff }]), expect: 'reject', message: /damaged|undefined length/ },
  { id: 'undefined-length-text', what: 'an undefined length on a text element', bytes: () => tiny([{ group: 0x10, element: 0x10, vr: 'UT', value: 'Doe^Jane', lengthOverride: 0xffffffff }]), expect: 'reject', message: /damaged|cut short|no Rows/ },
  { id: 'rows-zero', what: 'zero rows', bytes: () => tiny([us(0x10, 0)]), expect: 'reject', message: /has no pixels/ },
  { id: 'huge-dimensions', what: '65535 × 65535 pixels declared', bytes: () => tiny([us(0x10, 65535), us(0x11, 65535)]), expect: 'reject', message: /up to 10000 × 10000/ },
  { id: 'just-too-tall', what: '10001 rows', bytes: () => tiny([us(0x10, 10001)]), expect: 'reject', message: /up to 10000 × 10000/ },
  { id: 'bits-32', what: '32 bits allocated', bytes: () => tiny([us(0x100, 32)]), expect: 'reject', message: /32 bits allocated/ },
  { id: 'bits-1', what: '1 bit allocated', bytes: () => tiny([us(0x100, 1)]), expect: 'reject', message: /1 bits allocated/ },
  { id: 'bits-stored-too-many', what: 'more bits stored than allocated', bytes: () => tiny([us(0x101, 20)]), expect: 'reject', message: /Bits Stored \(20\)/ },
  { id: 'odd-vr-rows', what: 'Rows with an unknown VR and a one-byte value', bytes: () => tiny([{ group: 0x28, element: 0x10, vr: 'ZZ', value: Uint8Array.from([4]), lengthOverride: 1 }]), expect: 'reject', message: /damaged|no Rows/ },
  { id: 'rows-as-text', what: 'Rows written as a decimal string', bytes: () => tiny([{ group: 0x28, element: 0x10, vr: 'DS', value: '4' }]), expect: 'reject', message: /damaged|shorter|no Rows|up to|no pixels/ },
  { id: 'spacing-zero', what: 'zero pixel spacing', bytes: () => tiny([{ group: 0x28, element: 0x30, vr: 'DS', value: '0\\0' }]), expect: 'accept-with-problem', message: /not a usable pixel size/ },
  { id: 'spacing-negative', what: 'negative pixel spacing', bytes: () => tiny([{ group: 0x28, element: 0x30, vr: 'DS', value: '-0.1\\-0.1' }]), expect: 'accept-with-problem', message: /not a usable pixel size/ },
  { id: 'spacing-nan', what: 'NaN in the pixel spacing', bytes: () => tiny([{ group: 0x18, element: 0x1164, vr: 'DS', value: 'NaN\\NaN' }]), expect: 'accept-with-problem', message: /not two numbers/ },
  { id: 'ermf-nan', what: 'NaN as the magnification factor', bytes: () => tiny([{ group: 0x18, element: 0x1164, vr: 'DS', value: '0.1\\0.1' }, { group: 0x18, element: 0x1114, vr: 'DS', value: 'NaN' }]), expect: 'accept-with-problem', message: /Magnification Factor/ },
  { id: 'rescale-nan', what: 'NaN as the rescale slope', bytes: () => tiny([{ group: 0x28, element: 0x1053, vr: 'DS', value: 'NaN' }]), expect: 'reject', message: /Rescale/ },
  { id: 'rescale-zero', what: 'a rescale slope of zero', bytes: () => tiny([{ group: 0x28, element: 0x1053, vr: 'DS', value: '0' }]), expect: 'reject', message: /Rescale/ },
  { id: 'colour', what: 'an uncompressed RGB image', bytes: () => tiny([us(0x02, 3), { group: 0x28, element: 0x04, vr: 'CS', value: 'RGB' }], EXPLICIT_LE, 96), expect: 'reject', message: /in colour \(RGB\)/ },
  { id: 'frames-negative', what: 'Number of Frames -1', bytes: () => tiny([{ group: 0x28, element: 0x08, vr: 'IS', value: '-1' }]), expect: 'reject', message: /not a usable count/ },
  { id: 'frames-huge', what: 'Number of Frames 1e9', bytes: () => tiny([{ group: 0x28, element: 0x08, vr: 'IS', value: '1000000000' }]), expect: 'reject', message: /not a usable count/ },
  { id: 'frames-past-data', what: 'more frames declared than the pixel data holds', bytes: () => tiny([{ group: 0x28, element: 0x08, vr: 'IS', value: '4' }]), expect: 'reject', message: /4 frames/ },
  { id: 'no-pixel-data', what: 'a header with no pixel data', bytes: () => writeDicom([us(0x02, 1), us(0x10, 4), us(0x11, 4), us(0x100, 16)]), expect: 'reject', message: /no image data/ },
  { id: 'jpeg-not-jpeg', what: 'JPEG Baseline declared, fragment is not a JPEG', bytes: () => tiny([us(0x100, 8), { group: 0x7fe0, element: 0x10, vr: 'OB', value: Uint8Array.from([0xfe, 0xff, 0x00, 0xe0, 0, 0, 0, 0, 0xfe, 0xff, 0x00, 0xe0, 4, 0, 0, 0, 1, 2, 3, 4, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]), lengthOverride: 0xffffffff }], '1.2.840.10008.1.2.4.50'), expect: 'reject', message: /does not start like a JPEG|damaged/ },
  { id: 'jpeg-2000', what: 'JPEG 2000 pixel data', bytes: () => tiny([], '1.2.840.10008.1.2.4.91'), expect: 'reject', message: /JPEG 2000 .*export the image again as uncompressed/ },
  { id: 'no-transfer-syntax', what: 'a file meta header without a transfer syntax', bytes: () => tiny([], ''), expect: 'reject', message: /transfer syntax|damaged/ },
  { id: 'nested-sequences', what: '20,000 nested sequences of undefined length', bytes: () => nestedSequences(20_000), expect: 'reject', message: /damaged|cut short/ },
  { id: 'png-bomb', what: 'a small PNG declaring 100,000 × 100,000 pixels', bytes: () => writePng(4, 4, new Uint8Array(16), { width: 100_000, height: 100_000 }), expect: 'reject', message: /100000 × 100000.*up to 10000/ },
  { id: 'png-truncated', what: 'a PNG cut inside its header', bytes: () => cut(writePng(4, 4, new Uint8Array(16)), 20), expect: 'reject', message: /PNG header is damaged/ },
  { id: 'jpeg-huge', what: 'a JPEG declaring 20,000 × 20,000 pixels', bytes: () => jpegWithSize(20_000, 20_000), expect: 'reject', message: /20000 × 20000.*up to 10000/ },
  { id: 'jpeg-no-frame', what: 'a JPEG with no frame header', bytes: () => Uint8Array.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]), expect: 'reject', message: /JPEG header is damaged/ }
]
