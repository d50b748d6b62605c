// The one application window, created with the secure preferences and hardened web contents.
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, WebContents } from 'electron'
import { allowNavigation, isAllowedExternalUrl, secureWebPreferences } from './security'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 920,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'OsseoPlan',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath)
  }
}

/**
 * Denies navigation (of the page and of any frame), redirects, new windows, webviews and the
 * Bluetooth device chooser for any web contents of the app.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault()
  })
  // will-navigate covers the main frame only; a frame (none is expected: CSP frame-src 'none') too.
  contents.on('will-frame-navigate', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault()
  })
  // Without a handler Electron connects to the first Bluetooth device it finds: cancel instead.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault()
    callback('')
  })
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

export function createMainWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType,
  preloadPath: string
): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(preloadPath))
  win.once('ready-to-show', () => win.show())
  return win
}
