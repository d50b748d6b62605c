// The first-run acknowledgement, tested from a really fresh browser context (the raw Playwright
// test, without the fixture that seeds the acknowledgement for every other spec).
import { expect, test } from '@playwright/test'

test('the first-run statement is shown until acknowledged, stored with its time, and not shown again', async ({ page }) => {
  await page.goto('/#/settings')
  const statement = page.getByRole('heading', { name: 'Before you start: what OsseoPlan is' })
  await expect(statement).toBeVisible()
  await expect(page.getByText('decision support for qualified surgeons', { exact: false }).first()).toBeVisible()
  await expect(page.getByText('does not replace clinical judgement')).toBeVisible()
  // No other screen shows behind it.
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toHaveCount(0)
  await page.goto('/#/plans')
  await expect(statement).toBeVisible()
  await expect(page.getByRole('button', { name: 'New plan' })).toHaveCount(0)
  await page.screenshot({ path: `${process.env['E2E_RESULTS'] ?? 'test-results'}/first-run.png` })

  const before = Date.now()
  await page.getByLabel(/Your name/).fill('Dr A. Example')
  await page.getByRole('button', { name: 'I understand and acknowledge' }).click()
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()

  const stored = await page.evaluate(() => JSON.parse(window.localStorage.getItem('osseoplan.acknowledgement') ?? 'null') as { at: number; name: string } | null)
  expect(stored?.name).toBe('Dr A. Example')
  expect(stored?.at).toBeGreaterThanOrEqual(before - 1000)

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
  await expect(statement).toHaveCount(0)
  // The name given becomes the user name shown in settings.
  await page.goto('/#/settings')
  await expect(page.getByLabel('Your name', { exact: true })).toHaveValue('Dr A. Example')
})

test('the acknowledgement also survives cleared localStorage (kept in the settings table)', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'I understand and acknowledge' }).click()
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
  await page.evaluate(() => window.localStorage.clear())
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Before you start: what OsseoPlan is' })).toHaveCount(0)
  expect(await page.evaluate(() => window.localStorage.getItem('osseoplan.acknowledgement'))).not.toBeNull()
})
