// Files of any size through the bridge, chunk by chunk (library backups): no file is ever held
// whole in this process or sent as one message. Each handle belongs to the window that opened it
// (another window's request is refused), few may be open at once, and all of a window's handles
// close when it goes away. A file being written is a temporary file next to the chosen one until
// it is closed with `keep`: a backup cut short (an error, a crash) never replaces a good file.
import { constants } from 'node:fs'
import { open as openFile, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { BrowserWindow, Dialog, WebContents } from 'electron'
import { message } from './desktop-actions'
import {
  FILE_CHUNK_BYTES,
  type CloseFileStreamRequest,
  type FileHandleRequest,
  type OpenFileStreamResult,
  type ReadFileChunkResult,
  type SaveFileStreamRequest,
  type SaveFileStreamResult,
  type SaveResult,
  type WriteFileChunkRequest,
  type WriteFileChunkResult
} from '../shared/ipc'

/** A file opened for reading in chunks (stat and reads through the same handle). */
export interface ChunkReadable {
  stat(): Promise<{ size: number; isFile(): boolean }>
  read(length: number, position: number): Promise<Uint8Array>
  close(): Promise<void>
}

export interface ChunkWritable {
  write(bytes: Uint8Array): Promise<void>
  close(): Promise<void>
}

export interface FileStreamDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  fs: {
    /** Opens without blocking (a FIFO would otherwise wait for a writer). */
    openRead(file: string): Promise<ChunkReadable>
    /** Creates the file, refusing one that exists (the temporary name is new). */
    openWrite(file: string): Promise<ChunkWritable>
    rename(from: string, to: string): Promise<void>
    unlink(file: string): Promise<void>
  }
  windowFor(sender: WebContents): BrowserWindow | null
  documentsDir: string
  newId(): string
}

/** Open handles across all windows: a page cannot exhaust this process's file descriptors. */
export const MAX_OPEN_FILE_STREAMS = 8

type Entry =
  | { kind: 'read'; owner: number; file: ChunkReadable; position: number; size: number }
  | { kind: 'write'; owner: number; file: ChunkWritable; temp: string; target: string }

export function createFileStreams(deps: FileStreamDeps) {
  const open = new Map<string, Entry>()
  const watched = new WeakSet<WebContents>()
  const encoder = new TextEncoder()

  /** A handle of this window, or a refusal (another window's handle, or one already closed). */
  function entryOf(sender: WebContents, handle: string): Entry {
    const entry = open.get(handle)
    if (!entry || entry.owner !== sender.id) throw new Error('rejected: not an open file of this window')
    return entry
  }

  async function discard(handle: string, entry: Entry): Promise<void> {
    open.delete(handle)
    await entry.file.close().catch(() => undefined)
    if (entry.kind === 'write') await deps.fs.unlink(entry.temp).catch(() => undefined)
  }

  function register(sender: WebContents, entry: Entry): string {
    const handle = `file-${deps.newId()}`
    open.set(handle, entry)
    if (!watched.has(sender)) {
      watched.add(sender)
      // A window closed or reloaded mid-transfer leaves nothing open and no temporary file behind.
      sender.once('destroyed', () => {
        for (const [h, e] of open) if (e.owner === sender.id) void discard(h, e)
      })
    }
    return handle
  }

  function full(): boolean {
    return open.size >= MAX_OPEN_FILE_STREAMS
  }

  async function choose(sender: WebContents, what: 'open' | 'save', defaultFileName = ''): Promise<string | null> {
    const win = deps.windowFor(sender)
    const filters = [{ name: 'OsseoPlan file', extensions: ['json'] }]
    if (what === 'open') {
      const options = { properties: ['openFile' as const], filters }
      const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options)
      return choice.canceled ? null : (choice.filePaths[0] ?? null)
    }
    const options = { defaultPath: path.join(deps.documentsDir, defaultFileName), filters }
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options)
    return choice.canceled ? null : choice.filePath || null
  }

  return {
    async openFileStream(sender: WebContents): Promise<OpenFileStreamResult> {
      if (full()) return { ok: false, reason: 'error', message: 'Too many files are open; try again when the current transfer ends.' }
      const file = await choose(sender, 'open')
      if (!file) return { ok: false, reason: 'cancelled' }
      const name = path.basename(file)
      let opened: ChunkReadable | null = null
      try {
        opened = await deps.fs.openRead(file)
        const info = await opened.stat()
        if (!info.isFile()) {
          await opened.close().catch(() => undefined)
          return { ok: false, reason: 'error', message: `${name} is not a regular file` }
        }
        return { ok: true, handle: register(sender, { kind: 'read', owner: sender.id, file: opened, position: 0, size: info.size }), name, size: info.size }
      } catch (error) {
        await opened?.close().catch(() => undefined)
        return { ok: false, reason: 'error', message: `Could not read ${name}: ${message(error)}` }
      }
    },

    async readFileChunk(sender: WebContents, request: FileHandleRequest): Promise<ReadFileChunkResult> {
      const entry = entryOf(sender, request.handle)
      if (entry.kind !== 'read') throw new Error('rejected: the file is open for writing')
      try {
        const bytes = await entry.file.read(FILE_CHUNK_BYTES, entry.position)
        entry.position += bytes.length
        return { ok: true, bytes, done: bytes.length === 0 }
      } catch (error) {
        await discard(request.handle, entry)
        return { ok: false, reason: 'error', message: `The file could not be read: ${message(error)}` }
      }
    },

    async saveFileStream(sender: WebContents, request: SaveFileStreamRequest): Promise<SaveFileStreamResult> {
      if (full()) return { ok: false, reason: 'error', message: 'Too many files are open; try again when the current transfer ends.' }
      const target = await choose(sender, 'save', request.defaultFileName)
      if (!target) return { ok: false, reason: 'cancelled' }
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${deps.newId().slice(0, 8)}.part`)
      try {
        const file = await deps.fs.openWrite(temp)
        return { ok: true, handle: register(sender, { kind: 'write', owner: sender.id, file, temp, target }), path: target }
      } catch (error) {
        return { ok: false, reason: 'error', message: `Could not write ${path.basename(target)}: ${message(error)}` }
      }
    },

    async writeFileChunk(sender: WebContents, request: WriteFileChunkRequest): Promise<WriteFileChunkResult> {
      const entry = entryOf(sender, request.handle)
      if (entry.kind !== 'write') throw new Error('rejected: the file is open for reading')
      try {
        await entry.file.write(encoder.encode(request.text))
        return { ok: true }
      } catch (error) {
        await discard(request.handle, entry)
        return { ok: false, reason: 'error', message: `Could not write ${path.basename(entry.target)}: ${message(error)}` }
      }
    },

    async closeFileStream(sender: WebContents, request: CloseFileStreamRequest): Promise<SaveResult> {
      const entry = entryOf(sender, request.handle)
      if (entry.kind === 'read' || !request.keep) {
        await discard(request.handle, entry)
        return entry.kind === 'read' ? { ok: true, path: '' } : { ok: false, reason: 'cancelled' }
      }
      open.delete(request.handle)
      try {
        await entry.file.close()
        await deps.fs.rename(entry.temp, entry.target)
        return { ok: true, path: entry.target }
      } catch (error) {
        await deps.fs.unlink(entry.temp).catch(() => undefined)
        return { ok: false, reason: 'error', message: `Could not write ${path.basename(entry.target)}: ${message(error)}` }
      }
    },

    /** Open handles (for tests and diagnostics). */
    openCount: () => open.size
  }
}

export type FileStreams = ReturnType<typeof createFileStreams>

/** The file system for createFileStreams (Node's). */
export const nodeFileStreamFs: FileStreamDeps['fs'] = {
  async openRead(file) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused as not a regular file.
    const handle = await openFile(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    return {
      stat: () => handle.stat(),
      async read(length, position) {
        const buffer = new Uint8Array(length)
        const { bytesRead } = await handle.read(buffer, 0, length, position)
        return buffer.subarray(0, bytesRead)
      },
      close: () => handle.close()
    }
  },
  async openWrite(file) {
    const handle = await openFile(file, 'wx')
    return {
      async write(bytes) {
        await handle.write(bytes)
      },
      close: () => handle.close()
    }
  },
  rename,
  unlink
}
