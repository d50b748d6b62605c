// The image-server bridge calls end to end in the main process: a configured server (its secret
// in the store), a real Orthanc behind it, and a stand-in for the window that prints the summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPacsActions, type PacsSender } from '../../../../src/main/pacs/pacs-actions'
import { createServerStore } from '../../../../src/main/pacs/server-store'
import { PACS_CHANNELS } from '../../../../src/shared/pacs-contract'
import { startFaultProxy, type FaultProxy } from '../../../support/pacs/fault-proxy'
import { startOrthanc, type RunningOrthanc } from '../../../support/pacs/orthanc'
import { phantomRadiograph, phantomStudy, type PhantomStudy } from '../../../support/pacs/phantom'

let orthanc: RunningOrthanc
let proxy: FaultProxy
let study: PhantomStudy
let actions: ReturnType<typeof createPacsActions>
let serverId = ''
const files = new Map<string, { data: string; mode: number }>()
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n% OsseoPlan plan summary EX-TF-01\n%%EOF\n')

function sender(): PacsSender & { sent: unknown[] } {
  const sent: unknown[] = []
  return { sent, send: (channel, payload) => channel === PACS_CHANNELS.pacsProgress && sent.push(payload), printToPDF: async () => PDF }
}

beforeAll(async () => {
  orthanc = await startOrthanc({ users: { surgeon: 'pw' } })
  proxy = await startFaultProxy(orthanc.url)
  study = phantomStudy({ rows: 512, columns: 512, patientId: 'HOSP-77' })
  await orthanc.upload(phantomRadiograph(study))
  const store = createServerStore({
    file: '/servers.json',
    fs: {
      readFile: async (f) => files.get(f)?.data ?? Promise.reject(new Error('ENOENT')),
      writeFile: async (f, data, { mode }) => void files.set(f, { data, mode }),
      rename: async (a, b) => {
        files.set(b, files.get(a)!)
        files.delete(a)
      }
    },
    box: { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s).reverse(), decryptString: (b) => Buffer.from(b).reverse().toString() },
    newId: () => 'server-1'
  })
  actions = createPacsActions({ store, fetch, now: () => new Date('2026-11-29T10:00:00Z') })
  const saved = await actions.saveServer({ label: 'Test PACS', baseUrl: `${proxy.url}/dicom-web`, auth: 'basic', username: 'surgeon', secret: 'pw' })
  if (!saved.ok) throw new Error(saved.message)
  serverId = saved.server.id
}, 60_000)

afterAll(async () => {
  await proxy?.close()
  await orthanc?.stop()
})

// Real server and network: generous per-test time on a loaded machine.
describe('image-server actions', { timeout: 30_000 }, () => {
  it('tests the connection of a configured server, and names one that is not configured', async () => {
    expect(await actions.testServer({ serverId })).toEqual({ ok: true })
    expect(await actions.testServer({ serverId: 'server-9' })).toMatchObject({ ok: false, kind: 'not-configured' })
  })

  it('fetches an instance and reports progress to the window that asked', async () => {
    const win = sender()
    const result = await actions.fetchInstance(win, { serverId, studyUid: study.studyUid, seriesUid: study.seriesUid, sopInstanceUid: study.sopInstanceUid, transferId: 't-1' })
    expect(result.ok && result.bytes.length).toBeGreaterThan(512 * 512 * 2)
    expect(win.sent.at(-1)).toMatchObject({ transferId: 't-1', received: expect.any(Number) })
  })

  it('Cancel ends a transfer in flight', async () => {
    proxy.fault = { kind: 'slow', chunkBytes: 8 * 1024, delayMs: 40 }
    const win = sender()
    const pending = actions.fetchInstance(win, { serverId, studyUid: study.studyUid, seriesUid: study.seriesUid, sopInstanceUid: study.sopInstanceUid, transferId: 't-2' })
    await new Promise((r) => setTimeout(r, 300))
    await actions.cancel({ transferId: 't-2' })
    expect(await pending).toMatchObject({ ok: false, kind: 'cancelled' })
    proxy.fault = { kind: 'pass' }
  })

  it('files the plan into the study and records what was filed', async () => {
    const result = await actions.filePlan(sender(), {
      serverId,
      studyUid: study.studyUid,
      seriesDescription: 'OsseoPlan plan EX-TF-01 rev 2',
      documentTitle: 'OsseoPlan plan summary',
      pageSize: 'A4',
      capture: { rows: 4, columns: 4, rgb: new Uint8Array(48).fill(200), comments: 'AP radiograph with implant template' }
    })
    expect(result).toMatchObject({ ok: true, filed: { serverLabel: 'Test PACS', studyUid: study.studyUid, filedAt: '2026-11-29T10:00:00.000Z', seriesNumber: 9001 } })
    if (!result.ok) return
    expect(result.filed.instances.map((i) => i.kind)).toEqual(['summary-pdf', 'annotated-radiograph'])
    const series = (await (await orthanc.rest(`/studies/${(await (await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: study.studyUid, headers: orthanc.authHeader })).json() as [{ ID: string }])[0].ID}/series`)).json()) as { MainDicomTags: Record<string, string> }[]
    expect(series.map((s) => s.MainDicomTags['SeriesDescription'])).toContain('OsseoPlan plan EX-TF-01 rev 2')
  })

  it('a server failure while filing leaves a plain message and nothing filed', async () => {
    proxy.fault = { kind: 'status', status: 503 }
    const result = await actions.filePlan(sender(), { serverId, studyUid: study.studyUid, seriesDescription: 'X', documentTitle: 'Plan', pageSize: 'A4' })
    expect(result).toMatchObject({ ok: false, kind: 'server-error' })
    proxy.fault = { kind: 'pass' }
  })
})
