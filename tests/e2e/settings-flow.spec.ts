// Settings as they reach real plans: confirming site defaults (profile, loading protocol and implant
// system) clears the plan's "unconfirmed site defaults" flag; a custom press-fit system plans a case;
// an approved plan whose numbers a profile change would alter shows the difference and is
// recomputed into a new revision through the review workflow.
import type { Page } from '@playwright/test'
import { planFromRaw } from '../../src/shared'
import { expect, test } from './fixtures'
import { acknowledgeSiteDefaults } from './review-helpers'
import { fid, loadCase } from './editor-helpers'

const results = process.env['E2E_RESULTS'] ?? 'test-results'
const CASE_FILE = 'resources/cases/transfemoral.json'

const flag = (page: Page) => page.getByTestId('site-defaults-flag')
const reviewBar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })

/** Imports the transfemoral example into the library, opens it and returns its plan URL. */
async function importAndOpen(page: Page): Promise<string> {
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles(CASE_FILE)
  await expect(page.getByRole('status')).toContainText('Imported')
  await page.locator('tbody tr').first().getByRole('button', { name: 'Open' }).click()
  await page.waitForURL(/#\/plans\/[a-z0-9]+$/)
  await expect(page.getByTestId('plan-status')).toBeVisible()
  return page.url()
}

async function unconfirmedCount(page: Page): Promise<number> {
  await expect(flag(page)).toBeVisible()
  return Number((await flag(page).locator('summary').textContent())?.match(/Computed with (\d+) unconfirmed/)?.[1])
}

async function confirmInSettings(page: Page, key: string): Promise<void> {
  const row = page.locator(`tr[data-key="${key}"]`)
  await row.getByRole('button', { name: /^Confirm / }).click()
  // Each confirmation is saved before the next one starts (it bumps the profile version).
  await expect(row.getByRole('button', { name: /^Confirm / })).toHaveCount(0)
  await expect(row.getByText(/confirmed by E2E Surgeon on \d{4}-\d\d-\d\d/)).toBeVisible()
}

test('confirming site defaults in Settings clears the plan’s unconfirmed flag, protocol and system ones included', async ({ page }) => {
  test.setTimeout(90_000)
  const expected = planFromRaw(loadCase('transfemoral'))
  if (!expected.ok) throw new Error('the example case must be valid')
  const used = expected.result.siteDefaultsUsed.map((p) => p.key)
  const profileKeys = used.filter((k) => !k.startsWith('system.'))
  // The example uses OPRA loading parameters that used to be unreachable from Settings.
  expect(profileKeys).toEqual(expect.arrayContaining(['protocol.opra.startDay', 'protocol.opra.startLoadKg', 'soft.targetMm']))

  const planUrl = await importAndOpen(page)
  const before = await unconfirmedCount(page)
  expect(before).toBe(used.length)

  // One protocol parameter confirmed → the count drops by one.
  await page.goto('/#/settings')
  const protocols = page.getByRole('columnheader', { name: 'Loading protocols' })
  await expect(protocols).toBeVisible()
  await expect(page.locator('tr[data-key="protocol.opra.startLoadKg"]')).toContainText('site default — confirm')
  await confirmInSettings(page, 'protocol.opra.startLoadKg')
  await page.goto(planUrl)
  await expect(flag(page).locator('summary')).toContainText(`Computed with ${before - 1} unconfirmed`)

  // Every other profile and protocol site default the plan uses.
  await page.goto('/#/settings')
  for (const key of profileKeys.filter((k) => k !== 'protocol.opra.startLoadKg')) await confirmInSettings(page, key)
  await page.locator('tr[data-key="protocol.opra.startDay"]').scrollIntoViewIfNeeded()
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: `${results}/settings-flow-protocols.png` })

  // The OPRA femur's own site defaults: duplicate the shipped system and save it as the site's.
  const opra = page.locator('.system-table tr', { hasText: 'opra-femur' }).first()
  await expect(page.getByTestId('system-unconfirmed-opra-femur')).toContainText('4 site defaults')
  await opra.getByRole('button', { name: /^Duplicate / }).click()
  await page.getByRole('button', { name: 'Save system' }).click()
  await expect(page.getByText(/Implant system “.*\(site copy\)” saved/)).toBeVisible()
  await expect(page.getByTestId('system-unconfirmed-opra-femur-fixture-site-copy')).toHaveCount(0)

  await page.goto(planUrl)
  await expect(flag(page).locator('summary')).toContainText('Computed with 4 unconfirmed')
  await page.locator(fid('implant.systemId')).selectOption('opra-femur-fixture-site-copy')
  await expect(page.getByTestId('res-system')).toContainText('(site copy)')
  await expect(flag(page)).toHaveCount(0)
  await expect(page.getByTestId('res-implant')).toContainText(/Ø 18\.5 mm .*× 80 mm/)
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await page.reload()
  await expect(page.getByTestId('res-system')).toContainText('(site copy)')
  await expect(flag(page)).toHaveCount(0)
})

test('a custom press-fit system is chosen in the editor and sizes the case', async ({ page }) => {
  await page.goto('/#/settings')
  await page.getByRole('button', { name: 'Add system' }).click()
  const form = page.getByRole('form', { name: 'Add an implant system' })
  await form.getByLabel('Name').fill('Site press-fit stem')
  await form.getByLabel('femur').check()
  await form.getByLabel('Diameters list').fill('14, 15, 16, 17')
  await form.getByLabel('Lengths list').fill('100, 125, 150')
  await form.getByLabel(/^Engagement/).fill('1')
  await form.getByLabel(/^Minimum remaining cortex/).fill('2')
  await form.getByLabel(/^Minimum cortical contact/).fill('30')
  await form.getByLabel(/^Tip margin/).fill('20')
  await form.getByRole('button', { name: 'Save system' }).click()
  await expect(page.getByText('Implant system “Site press-fit stem” saved (version 1).')).toBeVisible()

  await importAndOpen(page)
  await page.locator(fid('implant.systemId')).selectOption('site-press-fit-stem')
  await expect(page.getByTestId('res-system')).toHaveText(/Site press-fit stem \(press-fit\)/)
  // m = 28.75 / 25 = 1.15: residual 253 → 220 mm, longest 220 − 20 = 200 → 150 mm. Ø 16 (canal
  // prepared to 15 mm) touches cortex from 80 to 140 mm = 60 mm ≥ 30 mm required.
  await expect(page.getByTestId('res-implant')).toContainText(/Ø 16 mm .*× 150 mm/)
  await expect(page.getByTestId('res-contact')).toContainText(/^Cortical contact length60 mm .*\(needs 30 mm\)$/)
  // The site's own values are confirmed by whoever entered them: nothing about the system is flagged.
  await flag(page).locator('summary').click()
  await expect(flag(page)).not.toContainText('Catalogue diameters')

  // The display preference changes how the size is shown, not the plan.
  const planUrl = page.url()
  await page.goto('/#/settings')
  await page.getByLabel('Lengths shown in').selectOption('cm')
  await expect(page.getByText('Display preferences saved.')).toBeVisible()
  await page.goto(planUrl)
  // Implant sizes are shown in mm whatever the display unit (issue #12, #13 item 3).
  await expect(page.getByTestId('res-implant')).toContainText(/Ø 16 mm .*× 150 mm/)
})

test('an approved plan shows what a profile change would alter and is recomputed into a new revision', async ({ page }) => {
  test.setTimeout(90_000)
  const planUrl = await importAndOpen(page)
  const bar = reviewBar(page)
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(bar).toContainText('Status: reviewed')
  await acknowledgeSiteDefaults(bar)
  await bar.getByRole('button', { name: 'Approve' }).click()
  await expect(bar).toContainText('Approved — read-only')
  await expect(page.getByTestId('plan-drift')).toHaveCount(0)

  await page.goto('/#/settings')
  const target = page.getByLabel('Target distal soft-tissue thickness (bone to skin)', { exact: true })
  await target.fill('10')
  await target.press('Enter')
  await expect(page.getByTestId('profile-version')).toHaveText('Version 1.0.1')

  await page.goto(planUrl)
  const drift = page.getByTestId('plan-drift')
  await expect(drift).toContainText('Revision 2 (approved) was computed with profile “default” v1.0.0')
  await expect(drift).toContainText('profile “default” v1.0.1')
  await expect(drift).toContainText('Soft-tissue target: 15 mm → 10 mm')
  await expect(drift).toContainText('Soft-tissue reduction: 15 mm → 20 mm')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: `${results}/settings-flow-drift.png` })

  await drift.getByRole('button', { name: 'Recompute into a new revision' }).click()
  await page.waitForURL((url) => url.href !== planUrl && /#\/plans\/[a-z0-9]+$/.test(url.href))
  await expect(bar).toContainText('Status: draft')
  await expect(bar).toContainText('Revises the earlier approved plan')
  await expect(page.getByTestId('plan-drift')).toHaveCount(0)
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await acknowledgeSiteDefaults(bar)
  await bar.getByRole('button', { name: 'Approve' }).click()
  await expect(bar).toContainText('Approved — read-only')

  // The old plan is superseded; its notice no longer offers to recompute.
  await page.goto(planUrl)
  await expect(bar).toContainText('Superseded')
  await expect(page.getByTestId('plan-drift')).toContainText('A newer plan replaces this one')
  await expect(page.getByRole('button', { name: 'Recompute into a new revision' })).toHaveCount(0)
})
