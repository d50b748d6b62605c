// Transfer syntaxes: which the app reads, and what to tell the user about the others.
export type PixelEncoding = 'raw' | 'jpeg-baseline'

const SUPPORTED: Record<string, { name: string; encoding: PixelEncoding }> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian (uncompressed)', encoding: 'raw' },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian (uncompressed)', encoding: 'raw' },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (lossy, 8-bit)', encoding: 'jpeg-baseline' }
}

const REFUSED_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended (12-bit)',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless (first-order prediction)',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 (lossless only)',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'High-Throughput JPEG 2000 (lossless)',
  '1.2.840.10008.1.2.4.203': 'High-Throughput JPEG 2000',
  '1.2.840.10008.1.2.5': 'RLE Lossless'
}

export const EXPORT_ADVICE =
  'In the hospital viewer or PACS, export the image again as uncompressed DICOM ("Explicit VR Little Endian" or "uncompressed"), or as a PNG with its calibration noted.'

export function supportedTransferSyntax(uid: string): { name: string; encoding: PixelEncoding } | null {
  return SUPPORTED[uid] ?? null
}

/** The plain refusal for a transfer syntax the app does not decode. */
export function unsupportedTransferSyntaxMessage(uid: string): string {
  const name = REFUSED_NAMES[uid]
  const what = name ? `${name} (${uid})` : `transfer syntax ${uid || '(none given)'}`
  return `This DICOM file stores its pixels as ${what}, which OsseoPlan cannot decode. ${EXPORT_ADVICE}`
}
