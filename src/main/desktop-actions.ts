// What the bridge's channels do on the desktop: print, PDF, save and open dialogs. Electron's
// modules are passed in, so the logic is unit-tested without an Electron binary.
import path from 'node:path'
import type { BrowserWindow, Dialog, WebContents } from 'electron'
import { MAX_TEXT_FILE_BYTES, type AppInfo } from '../shared/ipc'
import type { DesktopActions } from './ipc-handlers'

export interface ActionDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  fs: {
    writeFile(file: string, data: string | Uint8Array): Promise<void>
    readFile(file: string, encoding: 'utf8'): Promise<string>
    stat(file: string): Promise<{ size: number }>
  }
  windowFor(sender: WebContents): BrowserWindow | null
  documentsDir: string
  appInfo(): AppInfo
}

function message(error: unknown): string {
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
      try {
        const { size } = await deps.fs.stat(file)
        if (size > MAX_TEXT_FILE_BYTES) return { ok: false, reason: 'too-large', message: `${path.basename(file)} is larger than ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB` }
        return { ok: true, name: path.basename(file), content: await deps.fs.readFile(file, 'utf8') }
      } catch (error) {
        return { ok: false, reason: 'error', message: `Could not read ${path.basename(file)}: ${message(error)}` }
      }
    }
  }
}
