import type { WebContents } from 'electron'
import type { PacsActions } from '../../../src/main/pacs/pacs-actions'
import { createPacsHandlers } from '../../../src/main/pacs/pacs-handlers'
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, MAX_TEXT_FILE_BYTES, MAX_WRITE_CHUNK_BYTES, fitsInBytes, sanitizeFileName, utf8ByteLength, validateRequest } from '../../../src/shared/ipc'
import { createIpcHandlers, registerIpcHandlers, type DesktopActions, type FileStreamActions, type InvokeEvent } from '../../../src/main/ipc-handlers'

function actions(): DesktopActions & FileStreamActions {
  return {
    appInfo: vi.fn(() => ({ version: '1', platform: 'linux', versions: { electron: '45', chrome: '1', node: '20' } })),
    printPlan: vi.fn(async () => ({ ok: true as const })),
    exportPdf: vi.fn(async () => ({ ok: true as const, path: '/x.pdf' })),
    saveTextFile: vi.fn(async () => ({ ok: true as const, path: '/x.json' })),
    openTextFile: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    openFileStream: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    readFileChunk: vi.fn(async () => ({ ok: true as const, bytes: new Uint8Array(0), done: true })),
    saveFileStream: vi.fn(async () => ({ ok: false as const, reason: 'cancelled' as const })),
    writeFileChunk: vi.fn(async () => ({ ok: true as const })),
    closeFileStream: vi.fn(async () => ({ ok: true as const, path: '' }))
  }
}

const sender = {} as WebContents
const HANDLE = 'file-0b7f3c1e-52a4-4c39-9f5e-1d2a3b4c5d6e'
const appEvent: InvokeEvent = { sender, senderFrame: { url: 'app://osseoplan/index.html#/plans/1', parent: null } }
const origins = ['app://osseoplan']

describe('IPC sender validation', () => {
  it('accepts the app top-level frame', async () => {
    const a = actions()
    const handlers = createIpcHandlers(a, origins)
    await expect(handlers[CHANNELS.printPlan]!(appEvent, { pageSize: 'A4' })).resolves.toEqual({ ok: true })
    expect(a.printPlan).toHaveBeenCalledWith(sender, { pageSize: 'A4' })
  })
  it('rejects foreign origins, sub-frames and vanished frames before doing anything', async () => {
    const a = actions()
    const handlers = createIpcHandlers(a, origins)
    const hostile: InvokeEvent[] = [
      { sender, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender, senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      { sender, senderFrame: { url: 'app://osseoplan/index.html', parent: {} } },
      { sender, senderFrame: null }
    ]
    for (const event of hostile) {
      for (const handler of Object.values(handlers)) await expect(handler(event, { pageSize: 'A4' })).rejects.toThrow(/^rejected/)
    }
    for (const fn of Object.values(a)) expect(fn).not.toHaveBeenCalled()
  })
})

describe('IPC payload validation', () => {
  it('rejects wrong types, NaN, extra keys, huge strings and prototype tricks', async () => {
    const a = actions()
    const handlers = createIpcHandlers(a, origins)
    const bad: Array<[string, unknown]> = [
      [CHANNELS.appInfo, { x: 1 }],
      [CHANNELS.printPlan, null],
      [CHANNELS.printPlan, 'A4'],
      [CHANNELS.printPlan, { pageSize: 'A3' }],
      [CHANNELS.printPlan, { pageSize: 'A4', extra: true }],
      [CHANNELS.printPlan, JSON.parse('{"pageSize":"A4","__proto__":{"polluted":true}}')],
      [CHANNELS.printPlan, Object.assign(Object.create({ inherited: 1 }), { pageSize: 'A4' })],
      [CHANNELS.exportPdf, { pageSize: 'A4', defaultFileName: 42 }],
      [CHANNELS.exportPdf, { pageSize: 'A4', defaultFileName: '..' }],
      [CHANNELS.exportPdf, { pageSize: 'A4', defaultFileName: '' }],
      [CHANNELS.exportPdf, { pageSize: NaN, defaultFileName: 'a' }],
      [CHANNELS.saveTextFile, { defaultFileName: 'a', content: 5, kind: 'json' }],
      [CHANNELS.saveTextFile, { defaultFileName: 'a', content: 'x', kind: 'exe' }],
      [CHANNELS.saveTextFile, { defaultFileName: 'a', content: 'x'.repeat(MAX_TEXT_FILE_BYTES + 1), kind: 'json' }],
      [CHANNELS.openTextFile, { kind: 'json', path: '/etc/passwd' }],
      [CHANNELS.openTextFile, []],
      [CHANNELS.openFileStream, { kind: 'json', path: '/etc/passwd' }],
      [CHANNELS.readFileChunk, { handle: '../etc/passwd' }],
      [CHANNELS.readFileChunk, { handle: HANDLE, position: 0 }],
      [CHANNELS.saveFileStream, { defaultFileName: '..', kind: 'json' }],
      [CHANNELS.saveFileStream, { defaultFileName: 'a', kind: 'exe' }],
      [CHANNELS.writeFileChunk, { handle: HANDLE, text: new Uint8Array(4) }],
      [CHANNELS.writeFileChunk, { handle: 42, text: 'x' }],
      [CHANNELS.writeFileChunk, { handle: HANDLE, text: 'x'.repeat(MAX_WRITE_CHUNK_BYTES + 1) }],
      [CHANNELS.closeFileStream, { handle: HANDLE, keep: 'yes' }],
      [CHANNELS.closeFileStream, { handle: HANDLE }]
    ]
    for (const [channel, payload] of bad) await expect(handlers[channel]!(appEvent, payload)).rejects.toThrow(/^rejected: /)
    for (const fn of Object.values(a)) expect(fn).not.toHaveBeenCalled()
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
  it('passes a cleaned file name on', async () => {
    const a = actions()
    const handlers = createIpcHandlers(a, origins)
    await handlers[CHANNELS.exportPdf]!(appEvent, { pageSize: 'Letter', defaultFileName: '../../etc/P-001 transfemoral 2026-11-26' })
    expect(a.exportPdf).toHaveBeenCalledWith(sender, { pageSize: 'Letter', defaultFileName: 'etc_P-001 transfemoral 2026-11-26.pdf' })
  })
  it('registers exactly the declared request channels', () => {
    const handle = vi.fn()
    registerIpcHandlers({ handle }, createIpcHandlers(actions(), origins))
    registerIpcHandlers({ handle }, createPacsHandlers({} as PacsActions, origins))
    const registered = handle.mock.calls.map((c) => c[0]).sort()
    // Menu commands and transfer progress go the other way (main → renderer): no handler.
    const declared = Object.values(CHANNELS).filter((c) => c !== CHANNELS.menuCommand && c !== CHANNELS.pacsProgress).sort()
    expect(registered).toEqual(declared)
  })
})

describe('file names for save dialogs', () => {
  it('keeps plain names and adds the extension once', () => {
    expect(sanitizeFileName('P-001 transfemoral 2026-11-26', 'pdf')).toBe('P-001 transfemoral 2026-11-26.pdf')
    expect(sanitizeFileName('backup.json', 'json')).toBe('backup.json')
  })
  it('removes folders, traversal, reserved and control characters', () => {
    expect(sanitizeFileName('../../x', 'pdf')).toBe('x.pdf')
    expect(sanitizeFileName('C:\\Windows\\x', 'pdf')).toBe('C__Windows_x.pdf')
    expect(sanitizeFileName('\\\\server\\share\\x', 'pdf')).toBe('server_share_x.pdf')
    expect(sanitizeFileName('a\u0000b\nc', 'pdf')).toBe('a_b_c.pdf')
    expect(sanitizeFileName('x'.repeat(500), 'pdf')!.length).toBeLessThanOrEqual(124)
  })
  it('refuses names with nothing left or reserved device names', () => {
    for (const name of ['', '...', ' ', 'CON', 'nul', 'com1']) expect(sanitizeFileName(name, 'pdf')).toBeNull()
    expect(sanitizeFileName(undefined, 'pdf')).toBeNull()
  })
  it('refuses Windows device names whatever follows the first dot (CON, NUL, COM¹, LPT², CONIN$)', () => {
    for (const name of ['CON.report', 'nul.tar', 'COM\u00b9', 'lpt\u00b2.x', 'CONIN$', 'conout$.log', 'Aux ', 'prn.']) expect(sanitizeFileName(name, 'pdf'), name).toBeNull()
    expect(sanitizeFileName('CONTROL plan', 'pdf')).toBe('CONTROL plan.pdf')
    expect(sanitizeFileName('com10', 'pdf')).toBe('com10.pdf')
  })
  it('drops bidi and zero-width controls (no extension spoofing) and replaces line separators', () => {
    expect(sanitizeFileName('plan\u202Efdp.exe', 'pdf')).toBe('planfdp.exe.pdf')
    expect(sanitizeFileName('plan\u2066x\u2069\u200B\u200D\uFEFF\u061C\u200F', 'pdf')).toBe('planx.pdf')
    expect(sanitizeFileName('a\u0085b\u2028c\u2029d', 'pdf')).toBe('a_b_c_d.pdf')
    expect(sanitizeFileName('a\ud800b\udc00c', 'pdf')).toBe('abc.pdf')
  })
  it('never cuts a surrogate pair and stays within 200 bytes', () => {
    for (const prefix of ['P-', 'P-x']) {
      const name = sanitizeFileName(prefix + '\u{1F9B4}'.repeat(300), 'pdf')!
      expect(name, prefix).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200)
    }
    expect(new TextEncoder().encode(sanitizeFileName('é'.repeat(150), 'pdf')!).length).toBeLessThanOrEqual(200)
  })
  it('counts the save limit in UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8ByteLength('aé€\u{1F9B4}')).toBe(1 + 2 + 3 + 4)
    expect(utf8ByteLength('\ud800')).toBe(3)
    const limit = 1000
    expect(fitsInBytes('€'.repeat(333), limit)).toBe(true)
    expect(fitsInBytes('€'.repeat(334), limit)).toBe(false)
    // 1/3 of the limit in characters, 3 bytes each: the old character count let this through.
    const third = Math.floor(MAX_TEXT_FILE_BYTES / 3) + 1
    expect(validateRequest.saveTextFile({ defaultFileName: 'a', content: '€'.repeat(third), kind: 'json' })).toEqual({ ok: false, error: 'content is too large' })
  }, 60_000) // counts 89 million characters: about 1.5 s on an idle machine
  it('validators accept well-formed requests', () => {
    expect(validateRequest.openTextFile({ kind: 'json' })).toEqual({ ok: true, value: { kind: 'json' } })
    expect(validateRequest.readFileChunk({ handle: HANDLE })).toEqual({ ok: true, value: { handle: HANDLE } })
    expect(validateRequest.writeFileChunk({ handle: HANDLE, text: '{"format"' })).toEqual({ ok: true, value: { handle: HANDLE, text: '{"format"' } })
    expect(validateRequest.closeFileStream({ handle: HANDLE, keep: true })).toEqual({ ok: true, value: { handle: HANDLE, keep: true } })
    expect(validateRequest.saveFileStream({ defaultFileName: 'OsseoPlan library 2026-11-30', kind: 'json' })).toEqual({ ok: true, value: { defaultFileName: 'OsseoPlan library 2026-11-30.json', kind: 'json' } })
    expect(validateRequest.appInfo(undefined)).toEqual({ ok: true, value: undefined })
  })
})
