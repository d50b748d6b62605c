// When another OsseoPlan is already running, the new process must stop at once: app.quit() only
// schedules the exit, so before the fix start-up went on (handlers, protocol, a second window).
import { beforeAll, describe, expect, it, vi } from 'vitest'

const seen = { quit: 0, whenReady: 0, appEvents: [] as string[] }

vi.mock('electron', () => ({
  BrowserWindow: class {},
  Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  app: {
    isPackaged: true,
    requestSingleInstanceLock: () => false,
    quit: () => seen.quit++,
    on: (event: string) => seen.appEvents.push(event),
    whenReady: () => {
      seen.whenReady++
      return Promise.resolve()
    }
  },
  dialog: {},
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: {} },
  shell: {}
}))

beforeAll(async () => {
  await import('../../../src/main/index')
  await new Promise((resolve) => setTimeout(resolve, 0))
})

describe('second instance', () => {
  it('quits and starts nothing: no window, no handlers, no app events', () => {
    expect(seen.quit).toBe(1)
    expect(seen.whenReady).toBe(0)
    expect(seen.appEvents).toEqual([])
  })
})
