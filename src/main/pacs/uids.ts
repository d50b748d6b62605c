// DICOM UIDs without a registered root: the 2.25 arc, whose second part is a random UUID written
// as one decimal integer (ISO/IEC 9834-8, DICOM PS3.5 B.2). Each is unique without coordination.
import { randomUUID } from 'node:crypto'

export function newUid(uuid: string = randomUUID()): string {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('not a UUID')
  return `2.25.${BigInt(`0x${hex}`).toString(10)}`
}

/** A UID as DICOM allows it: dot-separated numbers without leading zeros, at most 64 characters. */
export function isUid(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/.test(value)
}
