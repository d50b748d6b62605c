import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type OsseoplanApi } from '../../../src/shared/ipc'

// The preload runs with Electron's renderer modules mocked: what it exposes is read back.
const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (..._args: unknown[]) => 'ok')
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel)
  }
}))

let api: OsseoplanApi
beforeAll(async () => {
  await import('../../../src/preload/index')
  api = exposed['osseoplan'] as OsseoplanApi
})

describe('preload bridge', () => {
  it('exposes exactly the named functions of the contract, and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['osseoplan'])
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'closeFileStream',
      'exportPdf',
      'onMenuCommand',
      'onPacsProgress',
      'openFileStream',
      'openTextFile',
      'pacsCancel',
      'pacsFetchInstance',
      'pacsFilePlan',
      'pacsListInstances',
      'pacsListSeries',
      'pacsListServers',
      'pacsRemoveServer',
      'pacsSaveServer',
      'pacsSearchStudies',
      'pacsTestServer',
      'pacsThumbnail',
      'printPlan',
      'readFileChunk',
      'saveFileStream',
      'saveTextFile',
      'writeFileChunk'
    ])
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)
  })
  it('sends each call on its own channel with the request unchanged', async () => {
    await api.appInfo()
    await api.printPlan({ pageSize: 'A4' })
    await api.exportPdf({ defaultFileName: 'P-1', pageSize: 'Letter' })
    await api.saveTextFile({ defaultFileName: 'b', content: '{}', kind: 'json' })
    await api.openTextFile({ kind: 'json' })
    await api.openFileStream({ kind: 'json' })
    await api.readFileChunk({ handle: 'h' })
    await api.saveFileStream({ defaultFileName: 'b', kind: 'json' })
    await api.writeFileChunk({ handle: 'h', text: '{' })
    await api.closeFileStream({ handle: 'h', keep: true })
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.appInfo],
      [CHANNELS.printPlan, { pageSize: 'A4' }],
      [CHANNELS.exportPdf, { defaultFileName: 'P-1', pageSize: 'Letter' }],
      [CHANNELS.saveTextFile, { defaultFileName: 'b', content: '{}', kind: 'json' }],
      [CHANNELS.openTextFile, { kind: 'json' }],
      [CHANNELS.openFileStream, { kind: 'json' }],
      [CHANNELS.readFileChunk, { handle: 'h' }],
      [CHANNELS.saveFileStream, { defaultFileName: 'b', kind: 'json' }],
      [CHANNELS.writeFileChunk, { handle: 'h', text: '{' }],
      [CHANNELS.closeFileStream, { handle: 'h', keep: true }]
    ])
  })
  it('passes on only known menu commands, and unsubscribes', () => {
    const received: string[] = []
    const off = api.onMenuCommand((c) => received.push(c))
    const deliver = listeners.get(CHANNELS.menuCommand)!
    deliver({}, 'print')
    deliver({}, 'rm -rf /')
    deliver({}, { toString: () => 'print' })
    deliver({}, 'new-plan')
    expect(received).toEqual(['print', 'new-plan'])
    off()
    expect(listeners.has(CHANNELS.menuCommand)).toBe(false)
  })
})
