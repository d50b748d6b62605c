// A text file read piece by piece (a library backup of any size), decoded exactly as
// decodeTextFile reads a whole file — UTF-8 with or without a byte-order mark, UTF-16 with its
// mark; anything else refused with the same sentence — and hashed (SHA-256 of the file's bytes) on
// the way, so the file is never held whole, as bytes or as text.
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { NOT_UTF8_TEXT } from './text-file'

type Decoder = InstanceType<typeof TextDecoder>

export class TextStreamProblem extends Error {
  override name = 'TextStreamProblem'
}

export interface DecodedPieces {
  /** The text, piece by piece (a multi-byte character split between two reads is joined). */
  pieces: AsyncIterable<string>
  /** SHA-256 of every byte read, in hex: call once all pieces were read. */
  checksum(): string
}

function decoderFor(head: Uint8Array): { decoder: Decoder; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { decoder: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }), skip: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }), skip: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }), skip: 2 }
  return { decoder: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }), skip: 0 }
}

async function* bytesOf(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (!('getReader' in source)) {
    yield* source
    return
  }
  const reader = source.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

function decode(decoder: Decoder, bytes: Uint8Array, stream: boolean): string {
  let text: string
  try {
    text = decoder.decode(bytes, { stream })
  } catch {
    throw new TextStreamProblem(NOT_UTF8_TEXT)
  }
  // A NUL is never in a text file of ours; it is what UTF-16 without a mark looks like as UTF-8.
  if (text.includes('\u0000')) throw new TextStreamProblem(NOT_UTF8_TEXT)
  return text
}

/** Decodes and hashes a stream of bytes. The pieces throw TextStreamProblem for a file that is not text. */
export function decodeTextPieces(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): DecodedPieces {
  const hash = sha256.create()
  async function* pieces(): AsyncGenerator<string> {
    let head: Uint8Array = new Uint8Array(0)
    let decoder: Decoder | null = null
    for await (const chunk of bytesOf(source)) {
      hash.update(chunk)
      if (!decoder) {
        // The byte-order mark may be split between the first reads.
        const joined = new Uint8Array(head.length + chunk.length)
        joined.set(head)
        joined.set(chunk, head.length)
        if (joined.length < 3) {
          head = joined
          continue
        }
        const found = decoderFor(joined)
        decoder = found.decoder
        const text = decode(decoder, joined.subarray(found.skip), true)
        if (text) yield text
        continue
      }
      const text = decode(decoder, chunk, true)
      if (text) yield text
    }
    if (!decoder) {
      const found = decoderFor(head)
      decoder = found.decoder
      head = head.subarray(found.skip)
    } else head = new Uint8Array(0)
    const rest = decode(decoder, head, false)
    if (rest) yield rest
  }
  return { pieces: pieces(), checksum: () => bytesToHex(hash.digest()) }
}

/** A text already in memory, in pieces (the same path as a file: tests, the plan command). */
export function textPieces(text: string, pieceChars = 1024 * 1024): DecodedPieces {
  const hash = sha256.create()
  const encoder = new TextEncoder()
  async function* pieces(): AsyncGenerator<string> {
    for (let i = 0; i < text.length; i += pieceChars) {
      // Never split a surrogate pair between pieces: each piece is hashed as UTF-8 on its own.
      let end = Math.min(i + pieceChars, text.length)
      const last = text.charCodeAt(end - 1)
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++
      const piece = text.slice(i, end)
      hash.update(encoder.encode(piece))
      yield piece
      i = end - pieceChars
    }
  }
  return { pieces: pieces(), checksum: () => bytesToHex(hash.digest()) }
}
