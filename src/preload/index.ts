// The preload exposes exactly the bridge contract of shared/ipc.ts as named functions.
// No ipcRenderer, no generic send: a compromised page can only call these.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, isMenuCommand, type MenuCommand, type OsseoplanApi } from '../shared/ipc'
import { isTransferProgress, type TransferProgress } from '../shared/pacs-contract'

const api: OsseoplanApi = {
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  printPlan: (request) => ipcRenderer.invoke(CHANNELS.printPlan, request),
  exportPdf: (request) => ipcRenderer.invoke(CHANNELS.exportPdf, request),
  saveTextFile: (request) => ipcRenderer.invoke(CHANNELS.saveTextFile, request),
  openTextFile: (request) => ipcRenderer.invoke(CHANNELS.openTextFile, request),
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
  onPacsProgress: (listener: (progress: TransferProgress) => void) => {
    const wrapped = (_event: unknown, progress: unknown) => {
      if (isTransferProgress(progress)) listener(progress)
    }
    ipcRenderer.on(CHANNELS.pacsProgress, wrapped)
    return () => {
      ipcRenderer.removeListener(CHANNELS.pacsProgress, wrapped)
    }
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const wrapped = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(CHANNELS.menuCommand, wrapped)
    return () => {
      ipcRenderer.removeListener(CHANNELS.menuCommand, wrapped)
    }
  }
}

contextBridge.exposeInMainWorld('osseoplan', api)
