// Phantom radiographs with known truth, for the imaging tests: a femur-like residual bone (known
// canal and cortex profile), distal soft tissue, and a 25 mm calibration ball, drawn at a known
// detector pixel size and magnification. Edges are anti-aliased (4 × 4 samples per pixel) so an
// edge's position is known to a fraction of a pixel.
//   npx tsx scripts/imaging/phantom.ts <folder>   writes the variants and truth.json there.
import { deflateSync } from 'node:zlib'
import { EXPLICIT_LE, IMPLICIT_LE, concat, writeDicom, type DicomElement } from './dicom-writer'

export interface PhantomOptions {
  rows?: number
  columns?: number
  /** Detector pixel size, mm. */
  detectorPixelMm?: number
  magnification?: number
  photometric?: 'MONOCHROME1' | 'MONOCHROME2'
  /** Which spacing tags the file carries: 'pixel-spacing' is a calibrated Pixel Spacing (true size,
   *  Pixel Spacing Calibration Type GEOMETRY); 'uncalibrated-pixel-spacing' is the detector size
   *  written as Pixel Spacing with no calibration type, as many CR/DX files do; 'conflict' adds a
   *  calibrated Pixel Spacing that disagrees with Imager Pixel Spacing ÷ ERMF. */
  spacing?: 'ermf' | 'pixel-spacing' | 'uncalibrated-pixel-spacing' | 'detector' | 'conflict' | 'none'
  /** Modality (0008,0060); default DX. */
  modality?: string
  transferSyntax?: string
  frames?: number
  /** Add identifying tags (to check they are dropped). */
  identity?: boolean
  /** Samples per pixel along each axis for anti-aliasing (default 4; 1 for large bench images). */
  samples?: number
}

/** True-size anatomy (mm at the patient). */
export const ANATOMY = {
  residualMm: 280,
  softTissueMm: 45,
  markerMm: 25,
  /** Canal diameter at z mm from the distal end: isthmus at 170 mm. */
  endosteal: (z: number) => 13 + 7 * ((z - 170) / 170) ** 2,
  /** Cortex thickness: 4 mm at the ends, 6 mm mid-shaft. */
  cortex: (z: number) => 4 + 2 * Math.sin((Math.PI * z) / 280)
}
export const periosteal = (z: number) => ANATOMY.endosteal(z) + 2 * ANATOMY.cortex(z)

export interface Pt {
  x: number
  y: number
}

export interface PhantomTruth {
  rows: number
  columns: number
  detectorPixelMm: number
  magnification: number
  axis: { distal: Pt; proximal: Pt }
  skin: Pt
  marker: { centre: Pt; diameterPx: number; from: Pt; to: Pt }
  /** Stations every 20 mm true from 20 to 260 mm, with their edge positions in pixels. */
  stations: { zMm: number; endostealMm: number; periostealMm: number; edges: { periostealA: Pt; endostealA: Pt; endostealB: Pt; periostealB: Pt } }[]
  residualMm: number
  softTissueMm: number
}

const INTENSITY = { air: 80, soft: 900, canal: 1700, cortex: 3000, marker: 3600 }

function layout(o: Required<Pick<PhantomOptions, 'rows' | 'columns' | 'detectorPixelMm' | 'magnification'>>) {
  const pxPerMm = o.magnification / o.detectorPixelMm // pixels per true mm
  const cx = Math.round(o.columns * 0.4)
  const distalY = o.rows - 1 - Math.round(ANATOMY.softTissueMm * pxPerMm + 40)
  const proximalY = distalY - ANATOMY.residualMm * pxPerMm
  return { pxPerMm, cx, distalY, proximalY, markerC: { x: Math.round(o.columns * 0.8), y: Math.round(o.rows * 0.25) } }
}

/** The phantom's presentation value (bone bright) at a continuous image point. */
function valueAt(x: number, y: number, L: ReturnType<typeof layout>): number {
  const mx = (x - L.markerC.x) / L.pxPerMm
  const my = (y - L.markerC.y) / L.pxPerMm
  if (mx * mx + my * my <= (ANATOMY.markerMm / 2) ** 2) return INTENSITY.marker
  const z = (L.distalY - y) / L.pxPerMm // true mm from the distal end, proximal positive
  const dx = Math.abs(x - L.cx) / L.pxPerMm
  if (z >= 0 && z <= ANATOMY.residualMm) {
    const e = ANATOMY.endosteal(z) / 2
    const p = periosteal(z) / 2
    if (dx <= e) return INTENSITY.canal
    if (dx <= p) return INTENSITY.cortex
  }
  const half = 60
  if (z >= 0 ? dx <= half : (dx / half) ** 2 + (z / ANATOMY.softTissueMm) ** 2 <= 1) return INTENSITY.soft
  return INTENSITY.air
}

/** The four edge positions (pixels) across the bone `zMm` true mm from the distal end. */
export function edgesAtTrueZ(zMm: number, options: PhantomOptions = {}): { periostealA: Pt; endostealA: Pt; endostealB: Pt; periostealB: Pt } {
  const o = { rows: 1400, columns: 520, detectorPixelMm: 0.3, magnification: 1.15, ...options }
  const L = layout(o)
  const e = ANATOMY.endosteal(zMm) / 2
  const p = periosteal(zMm) / 2
  const y = L.distalY - zMm * L.pxPerMm
  return { periostealA: { x: L.cx - p * L.pxPerMm, y }, endostealA: { x: L.cx - e * L.pxPerMm, y }, endostealB: { x: L.cx + e * L.pxPerMm, y }, periostealB: { x: L.cx + p * L.pxPerMm, y } }
}

export function phantomTruth(options: PhantomOptions = {}): PhantomTruth {
  const o = { rows: 1400, columns: 520, detectorPixelMm: 0.3, magnification: 1.15, ...options }
  const L = layout(o)
  const at = (z: number, off: number): Pt => ({ x: L.cx + off * L.pxPerMm, y: L.distalY - z * L.pxPerMm })
  const stations = []
  for (let z = 20; z <= 260; z += 20) {
    const e = ANATOMY.endosteal(z)
    const p = periosteal(z)
    stations.push({ zMm: z, endostealMm: e, periostealMm: p, edges: { periostealA: at(z, -p / 2), endostealA: at(z, -e / 2), endostealB: at(z, e / 2), periostealB: at(z, p / 2) } })
  }
  const r = (ANATOMY.markerMm / 2) * L.pxPerMm
  return {
    rows: o.rows,
    columns: o.columns,
    detectorPixelMm: o.detectorPixelMm,
    magnification: o.magnification,
    axis: { distal: { x: L.cx, y: L.distalY }, proximal: { x: L.cx, y: L.proximalY } },
    skin: { x: L.cx, y: L.distalY + ANATOMY.softTissueMm * L.pxPerMm },
    marker: { centre: L.markerC, diameterPx: 2 * r, from: { x: L.markerC.x - r, y: L.markerC.y }, to: { x: L.markerC.x + r, y: L.markerC.y } },
    stations,
    residualMm: ANATOMY.residualMm,
    softTissueMm: ANATOMY.softTissueMm
  }
}

/** 16-bit presentation values (bone bright), anti-aliased, with a little deterministic noise. */
export function phantomPixels(options: PhantomOptions = {}): Uint16Array {
  const o = { rows: 1400, columns: 520, detectorPixelMm: 0.3, magnification: 1.15, ...options }
  const L = layout(o)
  const out = new Uint16Array(o.rows * o.columns)
  let seed = 12345
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0
    return ((seed >>> 16) / 65536 - 0.5) * 30
  }
  const k = Math.max(1, Math.round(options.samples ?? 4))
  const sub = Array.from({ length: k }, (_, i) => (i + 0.5) / k - 0.5)
  for (let y = 0; y < o.rows; y++) {
    for (let x = 0; x < o.columns; x++) {
      let sum = 0
      for (const sy of sub) for (const sx of sub) sum += valueAt(x + sx, y + sy, L)
      out[y * o.columns + x] = Math.max(0, Math.min(4095, Math.round(sum / (k * k) + noise())))
    }
  }
  return out
}

const ds = (...n: number[]) => n.map((v) => String(Number(v.toPrecision(10)))).join('\\')

export function phantomDicom(options: PhantomOptions = {}): Uint8Array {
  const o = { rows: 1400, columns: 520, detectorPixelMm: 0.3, magnification: 1.15, photometric: 'MONOCHROME2' as const, spacing: 'ermf' as const, modality: 'DX', transferSyntax: EXPLICIT_LE, frames: 1, identity: true, ...options }
  const values = phantomPixels(o)
  if (o.photometric === 'MONOCHROME1') for (let i = 0; i < values.length; i++) values[i] = 4095 - values[i]!
  const frame = new Uint8Array(values.buffer)
  const pixelData = o.frames === 1 ? frame : concat(Array.from({ length: o.frames }, () => frame))
  const p = o.detectorPixelMm
  const e: DicomElement[] = [
    { group: 0x0008, element: 0x0016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1.1' },
    { group: 0x0008, element: 0x0018, vr: 'UI', value: '1.2.826.0.1.3680043.9.7777.1.1' },
    { group: 0x0008, element: 0x0060, vr: 'CS', value: o.modality },
    { group: 0x0018, element: 0x5101, vr: 'CS', value: 'AP' },
    { group: 0x0020, element: 0x000d, vr: 'UI', value: '1.2.826.0.1.3680043.9.7777.2' },
    { group: 0x0020, element: 0x000e, vr: 'UI', value: '1.2.826.0.1.3680043.9.7777.3' },
    { group: 0x0028, element: 0x0002, vr: 'US', value: 1 },
    { group: 0x0028, element: 0x0004, vr: 'CS', value: o.photometric },
    { group: 0x0028, element: 0x0010, vr: 'US', value: o.rows },
    { group: 0x0028, element: 0x0011, vr: 'US', value: o.columns },
    { group: 0x0028, element: 0x0100, vr: 'US', value: 16 },
    { group: 0x0028, element: 0x0101, vr: 'US', value: 12 },
    { group: 0x0028, element: 0x0102, vr: 'US', value: 11 },
    { group: 0x0028, element: 0x0103, vr: 'US', value: 0 },
    { group: 0x0028, element: 0x1050, vr: 'DS', value: '2000' },
    { group: 0x0028, element: 0x1051, vr: 'DS', value: '4000' },
    { group: 0x0028, element: 0x1052, vr: 'DS', value: '0' },
    { group: 0x0028, element: 0x1053, vr: 'DS', value: '1' },
    { group: 0x7fe0, element: 0x0010, vr: 'OW', value: pixelData }
  ]
  if (o.frames > 1) e.push({ group: 0x0028, element: 0x0008, vr: 'IS', value: String(o.frames) })
  if (o.identity) {
    e.push(
      { group: 0x0010, element: 0x0010, vr: 'PN', value: 'Doe^Jane' },
      { group: 0x0010, element: 0x0020, vr: 'LO', value: 'MRN-0042' },
      { group: 0x0010, element: 0x0030, vr: 'DA', value: '19700101' },
      { group: 0x0008, element: 0x0080, vr: 'LO', value: 'General Hospital' },
      { group: 0x0020, element: 0x4000, vr: 'LT', value: 'left femur, see report' }
    )
  }
  const ips = { group: 0x0018, element: 0x1164, vr: 'DS', value: ds(p, p) }
  const ermf = { group: 0x0018, element: 0x1114, vr: 'DS', value: ds(o.magnification) }
  const corrected = p / o.magnification
  if (o.spacing === 'ermf') e.push(ips, ermf)
  if (o.spacing === 'detector') e.push(ips)
  const geometry = { group: 0x0028, element: 0x0a02, vr: 'CS', value: 'GEOMETRY' }
  if (o.spacing === 'pixel-spacing') e.push({ group: 0x0028, element: 0x0030, vr: 'DS', value: ds(corrected, corrected) }, geometry)
  if (o.spacing === 'uncalibrated-pixel-spacing') e.push({ group: 0x0028, element: 0x0030, vr: 'DS', value: ds(p, p) })
  if (o.spacing === 'conflict') e.push(ips, ermf, { group: 0x0028, element: 0x0030, vr: 'DS', value: ds(corrected * 0.9, corrected * 0.9) }, geometry)
  return writeDicom(e, o.transferSyntax)
}

// ---- PNG (8-bit grayscale) -------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(b: Uint8Array): number {
  let c = 0xffffffff
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8)
  new DataView(head.buffer).setUint32(0, data.length)
  head.set(new TextEncoder().encode(type), 4)
  const crc = new Uint8Array(4)
  new DataView(crc.buffer).setUint32(0, crc32(concat([head.subarray(4), data])))
  return concat([head, data, crc])
}

/** An 8-bit grayscale PNG; `declared` overrides the header's size (a "PNG bomb"). */
export function writePng(width: number, height: number, gray: Uint8Array, declared?: { width: number; height: number }): Uint8Array {
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, declared?.width ?? width)
  v.setUint32(4, declared?.height ?? height)
  ihdr.set([8, 0, 0, 0, 0], 8)
  const raw = new Uint8Array(height * (width + 1))
  for (let y = 0; y < height; y++) raw.set(gray.subarray(y * width, (y + 1) * width), y * (width + 1) + 1)
  return concat([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))])
}

export function phantomPng(options: PhantomOptions = {}): Uint8Array {
  const o = { rows: 1400, columns: 520, ...options }
  const v = phantomPixels(o)
  const gray = new Uint8Array(v.length)
  for (let i = 0; i < v.length; i++) gray[i] = Math.round((v[i]! / 4095) * 255)
  return writePng(o.columns, o.rows, gray)
}

async function main(folder: string) {
  const { mkdirSync, writeFileSync } = await import('node:fs')
  const path = await import('node:path')
  mkdirSync(folder, { recursive: true })
  const files: Record<string, Uint8Array> = {
    'phantom-ermf.dcm': phantomDicom(),
    'phantom-mono1.dcm': phantomDicom({ photometric: 'MONOCHROME1' }),
    'phantom-pixel-spacing.dcm': phantomDicom({ spacing: 'pixel-spacing' }),
    'phantom-uncalibrated-pixel-spacing.dcm': phantomDicom({ spacing: 'uncalibrated-pixel-spacing' }),
    'phantom-detector.dcm': phantomDicom({ spacing: 'detector' }),
    'phantom-conflict.dcm': phantomDicom({ spacing: 'conflict' }),
    'phantom-implicit.dcm': phantomDicom({ transferSyntax: IMPLICIT_LE }),
    'phantom.png': phantomPng()
  }
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(folder, name), bytes)
  writeFileSync(path.join(folder, 'truth.json'), JSON.stringify(phantomTruth(), null, 2))
  console.log(`wrote ${Object.keys(files).length} phantom images and truth.json to ${folder}`)
}

if (process.argv[1] && /phantom\.ts$/.test(process.argv[1])) void main(process.argv[2] ?? 'out/phantoms')
