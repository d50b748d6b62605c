// The preload exposes exactly the bridge contract of shared/ipc.ts as named functions.
// No ipcRenderer, no generic send: a compromised page can only call these.
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, isMenuCommand, type MenuCommand, type OsseoplanApi } from '../shared/ipc'

const api: OsseoplanApi = {
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  printPlan: (request) => ipcRenderer.invoke(CHANNELS.printPlan, request),
  exportPdf: (request) => ipcRenderer.invoke(CHANNELS.exportPdf, request),
  saveTextFile: (request) => ipcRenderer.invoke(CHANNELS.saveTextFile, request),
  openTextFile: (request) => ipcRenderer.invoke(CHANNELS.openTextFile, request),
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
