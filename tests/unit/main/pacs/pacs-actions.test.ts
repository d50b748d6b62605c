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

  it('files the plan into the study: the summary PDF and the annotated radiograph in one new series, read back from the PACS', async () => {
    // A 3 × 4 RGB image whose pixels say where they are (red = column, green = row).
    const rgb = new Uint8Array(3 * 4 * 3).map((_, i) => (i % 3 === 0 ? Math.floor(i / 3) % 4 : i % 3 === 1 ? Math.floor(i / 12) : 200) * 20)
    const result = await actions.filePlan(sender(), {
      serverId,
      studyUid: study.studyUid,
      seriesDescription: 'OsseoPlan plan EX-TF-01 rev 2',
      documentTitle: 'OsseoPlan plan summary',
      pageSize: 'A4',
      captures: [{ rows: 3, columns: 4, rgb, comments: 'Radiograph AP-1 with the planned implant at true size; calibration: marker 25 mm', pixelSpacingMm: [0.26086956521739130, 0.2608695652], calibration: 'marker 25 mm (magnification 1.15)' }]
    })
    expect(result).toMatchObject({ ok: true, filed: { serverLabel: 'Test PACS', studyUid: study.studyUid, filedAt: '2026-11-29T10:00:00.000Z', seriesNumber: 9001 } })
    if (!result.ok) return
    expect(result.filed.instances.map((i) => i.kind)).toEqual(['summary-pdf', 'annotated-radiograph'])
    const studyId = ((await (await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: study.studyUid, headers: orthanc.authHeader })).json()) as [{ ID: string }])[0].ID
    const series = (await (await orthanc.rest(`/studies/${studyId}/series`)).json()) as { ID: string; MainDicomTags: Record<string, string>; Instances: string[] }[]
    const filed = series.filter((s) => s.MainDicomTags['SeriesDescription'] === 'OsseoPlan plan EX-TF-01 rev 2')
    expect(filed).toHaveLength(1)
    expect(filed[0]!.Instances).toHaveLength(2)
    const sop = result.filed.instances.find((i) => i.kind === 'annotated-radiograph')!.sopInstanceUid
    const instanceId = ((await (await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: sop, headers: orthanc.authHeader })).json()) as [{ ID: string }])[0].ID
    const tags = (await (await orthanc.rest(`/instances/${instanceId}/simplified-tags`)).json()) as Record<string, string>
    // Patient and study attributes copied from the study as the PACS holds it; the same new series as the PDF.
    expect(tags).toMatchObject({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
      SOPInstanceUID: sop,
      Modality: 'OT',
      PatientID: 'HOSP-77',
      PatientName: study.patientName,
      StudyInstanceUID: study.studyUid,
      AccessionNumber: study.accessionNumber,
      SeriesInstanceUID: result.filed.seriesUid,
      InstanceNumber: '2',
      Rows: '3',
      Columns: '4',
      PhotometricInterpretation: 'RGB',
      SamplesPerPixel: '3',
      PixelSpacing: '0.2608695652\\0.2608695652',
      PixelSpacingCalibrationType: 'FIDUCIAL',
      PixelSpacingCalibrationDescription: 'marker 25 mm (magnification 1.15)',
      ImageComments: 'Radiograph AP-1 with the planned implant at true size; calibration: marker 25 mm'
    })
    const pixels = new Uint8Array(await (await orthanc.rest(`/instances/${instanceId}/frames/0/raw`)).arrayBuffer())
    expect([...pixels.subarray(0, rgb.length)]).toEqual([...rgb])
  })

  it('a server failure while filing leaves a plain message and nothing filed', async () => {
    proxy.fault = { kind: 'status', status: 503 }
    const result = await actions.filePlan(sender(), { serverId, studyUid: study.studyUid, seriesDescription: 'X', documentTitle: 'Plan', pageSize: 'A4' })
    expect(result).toMatchObject({ ok: false, kind: 'server-error' })
    proxy.fault = { kind: 'pass' }
  })
})
