// The printed plan summary: a complete case is seeded into the app's IndexedDB, its summary is
// opened and printed to PDF (A4 and US Letter) by Chromium, on two pages at most; the PDF's text
// must carry every section issue #6 requires (header, inputs, implant with its neighbours and the
// magnification sensitivity, canal, bone-to-skin, build height, findings, eligibility, stage plan,
// loading table and chart, drawing, the basis of every rule, every site default, every source,
// sign-off) and, on every page, the disclaimer and the page number. Each page is also rendered to
// PNG (test-results/<port>/print/) to be looked at.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { pdfPages, pdfPaper } from '../support/pdf-pages'
import { choosePaperSize } from './settings-helpers'
import { expectMagnifiedInFrame } from './sheet-helpers'
import { bridgeCalls, installFakeBridge, openSeededPlan, seedPlan, today } from './plan-helpers'
import { ENGINE_VERSION } from '../../src/shared/plan'

const OUT = path.join('test-results', process.env['E2E_PORT'] ?? 'local', 'print')
const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
const PATIENT_CODE = (CASE['patient'] as Record<string, string>)['code'] ?? ''

interface Expected {
  code: string
  diameter: string
  target: string
  disclaimer: string
}

/** The numbers the summary shows on screen (the core's result, formatted by the summary model). */
async function shownOnScreen(page: Page): Promise<Expected> {
  const sheet = page.getByTestId('plan-summary')
  const valueOf = (label: string) => sheet.getByRole('row', { name: label, exact: false }).first().locator('.value').innerText()
  const want = {
    code: PATIENT_CODE,
    diameter: await valueOf('Diameter'),
    target: await valueOf('Bone-to-skin target'),
    disclaimer: (await sheet.getByRole('note').innerText()).trim()
  }
  expect(want.diameter).toMatch(/^Ø \d+(\.\d+)? mm$/) // catalogue size, exact, in mm
  expect(want.target).toMatch(/^\d+(\.\d)? mm$/)
  expect(want.disclaimer).toMatch(/^Decision support for qualified surgeons/)
  return want
}

/**
 * Text compared without white space, hyphens and case (pdftotext joins a word split at a line-end
 * hyphen; small headings are upper-cased by CSS).
 */
const squash = (text: string) => text.replace(/[\s\u00ad\u2010-]+/g, '').toLowerCase()

/** The PDF's text in the order it was drawn (document order: a column's text stays together), for "is it on the sheet" checks. */
function pdfText(file: string): string {
  return squash(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }))
}

/** The rows of a poppler listing (pdffonts, pdfimages -list): its output without the two header lines. */
function popplerRows(tool: 'pdffonts' | 'pdfimages', args: string[]): string[] {
  return execFileSync(tool, args, { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '')
}


/** Printable width in CSS px of each paper (page width − the @page side margins of print.css). */
const PRINTABLE_WIDTH_PX = { A4: ((210 - 24) / 25.4) * 96, Letter: ((215.9 - 26) / 25.4) * 96 }

/**
 * Nothing in the printed sheet is wider than the paper: Chromium would otherwise shrink the whole
 * document to fit, and a page count or a type size checked on the PDF would mean nothing.
 */
async function expectFitsPaperWidth(page: Page, format: 'A4' | 'Letter') {
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: Math.floor(PRINTABLE_WIDTH_PX[format]), height: 1000 })
  const overflow = await page.getByTestId('plan-summary').evaluate((sheet) => {
    const limit = sheet.getBoundingClientRect().right + 0.5
    return [...sheet.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > limit).map((el) => `${el.tagName}.${el.className}`)
  })
  await page.emulateMedia({ media: null })
  expect(overflow, `elements wider than the ${format} page`).toEqual([])
}

/** What the sheet shows on screen that the paper must carry too: every basis rule, site default and source. */
async function referenceOnScreen(page: Page) {
  const sheet = page.getByTestId('plan-summary')
  const texts = async (selector: string) => (await sheet.locator(selector).allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '')
  const siteDefaults = await sheet.locator('.sum-defaults span[title]').allInnerTexts()
  return {
    rules: await texts('.sum-basis-rule .mono'),
    siteDefaults: siteDefaults.map((t) => t.replace(/^\s*·\s*/, '').trim()),
    sources: await texts('.sum-sources > span > .mono')
  }
}

async function printAndCheck(page: Page, format: 'A4' | 'Letter', want: Expected, name = `summary-${format}`) {
  await expectFitsPaperWidth(page, format)
  mkdirSync(OUT, { recursive: true })
  const file = path.join(OUT, `${name}.pdf`)
  // As the desktop app prints (desktop-actions.ts): the sheet's own @page size decides, and it
  // follows the Paper size setting; no format is given, so a sheet without one would print on
  // the browser's default paper and fail the page-size check below.
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  // While printing, the screen copy is not laid out (printing-flag.ts); right after, it is back.
  await expect(page.locator('html')).not.toHaveClass(/\bprinting\b/)
  await expect(page.getByTestId('plan-summary').getByRole('heading', { name: 'Implant recommendation' })).toBeVisible()
  await expectMagnifiedInFrame(page, 'plan-summary')
  // The drawing (its hatch included) prints as vectors: no image in a summary without radiographs.
  const images = popplerRows('pdfimages', ['-list', file])
  expect(images, `the ${format} summary holds no raster image`).toEqual([])
  const pages = pdfPages(file)
  // The typical transfemoral plan prints on two pages (issue #13); the one-page brief is the theatre sheet.
  expect(pages.length, `the ${format} summary fits two pages`).toBeLessThanOrEqual(2)
  expect(pages.length).toBeGreaterThanOrEqual(1)
  const all = pages.join(' ')
  expect(all).toContain(want.code)
  expect(all).toContain(`Diameter ${want.diameter}`)
  expect(all).toContain(`Bone-to-skin target ${want.target}`)
  const disclaimerStart = want.disclaimer.slice(0, 60)
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1} carries the disclaimer`).toContain(disclaimerStart)
    expect(text, `page ${i + 1} is numbered`).toContain(`Page ${i + 1} of ${pages.length}`)
    expect(text, `page ${i + 1} names the patient`).toContain(want.code)
  })
  // The summary's own two faces and no other (print.css): no text falls back to the system's
  // large UI font, which each print would copy and subset (docs/performance.md).
  const fonts = popplerRows('pdffonts', [file]).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
  expect(fonts.sort(), `the ${format} PDF embeds only the summary's faces`).toEqual(['OsseoPlanSans', 'OsseoPlanSans-Bold'])
  expect(pdfPaper(file), `the ${format} summary's paper`).toBe(format === 'A4' ? 'A4' : 'letter')
  // One PNG per page of this PDF (earlier runs' extra pages removed, so what is there is current).
  readdirSync(OUT)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .forEach((f) => rmSync(path.join(OUT, f)))
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(OUT, name)])
  return { pages, text: pdfText(file) }
}

/** Every section the issue requires, by the text that shows it is there (squashed, see `squash`). */
const REQUIRED_TEXT = [
  // header
  'Osseointegration plan summary',
  'Transfemoral, left (femur)',
  'Current plan (not a saved revision)',
  'Content hash',
  // inputs, with how each was measured
  'Inputs and how they were measured',
  'Socket rehabilitation',
  'DEXA T-score',
  'X-ray, corrected for 1.15× magnification (calibration marker)',
  'Residual bone length 220 mm from tip of greater trochanter',
  'Distal soft-tissue thickness 30 mm ultrasound',
  'Canal stations',
  'Sound-side length 410 mm',
  'Components (build height) abutment / adapter 40 mm; safety device 30 mm; prosthetic knee 100 mm',
  // implant, neighbours, sensitivity; canal; bone-to-skin; build height
  'Implant recommendation',
  'One size smaller',
  'One size larger',
  'Magnification sensitivity',
  'Magnification − 5 %',
  'Magnification + 5 %',
  'Prepared canal',
  'Cortical contact length',
  'Thinnest remaining cortex',
  'Planned reduction',
  'Build height',
  'Required 170 mm',
  // findings, eligibility, stage plan
  'Findings',
  'R-SOFT-REDUCTION',
  'Eligibility findings',
  'Criteria met: Age / skeletal maturity',
  'Stage plan',
  'Stages two stages',
  'Evidence, one stage vs two stages [S60]: superficial infection 38 % vs 52 %',
  // loading schedule: table (every day) and chart
  'Loading schedule',
  'Day 0 14 28 42 56 70 84 98 112 126 140 154 168 182',
  'Load (kg) 10 15.5* 21.1*',
  'Activity day 0: start of gradual loading',
  '* interpolated; bold: published anchor point; the chart shows every point.',
  'day after day 0',
  // drawing
  'To-scale drawing',
  'printed at 1:',
  // reference
  'Basis of each number',
  'Site defaults used',
  'Not confirmed by the site (24)',
  'Sources',
  `Engine ${ENGINE_VERSION}`,
  'Sign-off',
  'Surgeon: name and signature',
  'MDT reviewer: name and signature'
]

function expectRequiredContent(text: string, format: string, reference: Awaited<ReturnType<typeof referenceOnScreen>>) {
  const shows = (part: string) => text.includes(squash(part))
  for (const required of REQUIRED_TEXT) expect(shows(required), `the ${format} PDF shows "${required}"`).toBe(true)
  expect(reference.rules.length).toBeGreaterThanOrEqual(8)
  for (const rule of reference.rules) expect(shows(rule), `the ${format} PDF gives the basis of ${rule}`).toBe(true)
  // 24 since issue #12: the BMI limit is a site default outside the transhumeral OPRA programme, and so is the knee contracture limit.
  expect(reference.siteDefaults).toHaveLength(24)
  for (const d of reference.siteDefaults) expect(shows(d), `the ${format} PDF lists the site default "${d}"`).toBe(true)
  expect(reference.sources.length).toBeGreaterThanOrEqual(10)
  for (const src of reference.sources) expect(shows(src), `the ${format} PDF lists the source ${src}`).toBe(true)
}

test('the summary of a complete case prints to PDF on A4 and, with the Paper size setting, on US Letter, with the disclaimer and page numbers on every page', async ({ page }) => {
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}/summary`)
  const sheet = page.getByTestId('plan-summary')
  await expect(sheet.getByRole('heading', { name: 'Osseointegration plan summary' })).toBeVisible()
  await expect(sheet).toContainText(PATIENT_CODE)
  await expect(sheet.getByRole('heading', { name: 'Implant recommendation' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print…' })).toBeEnabled()
  await page.setViewportSize({ width: 1100, height: 1400 })
  await page.screenshot({ path: path.join(OUT, 'summary-screen.png'), fullPage: true })

  const want = await shownOnScreen(page)
  const reference = await referenceOnScreen(page)
  await expect(sheet.locator('svg.load-chart')).toBeVisible()
  await expect(sheet.getByTestId('bone-drawing')).toBeVisible()
  // Two pages on either paper (printAndCheck), with every required section on them.
  const a4 = await printAndCheck(page, 'A4', want)
  // US Letter as a surgeon gets it: the Paper size setting, then the same summary printed again.
  await choosePaperSize(page, 'Letter')
  await page.goto(`/#/plans/${planId}/summary`)
  await expect(sheet.getByRole('heading', { name: 'Implant recommendation' })).toBeVisible()
  const letter = await printAndCheck(page, 'Letter', want)
  expectRequiredContent(a4.text, 'A4', reference)
  expectRequiredContent(letter.text, 'Letter', reference)
  // Page 1 is what theatre needs (results, inputs, drawing, loading); page 2 the reference.
  expect(a4.pages[0]).toContain('To-scale drawing')
  expect(a4.pages[1]).toContain('Basis of each number')
})

test('a stored revision prints as stored: its number, status and hash on every page', async ({ page }) => {
  const planId = await openSeededPlan(page, CASE)
  await page.getByRole('region', { name: 'Review and approval' }).getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(page.getByRole('region', { name: 'Review and approval' })).toContainText('Status: reviewed')
  await page.getByRole('region', { name: 'Review and approval' }).getByRole('button', { name: 'History' }).click()
  await page.getByRole('dialog').getByRole('link', { name: 'Summary' }).click()
  await expect(page).toHaveURL(new RegExp(`#/plans/${planId}/summary/[A-Za-z0-9_-]+$`))
  const sheet = page.getByTestId('plan-summary')
  await expect(sheet).toContainText('Revision 1')
  await expect(sheet).toContainText('Reviewed')
  const hash = (await sheet.locator('.sum-hfield', { hasText: 'Content hash' }).locator('dd').innerText()).trim()
  expect(hash).toMatch(/^[0-9a-f]{12}$/)

  const want = await shownOnScreen(page)
  const { pages } = await printAndCheck(page, 'A4', want, 'revision-A4')
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1} names the revision`).toContain('Revision 1')
    expect(text, `page ${i + 1} carries the hash`).toContain(hash)
  })
})

test('an incomplete case says it cannot be printed and lists what is missing', async ({ page }) => {
  const partial = { ...CASE, bone: undefined }
  const planId = await seedPlan(page, JSON.parse(JSON.stringify(partial)) as Record<string, unknown>)
  await page.goto(`/#/plans/${planId}/summary`)
  await expect(page.getByText('This plan cannot be printed yet.')).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Bone and canal', exact: true })).toBeVisible()
  await expect(page.getByTestId('plan-summary')).not.toContainText('bone.')
  await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Export PDF…' })).toBeDisabled()
})

test('Export PDF goes through the desktop bridge with the default file name and the paper size', async ({ page }) => {
  await installFakeBridge(page)
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}/summary`)
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(page.getByText('PDF saved: /tmp/plan.pdf')).toBeVisible()
  // The native menu's command reaches the open summary as a window event.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('osseoplan:command', { detail: 'print' })))
  await expect(page.getByText('Sent to the printer.')).toBeVisible()
  expect(await bridgeCalls(page)).toEqual([
    ['pdf', { defaultFileName: `${PATIENT_CODE} transfemoral ${await today(page)}.pdf`, pageSize: 'A4' }],
    ['print', { pageSize: 'A4' }]
  ])
})
