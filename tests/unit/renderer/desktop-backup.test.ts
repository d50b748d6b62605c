// The desktop app's backup and restore as the renderer drives them: its platform functions call
// window.osseoplan, here a stand-in that keeps the bridge's contract (payloads checked by the same
// validators, chunks of FILE_CHUNK_BYTES, a file put in place only when closed with keep); the
// main process's side, on real files, is tests/unit/main/file-streams.test.ts. A backup larger
// than several chunks is written in pieces and restored from chunks, whole.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FILE_CHUNK_BYTES, validateRequest, type OsseoplanApi, type Validated } from '../../../src/shared/ipc'
import { libraryBackupPieces } from '../../../src/renderer/src/db/backup-repo'
import { validateLibraryBackupFile, type LibraryBackup } from '../../../src/renderer/src/db/backup-validate'
import { openFileStream, saveTextPieces } from '../../../src/renderer/src/platform'
import { generatedLibrary } from '../db/library-generator'

const NAME = 'OsseoPlan library 2026-11-30.json'

/** The files on "disk", and the handles open on them. */
let disk: Map<string, Uint8Array>
let open: Map<string, { name: string; position: number } | { name: string; parts: Uint8Array[] }>
let chunksRead = 0

function checked<T>(result: Validated<T>): T {
  if (!result.ok) throw new Error(`rejected: ${result.error}`)
  return result.value
}

function desktopBridge(): Pick<OsseoplanApi, 'openFileStream' | 'readFileChunk' | 'saveFileStream' | 'writeFileChunk' | 'closeFileStream'> {
  let next = 0
  const handle = () => `file-00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`
  return {
    async openFileStream(request) {
      checked(validateRequest.openFileStream(request))
      const h = handle()
      open.set(h, { name: NAME, position: 0 })
      return { ok: true, handle: h, name: NAME, size: disk.get(NAME)!.length }
    },
    async readFileChunk(request) {
      const entry = open.get(checked(validateRequest.readFileChunk(request)).handle)
      if (!entry || !('position' in entry)) throw new Error('rejected: not an open file')
      const bytes = disk.get(entry.name)!.slice(entry.position, entry.position + FILE_CHUNK_BYTES)
      entry.position += bytes.length
      if (bytes.length) chunksRead++
      return { ok: true, bytes, done: bytes.length === 0 }
    },
    async saveFileStream(request) {
      checked(validateRequest.saveFileStream(request))
      const h = handle()
      open.set(h, { name: NAME, parts: [] })
      return { ok: true, handle: h, path: `/home/u/Documents/${NAME}` }
    },
    async writeFileChunk(request) {
      const { handle: h, text } = checked(validateRequest.writeFileChunk(request))
      const entry = open.get(h)
      if (!entry || !('parts' in entry)) throw new Error('rejected: not an open file')
      entry.parts.push(new TextEncoder().encode(text))
      return { ok: true }
    },
    async closeFileStream(request) {
      const { handle: h, keep } = checked(validateRequest.closeFileStream(request))
      const entry = open.get(h)
      if (!entry) throw new Error('rejected: not an open file')
      open.delete(h)
      if (!('parts' in entry)) return { ok: true, path: '' }
      if (!keep) return { ok: false, reason: 'cancelled' }
      disk.set(entry.name, new Uint8Array(Buffer.concat(entry.parts)))
      return { ok: true, path: `/home/u/Documents/${NAME}` }
    }
  }
}

beforeEach(() => {
  disk = new Map()
  open = new Map()
  chunksRead = 0
  ;(globalThis as { window?: unknown }).window = { osseoplan: desktopBridge() }
})
afterEach(() => {
  delete (globalThis as { window?: unknown }).window
})

describe('desktop backup and restore through the chunked bridge', () => {
  it('backs up a library of several bridge chunks in pieces and restores it from chunks, byte for byte', async () => {
    const library = { ...generatedLibrary(4000), version: 2, operations: [], visits: [], events: [] } as unknown as LibraryBackup
    const saved = await saveTextPieces('OsseoPlan library 2026-11-30', libraryBackupPieces(library))
    expect(saved).toEqual({ ok: true, path: `/home/u/Documents/${NAME}` })
    const bytes = disk.get(NAME)!
    expect(new TextDecoder().decode(bytes)).toBe(JSON.stringify(library))
    expect(bytes.length).toBeGreaterThan(2 * FILE_CHUNK_BYTES)
    expect(open.size).toBe(0)

    const opened = await openFileStream()
    expect(opened).toMatchObject({ ok: true, name: NAME, size: bytes.length })
    if (!opened.ok) return
    const result = await validateLibraryBackupFile(opened.bytes)
    expect(result.ok, result.ok ? '' : result.problem).toBe(true)
    if (result.ok) expect(result.value.plans).toHaveLength(4000)
    expect(chunksRead).toBe(Math.ceil(bytes.length / FILE_CHUNK_BYTES))
    // The file was closed once read.
    expect(open.size).toBe(0)
  }, 120_000)

  it('a backup whose pieces fail half-way leaves no file behind', async () => {
    function* failing(): Generator<string> {
      yield '{"format":"osseoplan.library",'
      throw new Error('the library could not be read')
    }
    const saved = await saveTextPieces('OsseoPlan library 2026-11-30', failing())
    expect(saved).toEqual({ ok: false, reason: 'error', message: 'the library could not be read' })
    expect(disk.size).toBe(0)
    expect(open.size).toBe(0)
  })

  it('a restore that stops early (a bad record) closes the file', async () => {
    disk.set(NAME, new TextEncoder().encode(`{"format":"osseoplan.library","version":2,"exportedAt":"2026-11-01T00:00:00.000Z","appVersion":"0.1.0","plans":[{"id":"bad id"}${',{}'.repeat(3_000_000)}]}`))
    const opened = await openFileStream()
    if (!opened.ok) throw new Error('not opened')
    const result = await validateLibraryBackupFile(opened.bytes)
    expect(result).toMatchObject({ ok: false })
    expect(chunksRead).toBe(1)
    expect(open.size).toBe(0)
  })
})
