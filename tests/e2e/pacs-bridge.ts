// A desktop-bridge stand-in for the browser tests whose image-server functions are backed by the
// app's real main-process code (payload validation, sender check, server store, DICOMweb client)
// running in the test process against a real Orthanc. The page's summary is printed to PDF by
// Chromium, as Electron's printToPDF would. Only the transport (Playwright's binding instead of
// Electron IPC) differs from the desktop app.
import type { Page } from '@playwright/test'
import { createPacsActions } from '../../src/main/pacs/pacs-actions'
import { createPacsHandlers } from '../../src/main/pacs/pacs-handlers'
import { createServerStore } from '../../src/main/pacs/server-store'
import type { InvokeEvent } from '../../src/main/ipc-handlers'
import { PACS_CHANNELS } from '../../src/shared/pacs-contract'

type Json = unknown

/** Bytes on their way to the page. 'base64' (the tests'): inside the JSON. 'served' (the PACS
 *  benchmark's, tests/perf/pacs-bench.ts): the JSON names a same-origin address, answered by the
 *  caller's web server with `takeParkedBytes`, and the page fetches the bytes as binary (18 MB as
 *  base64 took 35–45 s, and 7 s through Playwright's request routing: that would have measured
 *  this stand-in, not the app). */
export type BridgeBytes = 'base64' | 'served'

/** Bytes waiting to be fetched by the page, by address ('route' mode). */
const parked = new Map<string, Buffer>()
let parkedCount = 0
export const BRIDGE_BYTES_PATH = '/__bridge-bytes/'

/** The parked bytes at this address (once: they are forgotten as they are taken). */
export function takeParkedBytes(at: string): Buffer | undefined {
  const body = parked.get(at)
  parked.delete(at)
  return body
}

export function parkBytes(bytes: Uint8Array): string {
  const at = `${BRIDGE_BYTES_PATH}${++parkedCount}`
  parked.set(at, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  return at
}

function encode(value: unknown, mode: BridgeBytes = 'base64'): Json {
  if (value instanceof Uint8Array) return mode === 'served' ? { __at: parkBytes(value) } : { __b64: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return value.map((v) => encode(v, mode))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v, mode)]))
  return value
}
function decode(value: Json): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record['__b64'] === 'string') return new Uint8Array(Buffer.from(record['__b64'], 'base64'))
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]))
  }
  return value
}

export async function installPacsBridge(page: Page, origin: string, bytes: BridgeBytes = 'base64'): Promise<void> {
  const files = new Map<string, string>()
  let n = 0
  const store = createServerStore({
    file: '/image-servers.json',
    fs: {
      readFile: async (f) => files.get(f) ?? Promise.reject(new Error('ENOENT')),
      writeFile: async (f, data) => void files.set(f, data),
      rename: async (a, b) => {
        files.set(b, files.get(a)!)
        files.delete(a)
      }
    },
    // Reversible stand-in for the OS keychain (safeStorage); the real one is Electron's.
    box: { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s).reverse(), decryptString: (b) => Buffer.from(b).reverse().toString() },
    newId: () => `server-${++n}`
  })
  const handlers = createPacsHandlers(createPacsActions({ store, fetch }), [origin])
  await page.exposeBinding('__pacsInvoke', async ({ page: p }, channel: string, payload: string) => {
    const handler = handlers[channel]
    if (!handler) throw new Error(`no handler for ${channel}`)
    const sender = {
      send: (_channel: string, progress: unknown) => void p.evaluate((pr) => (window as unknown as { __pacsProgress?: (p: unknown) => void }).__pacsProgress?.(pr), progress).catch(() => undefined),
      printToPDF: (options: { pageSize: 'A4' | 'Letter'; printBackground: boolean; preferCSSPageSize: boolean }) =>
        p.pdf({ format: options.pageSize, printBackground: options.printBackground, preferCSSPageSize: options.preferCSSPageSize })
    }
    const event = { sender, senderFrame: { url: p.url(), parent: null } } as unknown as InvokeEvent
    return JSON.stringify(encode(await handler(event, payload === undefined ? undefined : decode(JSON.parse(payload))), bytes))
  })
  await page.addInitScript((channels: Record<string, string>) => {
    const enc = (v: unknown): unknown => {
      if (v instanceof Uint8Array) {
        let s = ''
        for (let i = 0; i < v.length; i += 0x8000) s += String.fromCharCode(...v.subarray(i, i + 0x8000))
        return { __b64: btoa(s) }
      }
      if (Array.isArray(v)) return v.map(enc)
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]))
      return v
    }
    const dec = async (v: unknown): Promise<unknown> => {
      if (Array.isArray(v)) return Promise.all(v.map(dec))
      if (v && typeof v === 'object') {
        const r = v as Record<string, unknown>
        if (typeof r['__b64'] === 'string') return Uint8Array.from(atob(r['__b64']), (c) => c.charCodeAt(0))
        if (typeof r['__at'] === 'string') return new Uint8Array(await (await fetch(r['__at'])).arrayBuffer())
        return Object.fromEntries(await Promise.all(Object.entries(r).map(async ([k, x]) => [k, await dec(x)])))
      }
      return v
    }
    const w = window as unknown as Record<string, unknown> & { __pacsInvoke: (c: string, p?: string) => Promise<string> }
    const call = (name: string) => async (payload?: unknown) => dec(JSON.parse(await w.__pacsInvoke(channels[name]!, payload === undefined ? undefined : JSON.stringify(enc(payload)))))
    const notHere = async () => ({ ok: false, reason: 'error', message: 'not part of this test' })
    w['osseoplan'] = {
      appInfo: async () => ({ version: 'test', platform: 'test', versions: { electron: '', chrome: '', node: '' } }),
      printPlan: notHere,
      exportPdf: notHere,
      saveTextFile: notHere,
      openTextFile: notHere,
      onMenuCommand: () => () => undefined,
      ...Object.fromEntries(Object.keys(channels).filter((k) => k !== 'pacsProgress').map((k) => [k, call(k)])),
      onPacsProgress: (listener: (p: unknown) => void) => {
        w['__pacsProgress'] = listener
        return () => (w['__pacsProgress'] = undefined)
      }
    }
  }, PACS_CHANNELS as unknown as Record<string, string>)
}
