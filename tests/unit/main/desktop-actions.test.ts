import type { BrowserWindow, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDesktopActions, openForReading, readChosenTextFile, type ActionDeps } from '../../../src/main/desktop-actions'
import { MAX_TEXT_FILE_BYTES } from '../../../src/shared/ipc'

function openedFile(bytes: Uint8Array, info: { size?: number; isFile?: boolean } = {}) {
  return {
    stat: vi.fn(async () => ({ size: info.size ?? bytes.length, isFile: () => info.isFile ?? true })),
    readFile: vi.fn(async () => bytes),
    close: vi.fn(async () => undefined)
  }
}

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
      open: vi.fn(async () => openedFile(new TextEncoder().encode('{"format":"osseoplan.case"}')))
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
    const huge = openedFile(new Uint8Array(1), { size: MAX_TEXT_FILE_BYTES + 1 })
    d.fs.open = vi.fn(async () => huge)
    const big = await createDesktopActions(d).openTextFile({} as WebContents, { kind: 'json' })
    expect(big).toMatchObject({ ok: false, reason: 'too-large' })
    expect(huge.readFile).not.toHaveBeenCalled()
    expect(huge.close).toHaveBeenCalled()
  })
  it('opens a library as large as a 100,000-plan backup (127 MB): the limit is far above it', async () => {
    expect(MAX_TEXT_FILE_BYTES).toBeGreaterThanOrEqual(2 * 127 * 1000 * 1000)
    const { deps: d } = deps()
    const file = openedFile(new Uint8Array(1), { size: 130 * 1024 * 1024 })
    file.readFile = vi.fn(async () => new TextEncoder().encode('{"format":"osseoplan.library"}'))
    d.fs.open = vi.fn(async () => file)
    expect(await createDesktopActions(d).openTextFile({} as WebContents, { kind: 'json' })).toMatchObject({ ok: true, content: '{"format":"osseoplan.library"}' })
  })
  it('refuses a FIFO, a device or any file that is not a regular file, without reading it', async () => {
    const { deps: d } = deps()
    const fifo = openedFile(new Uint8Array(0), { size: 0, isFile: false })
    d.fs.open = vi.fn(async () => fifo)
    expect(await createDesktopActions(d).openTextFile({} as WebContents, { kind: 'json' })).toEqual({ ok: false, reason: 'error', message: 'backup.json is not a regular file' })
    expect(fifo.readFile).not.toHaveBeenCalled()
  })
  it('refuses a real FIFO at once (the open does not wait for a writer)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'osseoplan-fifo-'))
    const fifo = path.join(dir, 'backup.json')
    execFileSync('mkfifo', [fifo])
    try {
      expect(await readChosenTextFile({ writeFile: vi.fn(), open: openForReading }, fifo)).toEqual({ ok: false, reason: 'error', message: 'backup.json is not a regular file' })
      const plain = path.join(dir, 'case.json')
      writeFileSync(plain, '\uFEFF{"a":1}')
      expect(await readChosenTextFile({ writeFile: vi.fn(), open: openForReading }, plain)).toEqual({ ok: true, name: 'case.json', content: '{"a":1}' })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('reads UTF-8 with a byte-order mark and UTF-16, and refuses other bytes with one plain sentence', async () => {
    const read = async (bytes: number[]) => {
      const { deps: d } = deps()
      d.fs.open = vi.fn(async () => openedFile(new Uint8Array(bytes)))
      return createDesktopActions(d).openTextFile({} as WebContents, { kind: 'json' })
    }
    const ascii = Array.from('{"a":1}', (c) => c.charCodeAt(0))
    const utf16le = ascii.flatMap((b) => [b, 0])
    const utf16be = ascii.flatMap((b) => [0, b])
    expect(await read([0xef, 0xbb, 0xbf, ...ascii])).toMatchObject({ ok: true, content: '{"a":1}' })
    expect(await read([0xff, 0xfe, ...utf16le])).toMatchObject({ ok: true, content: '{"a":1}' })
    expect(await read([0xfe, 0xff, ...utf16be])).toMatchObject({ ok: true, content: '{"a":1}' })
    for (const bytes of [utf16le, [0xff, 0xfe, 0x7b], [0x7b, 0xe9, 0x7d]]) {
      const result = await read(bytes)
      expect(result).toEqual({ ok: false, reason: 'error', message: 'backup.json: it is not UTF-8 text (nor UTF-16 with a byte-order mark); save it again as UTF-8 text and try again' })
    }
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
