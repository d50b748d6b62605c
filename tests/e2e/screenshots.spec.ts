// Screenshots of the main screens (test-results/screenshots/), looked at by people: the README's
// picture comes from here. Each also checks that the screen shows what it should.
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { openSeededPlan } from './plan-helpers'

const transfemoral = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>

test('the editor with a complete transfemoral case', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openSeededPlan(page, transfemoral)
  // The plan strip (narrow windows only) repeats the size; look at the visible one.
  await expect(page.getByText('Ø 18.5 mm', { exact: false }).filter({ visible: true }).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/editor.png' })
})
