// Width and height of a PNG or JPEG read from its header, checked against the limits before the
// browser is asked to decode it (a small file can declare an enormous picture: a "PNG bomb").
import { IMAGE_LIMITS, megabytes } from './limits'
import { sniffImageKind } from './sniff'

export type RasterCheck = { ok: true; kind: 'png' | 'jpeg'; width: number; height: number } | { ok: false; error: string }

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4), big-endian.
  if (b.length < 24 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  return { width: v.getUint32(16), height: v.getUint32(20) }
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i += 1
      continue
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isSof) return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
    if (length < 2) return null
    i += 2 + length
  }
  return null
}

export function checkRasterHeader(bytes: Uint8Array): RasterCheck {
  if (bytes.length > IMAGE_LIMITS.maxFileBytes) return { ok: false, error: `The file is ${megabytes(bytes.length)}; OsseoPlan opens images up to ${megabytes(IMAGE_LIMITS.maxFileBytes)}.` }
  const kind = sniffImageKind(bytes)
  if (kind !== 'png' && kind !== 'jpeg') return { ok: false, error: 'This file is not a PNG or JPEG picture.' }
  const size = kind === 'png' ? pngSize(bytes) : jpegSize(bytes)
  if (!size) return { ok: false, error: `The ${kind.toUpperCase()} header is damaged or cut short.` }
  if (size.width === 0 || size.height === 0) return { ok: false, error: `The picture is ${size.width} × ${size.height} pixels: it has no pixels.` }
  if (size.width > IMAGE_LIMITS.maxSide || size.height > IMAGE_LIMITS.maxSide) {
    return { ok: false, error: `The picture is ${size.width} × ${size.height} pixels; OsseoPlan opens images up to ${IMAGE_LIMITS.maxSide} × ${IMAGE_LIMITS.maxSide}.` }
  }
  return { ok: true, kind, ...size }
}
