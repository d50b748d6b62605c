// The Electron entry (src/main/index.ts) with Electron mocked: what it installs at start-up.
// The binary cannot run here, so this is where the wiring of the security helpers is checked.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/security-policy'

const calls = {
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  ipcChannels: [] as string[],
  windows: [] as Array<{ options: Record<string, unknown>; url: string }>,
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  sessionEvents: new Map<string, (...args: unknown[]) => void>(),
  devicePermission: null as null | ((details: unknown) => boolean),
  bluetoothPairing: null as null | ((details: unknown, cb: (r: { confirmed: boolean }) => void) => void),
  menuTemplate: null as unknown
}
let ready: () => void = () => undefined

vi.mock('electron', () => {
  class BrowserWindow {
    static fromWebContents = () => null
    webContents = { send: vi.fn() }
    constructor(public options: Record<string, unknown>) {}
    once() {}
    on() {}
    loadURL(url: string) {
      calls.windows.push({ options: this.options, url })
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => (calls.menuTemplate = t), setApplicationMenu: vi.fn() },
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      getPath: () => '/home/u/Documents',
      getVersion: () => '0.1.0',
      on: (event: string, listener: (...args: unknown[]) => void) => calls.appEvents.set(event, listener),
      whenReady: () => new Promise<void>((resolve) => (ready = resolve))
    },
    dialog: {},
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    ipcMain: { handle: (channel: string) => calls.ipcChannels.push(channel) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.privileged.push(schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => calls.protocolHandlers.set(scheme, handler)
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof calls.permissionRequest) => (calls.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof calls.permissionCheck) => (calls.permissionCheck = h),
        setDevicePermissionHandler: (h: typeof calls.devicePermission) => (calls.devicePermission = h),
        setBluetoothPairingHandler: (h: typeof calls.bluetoothPairing) => (calls.bluetoothPairing = h),
        on: (event: string, listener: (...args: unknown[]) => void) => calls.sessionEvents.set(event, listener),
        webRequest: {
          onBeforeRequest: (h: typeof calls.beforeRequest) => (calls.beforeRequest = h),
          onHeadersReceived: (h: typeof calls.headers) => (calls.headers = h)
        }
      }
    },
    shell: { openExternal: vi.fn() }
  }
})

beforeAll(async () => {
  delete process.env['ELECTRON_RENDERER_URL']
  await import('../../../src/main/index')
  ready()
  await new Promise((resolve) => setTimeout(resolve, 0))
})

describe('Electron entry wiring', () => {
  it('registers app:// as a standard, secure scheme before the app is ready', () => {
    expect(calls.privileged).toEqual([[{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]])
  })
  it('opens one window with the secure preferences and the sandboxed CommonJS preload, on app://', () => {
    expect(calls.windows).toHaveLength(1)
    const { options, url } = calls.windows[0]!
    expect(url).toBe('app://osseoplan/index.html')
    expect(options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(String((options['webPreferences'] as Record<string, unknown>)['preload'])).toMatch(/preload[\\/]index\.cjs$/)
  })
  it('registers exactly the request channels of the bridge', () => {
    expect(calls.ipcChannels.sort()).toEqual(Object.values(CHANNELS).filter((c) => c !== CHANNELS.menuCommand && c !== CHANNELS.pacsProgress).sort())
  })
  it('denies every permission and every request outside the app', () => {
    const decided: boolean[] = []
    calls.permissionRequest!({}, 'media', (ok) => decided.push(ok))
    expect(decided).toEqual([false])
    expect(calls.permissionCheck!({}, 'notifications')).toBe(false)
    const outcome = (url: string) => {
      let cancel: boolean | undefined
      calls.beforeRequest!({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(outcome('app://osseoplan/assets/index.js')).toBe(false)
    expect(outcome('https://example.com/track.gif')).toBe(true)
    expect(outcome('http://127.0.0.1:4173/')).toBe(true)
    expect(outcome('ws://localhost:5173/')).toBe(true)
  })
  it('sends the strict CSP on every response', () => {
    let headers: Record<string, string[]> = {}
    calls.headers!({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) => (headers = r.responseHeaders))
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
  it('serves app:// from the renderer folder only, with the CSP header', async () => {
    const handler = calls.protocolHandlers.get('app')!
    const traversal = await handler({ url: 'app://osseoplan/..%2f..%2fpackage.json' })
    expect(traversal.status).toBe(404)
    const missing = await handler({ url: 'app://osseoplan/no-such-file.js' })
    expect(missing.status).toBe(404)
    // From the source tree the renderer folder is src/renderer, which holds index.html.
    const page = await handler({ url: 'app://osseoplan/index.html' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<div id="root">')
  })
  it('hardens every web contents created later', () => {
    const events = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | null = null
    const contents = {
      on: (event: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => events.set(event, listener),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h)
    }
    calls.appEvents.get('web-contents-created')!({}, contents)
    const prevented: string[] = []
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) events.get(name)!({ preventDefault: () => prevented.push(name) }, 'https://example.com/')
    // will-frame-navigate passes one event object that carries the URL.
    const frameEvent = { url: 'https://example.com/', isMainFrame: false, preventDefault: () => prevented.push('will-frame-navigate') }
    events.get('will-frame-navigate')!(frameEvent)
    expect(prevented).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview', 'will-frame-navigate'])
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    // Electron would pick the first Bluetooth device found: the chooser is cancelled instead.
    const chosen: unknown[] = []
    const bluetooth = events.get('select-bluetooth-device') as unknown as (e: { preventDefault(): void }, devices: unknown[], cb: (id: string) => void) => void
    bluetooth({ preventDefault: () => prevented.push('select-bluetooth-device') }, [{ deviceId: 'AA:BB', deviceName: 'Scale' }], (id) => chosen.push(id))
    expect(chosen).toEqual([''])
    expect(prevented).toContain('select-bluetooth-device')
  })
  it('denies every device permission and cancels every HID, USB and serial chooser', () => {
    expect(calls.devicePermission!({ deviceType: 'hid', origin: 'app://osseoplan', device: {} })).toBe(false)
    expect(calls.devicePermission!({ deviceType: 'usb', origin: 'app://osseoplan', device: {} })).toBe(false)
    const pairing: unknown[] = []
    calls.bluetoothPairing!({ pairingKind: 'confirm' }, (r) => pairing.push(r))
    expect(pairing).toEqual([{ confirmed: false }])
    const answers: unknown[] = []
    let prevented = 0
    const event = { preventDefault: () => prevented++ }
    calls.sessionEvents.get('select-hid-device')!(event, { deviceList: [{ deviceId: 'h1' }] }, (id?: string | null) => answers.push(['hid', id]))
    calls.sessionEvents.get('select-usb-device')!(event, { deviceList: [{ deviceId: 'u1' }] }, (id?: string) => answers.push(['usb', id]))
    calls.sessionEvents.get('select-serial-port')!(event, [{ portId: 's1' }], {}, (id: string) => answers.push(['serial', id]))
    expect(answers).toEqual([['hid', null], ['usb', undefined], ['serial', '']])
    expect(prevented).toBe(3)
  })
})
