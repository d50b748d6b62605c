// The one reader of a text file's bytes, used by every entry point (the plan command, the
// browser's file picker, the desktop open dialog), so a file reads the same way everywhere.
// UTF-8 with or without a byte-order mark is read; UTF-16 with its byte-order mark is read too
// (Windows Notepad saves "Unicode" that way); anything else — UTF-16 without a mark, another
// legacy encoding, a binary file — is refused with one plain sentence, never as garbled JSON.

export type DecodedText = { ok: true; text: string } | { ok: false; problem: string }

export const NOT_UTF8_TEXT = 'it is not UTF-8 text (nor UTF-16 with a byte-order mark); save it again as UTF-8 text and try again'

function swapBytes(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2))
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] as number
    swapped[i + 1] = bytes[i] as number
  }
  return swapped
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  try {
    let text: string
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3))
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2))
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(swapBytes(bytes.subarray(2)))
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    // A NUL is never in a text file of ours; it is what UTF-16 without a mark looks like as UTF-8.
    if (text.includes('\u0000')) return { ok: false, problem: NOT_UTF8_TEXT }
    return { ok: true, text }
  } catch {
    return { ok: false, problem: NOT_UTF8_TEXT }
  }
}
