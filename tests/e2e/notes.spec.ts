// Issue #13: multi-line notes — Enter starts a new line in the notes (it moves on elsewhere in
// the form), the lines are saved as typed and come back after a reload.
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { openSeededPlan, storedPlan } from './plan-helpers'

const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>

test('notes take several lines and keep them through autosave and reload', async ({ page }) => {
  const id = await openSeededPlan(page, { ...CASE, notes: undefined })
  const notes = page.locator('#f-notes')
  await expect(notes).toHaveJSProperty('tagName', 'TEXTAREA')
  await notes.click()
  await page.keyboard.type('Stage 1: 2026-12-03')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Check stoma site with the nurse')
  await expect(notes).toBeFocused()
  await expect(notes).toHaveValue('Stage 1: 2026-12-03\nCheck stoma site with the nurse')
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 10_000 })
  await expect.poll(async () => ((await storedPlan(page, id))['caseFile'] as Record<string, unknown>)['notes']).toBe('Stage 1: 2026-12-03\nCheck stoma site with the nurse')
  await page.reload()
  await expect(page.locator('#f-notes')).toHaveValue('Stage 1: 2026-12-03\nCheck stoma site with the nurse')
})
