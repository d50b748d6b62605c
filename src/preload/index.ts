// The preload exposes exactly the bridge contract of shared/ipc.ts as named functions.
// No ipcRenderer, no generic send: a compromised page can only call these.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, isMenuCommand, type MenuCommand, type OsseoplanApi } from '../shared/ipc'
import { isTransferProgress, type TransferProgress } from '../shared/pacs-contract'

/** Subscribes a listener to main → renderer messages on one channel, passing on only valid ones. */
function subscribe<T>(channel: string, isValid: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  const wrapped = (_event: unknown, value: unknown) => {
    if (isValid(value)) listener(value)
  }
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

const api: OsseoplanApi = {
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  printPlan: (request) => ipcRenderer.invoke(CHANNELS.printPlan, request),
  exportPdf: (request) => ipcRenderer.invoke(CHANNELS.exportPdf, request),
  saveTextFile: (request) => ipcRenderer.invoke(CHANNELS.saveTextFile, request),
  openTextFile: (request) => ipcRenderer.invoke(CHANNELS.openTextFile, request),
  openFileStream: (request) => ipcRenderer.invoke(CHANNELS.openFileStream, request),
  readFileChunk: (request) => ipcRenderer.invoke(CHANNELS.readFileChunk, request),
  saveFileStream: (request) => ipcRenderer.invoke(CHANNELS.saveFileStream, request),
  writeFileChunk: (request) => ipcRenderer.invoke(CHANNELS.writeFileChunk, request),
  closeFileStream: (request) => ipcRenderer.invoke(CHANNELS.closeFileStream, request),
  pacsListServers: () => ipcRenderer.invoke(CHANNELS.pacsListServers),
  pacsSaveServer: (input) => ipcRenderer.invoke(CHANNELS.pacsSaveServer, input),
  pacsRemoveServer: (request) => ipcRenderer.invoke(CHANNELS.pacsRemoveServer, request),
  pacsTestServer: (request) => ipcRenderer.invoke(CHANNELS.pacsTestServer, request),
  pacsSearchStudies: (request) => ipcRenderer.invoke(CHANNELS.pacsSearchStudies, request),
  pacsListSeries: (request) => ipcRenderer.invoke(CHANNELS.pacsListSeries, request),
  pacsListInstances: (request) => ipcRenderer.invoke(CHANNELS.pacsListInstances, request),
  pacsThumbnail: (request) => ipcRenderer.invoke(CHANNELS.pacsThumbnail, request),
  pacsFetchInstance: (request) => ipcRenderer.invoke(CHANNELS.pacsFetchInstance, request),
  pacsCancel: (request) => ipcRenderer.invoke(CHANNELS.pacsCancel, request),
  pacsFilePlan: (request) => ipcRenderer.invoke(CHANNELS.pacsFilePlan, request),
  onPacsProgress: (listener: (progress: TransferProgress) => void) => subscribe(CHANNELS.pacsProgress, isTransferProgress, listener),
  onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(CHANNELS.menuCommand, isMenuCommand, listener)
}

contextBridge.exposeInMainWorld('osseoplan', api)
