// What the bridge's channels do on the desktop: print, PDF, save and open dialogs. Electron's
// modules are passed in, so the logic is unit-tested without an Electron binary.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import type { BrowserWindow, Dialog, WebContents } from 'electron'
import { MAX_TEXT_FILE_BYTES, type AppInfo, type OpenTextFileResult } from '../shared/ipc'
import { decodeTextFile } from '../shared/text-file'
import type { DesktopActions } from './ipc-handlers'

export interface ActionDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  fs: {
    writeFile(file: string, data: string | Uint8Array): Promise<void>
    /** Opens without blocking (a FIFO would otherwise wait for a writer); see openForReading in index.ts. */
    open(file: string): Promise<OpenedFile>
  }
  windowFor(sender: WebContents): BrowserWindow | null
  documentsDir: string
  appInfo(): AppInfo
}

/** A file opened for reading: stat and read go through the same handle, so what was checked is what is read. */
export interface OpenedFile {
  stat(): Promise<{ size: number; isFile(): boolean }>
  readFile(): Promise<Uint8Array>
  close(): Promise<void>
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

/** O_NONBLOCK: opening a FIFO must not wait for a writer; readChosenTextFile then refuses it unread. */
export async function openForReading(file: string): Promise<OpenedFile> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  return { stat: () => handle.stat(), readFile: () => handle.readFile(), close: () => handle.close() }
}

/** Reads a regular file of at most MAX_TEXT_FILE_BYTES as text; a device, FIFO or socket is refused unread. */
export async function readChosenTextFile(fs: ActionDeps['fs'], file: string): Promise<OpenTextFileResult> {
  const name = path.basename(file)
  let handle: OpenedFile | null = null
  try {
    handle = await fs.open(file)
    const info = await handle.stat()
    if (!info.isFile()) return { ok: false, reason: 'error', message: `${name} is not a regular file` }
    if (info.size > MAX_TEXT_FILE_BYTES) return { ok: false, reason: 'too-large', message: `${name} is larger than ${megabytes(MAX_TEXT_FILE_BYTES)}` }
    const bytes = await handle.readFile()
    // The size may have grown since stat (a file still being written): check what was read.
    if (bytes.length > MAX_TEXT_FILE_BYTES) return { ok: false, reason: 'too-large', message: `${name} is larger than ${megabytes(MAX_TEXT_FILE_BYTES)}` }
    const decoded = decodeTextFile(bytes)
    return decoded.ok ? { ok: true, name, content: decoded.text } : { ok: false, reason: 'error', message: `${name}: ${decoded.problem}` }
  } catch (error) {
    return { ok: false, reason: 'error', message: `Could not read ${name}: ${message(error)}` }
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** A file system error as the app's messages quote it (its message, never its stack). */
export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function createDesktopActions(deps: ActionDeps): DesktopActions {
  async function saveWith(sender: WebContents, fileName: string, filter: { name: string; extensions: string[] }, data: () => Promise<string | Uint8Array>) {
    const win = deps.windowFor(sender)
    const options = { defaultPath: path.join(deps.documentsDir, fileName), filters: [filter] }
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { ok: false as const, reason: 'cancelled' as const }
    try {
      await deps.fs.writeFile(choice.filePath, await data())
      return { ok: true as const, path: choice.filePath }
    } catch (error) {
      return { ok: false as const, reason: 'error' as const, message: `Could not write ${path.basename(choice.filePath)}: ${message(error)}` }
    }
  }

  return {
    appInfo: () => deps.appInfo(),
    printPlan: (sender, request) =>
      new Promise((resolve) => {
        sender.print({ silent: false, printBackground: true, pageSize: request.pageSize }, (success, reason) => {
          if (success) resolve({ ok: true })
          else resolve({ ok: false, reason: reason === 'cancelled' ? 'cancelled' : 'error', message: reason })
        })
      }),
    exportPdf: (sender, request) =>
      saveWith(sender, request.defaultFileName, { name: 'PDF document', extensions: ['pdf'] }, () =>
        sender.printToPDF({ pageSize: request.pageSize, printBackground: true, preferCSSPageSize: true })
      ),
    saveTextFile: (sender, request) =>
      saveWith(
        sender,
        request.defaultFileName,
        request.kind === 'json' ? { name: 'OsseoPlan file', extensions: ['json'] } : request.kind === 'csv' ? { name: 'CSV table', extensions: ['csv'] } : { name: 'Text', extensions: ['txt'] },
        async () => request.content
      ),
    openTextFile: async (sender) => {
      const win = deps.windowFor(sender)
      const options = { properties: ['openFile' as const], filters: [{ name: 'OsseoPlan file', extensions: ['json'] }] }
      const choice = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options)
      const file = choice.filePaths[0]
      if (choice.canceled || !file) return { ok: false, reason: 'cancelled' }
      return readChosenTextFile(deps.fs, file)
    }
  }
}
