// Security in the running renderer (issue #8): a whole session never requests anything outside
// the app's origin; script and HTML in an imported case stay inert text in the library, the
// editor, the summary and its PDF; hostile files are refused with a message and the library is
// unchanged. The hostile files come from tests/fixtures/hostile (see its manifest.json).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect as rawExpect, test as rawTest, type Page } from '@playwright/test'
import { enterCase, fid, loadCase } from './editor-helpers'
import { expect, test } from './fixtures'
import { pdfPages } from '../support/pdf-pages'

const OUT = path.join(process.env['E2E_RESULTS'] ?? 'test-results', 'security')
const HOSTILE = 'tests/fixtures/hostile'
const XSS_CASE = JSON.parse(readFileSync(`${HOSTILE}/case/xss-text-fields.json`, 'utf8')) as {
  patient: { code: string }
  bone: { landmark: string }
  notes: string
  prosthesis: { components: Array<{ name: string }> }
}

const rows = (page: Page) => page.locator('tbody tr')

/** Every request and websocket the page opens, to be checked against the app's origin. */
function recordRequests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  page.on('websocket', (socket) => urls.push(socket.url()))
  return urls
}

function outsideOrigin(urls: string[], origin: string): string[] {
  return urls.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))
}

rawTest('a full session — first run, library, new plan, complete case, summary and PDF, settings, backup and restore — requests nothing outside the app', async ({ page }) => {
  rawTest.setTimeout(90_000)
  const urls = recordRequests(page)
  await page.goto('/')
  const origin = new URL(page.url()).origin
  // First run: the acknowledgement.
  await page.getByLabel(/Your name/).fill('Dr Offline')
  await page.getByRole('button', { name: 'I understand and acknowledge' }).click()
  await rawExpect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()

  // A new plan, filled field by field with a complete case.
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('heading', { name: /Plan editor/ }).waitFor()
  await enterCase(page, loadCase('transfemoral'))
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await rawExpect(page.getByTestId('save-state')).toHaveText('All changes saved')

  // The printed summary, to PDF.
  await page.getByRole('button', { name: 'Print summary' }).click()
  await rawExpect(page.getByTestId('plan-summary')).toContainText('EX-TF-01')
  mkdirSync(OUT, { recursive: true })
  writeFileSync(path.join(OUT, 'session.pdf'), await page.pdf({ format: 'A4' }))

  // Settings, then the library: back up, and restore the backup (nothing new: same plans).
  await page.goto('/#/settings')
  await rawExpect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible()
  await page.goto('/#/plans')
  await rawExpect(rows(page)).toHaveCount(1)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up library' }).click()
  const backup = readFileSync(await (await download).path(), 'utf8')
  await page.getByLabel('Library backup to restore').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) })
  await rawExpect(page.getByRole('status')).toContainText('Restored 0 plans')
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transtibial.json')
  await rawExpect(rows(page)).toHaveCount(2)

  expect(urls.length).toBeGreaterThan(5)
  expect(outsideOrigin(urls, origin)).toEqual([])
  console.log(`no network: ${urls.length} requests in a full session, ${outsideOrigin(urls, origin).length} outside ${origin}`)
})

test('script and HTML in an imported case stay inert text in the library, the editor, the summary and its PDF', async ({ page }) => {
  const urls = recordRequests(page)
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles(`${HOSTILE}/case/xss-text-fields.json`)
  await expect(page.getByRole('status')).toContainText('Imported')
  const code = XSS_CASE.patient.code
  // Library: the code is the link's text, not markup.
  await expect(rows(page).first().getByRole('link')).toHaveText(code)

  // Editor: each text field holds the literal text.
  await rows(page).first().getByRole('button', { name: 'Open' }).click()
  await expect(page.locator(fid('patient.code'))).toHaveValue(code)
  await expect(page.locator(fid('bone.landmark'))).toHaveValue(XSS_CASE.bone.landmark)
  await expect(page.locator(fid('notes'))).toHaveValue(XSS_CASE.notes)
  await expect(page.locator(fid('prosthesis.components[2].name'))).toHaveValue(XSS_CASE.prosthesis.components[2]!.name)
  await expect(page.getByRole('heading', { name: /Plan editor/ })).toContainText(code)

  // Summary and PDF.
  await page.getByRole('button', { name: 'Print summary' }).click()
  const sheet = page.getByTestId('plan-summary')
  await expect(sheet).toContainText(code)
  await expect(sheet).toContainText(XSS_CASE.bone.landmark)
  mkdirSync(OUT, { recursive: true })
  const file = path.join(OUT, 'xss-summary.pdf')
  writeFileSync(file, await page.pdf({ format: 'A4' }))
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(OUT, 'xss-summary')])
  const text = pdfPages(file).join(' ')
  expect(text).toContain(code)
  expect(text).toContain('<script>window.__xss=2</script>')

  // No payload ran, no element was injected, nothing was fetched for the <img>.
  const ran = await page.evaluate(() => (window as unknown as Record<string, unknown>)['__xss'])
  expect(ran).toBeUndefined()
  expect(await page.locator('img[onerror], svg[onload], b[onmouseover], a[href^="javascript:"]').count()).toBe(0)
  const origin = new URL(page.url()).origin
  expect(outsideOrigin(urls, origin)).toEqual([])
  expect(urls.filter((u) => u.endsWith('/x'))).toEqual([])
})

/** Representative hostile files (the unit tests run the whole corpus). */
const REFUSED: Array<{ label: string; control: 'Case file to import' | 'Library backup to restore'; name: string; content: () => string; message: RegExp }> = [
  { label: 'truncated case', control: 'Case file to import', name: 'truncated.json', content: () => readFileSync(`${HOSTILE}/case/truncated.json`, 'utf8'), message: /not valid JSON/ },
  { label: '__proto__ in a case', control: 'Case file to import', name: 'proto.json', content: () => readFileSync(`${HOSTILE}/case/proto-top.json`, 'utf8'), message: /__proto__/ },
  {
    label: 'decimal comma',
    control: 'Case file to import',
    name: 'comma.json',
    content: () => JSON.stringify({ ...loadCase('transfemoral'), bone: { ...loadCase('transfemoral').bone, residualLength: '253,5' } }),
    message: /use a decimal point/
  },
  {
    label: '12 kg for a length',
    control: 'Case file to import',
    name: 'units.json',
    content: () => JSON.stringify({ ...loadCase('transfemoral'), softTissue: { distalThickness: '12 kg', method: 'ultrasound' } }),
    message: /is a mass; expected a length/
  },
  {
    label: 'right-to-left override in the patient code',
    control: 'Case file to import',
    name: 'rlo.json',
    content: () => JSON.stringify({ ...loadCase('transfemoral'), patient: { ...loadCase('transfemoral').patient, code: 'EX-TF-\u202e10' } }),
    message: /invisible or direction-changing character \(U\+202E\)/
  },
  {
    label: 'Cyrillic look-alike patient code',
    control: 'Case file to import',
    name: 'homoglyph.json',
    content: () => JSON.stringify({ ...loadCase('transfemoral'), patient: { ...loadCase('transfemoral').patient, code: '\u0415\u0425-\u0422F-01' } }),
    message: /different alphabets/
  },
  { label: '3 MB case file', control: 'Case file to import', name: 'huge.json', content: () => JSON.stringify({ ...loadCase('transfemoral'), notes: 'x'.repeat(3 * 1024 * 1024) }), message: /too large/ },
  { label: '__proto__ in a backup', control: 'Library backup to restore', name: 'proto-backup.json', content: () => readFileSync(`${HOSTILE}/backup/proto-in-plan.json`, 'utf8'), message: /forbidden key/ },
  { label: 'newer backup', control: 'Library backup to restore', name: 'newer.json', content: () => readFileSync(`${HOSTILE}/backup/newer-version.json`, 'utf8'), message: /newer OsseoPlan/ },
  { label: 'approved but incomplete', control: 'Library backup to restore', name: 'incomplete.json', content: () => readFileSync(`${HOSTILE}/backup/approved-incomplete.json`, 'utf8'), message: /incomplete/ }
]

test(`hostile files (${REFUSED.length}) are refused with a message naming the problem, and the library is unchanged`, async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/thumb.json')
  await expect(rows(page)).toHaveCount(2)
  const before = await rows(page).allInnerTexts()
  for (const item of REFUSED) {
    await page.getByLabel(item.control).setInputFiles({ name: item.name, mimeType: 'application/json', buffer: Buffer.from(item.content()) })
    const alert = page.getByRole('alert')
    await expect(alert, item.label).toContainText(`“${item.name}” was not imported, and the library is unchanged`)
    await expect(alert, item.label).toContainText(item.message)
    await expect(alert, item.label).not.toContainText(/\bat \S+:\d+|TypeError|undefined/)
    await expect(rows(page)).toHaveCount(2)
    expect(await rows(page).allInnerTexts(), item.label).toEqual(before)
  }
  await page.reload()
  await expect(rows(page)).toHaveCount(2)
  expect(await rows(page).allInnerTexts()).toEqual(before)
  await page.screenshot({ path: path.join(OUT, 'refused-import.png') })
})

test('a patient code typed that looks like another plan’s is flagged; hidden characters are refused at the field', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
  await expect(rows(page)).toHaveCount(1)
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('heading', { name: /Plan editor/ }).waitFor()
  const code = page.locator(fid('patient.code'))
  await code.fill('EX-TF-O1') // letter O for zero
  await expect(page.locator('.look-alike-code')).toContainText('looks like “EX-TF-01”')
  await code.fill('EX-TF-02')
  await expect(page.locator('.look-alike-code')).toHaveCount(0)
  await code.fill('EX-TF-\u202e10')
  await expect(page.locator(`${fid('patient.code')}-msg`)).toContainText(/invisible or direction-changing character \(U\+202E\)/)
  await page.screenshot({ path: path.join(OUT, 'patient-code-refused.png') })
})
