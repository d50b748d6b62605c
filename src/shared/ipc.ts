// The bridge contract between the renderer and the main process. Every channel is declared here
// with its request and response types and a payload validator; the preload exposes exactly these
// as named functions on `window.osseoplan`, and main validates each payload with the same code.

export const APP_SCHEME = 'app'
export const APP_HOST = 'osseoplan'
/** Origin of the packaged renderer (served by main through a custom protocol). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

import { PACS_CHANNELS, type PacsApi } from './pacs-contract'

export const CHANNELS = {
  ...PACS_CHANNELS,
  appInfo: 'osseoplan:app-info',
  printPlan: 'osseoplan:print-plan',
  exportPdf: 'osseoplan:export-pdf',
  saveTextFile: 'osseoplan:save-text-file',
  openTextFile: 'osseoplan:open-text-file',
  openFileStream: 'osseoplan:open-file-stream',
  readFileChunk: 'osseoplan:read-file-chunk',
  saveFileStream: 'osseoplan:save-file-stream',
  writeFileChunk: 'osseoplan:write-file-chunk',
  closeFileStream: 'osseoplan:close-file-stream',
  menuCommand: 'osseoplan:menu-command'
} as const

export type PageSize = 'A4' | 'Letter'
export const PAGE_SIZES: readonly PageSize[] = ['A4', 'Letter']

export const MENU_COMMANDS = ['new-plan', 'open-library', 'open-settings', 'print', 'export-pdf', 'theatre-sheet', 'save'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface AppInfo {
  version: string
  platform: string
  versions: { electron: string; chrome: string; node: string }
}

export interface PrintRequest {
  pageSize: PageSize
}
export interface ExportPdfRequest {
  defaultFileName: string
  pageSize: PageSize
}
export interface SaveTextFileRequest {
  defaultFileName: string
  content: string
  /** 'csv': outcome tables for a spreadsheet (the Audit screen's export). */
  kind: 'json' | 'text' | 'csv'
}
export interface OpenTextFileRequest {
  kind: 'json'
}

export type SaveResult = { ok: true; path: string } | { ok: false; reason: 'cancelled' | 'error'; message?: string }
export type PrintResult = { ok: true } | { ok: false; reason: 'cancelled' | 'error'; message?: string }
export type OpenTextFileResult =
  | { ok: true; name: string; content: string }
  | { ok: false; reason: 'cancelled' | 'error' | 'too-large'; message?: string }

/**
 * Files of any size (library backups) move through the bridge in chunks: open (a dialog) gives a
 * handle, reads or writes go chunk by chunk, close ends it. A handle belongs to the window that
 * opened it; a file written is first a temporary file next to the chosen one, put in its place
 * only when closed with `keep` (a backup cut short never replaces a good file).
 */
export interface OpenFileStreamRequest {
  kind: 'json'
}
export type OpenFileStreamResult = { ok: true; handle: string; name: string; size: number } | { ok: false; reason: 'cancelled' | 'error'; message?: string }
export interface FileHandleRequest {
  handle: string
}
export type ReadFileChunkResult = { ok: true; bytes: Uint8Array; done: boolean } | { ok: false; reason: 'error'; message: string }
export interface SaveFileStreamRequest {
  defaultFileName: string
  kind: 'json'
}
export type SaveFileStreamResult = { ok: true; handle: string; path: string } | { ok: false; reason: 'cancelled' | 'error'; message?: string }
export interface WriteFileChunkRequest {
  handle: string
  text: string
}
export type WriteFileChunkResult = { ok: true } | { ok: false; reason: 'error'; message: string }
export interface CloseFileStreamRequest {
  handle: string
  /** A file being written: true puts it in place, false throws it away. Ignored for a file being read. */
  keep: boolean
}

/** Bytes per chunk read through the bridge. */
export const FILE_CHUNK_BYTES = 4 * 1024 * 1024
/** Longest text in one chunk written through the bridge (UTF-8 bytes). */
export const MAX_WRITE_CHUNK_BYTES = 16 * 1024 * 1024
const FILE_HANDLE = /^file-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** What the preload puts on `window.osseoplan`: named functions only, never ipcRenderer. */
export interface OsseoplanApi extends PacsApi {
  appInfo(): Promise<AppInfo>
  printPlan(request: PrintRequest): Promise<PrintResult>
  exportPdf(request: ExportPdfRequest): Promise<SaveResult>
  saveTextFile(request: SaveTextFileRequest): Promise<SaveResult>
  openTextFile(request: OpenTextFileRequest): Promise<OpenTextFileResult>
  openFileStream(request: OpenFileStreamRequest): Promise<OpenFileStreamResult>
  readFileChunk(request: FileHandleRequest): Promise<ReadFileChunkResult>
  saveFileStream(request: SaveFileStreamRequest): Promise<SaveFileStreamResult>
  writeFileChunk(request: WriteFileChunkRequest): Promise<WriteFileChunkResult>
  closeFileStream(request: CloseFileStreamRequest): Promise<SaveResult>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/**
 * Largest text file (UTF-8 bytes) the bridge moves in one piece either way (case files, CSV
 * tables): half the longest string V8 can hold. Library backups go in chunks, without this limit.
 */
export const MAX_TEXT_FILE_BYTES = 256 * 1024 * 1024
export const MAX_FILE_NAME_LENGTH = 120

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function exactKeys(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) return `unexpected field "${key.slice(0, 40)}"`
  }
  return null
}

// Characters a file name never keeps. Replaced by "_": C0/C1 controls (U+0085 included), line and
// paragraph separators, and characters Windows reserves. Removed: format characters (bidi
// overrides and isolates, zero-width spaces and joiners, BOM, soft hyphen — an override can make
// "plan\u202Efdp.exe" display as "planexe.pdf") and lone surrogates.
const FILE_NAME_REPLACED = /[\p{Cc}\p{Zl}\p{Zp}<>:"/\\|?*]/gu
const FILE_NAME_REMOVED = /[\p{Cf}\p{Cs}]/gu
// Windows device names, whatever follows the first dot ("CON.report.pdf" opens the console).
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)\s*(\.|$)/i
/** Longest name (UTF-8 bytes, extension included): most file systems stop at 255. */
const MAX_FILE_NAME_BYTES = 200

/**
 * A file name suggested to a save dialog: a plain name, no folders, no traversal, no control,
 * invisible or reserved characters, no Windows device name, bounded length (cut between whole
 * characters, never inside a surrogate pair). Returns null when nothing usable is left.
 */
export function sanitizeFileName(name: unknown, extension: string): string | null {
  if (typeof name !== 'string') return null
  let base = name
    .replace(FILE_NAME_REMOVED, '')
    .normalize('NFC')
    .replace(FILE_NAME_REPLACED, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[._\s]+|[._\s]+$/g, '')
  if (base.toLowerCase().endsWith(`.${extension}`)) base = base.slice(0, -extension.length - 1)
  const chars = Array.from(base).slice(0, MAX_FILE_NAME_LENGTH)
  while (chars.length > 0 && utf8ByteLength(chars.join('')) + extension.length + 1 > MAX_FILE_NAME_BYTES) chars.pop()
  base = chars.join('').replace(/[.\s]+$/, '').trim()
  if (!/[\p{L}\p{N}]/u.test(base) || WINDOWS_DEVICE_NAME.test(base)) return null
  return `${base}.${extension}`
}

/** Bytes of a string encoded as UTF-8 (what a file of it takes), without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3 // the rest of the BMP, and a lone surrogate (written as U+FFFD)
  }
  return bytes
}

/** True when the text, written as UTF-8, fits in the limit (cheap checks first: this runs on 100 MB). */
export function fitsInBytes(text: string, limit: number): boolean {
  if (text.length > limit) return false
  if (text.length * 3 <= limit) return true
  return utf8ByteLength(text) <= limit
}

function pageSizeOf(value: unknown): PageSize | null {
  return PAGE_SIZES.includes(value as PageSize) ? (value as PageSize) : null
}

export const validateRequest = {
  appInfo(payload: unknown): Validated<void> {
    return payload === undefined ? { ok: true, value: undefined } : { ok: false, error: 'appInfo takes no payload' }
  },
  printPlan(payload: unknown): Validated<PrintRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'print request must be an object' }
    const extra = exactKeys(payload, ['pageSize'])
    if (extra) return { ok: false, error: extra }
    const pageSize = pageSizeOf(payload.pageSize)
    if (!pageSize) return { ok: false, error: 'pageSize must be A4 or Letter' }
    return { ok: true, value: { pageSize } }
  },
  exportPdf(payload: unknown): Validated<ExportPdfRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'export request must be an object' }
    const extra = exactKeys(payload, ['defaultFileName', 'pageSize'])
    if (extra) return { ok: false, error: extra }
    const pageSize = pageSizeOf(payload.pageSize)
    if (!pageSize) return { ok: false, error: 'pageSize must be A4 or Letter' }
    const defaultFileName = sanitizeFileName(payload.defaultFileName, 'pdf')
    if (!defaultFileName) return { ok: false, error: 'defaultFileName must be a plain file name' }
    return { ok: true, value: { defaultFileName, pageSize } }
  },
  saveTextFile(payload: unknown): Validated<SaveTextFileRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'save request must be an object' }
    const extra = exactKeys(payload, ['defaultFileName', 'content', 'kind'])
    if (extra) return { ok: false, error: extra }
    const kind = payload.kind === 'json' || payload.kind === 'text' || payload.kind === 'csv' ? payload.kind : null
    if (!kind) return { ok: false, error: 'kind must be json, text or csv' }
    if (typeof payload.content !== 'string') return { ok: false, error: 'content must be text' }
    if (!fitsInBytes(payload.content, MAX_TEXT_FILE_BYTES)) return { ok: false, error: 'content is too large' }
    const defaultFileName = sanitizeFileName(payload.defaultFileName, kind === 'text' ? 'txt' : kind)
    if (!defaultFileName) return { ok: false, error: 'defaultFileName must be a plain file name' }
    return { ok: true, value: { defaultFileName, content: payload.content, kind } }
  },
  openTextFile(payload: unknown): Validated<OpenTextFileRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'open request must be an object' }
    const extra = exactKeys(payload, ['kind'])
    if (extra) return { ok: false, error: extra }
    if (payload.kind !== 'json') return { ok: false, error: 'kind must be json' }
    return { ok: true, value: { kind: 'json' } }
  },
  openFileStream(payload: unknown): Validated<OpenFileStreamRequest> {
    return validateRequest.openTextFile(payload)
  },
  readFileChunk(payload: unknown): Validated<FileHandleRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'read request must be an object' }
    const extra = exactKeys(payload, ['handle'])
    if (extra) return { ok: false, error: extra }
    if (typeof payload.handle !== 'string' || !FILE_HANDLE.test(payload.handle)) return { ok: false, error: 'handle must be a file handle' }
    return { ok: true, value: { handle: payload.handle } }
  },
  saveFileStream(payload: unknown): Validated<SaveFileStreamRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'save request must be an object' }
    const extra = exactKeys(payload, ['defaultFileName', 'kind'])
    if (extra) return { ok: false, error: extra }
    if (payload.kind !== 'json') return { ok: false, error: 'kind must be json' }
    const defaultFileName = sanitizeFileName(payload.defaultFileName, 'json')
    if (!defaultFileName) return { ok: false, error: 'defaultFileName must be a plain file name' }
    return { ok: true, value: { defaultFileName, kind: 'json' } }
  },
  writeFileChunk(payload: unknown): Validated<WriteFileChunkRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'write request must be an object' }
    const extra = exactKeys(payload, ['handle', 'text'])
    if (extra) return { ok: false, error: extra }
    if (typeof payload.handle !== 'string' || !FILE_HANDLE.test(payload.handle)) return { ok: false, error: 'handle must be a file handle' }
    if (typeof payload.text !== 'string') return { ok: false, error: 'text must be text' }
    if (!fitsInBytes(payload.text, MAX_WRITE_CHUNK_BYTES)) return { ok: false, error: 'text is too large for one chunk' }
    return { ok: true, value: { handle: payload.handle, text: payload.text } }
  },
  closeFileStream(payload: unknown): Validated<CloseFileStreamRequest> {
    if (!isPlainObject(payload)) return { ok: false, error: 'close request must be an object' }
    const extra = exactKeys(payload, ['handle', 'keep'])
    if (extra) return { ok: false, error: extra }
    if (typeof payload.handle !== 'string' || !FILE_HANDLE.test(payload.handle)) return { ok: false, error: 'handle must be a file handle' }
    if (typeof payload.keep !== 'boolean') return { ok: false, error: 'keep must be true or false' }
    return { ok: true, value: { handle: payload.handle, keep: payload.keep } }
  }
} as const

export function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.includes(value as MenuCommand)
}
