// The one entry point for DICOM bytes (a file the user opened, or an instance fetched over
// DICOMweb): bytes in, a de-identified image or a plain error out. Never throws.
import type { DataSet, Element, Fragment } from 'dicom-parser'
import { dicomParser } from './dicom-parser-lib'
import { IDENTIFYING_TAGS, KEPT_TAGS, TAG } from './dicom-tags'
import type { ImageHeader, ImageReadResult, KeptTag } from './image-types'
import { IMAGE_LIMITS, megabytes } from './limits'
import { parseDecimalString, interpretSpacing, type SpacingTags } from './spacing'
import { sniffImageKind } from './sniff'
import { supportedTransferSyntax, unsupportedTransferSyntaxMessage } from './transfer-syntax'

export interface DicomReadOptions {
  /** Frame to read from a multi-frame file (0-based). Without it a multi-frame file is refused. */
  frame?: number
}

class Refusal extends Error {}
const refuse = (message: string): never => {
  throw new Refusal(message)
}

function text(ds: DataSet, tag: string): string | undefined {
  const el = ds.elements[tag]
  if (!el || el.length === 0) return undefined
  const s = ds.string(tag)
  return s === undefined ? undefined : s.replace(/\0/g, '').trim()
}

/** Unsigned short, only when the element really holds two bytes. */
function us(ds: DataSet, tag: string): number | undefined {
  const el = ds.elements[tag]
  if (!el || el.length < 2 || el.dataOffset + 2 > ds.byteArray.length) return undefined
  return ds.uint16(tag)
}

function requiredUs(ds: DataSet, tag: string, name: string): number {
  const v = us(ds, tag)
  return v === undefined ? refuse(`The file has no ${name}; it is not an image OsseoPlan can show.`) : v
}

/** First value of a decimal string: null when absent, NaN when present but not a number. */
function firstNumber(ds: DataSet, tag: string): number | null {
  const t = text(ds, tag)
  return t === undefined ? null : (parseDecimalString(t.split('\\')[0] ?? '') ?? NaN)
}

/** The tags that state the pixel size, as `interpretSpacing` reads them (absent tags left out). */
export function spacingTags(ds: DataSet): SpacingTags {
  const tags: SpacingTags = {}
  const fields = [
    ['pixelSpacing', TAG.pixelSpacing],
    ['imagerPixelSpacing', TAG.imagerPixelSpacing],
    ['ermf', TAG.ermf],
    ['modality', TAG.modality],
    ['calibrationType', TAG.pixelSpacingCalibrationType],
    ['calibrationDescription', TAG.pixelSpacingCalibrationDescription]
  ] as const
  for (const [field, tag] of fields) {
    const value = text(ds, tag)
    if (value !== undefined) tags[field] = value
  }
  return tags
}

function keptTags(ds: DataSet, transferSyntax: string): KeptTag[] {
  const kept: KeptTag[] = [{ tag: '(0002,0010)', name: 'Transfer Syntax UID', value: transferSyntax }]
  for (const k of KEPT_TAGS) {
    const key = TAG[k.key]
    const el = ds.elements[key]
    if (!el || el.length === 0) continue
    const isUs = ['rows', 'columns', 'bitsAllocated', 'bitsStored', 'pixelRepresentation', 'samplesPerPixel'].includes(k.key)
    const value = isUs ? String(us(ds, key) ?? '') : (text(ds, key) ?? '')
    kept.push({ tag: k.tag, name: k.name, value: value.slice(0, 128) })
  }
  return kept
}

function frameBytes(ds: DataSet, el: Element, rows: number, columns: number, bytesPerSample: number, frame: number, encapsulated: boolean): Uint8Array {
  const bytes = ds.byteArray as Uint8Array
  if (encapsulated) {
    if (!el.encapsulatedPixelData || !el.fragments || el.fragments.length === 0) refuse('The image data is missing or damaged (no compressed fragments).')
    const frags = el.fragments as Fragment[]
    const stream =
      frame === 0 && (el.basicOffsetTable?.length ?? 0) <= 1
        ? dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, frags.length)
        : dicomParser.readEncapsulatedImageFrame(ds, el, frame, el.basicOffsetTable?.length ? el.basicOffsetTable : dicomParser.createJPEGBasicOffsetTable(ds, el))
    const out = Uint8Array.from(stream)
    if (out.length < 4 || out[0] !== 0xff || out[1] !== 0xd8) refuse('The compressed image data does not start like a JPEG image; the file is damaged.')
    return out
  }
  if (el.encapsulatedPixelData || el.hadUndefinedLength) refuse('The image data has an undefined length although the file says it is uncompressed; the file is damaged.')
  const size = rows * columns * bytesPerSample
  const start = el.dataOffset + frame * size
  const end = start + size
  if (end > el.dataOffset + el.length || end > bytes.length) {
    refuse(`The image data is shorter than ${rows} × ${columns} pixels need (${size} bytes per frame); the file is truncated or damaged.`)
  }
  return bytes.slice(start, end)
}

function parse(bytes: Uint8Array, options: DicomReadOptions): ImageReadResult {
  if (bytes.length > IMAGE_LIMITS.maxFileBytes) refuse(`The file is ${megabytes(bytes.length)}; OsseoPlan opens images up to ${megabytes(IMAGE_LIMITS.maxFileBytes)}.`)
  const kind = sniffImageKind(bytes)
  if (kind === 'png' || kind === 'jpeg') refuse(`This is a ${kind.toUpperCase()} picture, not a DICOM file; open it as a picture.`)
  if (kind !== 'dicom') refuse('This file is not a DICOM file (no "DICM" signature at byte 128) nor a PNG or JPEG picture.')

  let meta: DataSet
  try {
    meta = dicomParser.readPart10Header(bytes)
  } catch {
    return refuse('The DICOM file header is damaged or cut short.')
  }
  const transferSyntax = text(meta, TAG.transferSyntax) ?? ''
  if (transferSyntax === '') refuse('The DICOM file header is damaged or cut short: it names no transfer syntax.')
  const syntax = supportedTransferSyntax(transferSyntax)
  if (!syntax) refuse(unsupportedTransferSyntaxMessage(transferSyntax))

  let ds: DataSet
  try {
    ds = dicomParser.parseDicom(bytes)
  } catch {
    return refuse('The DICOM file is damaged or cut short: its elements could not be read.')
  }

  const rows = requiredUs(ds, TAG.rows, 'Rows (0028,0010)')
  const columns = requiredUs(ds, TAG.columns, 'Columns (0028,0011)')
  if (rows === 0 || columns === 0) refuse(`The image is ${rows} × ${columns} pixels: it has no pixels.`)
  if (rows > IMAGE_LIMITS.maxSide || columns > IMAGE_LIMITS.maxSide) {
    refuse(`The image is ${rows} × ${columns} pixels; OsseoPlan opens images up to ${IMAGE_LIMITS.maxSide} × ${IMAGE_LIMITS.maxSide}.`)
  }
  const bitsAllocated = requiredUs(ds, TAG.bitsAllocated, 'Bits Allocated (0028,0100)')
  if (!IMAGE_LIMITS.bitsAllocated.includes(bitsAllocated)) refuse(`The image has ${bitsAllocated} bits allocated per pixel; OsseoPlan shows 8- and 16-bit grayscale images.`)
  const bitsStored = us(ds, TAG.bitsStored) ?? bitsAllocated
  if (bitsStored < 1 || bitsStored > bitsAllocated) refuse(`Bits Stored (${bitsStored}) does not fit in Bits Allocated (${bitsAllocated}); the file is damaged.`)
  const signed = us(ds, TAG.pixelRepresentation) === 1

  const jpeg = syntax!.encoding === 'jpeg-baseline'
  const samples = us(ds, TAG.samplesPerPixel) ?? 1
  const photometricText = (text(ds, TAG.photometric) ?? 'MONOCHROME2').toUpperCase()
  const mono = photometricText === 'MONOCHROME1' || photometricText === 'MONOCHROME2'
  if (!jpeg && (samples !== 1 || !mono)) refuse(`The image is in colour (${photometricText}); OsseoPlan measures on grayscale radiographs. Export it as grayscale DICOM or as a PNG.`)
  if (jpeg && bitsAllocated !== 8) refuse('A JPEG Baseline image must have 8 bits per pixel; the file is damaged.')
  const photometric = photometricText === 'MONOCHROME1' ? 'MONOCHROME1' : 'MONOCHROME2'

  const framesText = text(ds, TAG.numberOfFrames)
  const frameCount = framesText === undefined ? 1 : Number(framesText)
  if (!Number.isInteger(frameCount) || frameCount < 1 || frameCount > IMAGE_LIMITS.maxFrames) refuse(`Number of Frames ("${String(framesText).slice(0, 20)}") is not a usable count (1 to ${IMAGE_LIMITS.maxFrames}).`)
  const frame = options.frame ?? (frameCount === 1 ? 0 : -1)
  if (frame === -1) refuse(`The file holds ${frameCount} frames. Choose the frame to open (1 to ${frameCount}).`)
  if (!Number.isInteger(frame) || frame < 0 || frame >= frameCount) refuse(`Frame ${frame + 1} does not exist; the file holds ${frameCount} frame${frameCount === 1 ? '' : 's'}.`)

  const pixelEl = ds.elements[TAG.pixelData]
  if (!pixelEl) refuse('The file has no image data (Pixel Data, 7FE0,0010).')
  const pixels = frameBytes(ds, pixelEl!, rows, columns, bitsAllocated / 8, frame, jpeg)

  const slope = firstNumber(ds, TAG.rescaleSlope) ?? 1
  const intercept = firstNumber(ds, TAG.rescaleIntercept) ?? 0
  if (!Number.isFinite(slope) || slope === 0 || !Number.isFinite(intercept)) refuse('Rescale Slope or Intercept is not a usable number; the file is damaged.')
  const wc = firstNumber(ds, TAG.windowCenter)
  const ww = firstNumber(ds, TAG.windowWidth)
  const window = wc !== null && ww !== null && Number.isFinite(wc) && ww > 0 && Number.isFinite(ww) ? { center: wc, width: ww } : null

  const spacing = interpretSpacing(spacingTags(ds))

  const dropped = IDENTIFYING_TAGS.filter((t) => ds.elements[t.key]).map((t) => t.name)
  if (text(ds, TAG.burnedInAnnotation)?.toUpperCase() === 'YES') dropped.push('Burned In Annotation is YES: the pixels themselves may show identifying text, which cannot be removed')

  const header: ImageHeader = {
    kind: 'dicom',
    rows,
    columns,
    bitsAllocated,
    bitsStored,
    signed,
    photometric,
    rescaleSlope: slope,
    rescaleIntercept: intercept,
    window,
    spacing,
    modality: (text(ds, TAG.modality) ?? '').slice(0, 16),
    frameCount,
    frameIndex: frame,
    transferSyntax,
    kept: keptTags(ds, transferSyntax),
    dropped
  }
  return { ok: true, image: { header, encoding: syntax!.encoding, pixels } }
}

/** Reads DICOM Part 10 bytes: the image (one frame, de-identified header) or a plain error. */
export function readDicom(bytes: Uint8Array, options: DicomReadOptions = {}): ImageReadResult {
  try {
    return parse(bytes, options)
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message }
    // dicom-parser throws strings or errors on malformed input: the user gets one plain sentence.
    return { ok: false, error: 'The DICOM file is damaged or cut short: its contents could not be read.' }
  }
}
