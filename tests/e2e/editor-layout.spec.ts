// The editor's layout at the window sizes surgeons use (issue #13 items 9 and 16): the plan stays
// in sight on narrow windows, the two-plane table fits at 1280 px, selects show their whole text,
// and the basis pop-up stays inside the plan column.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { enterCase, fid, loadCase, newPlan } from './editor-helpers'
import type { CaseFileV1 } from '../../src/shared'

const results = process.env['E2E_RESULTS'] ?? 'test-results'

function twoPlaneCase(): CaseFileV1 {
  const c = loadCase('transfemoral')
  const stations = c.bone.stations.map((s) => ({
    fromDistalEnd: s.fromDistalEnd,
    endostealAP: s.endosteal,
    endostealLat: typeof s.endosteal === 'number' ? s.endosteal + 1 : s.endosteal,
    periostealAP: s.periosteal,
    periostealLat: typeof s.periosteal === 'number' ? s.periosteal + 1 : s.periosteal
  }))
  return { ...c, bone: { ...c.bone, stations } }
}

/** Selects whose chosen option's text is wider than the select shows. */
async function clippedSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!
    const out: string[] = []
    for (const s of document.querySelectorAll<HTMLSelectElement>('.ed-form select')) {
      if (s.getClientRects().length === 0) continue
      const style = getComputedStyle(s)
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const text = s.selectedOptions[0]?.text ?? ''
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 18 // the arrow
      if (canvas.measureText(text).width > room) out.push(`${s.id || s.getAttribute('aria-label')}: "${text}"`)
    }
    return out
  })
}

test('at 1280 px the two-plane table fits: lateral columns and Remove in view, no sideways scroll; planes switch off', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await newPlan(page)
  await enterCase(page, twoPlaneCase())
  await expect(page.getByTestId('plan-status')).toBeVisible()
  const table = page.locator('.ed-stations')
  const overflow = await table.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const remove = page.getByRole('button', { name: 'Remove station 1' })
  await remove.scrollIntoViewIfNeeded()
  const box = (await table.boundingBox())!
  const removeBox = (await remove.boundingBox())!
  expect(removeBox.x + removeBox.width).toBeLessThanOrEqual(box.x + box.width)
  await page.locator('#sec-bone').screenshot({ path: `${results}/editor-two-planes-1280.png` })

  // Two planes → one: the checkbox stays; the plan does not change; the lateral values come back.
  const implant = await page.getByTestId('res-implant').textContent()
  const checkbox = page.getByLabel('Two planes (AP and lateral)')
  await checkbox.uncheck()
  await expect(page.getByTestId('planes-notice')).toContainText('kept aside')
  await expect(page.locator(fid('bone.stations[0].endostealLat'))).toHaveCount(0)
  await expect(page.locator(fid('bone.stations[0].endosteal'))).toBeVisible()
  await expect(page.getByTestId('stale-label')).toHaveCount(0)
  await expect(page.getByTestId('res-implant')).toHaveText(implant ?? '')
  await checkbox.check()
  await expect(page.locator(fid('bone.stations[0].endostealLat'))).toBeVisible()
  await expect(page.locator(fid('bone.stations[0].periostealLat'))).toHaveValue(String(Number(loadCase('transfemoral').bone.stations[0]!.periosteal) + 1))
})

test('at 1024 px the plan stays in sight while typing (summary strip), selects show their whole text', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  await newPlan(page)
  await enterCase(page, loadCase('transfemoral'))
  await expect(page.getByTestId('plan-status')).toBeAttached()
  const strip = page.getByTestId('plan-strip')
  const cell = page.locator(fid('bone.stations[2].endosteal'))
  await cell.scrollIntoViewIfNeeded()
  await cell.fill('17.5')
  await expect(strip).toBeInViewport()
  await expect(strip).toContainText(/Implant: Ø [\d.]+ mm × [\d.]+ mm/)
  await expect(strip).toContainText('OK')
  await page.screenshot({ path: `${results}/editor-1024-typing.png` })
  expect(await clippedSelects(page)).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(strip).toBeHidden()
  expect(await clippedSelects(page)).toEqual([])
  await page.screenshot({ path: `${results}/editor-1280.png` })
})

test('the basis pop-up stays inside the plan column', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await newPlan(page)
  await enterCase(page, loadCase('transfemoral'))
  const column = page.locator('aside.ed-result')
  for (const testId of ['res-implant', 'res-contact', 'res-reduction']) {
    const button = page.getByTestId(testId).getByRole('button').last()
    await button.click()
    const pop = page.locator('.basis-pop').first()
    await expect(pop).toBeVisible()
    const [p, c] = [(await pop.boundingBox())!, (await column.boundingBox())!]
    expect(p.x).toBeGreaterThanOrEqual(c.x)
    expect(p.x + p.width).toBeLessThanOrEqual(c.x + c.width)
    if (testId === 'res-implant') await column.screenshot({ path: `${results}/editor-basis-1280.png` })
    await button.click()
  }
})
