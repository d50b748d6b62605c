// The plan library in Chromium: import a case, review, approve, revise, compare revisions,
// archive, delete + undo, back up the library, restore it into an empty browser profile
// (identical), and refuse bad backup files with the library unchanged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { deleteRow, rowAction } from './library-helpers'
import { acknowledgeSiteDefaults } from './review-helpers'

const results = process.env['E2E_RESULTS'] ?? 'test-results'
const CASE_FILE = 'resources/cases/transfemoral.json'

const rows = (page: Page) => page.locator('tbody tr')
const reviewBar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })

async function importCase(page: Page, path = CASE_FILE) {
  await page.getByLabel('Case file to import').setInputFiles(path)
  await expect(page.getByRole('status')).toContainText('Imported')
}

async function restore(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  // Playwright passes at most 50 MB inline; larger files go through a temporary file.
  if (file.buffer.length < 40 * 1024 * 1024) return page.getByLabel('Library backup to restore').setInputFiles(file)
  const path = join(mkdtempSync(join(tmpdir(), 'osseoplan-')), file.name)
  writeFileSync(path, file.buffer)
  await page.getByLabel('Library backup to restore').setInputFiles(path)
  // The app reads the file after the picker closes: remove it only once the outcome for THIS file
  // is shown (the previous file's message may still be on screen; removing the file early made the
  // read fail with "could not be found" on a loaded machine).
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: `“${file.name}”` }).first()).toBeVisible({ timeout: 60_000 })
  rmSync(path)
}

async function backUp(page: Page): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up library' }).click()
  const path = await (await download).path()
  return readFileSync(path, 'utf8')
}

/** Plans, revisions and audit of a backup, without the export time and what a restore adds to the
 *  audit log (its own entry, and the "imported" mark on the file's rows). */
function content(text: string) {
  const { exportedAt: _at, audit, ...rest } = JSON.parse(text) as Record<string, unknown> & { audit: Array<Record<string, unknown>> }
  return { ...rest, audit: audit.filter((a) => a['action'] !== 'restore-backup').map(({ importedFrom: _i, ...row }) => row) }
}

test('import, review, approve, revise, compare, archive, delete + undo, back up and restore', async ({ page, browser }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await expect(page.getByText('No plans yet')).toBeVisible()
  await importCase(page)
  await expect(rows(page)).toHaveCount(1)

  // Review and approve the imported plan.
  await rows(page).first().getByRole('button', { name: 'Open' }).click()
  const bar = reviewBar(page)
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(bar).toContainText('Status: reviewed')
  await expect(bar).toContainText('Revision 1 (reviewed) by E2E Surgeon')
  await acknowledgeSiteDefaults(bar)
  await bar.getByRole('button', { name: 'Approve' }).click()
  await expect(bar).toContainText('Approved — read-only')
  await expect(page.locator('#f-patient-weight')).toBeDisabled()
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: `${results}/library-review-bar.png` })
  const approvedUrl = page.url()

  // Revise: a new linked draft; change the weight, save, review and approve it.
  await bar.getByRole('button', { name: 'Revise' }).click()
  await expect(page).not.toHaveURL(approvedUrl)
  await expect(bar).toContainText('Status: draft')
  await expect(bar).toContainText('Revises the earlier approved plan')
  await page.locator('#f-patient-weight').fill('95')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await acknowledgeSiteDefaults(bar)
  await bar.getByRole('button', { name: 'Approve' }).click()
  await expect(bar).toContainText('Approved — read-only')

  // History: four revisions across the two plans; compare the two approved ones.
  await bar.getByRole('button', { name: 'History' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('checkbox')).toHaveCount(4)
  await dialog.getByRole('checkbox', { name: /revision 2 of the earlier plan/ }).check()
  // Revisions are numbered once across Revise (issue #13 §7): the revision's are 3 and 4.
  await dialog.getByRole('checkbox', { name: 'Compare revision 4 (approved)' }).check()
  await dialog.getByRole('button', { name: 'Compare selected revisions' }).click()
  const weightRow = dialog.locator('.compare-table tr.differs', { hasText: 'Body weight' })
  await expect(weightRow).toContainText('82')
  await expect(weightRow).toContainText('95')
  await expect(dialog.locator('.compare-table').nth(1).locator('tr.differs').first()).toBeVisible()
  await expect(dialog.getByText(/Body weight: 82 → 95/)).toBeVisible()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: `${results}/library-compare.png` })
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The old plan is superseded and read-only.
  await page.goto(approvedUrl)
  await expect(reviewBar(page)).toContainText('Status: superseded')
  await page.getByRole('link', { name: 'Plans' }).click()
  await expect(rows(page)).toHaveCount(2)
  await expect(rows(page).locator('.status')).toHaveText(['approved', 'superseded'])

  // Archive hides a plan until "Show archived"; unarchive brings it back.
  await rowAction(rows(page).nth(1), 'Archive')
  await expect(rows(page)).toHaveCount(1)
  await page.getByLabel(/Show archived/).check()
  await expect(rows(page)).toHaveCount(2)
  await rowAction(rows(page).filter({ hasText: 'archived' }), 'Unarchive')
  await page.getByLabel(/Show archived/).uncheck()
  await expect(rows(page)).toHaveCount(2)

  // Search as you type, and filters.
  await page.getByLabel('Search').fill('ex-tf nothing-matches')
  await expect(page.getByText('No plan matches')).toBeVisible()
  await page.getByLabel('Search').fill('EX-TF')
  await expect(rows(page)).toHaveCount(2)
  await page.getByLabel('Status').selectOption('approved')
  await expect(rows(page)).toHaveCount(1)
  await page.getByLabel('Status').selectOption('')
  await page.getByLabel('Search').fill('')
  await page.screenshot({ path: `${results}/library-list.png` })
  const axe = await new AxeBuilder({ page }).include('main').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  const before = await backUp(page)

  // Delete + undo restores the plan and its history.
  const current = () => rows(page).filter({ has: page.locator('.status-approved') })
  await deleteRow(current())
  await expect(rows(page)).toHaveCount(1)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rows(page)).toHaveCount(2)
  await expect(page.getByRole('status')).toContainText('Restored the plan')
  await rowAction(current(), 'History')
  await expect(page.getByRole('dialog').getByRole('checkbox')).toHaveCount(4)
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // Restore the backup into an empty browser profile: the library is identical.
  const fresh = await browser.newContext()
  await fresh.addInitScript(() => window.localStorage.setItem('osseoplan.acknowledgement', JSON.stringify({ at: Date.now(), name: 'E2E Surgeon' })))
  const other = await fresh.newPage()
  await other.goto(page.url().replace(/#.*$/, ''))
  await expect(other.getByText('No plans yet')).toBeVisible()
  await restore(other, { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(before) })
  await expect(other.getByRole('status')).toContainText('Restored 2 plans')
  await expect(rows(other)).toHaveCount(2)
  // The restored history is the file's, and says so.
  await rowAction(rows(other).first(), 'History')
  await expect(other.getByRole('dialog').locator('.audit-imported').first()).toContainText('imported: the history of backup')
  await other.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  expect(content(await backUp(other))).toEqual(content(before))
  await fresh.close()
})

test('bad backup files are refused with a message and the library is unchanged', async ({ page }) => {
  await page.goto('/')
  await importCase(page)
  await expect(rows(page)).toHaveCount(1)
  const good = await backUp(page)
  const doc = JSON.parse(good) as Record<string, unknown>
  const bad: Array<[string, string, RegExp]> = [
    ['truncated.json', good.slice(0, good.length / 2), /not valid JSON/],
    ['newer.json', JSON.stringify({ ...doc, version: 3 }), /version 3, written by a newer OsseoPlan/],
    ['extra.json', JSON.stringify({ ...doc, evil: true }), /unexpected field "evil"/],
    ['proto.json', good.replace('"plans":[{', '"plans":[{"__proto__":{"x":1},'), /__proto__ is a forbidden key/],
    ['infinite.json', good.replace(/"updatedAt":\d+/, '"updatedAt":1e999'), /not a finite number/],
    ['junk.json', 'x'.repeat(50 * 1024 * 1024), /not valid JSON/]
  ]
  for (const [name, text, problem] of bad) {
    await restore(page, { name, mimeType: 'application/json', buffer: Buffer.from(text) })
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(`“${name}” was not imported, and the library is unchanged`)
    await expect(alert).toContainText(problem)
    await expect(rows(page)).toHaveCount(1)
  }
  await page.screenshot({ path: `${results}/library-bad-backup.png` })
  await page.reload()
  await expect(rows(page)).toHaveCount(1)
  expect(content(await backUp(page))).toEqual(content(good))
})

test('a full disk while approving is reported, nothing is half-saved and the case stays', async ({ page }) => {
  // Simulates the disk filling up: IndexedDB writes fail with QuotaExceededError while the flag is set.
  await page.addInitScript(() => {
    const w = window as unknown as { __diskFull?: boolean }
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      }
    }
  })
  await page.goto('/')
  await importCase(page)
  await rows(page).first().getByRole('button', { name: 'Open' }).click()
  const bar = reviewBar(page)
  await expect(bar.getByRole('button', { name: 'Mark reviewed' })).toBeEnabled()
  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true))
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(bar.getByRole('alert')).toContainText('is full, so this change was not saved. Everything saved before is kept.')
  await expect(bar).toContainText('Status: draft')
  await expect(page.locator('#f-patient-code')).toHaveValue('EX-TF-01')
  await page.screenshot({ path: `${results}/library-disk-full.png` })

  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false))
  await page.reload()
  await expect(reviewBar(page)).toContainText('Status: draft')
  await reviewBar(page).getByRole('button', { name: 'History' }).click()
  await expect(page.getByRole('dialog')).toContainText('No revisions yet')
})
