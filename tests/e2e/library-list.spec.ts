// The library list as a surgeon reads it (issue #13 item 14, issue #14): clinical level names, the
// system's name, implant size and outcome columns, revisions / copies / replaced plans told apart,
// one actions menu per row (keyboard operable, Delete set apart and confirmed, Undo kept), and
// date filters typed as yyyy-mm-dd. Checked with axe with the menu and the confirmation open.
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { deleteRow, rowAction } from './library-helpers'
import { acknowledgeSiteDefaults } from './review-helpers'

const results = process.env['E2E_RESULTS'] ?? 'test-results'
const rows = (page: Page) => page.locator('tbody tr')
const reviewBar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })

async function importCase(page: Page) {
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
  await expect(page.getByRole('status')).toContainText('Imported')
}

async function approveOpenPlan(page: Page) {
  const bar = reviewBar(page)
  await bar.getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(bar).toContainText('Status: reviewed')
  await acknowledgeSiteDefaults(bar)
  await bar.getByRole('button', { name: 'Approve' }).click()
  await expect(bar).toContainText('Approved — read-only')
}

async function axe(page: Page): Promise<string[]> {
  const found = await new AxeBuilder({ page }).include('main').analyze()
  return found.violations.map((v) => `${v.id}: ${v.help}`)
}

test('columns in clinical words: level, system name, implant size, outcome; revisions, copies and replaced plans are marked', async ({ page }) => {
  test.setTimeout(60_000)
  await importCase(page)
  const header = page.locator('thead th')
  await expect(header).toContainText(['Patient', 'Surgeon', 'Level', 'Side', 'System', 'Implant', 'Outcome', 'Status', 'Updated'])

  // A draft: level and system named, no implant or outcome until it is reviewed.
  const first = rows(page).first()
  await expect(first.locator('td').nth(2)).toHaveText('Transfemoral')
  await expect(first.locator('td').nth(4)).toHaveText('OPRA femur fixture')
  await expect(first.locator('td').nth(5)).toHaveText('—')
  await expect(first).not.toContainText('opra-femur')

  await first.getByRole('button', { name: 'Open' }).click()
  await approveOpenPlan(page)
  await page.getByRole('link', { name: 'Plans' }).click()
  await expect(rows(page).first().locator('td').nth(5)).toHaveText('Ø 18.5 × 80 mm')
  await expect(rows(page).first().locator('td').nth(6)).toHaveText('OK')

  // Revise and approve: the old plan is marked replaced, the new one a revision.
  await rows(page).first().getByRole('button', { name: 'Open' }).click()
  await reviewBar(page).getByRole('button', { name: 'Revise' }).click()
  await expect(reviewBar(page)).toContainText('Status: draft')
  await approveOpenPlan(page)
  await page.getByRole('link', { name: 'Plans' }).click()
  await expect(rows(page)).toHaveCount(2)

  // Duplicate the approved revision: an independent copy, marked as such.
  await rowAction(rows(page).filter({ has: page.locator('.status-approved') }), 'Duplicate')
  await expect(page.locator('#f-patient-code')).toHaveValue('EX-TF-01')
  await page.getByRole('link', { name: 'Plans' }).click()
  await expect(rows(page)).toHaveCount(3)
  const byStatus = (s: string) => rows(page).filter({ has: page.locator(`.status-${s}`) })
  await expect(byStatus('superseded')).toContainText('replaced')
  await expect(byStatus('approved')).toContainText('revision')
  await expect(byStatus('approved')).not.toContainText('copy')
  await expect(byStatus('draft')).toContainText('copy of EX-TF-01')
  await expect(byStatus('draft')).not.toContainText('revision')
  // The implant stays on the approved and the replaced plan; the fresh copy is a draft.
  await expect(byStatus('superseded').locator('td').nth(5)).toHaveText('Ø 18.5 × 80 mm')
  await expect(byStatus('draft').locator('td').nth(5)).toHaveText('—')

  // The level and system filters use the same names.
  await expect(page.getByLabel('Level').locator('option')).toHaveText(['All levels', 'Transfemoral'])
  await expect(page.getByLabel('Implant system').locator('option')).toHaveText(['All systems', 'OPRA femur fixture'])
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: `${results}/library-columns.png` })
  expect(await axe(page)).toEqual([])

  // A narrow window: no column squeezed to nothing, no unclipped text running into the next cell,
  // and a row's actions reachable by scrolling the list sideways.
  await page.setViewportSize({ width: 900, height: 720 })
  const faults = await page.locator('.plan-scroll').evaluate((box) => {
    const found: string[] = []
    for (const cell of box.querySelectorAll<HTMLElement>('th, td')) {
      if (cell.querySelector('.visually-hidden')) continue
      const r = cell.getBoundingClientRect()
      const text = document.createRange()
      text.selectNodeContents(cell)
      if (r.width < 40) found.push(`"${cell.textContent}" is ${Math.round(r.width)} px wide`)
      if (getComputedStyle(cell).overflowX === 'visible' && text.getBoundingClientRect().right > r.right + 0.5) found.push(`"${cell.textContent}" runs over its cell`)
    }
    return found
  })
  expect(faults).toEqual([])
  const actions = rows(page).first().getByRole('button', { name: /^Actions for / })
  await actions.scrollIntoViewIfNeeded()
  const [list, button] = [await page.locator('.plan-scroll').boundingBox(), await actions.boundingBox()]
  expect(button!.x + button!.width).toBeLessThanOrEqual(list!.x + list!.width)
})

test('a patient code too long for its column is clipped with its full text as the link\'s title', async ({ page }) => {
  const code = 'EX-TF-01-' + 'LONG-'.repeat(11)
  const caseFile = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as { patient: { code: string } }
  caseFile.patient.code = code
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles({ name: 'long-code.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(caseFile)) })
  await expect(page.getByRole('status')).toContainText('Imported')
  await page.setViewportSize({ width: 900, height: 720 })
  const link = rows(page).first().getByRole('link', { name: code })
  await expect(link).toHaveAttribute('title', code)
  const cell = rows(page).first().locator('td').first()
  expect(await cell.evaluate((td) => td.scrollWidth > td.clientWidth), 'the code is clipped in its cell').toBe(true)
})

test('Delete is apart from Archive in the row menu, asks first, and can be undone', async ({ page }) => {
  // Two whole-page accessibility scans and two screenshots: 14 s in CI, near 30 s on a loaded machine.
  test.setTimeout(60_000)
  await importCase(page)
  const row = rows(page).first()
  await row.getByRole('button', { name: 'Actions for EX-TF-01' }).click()
  const menu = page.getByRole('menu', { name: 'Actions for EX-TF-01' })
  await expect(menu.getByRole('menuitem')).toHaveText(['History', 'Theatre sheet', 'Duplicate', 'Export case file', 'Archive', 'Delete…'])
  // A separator stands between Archive and Delete.
  await expect(menu.locator('[role="separator"] + [role="menuitem"]')).toHaveText('Delete…')
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: `${results}/library-row-menu.png` })

  await menu.getByRole('menuitem', { name: 'Delete…' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete the plan for EX-TF-01?' })
  await expect(confirm).toBeVisible()
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: `${results}/library-confirm-delete.png` })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(rows(page)).toHaveCount(1)
  // Escape cancels too.
  await rowAction(row, 'Delete…')
  await page.keyboard.press('Escape')
  await expect(confirm).toHaveCount(0)
  await expect(rows(page)).toHaveCount(1)

  await deleteRow(row)
  await expect(page.getByText('No plans yet')).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Deleted the plan for EX-TF-01')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('EX-TF-01')
})

test('the row menu works from the keyboard', async ({ page }) => {
  await importCase(page)
  const button = rows(page).first().getByRole('button', { name: 'Actions for EX-TF-01' })
  await expect(button).toHaveAttribute('aria-haspopup', 'menu')
  await button.focus()
  await page.keyboard.press('ArrowDown')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  const item = (name: string) => page.getByRole('menuitem', { name })
  await expect(item('History')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(item('Theatre sheet')).toBeFocused()
  await page.keyboard.press('End')
  await expect(item('Delete…')).toBeFocused()
  await page.keyboard.press('ArrowDown') // wraps round
  await expect(item('History')).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(item('Delete…')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(item('History')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(button).toBeFocused()
  await expect(button).toHaveAttribute('aria-expanded', 'false')

  // ArrowUp opens on the last item; Enter chooses it.
  await page.keyboard.press('ArrowUp')
  await expect(item('Delete…')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(rows(page)).toHaveCount(1)

  // Enter opens on the first item; Tab closes the menu.
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(item('History')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('menu')).toHaveCount(0)

  // Rows are reused for other plans as the matches change: a menu left open does not follow its
  // row to another plan, and stays closed when its plan comes back.
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transtibial.json')
  await expect(rows(page)).toHaveCount(2)
  const firstButton = rows(page).first().getByRole('button', { name: /^Actions for / })
  const firstName = await firstButton.getAttribute('aria-label')
  await firstButton.click()
  await expect(page.getByRole('menu', { name: firstName! })).toBeVisible()
  const search = page.getByLabel('Search', { exact: true })
  await search.fill(firstName === 'Actions for EX-TF-01' ? 'EX-TT-01' : 'EX-TF-01')
  await expect(rows(page)).toHaveCount(1)
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(rows(page).first().getByRole('button', { name: /^Actions for / })).toHaveAttribute('aria-expanded', 'false')
  await search.fill('')
  await expect(rows(page)).toHaveCount(2)
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(firstButton).toHaveAttribute('aria-expanded', 'false')
})

test('date filters are typed as yyyy-mm-dd; other formats get a message and change nothing', async ({ page }) => {
  await importCase(page)
  const from = page.getByLabel('Updated from')
  const to = page.getByLabel('Updated to')
  await expect(from).toHaveAttribute('type', 'text')
  await expect(from).toHaveAttribute('placeholder', 'yyyy-mm-dd')
  await expect(to).toHaveAttribute('placeholder', 'yyyy-mm-dd')

  await from.fill('01/01/2999')
  await expect(from).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Enter the date as yyyy-mm-dd, e.g. 2026-11-29.')).toBeVisible()
  await expect(rows(page)).toHaveCount(1) // the filter did not change
  await from.fill('2999-02-30')
  await expect(page.getByText('There is no such date.')).toBeVisible()
  await expect(rows(page)).toHaveCount(1)

  await from.fill('2999-01-01')
  await expect(from).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('No plan matches')).toBeVisible()
  await from.fill('')
  await expect(rows(page)).toHaveCount(1)
  await to.fill('2000-01-01')
  await expect(page.getByText('No plan matches')).toBeVisible()
  await to.fill('2999-12-31')
  await expect(rows(page)).toHaveCount(1)
  expect(await axe(page)).toEqual([])
})
