// The editor and what it writes: an approved plan opens read-only and nothing is written while it
// is open; "Revise" gives an editable draft. Also the native menu's Print / Export PDF and New
// plan while the editor or library is open, and a full disk during autosave.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { E2E_USER_NAME, expect, test } from './fixtures'
import { acknowledgeSiteDefaults } from './review-helpers'
import { bridgeCalls, installFakeBridge, menu, openSeededPlan, storedPlan, today } from './plan-helpers'

const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
const reviewBar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })
const weightOf = (row: Record<string, unknown>) => ((row['caseFile'] as Record<string, Record<string, unknown>>)['patient'] ?? {})['weight']
/** Autosave writes the plan row this long after the last edit (use-autosave.ts PLAN_DELAY_MS), plus slack. */
const AFTER_AUTOSAVE_MS = 800 + 500

/** Counts writes to the plans and drafts stores once window.__countWrites is set. */
async function countWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __countWrites?: boolean; __writes: string[] }
    w.__writes = []
    for (const method of ['put', 'add', 'delete'] as const) {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest
      ;(IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (w.__countWrites && (this.name === 'plans' || this.name === 'drafts')) w.__writes.push(`${method} ${this.name}`)
        return original.apply(this, args)
      }
    }
  })
}

test('an approved plan opens read-only and nothing is written; Revise gives an editable draft', async ({ page }) => {
  await countWrites(page)
  const id = await openSeededPlan(page, CASE)
  await reviewBar(page).getByRole('button', { name: 'Mark reviewed' }).click()
  await acknowledgeSiteDefaults(reviewBar(page))
  await reviewBar(page).getByRole('button', { name: 'Approve' }).click()
  await expect(reviewBar(page)).toContainText('Approved — read-only')
  const approved = await storedPlan(page, id)

  await page.reload()
  await expect(page.getByTestId('save-state')).toHaveText('Read-only (approved plans are revised, not edited)')
  const form = page.getByRole('form', { name: 'Case' })
  await expect(form.locator('input, select, textarea').first()).toBeDisabled()
  await expect(form.locator('input:enabled, select:enabled, textarea:enabled')).toHaveCount(0)
  for (const name of ['Undo', 'Redo', 'Save']) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled()

  // Every way of saving or editing from the keyboard and the menu: nothing reaches storage.
  await page.evaluate(() => ((window as unknown as { __countWrites: boolean }).__countWrites = true))
  await page.locator('#f-patient-weight').dispatchEvent('input')
  await page.keyboard.press('Control+z')
  await page.keyboard.press('Control+s')
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('osseoplan:command', { detail: 'save' })))
  await page.waitForTimeout(AFTER_AUTOSAVE_MS)
  expect(await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes)).toEqual([])
  expect(await storedPlan(page, id)).toEqual(approved)
  await page.evaluate(() => ((window as unknown as { __countWrites: boolean }).__countWrites = false))

  // Revise: a new draft linked to the approved plan, editable and saved; the approved one unchanged.
  await reviewBar(page).getByRole('button', { name: 'Revise' }).click()
  await expect(page).not.toHaveURL(new RegExp(`#/plans/${id}$`))
  const draftId = /#\/plans\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? ''
  await expect(reviewBar(page)).toContainText('Status: draft')
  await expect(page.locator('#f-patient-weight')).toBeEnabled()
  await page.locator('#f-patient-weight').fill('95')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  expect(weightOf(await storedPlan(page, draftId))).toBe(95)
  expect(weightOf(await storedPlan(page, id))).toBe(82)
})

test('the native menu prints and exports from the editor, saving what is on screen first', async ({ page }) => {
  await installFakeBridge(page)
  const id = await openSeededPlan(page, CASE)
  // Right after typing (before autosave's delay): the summary must still show the new weight.
  await page.locator('#f-patient-weight').fill('90')
  await menu(page, 'export-pdf')
  await expect(page).toHaveURL(new RegExp(`#/plans/${id}/summary$`))
  await expect(page.getByText('PDF saved: /tmp/plan.pdf')).toBeVisible()
  await expect(page.getByTestId('plan-summary').getByRole('row', { name: 'Body weight 90 kg', exact: true })).toBeVisible()

  await page.goto(`/#/plans/${id}`)
  await expect(page.locator('#f-patient-weight')).toHaveValue('90')
  await menu(page, 'print')
  await expect(page).toHaveURL(new RegExp(`#/plans/${id}/summary$`))
  await expect(page.getByText('Sent to the printer.')).toBeVisible()
  expect(await bridgeCalls(page)).toEqual([
    ['pdf', { defaultFileName: `EX-TF-01 transfemoral ${await today(page)}.pdf`, pageSize: 'A4' }],
    ['print', { pageSize: 'A4' }]
  ])
})

test('a full disk during autosave says so in plain words and keeps the case on screen', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __diskFull?: boolean }
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      }
    }
  })
  const id = await openSeededPlan(page, CASE)
  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true))
  await page.locator('#f-patient-weight').fill('91')
  const state = page.getByTestId('save-state')
  await expect(state).toContainText('is full, so this change was not saved. Everything saved before is kept.')
  await expect(state).toContainText('your unsaved changes are still on screen')
  await expect(state).not.toContainText('QuotaExceededError')
  await expect(page.locator('#f-patient-weight')).toHaveValue('91')
  // Printing would show the stored plan, not the screen: it stays in the editor instead.
  await page.keyboard.press('Control+p')
  await expect(state).toContainText('is full')
  await expect(page).toHaveURL(new RegExp(`#/plans/${id}$`))
  expect(weightOf(await storedPlan(page, id))).toBe(82)

  await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false))
  await page.keyboard.press('Control+s')
  await expect(state).toHaveText('All changes saved')
  expect(weightOf(await storedPlan(page, id))).toBe(91)
})

test('New plan from the native menu records the surgeon as the library button does', async ({ page }) => {
  await installFakeBridge(page)
  await page.goto('/')
  await expect(page.getByText('No plans yet')).toBeVisible()
  await menu(page, 'new-plan')
  await expect(page).toHaveURL(/#\/plans\/[A-Za-z0-9_-]+$/)
  const fromMenu = /#\/plans\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? ''
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).first().click()
  // Wait for the editor of a plan other than the menu's (the library's URL has no plan id).
  await expect(page).toHaveURL(new RegExp(`#/plans/(?!${fromMenu}$)[A-Za-z0-9_-]+$`))
  const fromButton = /#\/plans\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? ''
  expect(fromButton).not.toBe(fromMenu)
  expect((await storedPlan(page, fromMenu))['surgeon']).toBe(E2E_USER_NAME)
  expect((await storedPlan(page, fromButton))['surgeon']).toBe(E2E_USER_NAME)
})
