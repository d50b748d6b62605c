// The hospital's PACS from the app's screens: Settings → Image servers and "File to PACS…" on the
// plan summary, against a real Orthanc started by this test. The bridge stand-in (pacs-bridge.ts)
// runs the app's own main-process image-server code; see docs/security.md.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { phantomDicom } from '../../scripts/imaging/phantom'
import { startFaultProxy, type FaultProxy } from '../support/pacs/fault-proxy'
import { startOrthanc, type RunningOrthanc } from '../support/pacs/orthanc'
import { phantomRadiograph, phantomStudy, type PhantomStudy } from '../support/pacs/phantom'
import { expect, test } from './fixtures'
import { installPacsBridge } from './pacs-bridge'
import { seedPlan } from './plan-helpers'
import { implantProbe, seedMeasuredPlan } from './radiograph-helpers'
import { acknowledgeSiteDefaults } from './review-helpers'

const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
const PATIENT_CODE = (CASE['patient'] as Record<string, string>)['code'] ?? ''
const OUT = path.join(process.env['E2E_RESULTS'] ?? 'test-results', 'pacs')

let orthanc: RunningOrthanc
let proxy: FaultProxy
let study: PhantomStudy

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  orthanc = await startOrthanc({ users: { surgeon: 'theatre-7' } })
  study = phantomStudy({ patientId: 'HOSP-4242', accessionNumber: 'ACC-4242', patientName: 'Realname^Kept-in-PACS' })
  await orthanc.upload(phantomRadiograph(study))
  await orthanc.upload(phantomRadiograph(phantomStudy({ patientId: 'HOSP-9999', accessionNumber: 'ACC-9999' })))
  // The imaging tests' bone phantom, with a patient name and hospital number in the file.
  await orthanc.upload(phantomDicom({ identity: true }))
  proxy = await startFaultProxy(orthanc.url)
  mkdirSync(OUT, { recursive: true })
})

test.afterAll(async () => {
  await proxy?.close()
  await orthanc?.stop()
})

async function addServer(page: import('@playwright/test').Page, password: string, address = orthanc.dicomWebUrl) {
  await page.goto('/#/settings')
  const section = page.getByRole('region', { name: 'Image servers (PACS)' })
  await section.getByRole('button', { name: 'Add image server…' }).click()
  const form = section.getByRole('form', { name: 'Add an image server' })
  await form.getByLabel('Name').fill('Test PACS')
  await form.getByLabel('DICOMweb address').fill('http://pacs.example.org/dicom-web')
  await form.getByLabel('Sign-in').selectOption('basic')
  await form.getByLabel('User name').fill('surgeon')
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Add server' }).click()
  await expect(form.getByLabel('DICOMweb address')).toHaveAttribute('aria-invalid', 'true')
  await expect(form).toContainText('Only https addresses are accepted')
  await form.getByLabel('DICOMweb address').fill(address)
  await form.getByRole('button', { name: 'Add server' }).click()
  await expect(section.getByText('on this computer', { exact: true })).toBeVisible() // the server's tag; the form's hint and error also say it
  return section
}

test('Settings → Image servers: add a server on this computer, test the connection, and a wrong password gets a plain answer', async ({ page, baseURL }) => {
  await installPacsBridge(page, new URL(baseURL!).origin)
  const section = await addServer(page, 'wrong')
  await section.getByRole('button', { name: 'Test connection' }).click()
  await expect(section.getByRole('status')).toContainText('refused the sign-in')
  await section.getByRole('button', { name: 'Edit' }).click()
  const form = section.getByRole('form', { name: 'Edit Test PACS' })
  await expect(form.getByLabel('Password')).toHaveValue('')
  await expect(form.getByLabel('Password')).toHaveAttribute('placeholder', 'unchanged')
  await form.getByLabel('Password').fill('theatre-7')
  await form.getByRole('button', { name: 'Save server' }).click()
  await section.getByRole('button', { name: 'Test connection' }).click()
  await expect(section.getByRole('status')).toContainText('Connected')
  await page.screenshot({ path: path.join(OUT, 'settings-image-servers.png'), fullPage: true })
})

test('File to PACS: the plan summary goes into a new series of the patient’s study, and the plan records it', async ({ page, baseURL }) => {
  await installPacsBridge(page, new URL(baseURL!).origin)
  await addServer(page, 'theatre-7')
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}/summary`)
  await expect(page.getByTestId('plan-summary')).toContainText(PATIENT_CODE)
  await page.getByRole('button', { name: 'File to PACS…' }).click()
  const panel = page.getByRole('region', { name: 'File this plan to the PACS' })
  await panel.getByRole('button', { name: 'Search' }).click()
  await expect(panel.getByRole('status').first()).toContainText('Enter the hospital patient ID')
  await panel.getByLabel('Hospital patient ID').fill('HOSP-4242')
  await panel.getByRole('button', { name: 'Search' }).click()
  const results = panel.getByRole('table', { name: 'Studies found' })
  await expect(results.getByRole('row')).toHaveCount(2)
  await expect(results).toContainText('ACC-4242')
  await expect(panel).not.toContainText('Realname')
  await results.getByRole('button', { name: /^Choose/ }).click()
  await panel.getByRole('button', { name: 'File now' }).click()
  await expect(panel.getByRole('status').last()).toContainText('Filed to Test PACS', { timeout: 20_000 })

  // Read it back from Orthanc: a new series in the same study, an Encapsulated PDF of this summary.
  const [{ ID: studyId }] = (await (await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: study.studyUid, headers: orthanc.authHeader })).json()) as [{ ID: string }]
  const series = (await (await orthanc.rest(`/studies/${studyId}/series`)).json()) as { ID: string; MainDicomTags: Record<string, string>; Instances: string[] }[]
  const filed = series.find((s) => s.MainDicomTags['SeriesDescription']?.startsWith(`OsseoPlan plan ${PATIENT_CODE}`))
  expect(filed, 'the filed series is in the study').toBeTruthy()
  const instanceId = filed!.Instances[0]!
  const tags = (await (await orthanc.rest(`/instances/${instanceId}/simplified-tags`)).json()) as Record<string, string>
  expect(tags).toMatchObject({ Modality: 'DOC', PatientID: 'HOSP-4242', PatientName: 'Realname^Kept-in-PACS', StudyInstanceUID: study.studyUid, MIMETypeOfEncapsulatedDocument: 'application/pdf' })
  const pdf = Buffer.from(await (await orthanc.rest(`/instances/${instanceId}/content/0042-0011`)).arrayBuffer())
  const pdfFile = path.join(OUT, 'filed-summary.pdf')
  writeFileSync(pdfFile, pdf)
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
  expect(text).toContain('Osseointegration plan summary')
  expect(text).toContain(PATIENT_CODE)
  expect(text).not.toContain('File to PACS')

  // The plan's audit trail records where, when and which UIDs — and no patient name.
  const audit = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('osseoplan')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const rows = await new Promise<{ action: string; newValue: string }[]>((resolve) => {
      const all = db.transaction('audit').objectStore('audit').getAll()
      all.onsuccess = () => resolve((all.result as { planId: string; action: string; newValue: string }[]).filter((r) => r.planId === id))
    })
    db.close()
    return rows.filter((r) => r.action === 'filed-to-pacs').map((r) => JSON.parse(r.newValue) as Record<string, unknown>)
  }, planId)
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ serverLabel: 'Test PACS', studyUid: study.studyUid, seriesUid: tags['SeriesInstanceUID'] })
  expect(JSON.stringify(audit)).not.toContain('Realname')
})

test('From PACS: find the study, fetch the radiograph with progress into the plan (names not kept), and Cancel a slow transfer', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await installPacsBridge(page, new URL(baseURL!).origin)
  await addServer(page, 'theatre-7', `${proxy.url}/dicom-web`)
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}`)
  await page.reload()
  await page.getByTestId('imaging-toggle').click()
  await page.getByRole('button', { name: 'From PACS…' }).click()
  const panel = page.getByRole('region', { name: 'Fetch a radiograph from the PACS' })
  await panel.getByLabel('Hospital patient ID').fill('MRN-0042')
  await panel.getByRole('button', { name: 'Search' }).click()
  await panel.getByRole('table', { name: 'Studies found' }).getByRole('button', { name: /^Open/ }).click()
  const series = panel.getByRole('list', { name: 'Series of the study' })
  await expect(series.getByRole('img')).toHaveCount(1) // the server's rendered preview

  // A slow server: the bar moves, and Cancel stops the transfer with nothing opened. The server
  // holds the rest of the image after 128 kB, so the transfer is still running when Cancel is
  // clicked however loaded the machine (a plain slow server once finished first under load).
  proxy.fault = { kind: 'slow', chunkBytes: 32 * 1024, delayMs: 300, holdAfterBytes: 128 * 1024 }
  await series.getByRole('button', { name: /^Fetch image/ }).click()
  await expect(panel.locator('progress')).toBeVisible()
  await expect.poll(async () => Number(await panel.locator('progress').getAttribute('value'))).toBeGreaterThan(0)
  await panel.getByRole('button', { name: 'Cancel' }).click()
  // Up to 15 s: at a load of 8–10 on two cores the status once took longer than the default 5 s.
  // A transfer that was not cancelled ends "Opened", never with this status, whatever the wait.
  await expect(panel.getByRole('status')).toContainText('Cancelled. Nothing was saved.', { timeout: 15_000 })
  await expect(page.getByTestId('image-workspace')).toHaveCount(0)

  proxy.fault = { kind: 'pass' }
  await series.getByRole('button', { name: /^Fetch image/ }).click()
  await expect(panel.getByRole('status')).toContainText('Opened', { timeout: 30_000 })
  await expect(page.getByTestId('image-workspace')).toBeVisible({ timeout: 30_000 })
  const workspace = page.getByTestId('image-workspace')
  await expect(workspace).toContainText("Dropped on import: Patient's Name, Patient ID")
  await expect(workspace).not.toContainText('Doe')
  await expect(workspace).not.toContainText('MRN-0042')
  // What is stored with the plan: the image linked by its UIDs, without the patient's identity.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('osseoplan')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const rows = await new Promise<unknown[]>((resolve) => {
      const all = db.transaction('images').objectStore('images').getAll()
      all.onsuccess = () => resolve(all.result as unknown[])
    })
    db.close()
    return JSON.stringify(rows, (key, value: unknown) => (value instanceof ArrayBuffer || ArrayBuffer.isView(value) || key === 'pixels' ? '[pixels]' : value))
  })
  expect(stored).toContain('1.2.826.0.1.3680043.9.7777.1.1')
  // The image remembers the server and study it came from (UIDs only): approval offers filing there.
  expect(stored).toContain('"pacsSource":{"serverId":"server-1","studyUid":"1.2.826.0.1.3680043.9.7777.2"}')
  expect(stored).not.toContain('Doe')
  expect(stored).not.toContain('MRN-0042')
  await page.screenshot({ path: path.join(OUT, 'fetched-from-pacs.png') })
})

test('On approval: a plan whose radiograph came from the PACS is offered “File to PACS”; the user files the summary and the annotated radiograph into that study', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await installPacsBridge(page, new URL(baseURL!).origin)
  await addServer(page, 'theatre-7')
  const { planId, caseFile } = await seedMeasuredPlan(page, { pacsSource: { serverId: 'server-1', studyUid: study.studyUid } })
  const [{ ID: studyId }] = (await (await fetch(`${orthanc.url}/tools/lookup`, { method: 'POST', body: study.studyUid, headers: orthanc.authHeader })).json()) as [{ ID: string }]
  const seriesIds = async () => ((await (await orthanc.rest(`/studies/${studyId}/series`)).json()) as { ID: string }[]).map((s) => s.ID)
  const before = await seriesIds()

  await page.goto(`/#/plans/${planId}`)
  await page.reload()
  const bar = page.getByRole('region', { name: 'Review and approval' })
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await acknowledgeSiteDefaults(bar)
  await bar.getByRole('button', { name: 'Approve' }).click()
  const offer = bar.getByRole('group', { name: 'File the approved plan to the PACS' })
  await expect(offer).toContainText('came from a study on Test PACS')
  // Offered, not done: nothing reaches the PACS until the user chooses.
  expect(await seriesIds()).toEqual(before)
  await offer.getByRole('button', { name: 'File to PACS…' }).click()

  await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/summary/[A-Za-z0-9_-]+$`))
  await expect(page.getByTestId('summary-radiograph')).toContainText('Annotated radiograph AP-1')
  const panel = page.getByRole('region', { name: 'File this plan to the PACS' })
  await expect(panel.getByTestId('pacs-file-confirm')).toContainText('and its annotated radiograph as images into the study the plan’s radiographs came from')
  await expect(panel.getByTestId('pacs-file-confirm')).toContainText(study.studyUid)
  expect(await seriesIds()).toEqual(before)
  await panel.getByRole('button', { name: 'File now' }).click()
  await expect(panel.getByRole('status').last()).toContainText('with 2 documents', { timeout: 30_000 })

  // Read back from Orthanc: one new series in the patient's study, the PDF and the Secondary Capture.
  const added = (await seriesIds()).filter((id) => !before.includes(id))
  expect(added).toHaveLength(1)
  const instances = (await (await orthanc.rest(`/series/${added[0]}/instances`)).json()) as { ID: string }[]
  const tagsOf = async (id: string) => (await (await orthanc.rest(`/instances/${id}/simplified-tags`)).json()) as Record<string, string>
  const all = await Promise.all(instances.map((i) => tagsOf(i.ID)))
  const pdf = all.find((t) => t['Modality'] === 'DOC')
  const capture = all.find((t) => t['SOPClassUID'] === '1.2.840.10008.5.1.4.1.1.7')
  expect(pdf?.['SeriesDescription']).toMatch(/^OsseoPlan plan /)
  const copied = { PatientID: 'HOSP-4242', PatientName: 'Realname^Kept-in-PACS', AccessionNumber: 'ACC-4242', StudyInstanceUID: study.studyUid, SeriesInstanceUID: pdf?.['SeriesInstanceUID'] }
  expect(capture).toMatchObject({ ...copied, Modality: 'OT', PhotometricInterpretation: 'RGB', Rows: '1400', Columns: '520', PixelSpacingCalibrationType: 'FIDUCIAL', PixelSpacingCalibrationDescription: 'marker 25 mm (magnification 1.15)' })
  expect(capture?.['ImageComments']).toContain('calibration: marker 25 mm')
  // True size: the phantom's 0.3 mm detector pixels at magnification 1.15.
  const [rowMm, colMm] = capture!['PixelSpacing']!.split('\\').map(Number)
  expect(rowMm).toBeCloseTo(0.3 / 1.15, 3)
  expect(colMm).toBeCloseTo(0.3 / 1.15, 3)
  const id = instances[all.indexOf(capture!)]!.ID
  // The pixels carry the plan where the shared geometry puts it: inside the implant outline the
  // radiograph is tinted red; the same spot mirrored outside the bone is not.
  const frame = new Uint8Array(await (await orthanc.rest(`/instances/${id}/frames/0/raw`)).arrayBuffer())
  const { inside, outside } = implantProbe(caseFile)
  const rgbAt = (p: { x: number; y: number }) => [0, 1, 2].map((c) => frame[(Math.round(p.y) * 520 + Math.round(p.x)) * 3 + c]!)
  const [r, g] = rgbAt(inside)
  expect(r! - g!, `red tint at ${JSON.stringify(inside)}: ${rgbAt(inside)}`).toBeGreaterThan(20)
  const [r2, g2] = rgbAt(outside)
  expect(Math.abs(r2! - g2!), `no tint at ${JSON.stringify(outside)}: ${rgbAt(outside)}`).toBeLessThan(8)
  writeFileSync(path.join(OUT, 'filed-radiograph.png'), Buffer.from(await (await orthanc.rest(`/instances/${id}/preview`)).arrayBuffer()))
})
