// multipart/related bodies as DICOMweb uses them (PS3.18 8.6.1.2): WADO-RS answers with one part
// per instance, STOW-RS sends one. Parsing refuses a body that does not end with the closing
// boundary, so a response cut off mid-transfer is never taken for a complete one.

import { concat } from '../../shared/bytes'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/related\b/i.test(contentType.trim())) return null
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType)
  return match ? (match[1] ?? match[2] ?? null) : null
}

/** Node's native search (memmem), on a view of the same memory: the 18 MB image part is scanned
 *  for its closing boundary without a copy. */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle, from)
}

export interface Part {
  headers: Record<string, string>
  body: Uint8Array
}

export type ParsedMultipart = { ok: true; parts: Part[] } | { ok: false; error: 'truncated' | 'malformed' }

export function parseMultipart(body: Uint8Array, boundary: string): ParsedMultipart {
  const delimiter = encoder.encode(`--${boundary}`)
  let at = indexOf(body, delimiter, 0)
  if (at === -1) return { ok: false, error: body.length === 0 ? 'truncated' : 'malformed' }
  const parts: Part[] = []
  for (;;) {
    at += delimiter.length
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return { ok: true, parts } // closing "--"
    const headerEnd = indexOf(body, encoder.encode('\r\n\r\n'), at)
    if (headerEnd === -1) return { ok: false, error: 'truncated' }
    const headers: Record<string, string> = {}
    for (const line of decoder.decode(body.subarray(at, headerEnd)).split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
    const next = indexOf(body, encoder.encode(`\r\n--${boundary}`), headerEnd + 4)
    if (next === -1) return { ok: false, error: 'truncated' }
    parts.push({ headers, body: body.subarray(headerEnd + 4, next) })
    at = next + 2
  }
}

export function buildMultipart(parts: readonly Uint8Array[], contentType: string, boundary: string): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = []
  for (const part of parts) {
    chunks.push(encoder.encode(`--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Length: ${part.length}\r\n\r\n`), part, encoder.encode('\r\n'))
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`))
  return concat(chunks)
}
