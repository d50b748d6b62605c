import type { BrowserWindow, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createDesktopActions, type ActionDeps } from '../../../src/main/desktop-actions'
import { MAX_TEXT_FILE_BYTES } from '../../../src/shared/ipc'

function deps(overrides: Partial<ActionDeps> = {}) {
  const written: Record<string, string | Uint8Array> = {}
  const base: ActionDeps = {
    dialog: {
      showSaveDialog: vi.fn(async (...args: unknown[]) => {
        const options = args[args.length - 1] as { defaultPath: string }
        return { canceled: false, filePath: options.defaultPath }
      }) as never,
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/u/backup.json'] })) as never
    },
    fs: {
      writeFile: vi.fn(async (file: string, data: string | Uint8Array) => {
        written[file] = data
      }),
      readFile: vi.fn(async () => '{"format":"osseoplan.case"}'),
      stat: vi.fn(async () => ({ size: 30 }))
    },
    windowFor: () => ({}) as BrowserWindow,
    documentsDir: '/home/u/Documents',
    appInfo: () => ({ version: '0.1.0', platform: 'linux', versions: { electron: '45', chrome: '1', node: '20' } }),
    ...overrides
  }
  return { deps: base, written }
}

describe('desktop actions', () => {
  it('exports the page as a PDF to the chosen file, named by default after the plan', async () => {
    const { deps: d, written } = deps()
    const pdf = new Uint8Array([37, 80, 68, 70])
    const sender = { printToPDF: vi.fn(async () => pdf) } as unknown as WebContents
    const result = await createDesktopActions(d).exportPdf(sender, { defaultFileName: 'P-001 transfemoral.pdf', pageSize: 'Letter' })
    expect(result).toEqual({ ok: true, path: '/home/u/Documents/P-001 transfemoral.pdf' })
    expect(written['/home/u/Documents/P-001 transfemoral.pdf']).toBe(pdf)
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'Letter', printBackground: true }))
  })
  it('reports a cancelled dialog and writes nothing', async () => {
    const { deps: d, written } = deps({
      dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) as never, showOpenDialog: vi.fn() as never }
    })
    const sender = { printToPDF: vi.fn() } as unknown as WebContents
    expect(await createDesktopActions(d).exportPdf(sender, { defaultFileName: 'a.pdf', pageSize: 'A4' })).toEqual({ ok: false, reason: 'cancelled' })
    expect(sender.printToPDF).not.toHaveBeenCalled()
    expect(written).toEqual({})
  })
  it('turns a write failure into a message, not an exception', async () => {
    const { deps: d } = deps()
    d.fs.writeFile = vi.fn(async () => {
      throw new Error('ENOSPC: no space left on device')
    })
    const result = await createDesktopActions(d).saveTextFile({} as WebContents, { defaultFileName: 'b.json', content: '{}', kind: 'json' })
    expect(result).toEqual({ ok: false, reason: 'error', message: 'Could not write b.json: ENOSPC: no space left on device' })
  })
  it('opens a chosen JSON file and refuses one that is too large', async () => {
    const { deps: d } = deps()
    expect(await createDesktopActions(d).openTextFile({} as WebContents, { kind: 'json' })).toEqual({ ok: true, name: 'backup.json', content: '{"format":"osseoplan.case"}' })
    d.fs.stat = vi.fn(async () => ({ size: MAX_TEXT_FILE_BYTES + 1 }))
    const big = await createDesktopActions(d).openTextFile({} as WebContents, { kind: 'json' })
    expect(big).toMatchObject({ ok: false, reason: 'too-large' })
  })
  it('prints through the system dialog and reports its outcome', async () => {
    const { deps: d } = deps()
    const ok = { print: vi.fn((_o: unknown, cb: (s: boolean, r: string) => void) => cb(true, '')) } as unknown as WebContents
    const cancelled = { print: vi.fn((_o: unknown, cb: (s: boolean, r: string) => void) => cb(false, 'cancelled')) } as unknown as WebContents
    const failed = { print: vi.fn((_o: unknown, cb: (s: boolean, r: string) => void) => cb(false, 'Printer offline')) } as unknown as WebContents
    const actions = createDesktopActions(d)
    expect(await actions.printPlan(ok, { pageSize: 'A4' })).toEqual({ ok: true })
    expect(await actions.printPlan(cancelled, { pageSize: 'A4' })).toEqual({ ok: false, reason: 'cancelled', message: 'cancelled' })
    expect(await actions.printPlan(failed, { pageSize: 'A4' })).toEqual({ ok: false, reason: 'error', message: 'Printer offline' })
  })
})
