// The main process's DICOMweb client against a real Orthanc PACS (started by the test on a free
// loopback port): search, fetch, cancel, store back and read back. No mock of the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDicomWebClient, type DicomWebClient } from '../../../../src/main/pacs/dicomweb-client'
import { dicomClock, encapsulatedPdf, secondaryCapture, studyAttributesFrom, ENCAPSULATED_PDF_STORAGE, SECONDARY_CAPTURE_STORAGE } from '../../../../src/main/pacs/plan-documents'
import { newUid } from '../../../../src/main/pacs/uids'
import { startOrthanc, type RunningOrthanc } from '../../../support/pacs/orthanc'
import { phantomRadiograph, phantomStudy, type PhantomStudy } from '../../../support/pacs/phantom'

let orthanc: RunningOrthanc
let client: DicomWebClient
const studies: PhantomStudy[] = []
const files = new Map<string, Uint8Array>()

beforeAll(async () => {
  orthanc = await startOrthanc()
  client = createDicomWebClient(fetch, { baseUrl: orthanc.dicomWebUrl })
  const specs: Partial<PhantomStudy>[] = [
    { patientId: 'HOSP-0001', accessionNumber: 'ACC-100', studyDate: '20260901', modality: 'DX' },
    { patientId: 'HOSP-0001', accessionNumber: 'ACC-101', studyDate: '20251115', modality: 'CR' },
    { patientId: 'HOSP-0002', accessionNumber: 'ACC-200', studyDate: '20260910', modality: 'CT', rows: 32, columns: 32 }
  ]
  for (const spec of specs) {
    const study = phantomStudy(spec)
    const file = phantomRadiograph(study)
    await orthanc.upload(file)
    studies.push(study)
    files.set(study.sopInstanceUid, file)
  }
}, 60_000)

afterAll(async () => {
  await orthanc?.stop()
})

// Real server and network: generous per-test time on a loaded machine.
describe('DICOMweb client against Orthanc', { timeout: 30_000 }, () => {
  it('tests the connection', async () => {
    expect(await client.testConnection()).toEqual({ ok: true })
  })

  it('finds studies by patient ID, by accession number, by date range and by modality', async () => {
    const byPatient = await client.searchStudies({ patientId: 'HOSP-0001' })
    expect(byPatient.ok && byPatient.studies.map((s) => s.accessionNumber).sort()).toEqual(['ACC-100', 'ACC-101'])
    const byAccession = await client.searchStudies({ accessionNumber: 'ACC-200' })
    expect(byAccession.ok && byAccession.studies.map((s) => s.studyUid)).toEqual([studies[2]!.studyUid])
    const byDate = await client.searchStudies({ patientId: 'HOSP-0001', from: '2026-01-01', to: '2026-12-31' })
    expect(byDate.ok && byDate.studies.map((s) => s.studyDate)).toEqual(['2026-09-01'])
    const byModality = await client.searchStudies({ modalities: ['CT'] })
    expect(byModality.ok && byModality.studies.map((s) => s.patientId)).toEqual(['HOSP-0002'])
  })

  it('never passes on the patient name in search results', async () => {
    const result = await client.searchStudies({ patientId: 'HOSP-0001' })
    expect(JSON.stringify(result)).not.toContain('Testpatient')
  })

  it('lists series and instances, and fetches the instance byte for byte', async () => {
    const study = studies[0]!
    const series = await client.searchSeries(study.studyUid)
    expect(series.ok && series.series.map((s) => [s.seriesUid, s.modality])).toEqual([[study.seriesUid, 'DX']])
    const instances = await client.searchInstances(study.studyUid, study.seriesUid)
    expect(instances.ok && instances.instances.map((i) => i.sopInstanceUid)).toEqual([study.sopInstanceUid])
    const progress: number[] = []
    const fetched = await client.retrieveInstance(study.studyUid, study.seriesUid, study.sopInstanceUid, { onProgress: (n) => progress.push(n) })
    expect(fetched.ok).toBe(true)
    if (!fetched.ok) return
    expect(Buffer.from(fetched.bytes).equals(Buffer.from(files.get(study.sopInstanceUid)!))).toBe(true)
    expect(progress.length).toBeGreaterThan(0)
  })

  it('gives a JPEG preview where the server renders one', async () => {
    const study = studies[0]!
    const thumb = await client.thumbnail(study.studyUid, study.seriesUid, study.sopInstanceUid)
    expect(thumb.ok && thumb.jpeg && [thumb.jpeg[0], thumb.jpeg[1]]).toEqual([0xff, 0xd8])
  })

  it('reports a study that does not exist as not found', async () => {
    const result = await client.retrieveInstance(newUid(), newUid(), newUid())
    expect(result).toMatchObject({ ok: false, kind: 'not-found' })
  })

  it('files the plan back: an Encapsulated PDF and a Secondary Capture in a new series of the same study', async () => {
    const study = studies[0]!
    const attrs = await client.studyAttributes(study.studyUid)
    expect(attrs).toMatchObject({ ok: true })
    if (!attrs.ok) return
    const copied = studyAttributesFrom(attrs.dataset, study.studyUid)
    expect(typeof copied).not.toBe('string')
    if (typeof copied === 'string') return
    const series = { seriesUid: newUid(), seriesNumber: 900, seriesDescription: 'OsseoPlan plan TF-01 revision 2' }
    const clock = dicomClock(new Date(2026, 10, 29, 14, 5, 0))
    const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% OsseoPlan summary TF-01\n%%EOF\n')
    const pdf = encapsulatedPdf({ study: copied, series, pdf: pdfBytes, documentTitle: 'OsseoPlan plan summary', clock })
    const rgb = new Uint8Array(20 * 10 * 3).map((_, i) => i % 251)
    const sc = secondaryCapture({ study: copied, series, rgb, rows: 20, columns: 10, clock, imageComments: 'AP radiograph with implant template' })
    const stored = await client.store(study.studyUid, [pdf.bytes, sc.bytes])
    expect(stored).toEqual({ ok: true, stored: expect.arrayContaining([pdf.sopInstanceUid, sc.sopInstanceUid]) })

    const lookup = await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: pdf.sopInstanceUid })
    const [{ ID: pdfId }] = (await lookup.json()) as [{ ID: string }]
    const tags = (await (await orthanc.rest(`/instances/${pdfId}/simplified-tags`)).json()) as Record<string, string>
    expect(tags).toMatchObject({
      SOPClassUID: ENCAPSULATED_PDF_STORAGE,
      StudyInstanceUID: study.studyUid,
      SeriesInstanceUID: series.seriesUid,
      SeriesDescription: series.seriesDescription,
      PatientID: 'HOSP-0001',
      PatientName: 'Testpatient^Anna',
      AccessionNumber: 'ACC-100',
      Modality: 'DOC',
      MIMETypeOfEncapsulatedDocument: 'application/pdf'
    })
    const content = new Uint8Array(await (await orthanc.rest(`/instances/${pdfId}/content/0042-0011`)).arrayBuffer())
    // DICOM pads odd-length values to an even length; the PDF is the summary up to that pad byte.
    expect(Buffer.from(content.subarray(0, pdfBytes.length)).equals(Buffer.from(pdfBytes))).toBe(true)

    const scLookup = await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: sc.sopInstanceUid })
    const [{ ID: scId }] = (await scLookup.json()) as [{ ID: string }]
    const scTags = (await (await orthanc.rest(`/instances/${scId}/simplified-tags`)).json()) as Record<string, string>
    expect(scTags).toMatchObject({ SOPClassUID: SECONDARY_CAPTURE_STORAGE, Rows: '20', Columns: '10', PhotometricInterpretation: 'RGB', PatientID: 'HOSP-0001' })
    const pixels = new Uint8Array(await (await orthanc.rest(`/instances/${scId}/frames/0/raw`)).arrayBuffer())
    expect(Buffer.from(pixels).equals(Buffer.from(rgb))).toBe(true)

    const seriesNow = await client.searchSeries(study.studyUid)
    expect(seriesNow.ok && seriesNow.series.map((s) => s.seriesUid)).toContain(series.seriesUid)
  })
})
