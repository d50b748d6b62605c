// A file the user opened → a de-identified image ready to store: DICOM through the shared
// reader (JPEG Baseline frames decoded by the browser), PNG/JPEG checked for size, then decoded by
// the browser and reduced to 8-bit grayscale (which also drops any metadata the picture carried).
import { checkRasterHeader, readDicom, sniffImageKind, type ImageHeader, type ImagePlane, IMAGE_LIMITS } from '../../../../shared/imaging'
import type { ImageRow, ImageWithPixels } from '../../db/image-types'
import type { ImagesRepo, NewImage } from '../../db/images-repo'
import { newId } from '../../db/ids'
import { megabytes } from '../../../../shared/imaging/limits'
import { markOpen } from './open-marks'

export interface LoadedImage {
  header: ImageHeader
  pixels: ArrayBuffer
}

export type LoadResult = { ok: true; image: LoadedImage } | { ok: false; error: string; frameCount?: number }

/** Decodes a JPEG or PNG stream with the browser and keeps one gray channel (8-bit). */
async function decodeGray(bytes: Uint8Array, type: string): Promise<{ width: number; height: number; gray: Uint8Array } | null> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type }))
  } catch {
    return null
  }
  const { width, height } = bitmap
  const canvas = new OffscreenCanvas(width, height)
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) return null
  ctx.drawImage(bitmap, 0, 0)
  bitmap.close()
  const rgba = ctx.getImageData(0, 0, width, height).data
  const gray = new Uint8Array(width * height)
  // Rec. 601 luma: a colour picture of a radiograph is gray already; this is exact for gray.
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) gray[i] = Math.round(0.299 * rgba[j]! + 0.587 * rgba[j + 1]! + 0.114 * rgba[j + 2]!)
  return { width, height, gray }
}

function rasterHeader(width: number, height: number, kind: 'png' | 'jpeg'): ImageHeader {
  return {
    kind: 'raster',
    rows: height,
    columns: width,
    bitsAllocated: 8,
    bitsStored: 8,
    signed: false,
    photometric: 'MONOCHROME2',
    rescaleSlope: 1,
    rescaleIntercept: 0,
    window: null,
    spacing: { candidates: [], problems: [], conflict: null },
    modality: '',
    frameCount: 1,
    frameIndex: 0,
    transferSyntax: '',
    kept: [{ tag: '', name: 'Picture', value: `${kind.toUpperCase()}, ${width} × ${height} pixels (no pixel size: calibrate with a marker or a known distance)` }],
    dropped: []
  }
}

/** The bytes' buffer when they are the whole of it, else a copy that is. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
  return whole ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer)
}

export async function loadImageBytes(bytes: Uint8Array, frame?: number): Promise<LoadResult> {
  if (bytes.length > IMAGE_LIMITS.maxFileBytes) return { ok: false, error: `The file is ${megabytes(bytes.length)}; OsseoPlan opens images up to ${megabytes(IMAGE_LIMITS.maxFileBytes)}.` }
  const kind = sniffImageKind(bytes)
  if (kind === 'png' || kind === 'jpeg') {
    const check = checkRasterHeader(bytes)
    if (!check.ok) return check
    const decoded = await decodeGray(bytes, kind === 'png' ? 'image/png' : 'image/jpeg')
    if (!decoded) return { ok: false, error: `The ${kind.toUpperCase()} picture could not be decoded; the file is damaged.` }
    return { ok: true, image: { header: rasterHeader(decoded.width, decoded.height, kind), pixels: decoded.gray.buffer as ArrayBuffer } }
  }
  const r = readDicom(bytes, frame === undefined ? {} : { frame })
  if (!r.ok) {
    const frames = /holds (\d+) frames\. Choose/.exec(r.error)
    return frames ? { ok: false, error: r.error, frameCount: Number(frames[1]) } : r
  }
  const { header, encoding, pixels } = r.image
  // The reader's frame is a copy of its own already; copying 18 MB again cost tens of ms.
  if (encoding === 'raw') return { ok: true, image: { header, pixels: ownBuffer(pixels) } }
  const decoded = await decodeGray(pixels, 'image/jpeg')
  if (!decoded) return { ok: false, error: 'The JPEG image inside this DICOM file could not be decoded; the file is damaged.' }
  if (decoded.width !== header.columns || decoded.height !== header.rows) return { ok: false, error: `The JPEG image inside this DICOM file is ${decoded.width} × ${decoded.height} pixels, but the file says ${header.columns} × ${header.rows}; the file is damaged.` }
  return { ok: true, image: { header: { ...header, bitsStored: 8 }, pixels: decoded.gray.buffer as ArrayBuffer } }
}

export type ImportResult = { ok: true; row: ImageRow; pixels: ArrayBuffer } | { ok: false; error: string; frameCount?: number }

/** The image as shown while it is being stored: the row it will have, not yet saved. */
export type ShownImage = ImageWithPixels

/** Opens a file's bytes into the plan: read and checked first (a refused file writes nothing),
 *  then handed to `show` at once and stored in one transaction: the view does not wait for
 *  IndexedDB. The store starts when `show`'s promise settles (the panel resolves it once the first
 *  frame is painted, so the 18 MB write does not compete with it). A failed store writes nothing
 *  of the image and rejects (the caller words the error and takes the shown image away: it must
 *  not look saved). */
export async function importImage(
  repo: Pick<ImagesRepo, 'add'>,
  planId: string,
  bytes: Uint8Array,
  plane: ImagePlane,
  frame?: number,
  pacsSource?: ImageRow['pacsSource'],
  show?: (image: ShownImage) => void | Promise<void>
): Promise<ImportResult> {
  const r = await loadImageBytes(bytes, frame)
  if (!r.ok) return r
  markOpen('parsed')
  const image: NewImage = { planId, header: r.image.header, pixels: r.image.pixels, calibration: null, marks: { axis: null, stations: [], skin: null, plane, unlinked: [] }, ...(pacsSource ? { pacsSource } : {}) }
  const id = newId()
  if (show) {
    const at = Date.now()
    const { pixels, ...meta } = image
    await show({ ...meta, id, label: '', createdAt: at, updatedAt: at, pixels })
  }
  const row = await repo.add(image, id)
  markOpen('stored')
  return { ok: true, row, pixels: r.image.pixels }
}
