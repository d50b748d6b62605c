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
  const url = URL.createObjectURL(new Blob([content], { type: kind === 'json' ? 'application/json' : kind === 'csv' ? 'text/csv' : 'text/plain' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
  return { ok: true, path: name }
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
