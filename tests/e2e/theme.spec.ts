// Issue #13: dark mode follows the system setting, with a choice in Settings (system / light /
// dark); every main screen passes an axe scan (WCAG A/AA, serious and critical) in both themes.
// Screenshots of each screen in each theme: <E2E_RESULTS>/theme-<screen>-<theme>.png.
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSeededPlan } from './plan-helpers'

const results = process.env['E2E_RESULTS'] ?? 'test-results'
const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>

async function serious(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor)

test('the theme follows the system setting until a choice is made in Settings, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const dark = await background(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await background(page)).not.toBe(dark)

  await page.goto('/#/settings')
  const appearance = page.getByLabel('Appearance')
  await expect(appearance).toHaveValue('system')
  await appearance.selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByLabel('Appearance')).toHaveValue('dark')
  // A chosen theme no longer follows the system.
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByLabel('Appearance').selectOption('light')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})

for (const theme of ['light', 'dark'] as const) {
  test(`every main screen passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(300_000)
    await page.emulateMedia({ colorScheme: theme })
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    const id = await openSeededPlan(page, CASE)
    await expect(page.getByTestId('result-panel')).toBeVisible()
    await page.screenshot({ path: `${results}/theme-editor-${theme}.png`, fullPage: true })
    expect(await serious(page), `editor (${theme})`).toEqual([])

    await page.getByRole('region', { name: 'Review and approval' }).getByRole('button', { name: 'History' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    expect(await serious(page), `history (${theme})`).toEqual([])
    await page.keyboard.press('Escape')

    await page.goto('/#/plans')
    await expect(page.locator('tbody tr')).toHaveCount(1)
    await page.screenshot({ path: `${results}/theme-library-${theme}.png`, fullPage: true })
    expect(await serious(page), `library (${theme})`).toEqual([])

    await page.goto('/#/settings')
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
    await page.getByRole('button', { name: 'Add system' }).click()
    await page.screenshot({ path: `${results}/theme-settings-${theme}.png`, fullPage: true })
    expect(await serious(page), `settings (${theme})`).toEqual([])

    await page.goto(`/#/plans/${id}/summary`)
    await expect(page.getByTestId('plan-summary')).toBeVisible()
    expect(await serious(page), `summary (${theme})`).toEqual([])
    await page.goto(`/#/plans/${id}/theatre`)
    await expect(page.getByTestId('theatre-sheet')).toBeVisible()
    await page.screenshot({ path: `${results}/theme-theatre-${theme}.png`, fullPage: true })
    expect(await serious(page), `theatre sheet (${theme})`).toEqual([])
  })
}
