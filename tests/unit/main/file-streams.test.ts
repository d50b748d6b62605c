// Library backups through the desktop bridge in chunks (issue #14): a file larger than several
// chunks is read and written whole with no size limit, a handle serves only the window that opened
// it, a save cut short leaves no file, and a closed window leaves nothing open. Electron is
// mocked (dialogs, senders); the file system is the real one, in a temporary folder.
import { EventEmitter } from 'node:events'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFileStreams, MAX_OPEN_FILE_STREAMS, nodeFileStreamFs } from '../../../src/main/file-streams'
import { createIpcHandlers, type DesktopActions, type InvokeEvent } from '../../../src/main/ipc-handlers'
import { CHANNELS, FILE_CHUNK_BYTES, MAX_TEXT_FILE_BYTES } from '../../../src/shared/ipc'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'osseoplan-streams-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

let nextId = 1
function window(): WebContents {
  return Object.assign(new EventEmitter(), { id: nextId++ }) as unknown as WebContents
}

function streams(choice: { open?: string; save?: string } = {}) {
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: !choice.open, filePaths: choice.open ? [choice.open] : [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: !choice.save, filePath: choice.save ?? '' }))
  }
  return createFileStreams({ dialog: dialog as never, fs: nodeFileStreamFs, windowFor: () => null, documentsDir: dir, newId: () => randomUUID() })
}

/** Every byte of a file read through the bridge, chunk by chunk. */
async function readAll(s: ReturnType<typeof streams>, sender: WebContents, handle: string): Promise<{ bytes: Buffer; chunks: number }> {
  const parts: Uint8Array[] = []
  for (;;) {
    const chunk = await s.readFileChunk(sender, { handle })
    if (!chunk.ok) throw new Error(chunk.message)
    if (chunk.done) break
    expect(chunk.bytes.length).toBeLessThanOrEqual(FILE_CHUNK_BYTES)
    parts.push(chunk.bytes)
  }
  await s.closeFileStream(sender, { handle, keep: false })
  return { bytes: Buffer.concat(parts), chunks: parts.length }
}

describe('file streams through the bridge', () => {
  it('reads a file of several chunks whole, byte for byte, and closes it', async () => {
    const file = path.join(dir, 'library.json')
    const content = Buffer.from(`{"notes":"${'é€\u{1F9B4}'.repeat(1_500_000)}"}`)
    writeFileSync(file, content)
    const s = streams({ open: file })
    const sender = window()
    const opened = await s.openFileStream(sender)
    expect(opened).toMatchObject({ ok: true, name: 'library.json', size: content.length })
    if (!opened.ok) return
    const read = await readAll(s, sender, opened.handle)
    expect(read.chunks).toBeGreaterThan(2)
    expect(read.bytes.equals(content)).toBe(true)
    expect(s.openCount()).toBe(0)
  }, 30_000)

  it('has no size limit: a file larger than the one-piece limit is opened (its size is only reported)', async () => {
    const file = path.join(dir, 'big.json')
    // A sparse file: as large as the limit for one-piece transfers plus one byte, without the disk space.
    execFileSync('truncate', ['-s', String(MAX_TEXT_FILE_BYTES + 1), file])
    const s = streams({ open: file })
    const sender = window()
    const opened = await s.openFileStream(sender)
    expect(opened).toMatchObject({ ok: true, size: MAX_TEXT_FILE_BYTES + 1 })
    if (opened.ok) {
      const first = await s.readFileChunk(sender, { handle: opened.handle })
      expect(first).toMatchObject({ ok: true, done: false })
      if (first.ok) expect(first.bytes.length).toBe(FILE_CHUNK_BYTES)
      await s.closeFileStream(sender, { handle: opened.handle, keep: false })
    }
  })

  it('refuses a folder or a FIFO unread, and a cancelled dialog opens nothing', async () => {
    const fifo = path.join(dir, 'pipe.json')
    execFileSync('mkfifo', [fifo])
    expect(await streams({ open: fifo }).openFileStream(window())).toEqual({ ok: false, reason: 'error', message: 'pipe.json is not a regular file' })
    expect(await streams({ open: dir }).openFileStream(window())).toMatchObject({ ok: false, reason: 'error' })
    const s = streams()
    expect(await s.openFileStream(window())).toEqual({ ok: false, reason: 'cancelled' })
    expect(s.openCount()).toBe(0)
  })

  it('writes a file in chunks into a temporary file, put in place only when kept', async () => {
    const target = path.join(dir, 'OsseoPlan library 2026-11-30.json')
    writeFileSync(target, 'the previous good backup')
    const s = streams({ save: target })
    const sender = window()
    const saved = await s.saveFileStream(sender, { defaultFileName: 'OsseoPlan library 2026-11-30.json', kind: 'json' })
    expect(saved).toMatchObject({ ok: true, path: target })
    if (!saved.ok) return
    const pieces = ['{"plans":[', `"${'ü'.repeat(3_000_000)}"`, ',"\u{1F9B4}"', ']}']
    for (const text of pieces) expect(await s.writeFileChunk(sender, { handle: saved.handle, text })).toEqual({ ok: true })
    // Until closed, the chosen file is the old one.
    expect(readFileSync(target, 'utf8')).toBe('the previous good backup')
    expect(await s.closeFileStream(sender, { handle: saved.handle, keep: true })).toEqual({ ok: true, path: target })
    expect(readFileSync(target, 'utf8')).toBe(pieces.join(''))
    expect(readdirSync(dir)).toEqual(['OsseoPlan library 2026-11-30.json'])
  }, 30_000)

  it('a save closed without keep (an export that failed) leaves the old file and no temporary file', async () => {
    const target = path.join(dir, 'backup.json')
    writeFileSync(target, 'old')
    const s = streams({ save: target })
    const sender = window()
    const saved = await s.saveFileStream(sender, { defaultFileName: 'backup.json', kind: 'json' })
    if (!saved.ok) throw new Error('not opened')
    await s.writeFileChunk(sender, { handle: saved.handle, text: '{"plans":[' })
    expect(await s.closeFileStream(sender, { handle: saved.handle, keep: false })).toEqual({ ok: false, reason: 'cancelled' })
    expect(readFileSync(target, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['backup.json'])
  })

  it("refuses another window's handle, and a handle once closed", async () => {
    const file = path.join(dir, 'a.json')
    writeFileSync(file, '{}')
    const s = streams({ open: file })
    const owner = window()
    const opened = await s.openFileStream(owner)
    if (!opened.ok) throw new Error('not opened')
    await expect(s.readFileChunk(window(), { handle: opened.handle })).rejects.toThrow(/^rejected/)
    await expect(s.writeFileChunk(owner, { handle: opened.handle, text: 'x' })).rejects.toThrow(/^rejected/)
    await s.closeFileStream(owner, { handle: opened.handle, keep: false })
    await expect(s.readFileChunk(owner, { handle: opened.handle })).rejects.toThrow(/^rejected/)
    await expect(s.readFileChunk(owner, { handle: `file-${randomUUID()}` })).rejects.toThrow(/^rejected/)
  })

  it('closes every handle of a window that goes away, and removes its unfinished file', async () => {
    const file = path.join(dir, 'a.json')
    writeFileSync(file, '{}')
    const s = streams({ open: file, save: path.join(dir, 'out.json') })
    const sender = window()
    await s.openFileStream(sender)
    await s.saveFileStream(sender, { defaultFileName: 'out', kind: 'json' })
    expect(s.openCount()).toBe(2)
    ;(sender as unknown as EventEmitter).emit('destroyed')
    await vi.waitFor(() => expect(s.openCount()).toBe(0))
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual(['a.json']))
  })

  it(`keeps at most ${MAX_OPEN_FILE_STREAMS} files open`, async () => {
    const file = path.join(dir, 'a.json')
    writeFileSync(file, '{}')
    const s = streams({ open: file })
    const sender = window()
    for (let i = 0; i < MAX_OPEN_FILE_STREAMS; i++) expect(await s.openFileStream(sender)).toMatchObject({ ok: true })
    expect(await s.openFileStream(sender)).toMatchObject({ ok: false, reason: 'error', message: expect.stringMatching(/Too many files/) })
    ;(sender as unknown as EventEmitter).emit('destroyed')
  })

  it('the bridge channels check the sender and the payload before a file is touched', async () => {
    const s = streams({ open: path.join(dir, 'none.json') })
    const spy = vi.spyOn(s, 'openFileStream')
    const handlers = createIpcHandlers({ ...({} as DesktopActions), ...s }, ['app://osseoplan'])
    const sender = window()
    const foreign: InvokeEvent = { sender, senderFrame: { url: 'https://evil.example/', parent: null } }
    await expect(handlers[CHANNELS.openFileStream]!(foreign, { kind: 'json' })).rejects.toThrow(/^rejected/)
    const app: InvokeEvent = { sender, senderFrame: { url: 'app://osseoplan/index.html', parent: null } }
    await expect(handlers[CHANNELS.readFileChunk]!(app, { handle: '/etc/passwd' })).rejects.toThrow(/^rejected: handle/)
    expect(spy).not.toHaveBeenCalled()
  })
})
