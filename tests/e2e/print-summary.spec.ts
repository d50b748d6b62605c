// The printed plan summary: a complete case is seeded into the app's IndexedDB, its summary is
// opened and printed to PDF (A4 and US Letter) by Chromium; the PDF's text must carry the
// patient code, the implant size, the soft-tissue target and, on every page, the disclaimer and
// the page number. Each page is also rendered to PNG (test-results/<port>/) to be looked at.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

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
  expect(want.diameter).toMatch(/^\d+(\.\d)? mm$/)
  expect(want.target).toMatch(/^\d+(\.\d)? mm$/)
  expect(want.disclaimer).toMatch(/^Decision support for qualified surgeons/)
  return want
}

/** Creates a plan through the UI, then writes the case file into its row (as an import would). */
async function seedPlan(page: Page, caseFile: Record<string, unknown>): Promise<string> {
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).first().click()
  await expect(page).toHaveURL(/#\/plans\/[A-Za-z0-9_-]+$/)
  const planId = /#\/plans\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? ''
  await page.evaluate(
    async ({ id, caseFile }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('osseoplan')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('plans', 'readwrite')
        const store = tx.objectStore('plans')
        const get = store.get(id)
        get.onsuccess = () => {
          const patient = caseFile['patient'] as Record<string, unknown>
          const limb = caseFile['limb'] as Record<string, unknown>
          store.put({ ...get.result, caseFile, patientCode: patient['code'], level: limb['level'], side: limb['side'], surgeon: 'Dr E2E' })
        }
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { id: planId, caseFile }
  )
  return planId
}

function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  return text
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
}

async function printAndCheck(page: Page, format: 'A4' | 'Letter', want: Expected) {
  mkdirSync(OUT, { recursive: true })
  const file = path.join(OUT, `summary-${format}.pdf`)
  writeFileSync(file, await page.pdf({ format }))
  const pages = pdfPages(file)
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
  const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(size).toMatch(format === 'A4' ? /Page size:.*\(A4\)/ : /Page size:.*\(letter\)/)
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, `summary-${format}`)])
  return pages
}

test('the summary of a complete case prints to PDF on A4 and US Letter with the disclaimer and page numbers on every page', async ({ page }) => {
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
  const a4 = await printAndCheck(page, 'A4', want)
  const letter = await printAndCheck(page, 'Letter', want)
  expect(a4.length).toBeLessThanOrEqual(5)
  expect(letter.length).toBeLessThanOrEqual(5)
})

test('an incomplete case says it cannot be printed and lists what is missing', async ({ page }) => {
  const partial = { ...CASE, bone: undefined }
  const planId = await seedPlan(page, JSON.parse(JSON.stringify(partial)) as Record<string, unknown>)
  await page.goto(`/#/plans/${planId}/summary`)
  await expect(page.getByText('This plan cannot be printed yet.')).toBeVisible()
  await expect(page.getByRole('cell', { name: 'bone', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print…' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Export PDF…' })).toBeDisabled()
})

test('Export PDF goes through the desktop bridge with the default file name and the paper size', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    const calls: unknown[] = []
    w['__calls'] = calls
    w['osseoplan'] = {
      appInfo: async () => ({ version: 'test', platform: 'test', versions: { electron: '', chrome: '', node: '' } }),
      printPlan: async (request: unknown) => {
        calls.push(['print', request])
        return { ok: true }
      },
      exportPdf: async (request: unknown) => {
        calls.push(['pdf', request])
        return { ok: true, path: '/tmp/plan.pdf' }
      },
      saveTextFile: async () => ({ ok: false, reason: 'cancelled' }),
      openTextFile: async () => ({ ok: false, reason: 'cancelled' }),
      onMenuCommand: () => () => undefined
    }
  })
  const planId = await seedPlan(page, CASE)
  await page.goto(`/#/plans/${planId}/summary`)
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(page.getByText('PDF saved: /tmp/plan.pdf')).toBeVisible()
  // The native menu's command reaches the open summary as a window event.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('osseoplan:command', { detail: 'print' })))
  await expect(page.getByText('Sent to the printer.')).toBeVisible()
  const calls = await page.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)
  const today = await page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  expect(calls).toEqual([
    ['pdf', { defaultFileName: `${PATIENT_CODE} transfemoral ${today}.pdf`, pageSize: 'A4' }],
    ['print', { pageSize: 'A4' }]
  ])
})
