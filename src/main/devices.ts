// Hardware the web platform can reach (WebHID, Web Serial, WebUSB, Web Bluetooth) is never offered
// to the renderer: the app needs none. Without these handlers Electron decides on its own — for
// Bluetooth it picks the first device found — so every request is denied or cancelled explicitly.

/** The part of Electron's Session this module uses (small, so tests can build one). */
export interface DeviceSession {
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void
  setBluetoothPairingHandler(handler: (details: unknown, callback: (response: { confirmed: boolean }) => void) => void): void
  on(event: 'select-hid-device', listener: (event: { preventDefault(): void }, details: unknown, callback: (deviceId?: string | null) => void) => void): unknown
  on(event: 'select-usb-device', listener: (event: { preventDefault(): void }, details: unknown, callback: (deviceId?: string) => void) => void): unknown
  on(event: 'select-serial-port', listener: (event: { preventDefault(): void }, ports: unknown, webContents: unknown, callback: (portId: string) => void) => void): unknown
}

/** No device permission is ever granted (WebHID, WebUSB, Web Serial, Bluetooth). */
export function devicePermissionDecision(_details: unknown): boolean {
  return false
}

export function denyDeviceAccess(ses: DeviceSession): void {
  ses.setDevicePermissionHandler(devicePermissionDecision)
  ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }))
  // preventDefault takes the choice away from Electron's default; the empty answer cancels it.
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault()
    callback(null)
  })
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault()
    callback()
  })
  ses.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault()
    callback('')
  })
}
