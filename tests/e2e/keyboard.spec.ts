// Keyboard only: a surgeon creates a plan from the library, fills a field, moves through the
// sections, opens a number's basis and closes it with Escape, reaches the review bar and returns
// to the library; the history dialog traps focus, closes with Escape and gives focus back to the
// button that opened it; every element reached with Tab shows a visible focus indicator and Tab
// always gets out again (no keyboard trap).
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeededPlan, seedPlan } from './plan-helpers'

const results = process.env['E2E_RESULTS'] ?? 'test-results'
const caseFile = (name: string) => JSON.parse(readFileSync(`resources/cases/${name}.json`, 'utf8')) as Record<string, unknown>
const reviewBar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement)

/** Presses Tab (or Shift+Tab) until the element has focus; fails if it is not reached in `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 300 } = {}): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${String(target)} was not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses`)
}

/** What has focus: tag, id, accessible-ish name, and whether it is inside the open dialog. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 60),
      inDialog: Boolean(el?.closest('dialog[open]'))
    }
  })

/**
 * Walks the whole tab order from the skip link: every stop must show a focus indicator (an
 * outline or a box shadow), and Tab must come back round to the skip link (no trap).
 */
async function walkTabOrder(page: Page, max = 600): Promise<{ stops: number; unmarked: string[] }> {
  // The skip link is the first stop of every screen.
  const first = page.getByRole('link', { name: 'Skip to main content' })
  await first.focus()
  await first.evaluate((el) => el.setAttribute('data-first-stop', ''))
  const unmarked: string[] = []
  const trail: string[] = []
  for (let stops = 1; stops <= max; stops++) {
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return { body: true, first: false, visible: true, what: 'body' }
      const style = getComputedStyle(el)
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
      const shadow = style.boxShadow !== 'none'
      return { body: false, first: el.hasAttribute('data-first-stop'), visible: outline || shadow, what: el.outerHTML.slice(0, 100) }
    })
    if (stops > 1 && stop.first) return { stops, unmarked }
    if (!stop.visible) unmarked.push(stop.what)
    trail.push(stop.what.slice(0, 60))
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab did not come back to the skip link within ${max} presses; last stops: ${trail.slice(-12).join(' | ')}`)
}

test('keyboard only: create a plan, fill a field, move through sections, review bar, back to the library', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()

  // The first Tab reaches the skip link; it moves focus to the main content.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeInViewport()
  await page.screenshot({ path: `${results}/keyboard-skip-link.png` })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  await tabTo(page, page.getByRole('button', { name: 'New plan' }), { max: 10 })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/plans\/[A-Za-z0-9_-]+$/)
  await expect(page.getByRole('heading', { name: /^Plan editor/ })).toBeVisible()
  // The new screen takes focus at its name (the button that was pressed is gone): the first Tab
  // on it reaches the skip link again, as the user guide promises (issue #13 §13).
  await expect(page.getByTestId('screen-name')).toBeFocused()
  await expect(page.getByTestId('screen-name')).toHaveText('Plan editor')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()

  // Section navigation: Tab to "Patient", Enter jumps to its first field.
  const sections = page.getByRole('navigation', { name: 'Case sections' })
  await tabTo(page, sections.getByRole('button', { name: /^Patient/ }), { max: 30 })
  await page.keyboard.press('Enter')
  await expect(page.locator('#f-patient-code')).toBeFocused()
  await page.keyboard.type('KB-01')
  await expect(page.locator('#f-patient-code')).toHaveValue('KB-01')
  await expect(page.getByRole('heading', { name: 'Plan editor — KB-01' })).toBeVisible()
  // Enter moves on to the next field, Tab as well.
  await page.keyboard.press('Enter')
  await expect(page.locator('#f-patient-ageYears')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.locator('#f-patient-sex')).toBeFocused()

  // Back to the section bar and on to "Imaging": Enter jumps to the imaging source.
  await tabTo(page, sections.getByRole('button', { name: /^Imaging/ }), { back: true, max: 40 })
  await page.keyboard.press('Enter')
  await expect(page.locator('#f-imaging-source')).toBeFocused()
  await tabTo(page, sections.getByRole('button', { name: /^Soft tissue/ }), { back: true, max: 40 })
  await page.keyboard.press('Enter')
  await expect(page.locator('#f-softTissue-distalThickness')).toBeFocused()

  // The review bar's buttons are reachable; History opens its dialog and Escape closes it.
  const history = reviewBar(page).getByRole('button', { name: 'History' })
  await tabTo(page, history, { back: true, max: 60 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  expect((await focused(page)).inDialog).toBe(true)
  await page.keyboard.press('Tab')
  await page.screenshot({ path: `${results}/keyboard-history-focus.png` })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(history).toBeFocused()

  // Save with Ctrl+S, then back to the library through the header's "Plans" link.
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await tabTo(page, page.getByRole('link', { name: 'Plans', exact: true }), { back: true, max: 20 })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/plans$/)
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await expect(page.locator('tbody tr')).toContainText('KB-01')
  // On Plans too the first Tab is the skip link, not "Import case file" (issue #13 §13).
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
})

test('keyboard only: open a number’s basis with Enter and close it with Escape', async ({ page }) => {
  await openSeededPlan(page, caseFile('transfemoral'))
  await expect(page.getByTestId('plan-status')).toBeVisible()
  const value = page.getByTestId('res-implant').getByRole('button').first()
  await page.locator('#f-notes').focus()
  await tabTo(page, value, { max: 20 })
  await expect(value).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('Enter')
  await expect(value).toHaveAttribute('aria-expanded', 'true')
  const basis = page.getByRole('region', { name: /^Basis of / })
  await expect(basis).toBeVisible()
  await expect(basis).toContainText('Parameters')
  await page.keyboard.press('Escape')
  await expect(basis).toHaveCount(0)
  await expect(value).toBeFocused()
  await expect(value).toHaveAttribute('aria-expanded', 'false')
  // Space opens it too.
  await page.keyboard.press(' ')
  await expect(basis).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(basis).toHaveCount(0)
})

test('the history dialog traps focus, closes with Escape or Close and returns focus to its button', async ({ page }) => {
  await openSeededPlan(page, caseFile('transtibial'))
  await reviewBar(page).getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(reviewBar(page)).toContainText('Status: reviewed')
  await page.getByRole('link', { name: 'Plans', exact: true }).click()
  // History is the first item of the row's actions menu: Enter opens the menu, Enter chooses it.
  const openHistory = page.locator('tbody tr').first().getByRole('button', { name: /^Actions for / })
  await openHistory.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'History' })).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /^History of / })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()

  // Tab and Shift+Tab cycle through the dialog's controls and never leave it.
  const seen = new Set<string>()
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    expect(f.inDialog, `Tab ${i + 1} left the dialog for ${f.tag} "${f.text}"`).toBe(true)
    seen.add(`${f.tag} ${f.text}`)
  }
  expect(seen.size).toBeGreaterThanOrEqual(3)
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab')
    const f = await focused(page)
    expect(f.inDialog, `Shift+Tab ${i + 1} left the dialog for ${f.tag} "${f.text}"`).toBe(true)
  }

  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(openHistory).toBeFocused()

  // Close (Enter on the button) returns focus the same way.
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(openHistory).toBeFocused()
})

test('every Tab stop shows a visible focus indicator and Tab never gets stuck', async ({ page }) => {
  test.setTimeout(120_000)
  await seedPlan(page, caseFile('transhumeral'))
  await openSeededPlan(page, caseFile('transfemoral'))
  await page.getByTestId('res-implant').getByRole('button').first().click()
  for (const [name, go] of [
    ['editor', async () => undefined],
    ['library', () => page.getByRole('link', { name: 'Plans', exact: true }).click()],
    ['settings', () => page.getByRole('link', { name: 'Settings', exact: true }).click()]
  ] as const) {
    await go()
    await page.waitForLoadState('networkidle')
    const { stops, unmarked } = await walkTabOrder(page, 1500)
    expect(stops, name).toBeGreaterThan(5)
    expect(unmarked, `${name}: Tab stops without a visible focus indicator`).toEqual([])
  }
})

test('Add station and Add component put the cursor in the new row at once, so fast typing lands there', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).first().click()
  await page.getByRole('heading', { name: /Plan editor/ }).waitFor()
  await page.getByRole('button', { name: 'Add station' }).click()
  await expect(page.locator('#f-bone-stations-0-fromDistalEnd')).toBeFocused()
  // Type immediately: the keystrokes go to the new row's first field.
  await page.keyboard.type('12')
  await expect(page.locator('#f-bone-stations-0-fromDistalEnd')).toHaveValue('12')
  await page.getByRole('button', { name: 'Add component' }).click()
  await expect(page.locator('#f-prosthesis-components-0-name')).toBeFocused()
  await page.keyboard.type('safety device')
  await expect(page.locator('#f-prosthesis-components-0-name')).toHaveValue('safety device')
})
