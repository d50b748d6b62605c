// Issue #14: a library backup is restored from a stream, never read whole. The file arrives in
// pieces cut anywhere — inside a string, inside an escape, inside a multi-byte UTF-8 character,
// inside a byte-order mark — and reads exactly as the whole text would; a bad file is refused with
// the same clear, placed message wherever the pieces fall; the checksum is the file's SHA-256.
import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createBackupRepo, libraryBackupPieces, libraryBackupText } from '../../../src/renderer/src/db/backup-repo'
import { MAX_RECORD_CHARS, validateLibraryBackup, validateLibraryBackupFile } from '../../../src/renderer/src/db/backup-validate'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { createJsonPiecesReader } from '../../../src/shared/json-stream'
import { decodeTextPieces } from '../../../src/shared/text-stream'
import { NOT_UTF8_TEXT } from '../../../src/shared/text-file'
import { completeCase, useTestDb } from './helpers'
import { generatedLibrary } from './library-generator'

const t = useTestDb(Date.UTC(2026, 10, 1))

/** Text that breaks careless readers at every cut: escapes, quotes, brackets in strings, 2-, 3- and 4-byte characters. */
const TRICKY = 'a "quoted" \\ back\\slash, [brackets] {braces} é € 🦴 \u2028 tab\t end\\'

async function* inPieces(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!
    yield bytes.slice(at, at + size)
    at += size
  }
}

async function backupWithTrickyText(): Promise<string> {
  const plans = createPlansRepo(t.db, t.now)
  for (let i = 0; i < 6; i++) {
    await plans.create({ caseFile: completeCase(`P-${i}`), surgeon: `Dr ${TRICKY.slice(0, 40)}`, notes: `${TRICKY} ${i}`.repeat(50) })
  }
  return libraryBackupText(await createBackupRepo(t.db, t.now).exportLibrary())
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

describe('a backup read as a stream', () => {
  it('reads the same records whatever the piece boundaries (inside strings, escapes and UTF-8 characters), with the file’s SHA-256', async () => {
    const text = await backupWithTrickyText()
    const bytes = new TextEncoder().encode(text)
    const whole = await validateLibraryBackup(text)
    expect(whole.ok, whole.ok ? '' : whole.problem).toBe(true)
    if (!whole.ok) return
    expect(whole.value.checksum).toBe(sha256(bytes))
    for (const sizes of [[1], [2], [3], [5, 7, 11], [13, 1, 2], [4096], [65536]]) {
      const streamed = await validateLibraryBackupFile(inPieces(bytes, sizes))
      expect(streamed, `pieces of ${sizes.join(', ')} bytes`).toEqual(whole)
    }
  }, 60_000)

  it('reads a backup many pieces long (larger than a 64 kB chunk) as a ReadableStream, and restores it', async () => {
    const text = JSON.stringify(generatedLibrary(300))
    const bytes = new TextEncoder().encode(text)
    expect(bytes.length).toBeGreaterThan(4 * 65536)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65536 - 3) controller.enqueue(bytes.slice(i, i + 65536 - 3))
        controller.close()
      }
    })
    const checked = await validateLibraryBackupFile(stream)
    expect(checked.ok, checked.ok ? '' : checked.problem).toBe(true)
    if (!checked.ok) return
    expect(checked.value.plans).toHaveLength(300)
    expect(checked.value.checksum).toBe(sha256(bytes))
    expect(await createBackupRepo(t.db, t.now).importLibrary(checked.value)).toEqual({ added: 300, skipped: 0 })
  }, 60_000)

  it('writes the backup in pieces that join to exactly the JSON of the whole library', async () => {
    await backupWithTrickyText()
    const backup = await createBackupRepo(t.db, t.now).exportLibrary()
    const pieces = [...libraryBackupPieces(backup)]
    expect(pieces.join('')).toBe(JSON.stringify(backup))
  })

  it('reads UTF-8 with a byte-order mark and UTF-16 with its mark, even when the mark is split', async () => {
    const text = await backupWithTrickyText()
    const utf8 = new TextEncoder().encode(text)
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff
      le[3 + 2 * i] = text.charCodeAt(i) >> 8
    }
    const be = le.slice()
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!]
    for (const bytes of [withMark, le, be]) {
      // The mark split over the first pieces, then pieces of odd sizes.
      for (const sizes of [[1, 1, 4093], [2, 7, 4091]]) {
        const checked = await validateLibraryBackupFile(inPieces(bytes, sizes))
        expect(checked.ok, checked.ok ? '' : checked.problem).toBe(true)
        if (checked.ok) expect(checked.value.checksum).toBe(sha256(bytes))
      }
    }
  }, 60_000)

  it('refuses bytes that are not UTF-8, also when the bad sequence is split between pieces', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"format":"osseoplan.library","notes":"'), 0xe2, 0x82, 0x28, 0x22, 0x7d])
    for (const sizes of [[1], [41], [42]]) expect(await validateLibraryBackupFile(inPieces(bytes, sizes))).toEqual({ ok: false, problem: NOT_UTF8_TEXT })
  })

  it('refuses a bad record with the same placed message wherever the pieces fall', async () => {
    const doc = JSON.parse(await backupWithTrickyText()) as { plans: Array<Record<string, unknown>> }
    doc.plans[3]!['status'] = 'archived'
    const bytes = new TextEncoder().encode(JSON.stringify(doc))
    for (const sizes of [[1], [7, 3], [100000]]) {
      expect(await validateLibraryBackupFile(inPieces(bytes, sizes))).toEqual({ ok: false, problem: 'plans[3].status must be one of draft, reviewed, approved, superseded' })
    }
  }, 30_000)

  it('refuses broken structure between records in plain words', async () => {
    const text = await backupWithTrickyText()
    const cases: Array<[string, RegExp]> = [
      [text.slice(0, Math.floor(text.length * 0.6)), /not valid JSON — it may be truncated or damaged \((in plans\[\d\]: )?the file ends too early\)/],
      [`${text} {}`, /not valid JSON.*unexpected text after the end/],
      [text.replace('},{"id"', '} {"id"'), /not valid JSON.*expected "," or "\]" after plans\[0\]/],
      [text.replace('"plans":[{', '"plans":[{"notes":"x",'), /plans\[0\]\.notes appears twice/],
      [text.replace('"appVersion"', '"__proto__":{},"appVersion"'), /__proto__ is a forbidden key/],
      [text.replace('"appVersion"', '"format":"x","appVersion"'), /format appears twice/],
      ['', /not valid JSON.*the file is empty/],
      ['[1,2]', /expected a JSON object/],
      [`{"format":"osseoplan.library","version":2,"plans":[${'['.repeat(50)}`, /plans\[0\] is nested more than 40 levels deep/]
    ]
    for (const [bad, message] of cases) {
      const checked = await validateLibraryBackup(bad)
      expect(checked.ok, bad.slice(0, 60)).toBe(false)
      if (!checked.ok) expect(checked.problem).toMatch(message)
    }
  })

  it('refuses one record longer than the record limit while reading it, before it is whole', async () => {
    let pieces = 0
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{"format":"osseoplan.library","version":2,"plans":[{"notes":"')
      const block = new TextEncoder().encode('x'.repeat(1024 * 1024))
      // Never ends: only the record limit stops it.
      for (;;) {
        pieces++
        yield block
      }
    }
    expect(await validateLibraryBackupFile(endless())).toEqual({ ok: false, problem: `plans[0] is too large for one record (the limit is ${MAX_RECORD_CHARS / 1024 / 1024} MB).` })
    // Stopped as soon as the record passed the limit, not at the end of the file (there is none).
    expect(pieces).toBe(MAX_RECORD_CHARS / (1024 * 1024))
  }, 30_000)

  it('the top-level reader hands over each item once, in order, across any cut', () => {
    const doc = { head: TRICKY, list: [TRICKY, { a: [1, 2, { b: TRICKY }], c: -1.5e3 }, 'x', 0, true, null, [], {}], tail: { z: '}' } }
    const text = JSON.stringify(doc)
    for (const size of [1, 2, 3, 9, text.length]) {
      const got: Record<string, unknown> = {}
      const reader = createJsonPiecesReader(
        {
          value: (key, value) => (got[key!] = value),
          listStart: (key) => (got[key] = []),
          item: (key, index, value) => {
            expect((got[key] as unknown[]).length).toBe(index)
            ;(got[key] as unknown[]).push(value)
          }
        },
        { maxDepth: 40, maxItemChars: 1e6, maxChars: Infinity, what: 'a test' }
      )
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size))
      reader.end()
      expect(got, `pieces of ${size}`).toEqual(doc)
    }
  })

  it('decodes and hashes a stream of bytes without joining them', async () => {
    const text = `${TRICKY}`.repeat(1000)
    const bytes = new TextEncoder().encode(text)
    const decoded = decodeTextPieces(inPieces(bytes, [1, 2, 3, 4, 5]))
    const out: string[] = []
    for await (const piece of decoded.pieces) out.push(piece)
    expect(out.length).toBeGreaterThan(1000)
    expect(out.join('')).toBe(text)
    expect(decoded.checksum()).toBe(sha256(bytes))
  })
})
