// What an image file may be before the app reads it. Each limit is named in the refusal message.
export const IMAGE_LIMITS = {
  /** Largest file read, bytes (200 MB). */
  maxFileBytes: 200 * 1024 * 1024,
  /** Largest width or height, pixels. */
  maxSide: 10_000,
  /** Largest number of frames in a multi-frame file. */
  maxFrames: 2_000,
  /** Bits allocated per pixel sample that can be displayed. */
  bitsAllocated: [8, 16] as readonly number[],
  /** Largest plausible pixel spacing, mm (a radiograph pixel is well under 1 mm). */
  maxSpacingMm: 10
} as const

export const MB = 1024 * 1024

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`
}
