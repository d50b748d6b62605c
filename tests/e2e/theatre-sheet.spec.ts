// Issue #13: the theatre sheet — one A4 / US Letter page in large print with patient code, level
// and SIDE, implant system, diameter × length, canal preparation, resection level, bone-to-skin
// target, stage, the next smaller and larger sizes, and the to-scale drawing with labels that
// print at 8 pt or more. Reached from the editor, the summary and a library row's menu; printed to PDF by Chromium
// and rendered to PNG (test-results/<port>/theatre/) to be looked at.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { pdfPages, pdfPaper } from '../support/pdf-pages'
import { choosePaperSize } from './settings-helpers'
import { expectMagnifiedInFrame } from './sheet-helpers'
import { rowAction } from './library-helpers'
import { bridgeCalls, installFakeBridge, openSeededPlan, seedPlan, today } from './plan-helpers'

const OUT = path.join('test-results', process.env['E2E_PORT'] ?? 'local', 'theatre')
const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
const CODE = String((CASE['patient'] as Record<string, unknown>)['code'])

/** Smallest printed size (pt) of the drawing's labels: font size in SVG units × printed mm per unit. */
async function smallestDrawingLabelPt(page: Page, sheet: string): Promise<number> {
  await page.emulateMedia({ media: 'print' })
  const pt = await page.getByTestId(sheet).getByTestId('bone-drawing').evaluate((svg) => {
    const s = svg as SVGSVGElement
    const mmPerUnit = parseFloat(s.getAttribute('width') ?? '0') / s.viewBox.baseVal.width
    const sizes = [...s.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size') ?? '0') * mmPerUnit * (72 / 25.4))
    return Math.min(...sizes)
  })
  await page.emulateMedia({ media: null })
  return pt
}

function pdf(file: string): { pages: string[]; paper: string } {
  // Raw order keeps a column's text together; case is CSS's (small headings are upper-cased).
  return { pages: pdfPages(file, 'raw').map((p) => p.toLowerCase()), paper: pdfPaper(file) }
}

test('the theatre sheet prints on one page of A4 and of US Letter, large, with what theatre needs', async ({ page }) => {
  test.setTimeout(120_000)
  const planId = await openSeededPlan(page, CASE)
  await page.getByRole('button', { name: 'Theatre sheet' }).click()
  await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/theatre$`))
  const sheet = page.getByTestId('theatre-sheet')
  await expect(sheet.getByRole('heading', { name: 'Theatre sheet' })).toBeVisible()
  await expect(sheet).toContainText(CODE)
  await expect(sheet.locator('.th-side')).toHaveText('LEFT')
  await expectMagnifiedInFrame(page, 'theatre-sheet')
  // Side and patient code are the largest print on the sheet.
  const sidePt = await sheet.locator('.th-side').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75)
  expect(sidePt).toBeGreaterThanOrEqual(36)
  const valuePt = await sheet.locator('.th-value').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75)
  expect(valuePt).toBeGreaterThanOrEqual(18)
  expect(await smallestDrawingLabelPt(page, 'theatre-sheet')).toBeGreaterThanOrEqual(8)

  // The summary's numbers are the sheet's numbers.
  await page.goto(`/#/plans/${planId}/summary`)
  const summary = page.getByTestId('plan-summary')
  const diameter = (await summary.getByRole('row', { name: 'Diameter' }).first().locator('.value').innerText()).replace(' mm', '')
  const length = await summary.getByRole('row', { name: 'Length' }).first().locator('.value').innerText()
  const target = await summary.getByRole('row', { name: 'Bone-to-skin target' }).first().locator('.value').innerText()
  const prepared = await summary.locator('.sum-kv tr', { hasText: 'Prepared canal' }).first().locator('.value').innerText()
  await page.getByRole('link', { name: /^Theatre sheet/ }).click()
  await expect(sheet).toBeVisible()
  await page.setViewportSize({ width: 1000, height: 1400 })
  mkdirSync(OUT, { recursive: true })
  await page.screenshot({ path: path.join(OUT, 'theatre-screen.png'), fullPage: true })

  for (const format of ['A4', 'Letter'] as const) {
    if (format === 'Letter') {
      // US Letter as a surgeon gets it: the Paper size setting, then the same sheet again.
      await choosePaperSize(page, 'Letter')
      await page.goto(`/#/plans/${planId}/theatre`)
      await expect(sheet.getByRole('heading', { name: 'Theatre sheet' })).toBeVisible()
    }
    const file = path.join(OUT, `theatre-${format}.pdf`)
    // As the desktop app prints: the sheet's own @page size (from the setting) decides.
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    const { pages, paper } = pdf(file)
    expect(pages, `the ${format} theatre sheet is one page`).toHaveLength(1)
    expect(paper, `the ${format} theatre sheet's paper`).toBe(format === 'A4' ? 'A4' : 'letter')
    const text = pages[0] ?? ''
    for (const want of [
      'Theatre sheet',
      CODE,
      'LEFT',
      'Transfemoral (femur)',
      'Implant system',
      // The summary's diameter carries its own "Ø" since the sizes are formatted in one place (issue #12).
      `${diameter.startsWith('Ø') ? diameter : `Ø ${diameter}`} × ${length}`,
      'diameter × length',
      `Canal preparation Ream to ${prepared.replace(/^Ø\s*/, '')}`,
      'Resection level',
      `Bone-to-skin target ${target}`,
      'Stage Two stages',
      'On the shelf',
      'One size smaller',
      'One size larger',
      'Decision support for qualified surgeons'
    ])
      expect(text, `the ${format} sheet shows "${want}"`).toContain(want.toLowerCase())
    execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(OUT, `theatre-${format}`)])
  }
})

test('Export PDF of the theatre sheet goes through the desktop bridge with its own file name; the menu opens it', async ({ page }) => {
  await installFakeBridge(page)
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}/summary`)
  await expect(page.getByTestId('plan-summary')).toBeVisible()
  // The native menu's "Theatre sheet" switches from the summary to the sheet of the same plan.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('osseoplan:command', { detail: 'theatre-sheet' })))
  await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/theatre$`))
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(page.getByText('PDF saved: /tmp/plan.pdf')).toBeVisible()
  expect(await bridgeCalls(page)).toEqual([['pdf', { defaultFileName: `${CODE} transfemoral ${await today(page)} theatre sheet.pdf`, pageSize: 'A4' }]])
})

test('a library row opens its theatre sheet from the actions menu', async ({ page }) => {
  const planId = await seedPlan(page, CASE)
  await page.goto('/')
  await rowAction(page.locator(`tbody tr[data-plan-id="${planId}"]`), 'Theatre sheet')
  await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/theatre$`))
  await expect(page.getByTestId('theatre-sheet').locator('.th-side')).toHaveText('LEFT')
})

test('the summary drawing prints its labels at 8 pt or more, the component stack in line under the stoma', async ({ page }) => {
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}/summary`)
  const drawing = page.getByTestId('plan-summary').getByTestId('bone-drawing')
  await expect(drawing).toBeVisible()
  expect(await smallestDrawingLabelPt(page, 'plan-summary')).toBeGreaterThanOrEqual(8)
  // Each component is centred on the limb's axis (x = 0), below the distal bone end.
  const boxes = await drawing.locator('rect.bd-component').evaluateAll((rects) =>
    rects.map((r) => ({ x: parseFloat(r.getAttribute('x') ?? 'NaN'), w: parseFloat(r.getAttribute('width') ?? 'NaN'), y: parseFloat(r.getAttribute('y') ?? 'NaN') }))
  )
  expect(boxes.length).toBe(3)
  for (const b of boxes) {
    expect(Math.abs(b.x + b.w / 2)).toBeLessThan(0.01)
    expect(b.y).toBeGreaterThanOrEqual(0)
  }
})
