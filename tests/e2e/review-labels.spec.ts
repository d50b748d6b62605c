// Issue #13 §6, §7, §17 in the browser: approval on unconfirmed site defaults needs the
// acknowledgement naming how many (recorded in History); revisions are numbered once across
// Revise; History and Compare name fields clinically (stations from one), never by path or id.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { fid } from './editor-helpers'
import { openSeededPlan } from './plan-helpers'

const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
const bar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })
/** Path syntax, zero-based indexes or camelCase variable names. */
const INTERNAL = /\w\[\d+\]|\w\.\w+|[a-z][A-Z][a-z]|parentId|\bMm\b/

test('approval acknowledges the unconfirmed site defaults; revisions continue across Revise; History and Compare speak clinically', async ({ page }) => {
  test.setTimeout(240_000)
  await openSeededPlan(page, CASE)
  await bar(page).getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(bar(page)).toContainText('Status: reviewed')
  const approve = bar(page).getByRole('button', { name: 'Approve' })
  await expect(approve).toBeDisabled()
  const ack = bar(page).getByRole('checkbox', { name: /I approve this plan knowing it rests on (\d+) site defaults not confirmed by the site/ })
  const count = /rests on (\d+) site/.exec((await ack.locator('xpath=..').innerText()) ?? '')?.[1]
  expect(Number(count)).toBeGreaterThan(0)
  await ack.check()
  await approve.click()
  await expect(bar(page)).toContainText('Approved — read-only')

  // Revise, change station 3's endosteal diameter, mark the revision reviewed: revision 3.
  await bar(page).getByRole('button', { name: 'Revise' }).click()
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await page.locator(fid('bone.stations[2].endosteal')).fill('17.5')
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 10_000 })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await bar(page).getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(bar(page)).toContainText('Revision 3 (reviewed)')

  await bar(page).getByRole('button', { name: 'History' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('cell', { name: /^revision \d/ })).toHaveText([
    /^revision 1 of the earlier plan .*\(reviewed\)$/,
    /^revision 2 of the earlier plan .*\(approved\)$/,
    'revision 3 (reviewed)'
  ])
  const changes = dialog.locator('.audit-list')
  await expect(changes).toContainText('Station 3 — endosteal Ø')
  await expect(changes).toContainText('Status changed')
  for (const line of await changes.locator('li li').allInnerTexts()) expect(line.split(':')[0], line).not.toMatch(INTERNAL)

  await dialog.getByRole('checkbox', { name: /Compare revision 2/ }).check()
  await dialog.getByRole('checkbox', { name: /Compare revision 3/ }).check()
  await dialog.getByRole('button', { name: 'Compare selected revisions' }).click()
  const compare = dialog.locator('.revision-compare')
  await expect(compare.getByRole('rowheader', { name: 'Station 3 — endosteal Ø', exact: true })).toBeVisible()
  await compare.getByLabel('Show unchanged fields too').check()
  const headers = await compare.getByRole('rowheader').allInnerTexts()
  expect(headers.length).toBeGreaterThan(40)
  for (const h of headers) expect(h, h).not.toMatch(INTERNAL)
  await expect(compare).not.toContainText('asEntered')
  await page.keyboard.press('Escape')

  // The approval's acknowledgement is in the earlier plan's history, with the count and the name.
  await page.getByRole('link', { name: 'the earlier approved plan' }).click()
  await bar(page).getByRole('button', { name: 'History' }).click()
  await expect(page.getByRole('dialog').locator('.audit-list')).toContainText(
    `Unconfirmed site defaults acknowledged at approval: — → ${count} unconfirmed site defaults acknowledged by E2E Surgeon`
  )
})
