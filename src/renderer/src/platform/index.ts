// The renderer's only door to the desktop. With the Electron bridge present it calls
// window.osseoplan; in a plain browser it falls back to browser behaviour (print dialog,
// download, file picker), so the same renderer runs in tests and demos.
import type { MenuCommand, OpenTextFileResult, OsseoplanApi, PageSize, PrintResult, SaveResult } from '../../../shared/ipc'
import { MAX_TEXT_FILE_BYTES, sanitizeFileName } from '../../../shared/ipc'
import { decodeTextFile } from '../../../shared/text-file'

declare global {
  interface Window {
    osseoplan?: OsseoplanApi
  }
}

function bridge(): OsseoplanApi | undefined {
  return typeof window !== 'undefined' ? window.osseoplan : undefined
}

export function isDesktop(): boolean {
  return bridge() !== undefined
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  // Electron prefixes remote errors with "Error invoking remote method '…': "; keep the reason.
  return text.replace(/^Error invoking remote method '[^']*': (Error: )?/, '')
}

export async function printPlan(pageSize: PageSize): Promise<PrintResult> {
  const api = bridge()
  if (!api) {
    window.print()
    return { ok: true }
  }
  try {
    return await api.printPlan({ pageSize })
  } catch (error) {
    return { ok: false, reason: 'error', message: errorMessage(error) }
  }
}

/** Desktop: a PDF through the main process and a save dialog. Browser: the print dialog (Save as PDF). */
export async function exportPdf(defaultFileName: string, pageSize: PageSize): Promise<SaveResult> {
  const api = bridge()
  if (!api) {
    window.print()
    return { ok: true, path: '' }
  }
  try {
    return await api.exportPdf({ defaultFileName, pageSize })
  } catch (error) {
    return { ok: false, reason: 'error', message: errorMessage(error) }
  }
}

export async function saveTextFile(defaultFileName: string, content: string, kind: 'json' | 'text' | 'csv' = 'json'): Promise<SaveResult> {
  const api = bridge()
  if (api) {
    try {
      return await api.saveTextFile({ defaultFileName, content, kind })
    } catch (error) {
      return { ok: false, reason: 'error', message: errorMessage(error) }
    }
  }
  const extension = kind === 'text' ? 'txt' : kind
  const name = sanitizeFileName(defaultFileName, extension) ?? `osseoplan.${extension}`
  download(name, new Blob([content], { type: kind === 'json' ? 'application/json' : kind === 'csv' ? 'text/csv' : 'text/plain' }))
  return { ok: true, path: name }
}

export type OpenedFileStream = { ok: true; name: string; size: number; bytes: AsyncIterable<Uint8Array> } | { ok: false; reason: 'cancelled' | 'error'; message?: string }

/** The desktop bridge's chunks of an open file, as a stream of bytes; the file is closed at the end, or when the reader stops early. */
async function* bridgeChunks(api: OsseoplanApi, handle: string): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const chunk = await api.readFileChunk({ handle })
      if (!chunk.ok) throw new Error(chunk.message)
      if (chunk.done) return
      yield chunk.bytes
    }
  } finally {
    await api.closeFileStream({ handle, keep: false }).catch(() => undefined)
  }
}

/** Bytes read from a chosen file per step: few waits for the browser (File.stream() gives 64 kB at a time), never the whole file. */
const FILE_SLICE_BYTES = 8 * 1024 * 1024

async function* fileChunks(file: File): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < file.size; at += FILE_SLICE_BYTES) yield new Uint8Array(await file.slice(at, at + FILE_SLICE_BYTES).arrayBuffer())
}

/**
 * A file chosen by the user, to be read as a stream of bytes (a library backup of any size: never
 * read whole). In the browser a File from an <input type=file> is passed in.
 */
export async function openFileStream(file?: File): Promise<OpenedFileStream> {
  const api = bridge()
  if (api && !file) {
    try {
      const opened = await api.openFileStream({ kind: 'json' })
      return opened.ok ? { ok: true, name: opened.name, size: opened.size, bytes: bridgeChunks(api, opened.handle) } : opened
    } catch (error) {
      return { ok: false, reason: 'error', message: errorMessage(error) }
    }
  }
  if (!file) return { ok: false, reason: 'cancelled' }
  return { ok: true, name: file.name, size: file.size, bytes: fileChunks(file) }
}

/**
 * Saves text given in pieces (a library backup of any size) without joining them: desktop, chunk
 * by chunk through the bridge into a file put in place only once complete; browser, a download
 * of a Blob made of the pieces.
 */
export async function saveTextPieces(defaultFileName: string, pieces: Iterable<string>): Promise<SaveResult> {
  const api = bridge()
  if (!api) {
    const name = sanitizeFileName(defaultFileName, 'json') ?? 'osseoplan.json'
    download(name, new Blob(Array.from(pieces), { type: 'application/json' }))
    return { ok: true, path: name }
  }
  let handle: string | null = null
  try {
    const opened = await api.saveFileStream({ defaultFileName, kind: 'json' })
    if (!opened.ok) return opened
    handle = opened.handle
    for (const text of pieces) {
      const written = await api.writeFileChunk({ handle, text })
      if (!written.ok) {
        handle = null
        return written
      }
    }
    const done = handle
    handle = null
    return await api.closeFileStream({ handle: done, keep: true })
  } catch (error) {
    return { ok: false, reason: 'error', message: errorMessage(error) }
  } finally {
    if (handle) await api.closeFileStream({ handle, keep: false }).catch(() => undefined)
  }
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Reads a text file chosen by the user. In the browser a File from an <input type=file> is passed in. */
export async function openTextFile(file?: File): Promise<OpenTextFileResult> {
  const api = bridge()
  if (api && !file) {
    try {
      return await api.openTextFile({ kind: 'json' })
    } catch (error) {
      return { ok: false, reason: 'error', message: errorMessage(error) }
    }
  }
  if (!file) return { ok: false, reason: 'cancelled' }
  if (file.size > MAX_TEXT_FILE_BYTES) return { ok: false, reason: 'too-large', message: `${file.name} is larger than ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB` }
  try {
    // The same reader as the desktop and the plan command (BOM, UTF-16, one plain message).
    const decoded = decodeTextFile(new Uint8Array(await file.arrayBuffer()))
    return decoded.ok ? { ok: true, name: file.name, content: decoded.text } : { ok: false, reason: 'error', message: `${file.name}: ${decoded.problem}` }
  } catch (error) {
    return { ok: false, reason: 'error', message: errorMessage(error) }
  }
}

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const api = bridge()
  return api ? api.onMenuCommand(listener) : () => undefined
}

/**
 * The image-server (PACS) functions of the desktop bridge, or null in a plain browser, where
 * OsseoPlan talks to no server at all.
 */
export function imageServers(): import('../../../shared/pacs-contract').PacsApi | null {
  const api = bridge()
  return api && typeof api.pacsListServers === 'function' ? api : null
}
