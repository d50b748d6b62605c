// What kind of image file these bytes are, from their first bytes (never from the file name).
export type ImageFileKind = 'dicom' | 'png' | 'jpeg' | 'unknown'

export function sniffImageKind(bytes: Uint8Array): ImageFileKind {
  if (bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d) return 'dicom'
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return 'unknown'
}
