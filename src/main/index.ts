// Electron entry: wires the pure helpers to Electron. Holds no clinical logic and no plan state.
import { readFile, rename, writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron'
import { APP_ORIGIN, APP_SCHEME, CHANNELS, type MenuCommand } from '../shared/ipc'
import { appResponseHeaders, resolveAppPath } from './app-protocol'
import { denyDeviceAccess } from './devices'
import { createDesktopActions, openForReading } from './desktop-actions'
import { createFileStreams, nodeFileStreamFs } from './file-streams'
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers'
import { buildMenuTemplate } from './menu'
import { createPacsActions } from './pacs/pacs-actions'
import { createPacsHandlers } from './pacs/pacs-handlers'
import { createServerStore } from './pacs/server-store'
import { contentSecurityPolicyFor, isAllowedRequest, permissionDecision, trustedOrigins, withCspHeader } from './security'
import { createMainWindow, hardenWebContents } from './window'

const rendererDir = path.join(import.meta.dirname, '../renderer')
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs')
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const origins = trustedOrigins(devServerUrl)
const csp = contentSecurityPolicyFor(devServerUrl)

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
])

let mainWindow: BrowserWindow | null = null

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(CHANNELS.menuCommand, command)
}

function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)))
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission))
  denyDeviceAccess(ses)
  // No network: only the app's own origin (and the dev server in development) may be requested.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, origins, devServerUrl) })
  })
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) })
  })
}

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererDir)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, { headers: appResponseHeaders(file, csp) })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

/** Start-up of the first instance only (a second instance hands over to it and stops). */
function start(): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => void shell.openExternal(url))
  })

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    hardenSession()
    serveApp()
    const actions = createDesktopActions({
      dialog,
      fs: { writeFile, open: openForReading },
      windowFor: (sender) => BrowserWindow.fromWebContents(sender),
      documentsDir: app.getPath('documents'),
      appInfo: () => ({
        version: app.getVersion(),
        platform: process.platform,
        versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node }
      })
    })
    // Library backups of any size, chunk by chunk.
    const fileStreams = createFileStreams({
      dialog,
      fs: nodeFileStreamFs,
      windowFor: (sender) => BrowserWindow.fromWebContents(sender),
      documentsDir: app.getPath('documents'),
      newId: () => randomUUID()
    })
    registerIpcHandlers(ipcMain, createIpcHandlers({ ...actions, ...fileStreams }, origins))
    // The only network code of the app: DICOMweb to the image servers the user configured, from
    // this process, when the renderer asks for a named server (never a URL).
    const imageServers = createServerStore({
      file: path.join(app.getPath('userData'), 'image-servers.json'),
      fs: { readFile, writeFile, rename },
      box: safeStorage,
      newId: () => `server-${randomUUID()}`
    })
    registerIpcHandlers(ipcMain, createPacsHandlers(createPacsActions({ store: imageServers, fetch }), origins))
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(sendMenuCommand, process.platform === 'darwin')))
    openMainWindow()
    app.on('activate', () => {
      if (!mainWindow) openMainWindow()
    })
  })
}

function openMainWindow(): void {
  const win = createMainWindow(BrowserWindow, preloadPath)
  win.on('closed', () => {
    mainWindow = null
  })
  mainWindow = win
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

// A second instance must not start: app.quit() only schedules the exit, so nothing else may run.
if (app.requestSingleInstanceLock()) start()
else app.quit()
