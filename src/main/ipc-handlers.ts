// One typed handler per bridge channel. Each call is checked twice before anything runs: the
// sender must be the app's own top-level frame, and the payload must pass the shared validator.
import type { WebContents } from 'electron'
import {
  CHANNELS,
  validateRequest,
  type AppInfo,
  type CloseFileStreamRequest,
  type FileHandleRequest,
  type OpenFileStreamResult,
  type ReadFileChunkResult,
  type SaveFileStreamRequest,
  type SaveFileStreamResult,
  type WriteFileChunkRequest,
  type WriteFileChunkResult,
  type ExportPdfRequest,
  type OpenTextFileRequest,
  type OpenTextFileResult,
  type PrintRequest,
  type PrintResult,
  type SaveResult,
  type SaveTextFileRequest,
  type Validated
} from '../shared/ipc'
import { isTrustedUrl } from './security'

/** The part of IpcMainInvokeEvent the handlers use (kept small so tests can build one). */
export interface InvokeEvent {
  sender: WebContents
  senderFrame: { url: string; parent: unknown } | null
}

export interface DesktopActions {
  appInfo(): AppInfo
  printPlan(sender: WebContents, request: PrintRequest): Promise<PrintResult>
  exportPdf(sender: WebContents, request: ExportPdfRequest): Promise<SaveResult>
  saveTextFile(sender: WebContents, request: SaveTextFileRequest): Promise<SaveResult>
  openTextFile(sender: WebContents, request: OpenTextFileRequest): Promise<OpenTextFileResult>
}

/** Library backups through the bridge in chunks (file-streams.ts). */
export interface FileStreamActions {
  openFileStream(sender: WebContents): Promise<OpenFileStreamResult>
  readFileChunk(sender: WebContents, request: FileHandleRequest): Promise<ReadFileChunkResult>
  saveFileStream(sender: WebContents, request: SaveFileStreamRequest): Promise<SaveFileStreamResult>
  writeFileChunk(sender: WebContents, request: WriteFileChunkRequest): Promise<WriteFileChunkResult>
  closeFileStream(sender: WebContents, request: CloseFileStreamRequest): Promise<SaveResult>
}

export class IpcRejection extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IpcRejection'
  }
}

export function checkSender(event: InvokeEvent, trustedOrigins: readonly string[]): void {
  const frame = event.senderFrame
  if (!frame) throw new IpcRejection('rejected: sender frame is gone')
  if (frame.parent) throw new IpcRejection('rejected: sender is not the top-level frame')
  if (!isTrustedUrl(frame.url, trustedOrigins)) throw new IpcRejection('rejected: sender is not the app')
}

function valid<T>(result: Validated<T>): T {
  if (!result.ok) throw new IpcRejection(`rejected: ${result.error}`)
  return result.value
}

export type Handler = (event: InvokeEvent, payload?: unknown) => Promise<unknown>

/** A handler that runs only for the app's own frame and a payload that passes its validator. */
export function guardedHandler<T>(
  trustedOrigins: readonly string[],
  validate: (payload: unknown) => Validated<T>,
  run: (sender: WebContents, request: T) => Promise<unknown> | unknown
): Handler {
  return async (event, payload) => {
    checkSender(event, trustedOrigins)
    return run(event.sender, valid(validate(payload)))
  }
}

export function createIpcHandlers(actions: DesktopActions & FileStreamActions, trustedOrigins: readonly string[]): Record<string, Handler> {
  const guarded = <T>(validate: (payload: unknown) => Validated<T>, run: (sender: WebContents, request: T) => Promise<unknown> | unknown): Handler =>
    guardedHandler(trustedOrigins, validate, run)
  return {
    [CHANNELS.appInfo]: guarded(validateRequest.appInfo, () => actions.appInfo()),
    [CHANNELS.printPlan]: guarded(validateRequest.printPlan, (s, r) => actions.printPlan(s, r)),
    [CHANNELS.exportPdf]: guarded(validateRequest.exportPdf, (s, r) => actions.exportPdf(s, r)),
    [CHANNELS.saveTextFile]: guarded(validateRequest.saveTextFile, (s, r) => actions.saveTextFile(s, r)),
    [CHANNELS.openTextFile]: guarded(validateRequest.openTextFile, (s, r) => actions.openTextFile(s, r)),
    [CHANNELS.openFileStream]: guarded(validateRequest.openFileStream, (s) => actions.openFileStream(s)),
    [CHANNELS.readFileChunk]: guarded(validateRequest.readFileChunk, (s, r) => actions.readFileChunk(s, r)),
    [CHANNELS.saveFileStream]: guarded(validateRequest.saveFileStream, (s, r) => actions.saveFileStream(s, r)),
    [CHANNELS.writeFileChunk]: guarded(validateRequest.writeFileChunk, (s, r) => actions.writeFileChunk(s, r)),
    [CHANNELS.closeFileStream]: guarded(validateRequest.closeFileStream, (s, r) => actions.closeFileStream(s, r))
  }
}

export function registerIpcHandlers(
  ipcMain: { handle(channel: string, listener: (event: InvokeEvent, payload?: unknown) => unknown): void },
  handlers: Record<string, Handler>
): void {
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event: InvokeEvent, payload?: unknown) => handler(event, payload))
  }
}
