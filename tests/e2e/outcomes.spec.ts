// After surgery, end to end in Chromium: approve a plan, record the operation (planned vs
// implanted), a baseline and a 12-month visit, an infection; see the course; the Audit screen
// counts the patient; typed text survives a reload before it is saved; axe finds no serious issue;
// deleting the plan asks twice.
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { pdfPaper } from '../support/pdf-pages'
import { choosePaperSize } from './settings-helpers'
import { openSeededPlan } from './plan-helpers'
import { acknowledgeSiteDefaults } from './review-helpers'

const CASE = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
const results = process.env['E2E_RESULTS'] ?? 'test-results'
const reviewBar = (page: Page) => page.getByRole('region', { name: 'Review and approval' })

async function seriousViolations(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function approvedPlan(page: Page): Promise<string> {
  const id = await openSeededPlan(page, CASE)
  await reviewBar(page).getByRole('button', { name: 'Mark reviewed' }).click()
  await acknowledgeSiteDefaults(reviewBar(page))
  await reviewBar(page).getByRole('button', { name: 'Approve' }).click()
  await expect(reviewBar(page)).toContainText('Approved — read-only')
  return id
}

test('record the operation, visits and an event on an approved plan; the audit counts them', async ({ page }) => {
  test.setTimeout(180_000) // a long journey with two axe scans on a shared, slow machine
  const id = await approvedPlan(page)
  await reviewBar(page).getByRole('link', { name: 'Record operation and follow-up' }).click()
  await expect(page).toHaveURL(new RegExp(`#/plans/${id}/outcomes$`))
  await expect(page.getByRole('heading', { name: /After surgery/ })).toBeVisible()

  // Operation: a wrong entry is named at its field and nothing is saved.
  await page.getByLabel('Stage 1 — date').fill('2025-01-15')
  await page.getByLabel('Implanted diameter (mm)').fill('16,5')
  await page.getByLabel('Implanted length (mm)').fill('140')
  await page.getByRole('button', { name: 'Record operation' }).click()
  await expect(page.getByRole('alert')).toContainText('Not saved')
  await expect(page.getByText('must be a number; use a decimal point: 16.5')).toBeVisible()
  const planned = page.getByRole('table', { name: 'Planned and implanted implant' })
  const plannedDiameter = (await planned.getByRole('row', { name: /Diameter/ }).getByRole('cell').first().textContent()) ?? ''
  await page.getByLabel('Implanted diameter (mm)').fill(plannedDiameter.replace(/[^\d.]/g, ''))
  await page.getByLabel('Change 1 — what differed from the plan').fill('Longer stem')
  await page.getByLabel('Change 1 — reason').fill('Canal longer than templated')
  await page.getByRole('button', { name: 'Record operation' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Operation record saved.' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save operation record' })).toBeVisible()

  // Visits: a baseline and a 12-month visit.
  await page.getByLabel('Visit', { exact: true }).selectOption('baseline')
  await page.getByLabel('Visit date').fill('2025-01-02')
  await page.getByLabel('6-minute walk (m)').fill('300')
  await page.getByLabel('Timed Up and Go (s)').fill('15')
  await page.getByRole('button', { name: 'Add visit' }).click()
  await expect(page.getByRole('heading', { name: 'Follow-up visits (1)' })).toBeVisible()
  await page.getByLabel('Visit date').fill('2026-01-20')
  await page.getByLabel('6-minute walk (m)').fill('420')
  await page.getByLabel('Timed Up and Go (s)').fill('9')
  await page.getByLabel('Q-TFA global (0–100)').fill('140')
  await page.getByRole('button', { name: 'Add visit' }).click()
  await expect(page.getByText('must be at most 100 points')).toBeVisible()
  await page.getByLabel('Q-TFA global (0–100)').fill('64')
  await page.getByRole('button', { name: 'Add visit' }).click()
  await expect(page.getByRole('heading', { name: 'Follow-up visits (2)' })).toBeVisible()

  // An infection, graded on the shipped scale.
  await page.getByLabel('Date', { exact: true }).fill('2025-06-01')
  await page.getByLabel('Infection grade').selectOption('1')
  await page.getByLabel('Note', { exact: true }).fill('Oral antibiotics, resolved')
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(page.getByRole('heading', { name: 'Events (1)' })).toBeVisible()
  // Corrected after entry: the date was wrong.
  await page.getByRole('button', { name: 'Correct Infection of 2025-06-01' }).click()
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2025-06-01')
  await page.getByLabel('Date', { exact: true }).fill('2025-06-03')
  await page.getByRole('button', { name: 'Save correction' }).click()
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('2025-06-03')
  await expect(page.getByRole('table', { name: 'Events' })).not.toContainText('2025-06-01')
  // A visit and an event entered by mistake are deleted after a confirmation (refused once: kept).
  await page.getByLabel('Visit date').fill('2025-02-20')
  await page.getByLabel('Timed Up and Go (s)').fill('12')
  await page.getByRole('button', { name: 'Add visit' }).click()
  await expect(page.getByRole('heading', { name: 'Follow-up visits (3)' })).toBeVisible()
  page.once('dialog', (d) => void d.dismiss())
  await page.getByRole('button', { name: 'Delete visit of 2025-02-20' }).click()
  await expect(page.getByRole('heading', { name: 'Follow-up visits (3)' })).toBeVisible()
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Delete visit of 2025-02-20' }).click()
  await expect(page.getByRole('heading', { name: 'Follow-up visits (2)' })).toBeVisible()
  await page.getByLabel('Date', { exact: true }).fill('2025-09-09')
  await page.getByLabel('Event', { exact: true }).selectOption('fracture')
  await page.getByRole('button', { name: 'Record event' }).click()
  await expect(page.getByRole('heading', { name: 'Events (2)' })).toBeVisible()
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Delete Periprosthetic fracture of 2025-09-09' }).click()
  await expect(page.getByRole('heading', { name: 'Events (1)' })).toBeVisible()

  // The course: timeline and charts with their tables.
  const timeline = page.getByRole('list', { name: 'Timeline' })
  await expect(timeline.getByRole('listitem')).toHaveCount(4)
  await expect(timeline).toContainText('Stage 1 operation')
  await expect(page.getByText('6-minute walk (m) — 2 visits')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.screenshot({ path: `${results}/outcomes-plan.png`, fullPage: true })

  // The plan itself is unchanged and still approved.
  await page.getByRole('link', { name: 'Back to the plan' }).click()
  await expect(reviewBar(page)).toContainText('Approved — read-only')
  // The event's correction is in the plan's history, old → new.
  await reviewBar(page).getByRole('button', { name: 'History' }).click()
  await expect(page.getByRole('dialog')).toContainText('Outcome record corrected')
  await expect(page.getByRole('dialog')).toContainText('Event date: 2025-06-01 → 2025-06-03')
  // So are the deletions, with what the deleted records held.
  await expect(page.getByRole('dialog')).toContainText('Outcome record deleted')
  await expect(page.getByRole('dialog')).toContainText('Visit date: 2025-02-20 → —')
  await expect(page.getByRole('dialog')).toContainText('Event date: 2025-09-09 → —')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Audit.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click()
  await expect(page.getByRole('heading', { name: 'Audit', exact: true })).toBeVisible()
  await expect(page.getByText('1 operated limb in this view')).toBeVisible()
  await expect(page.getByText('Only 1 operated limb: too few').first()).toBeVisible()
  const paired = page.getByRole('table', { name: 'Paired change' })
  await expect(paired.getByRole('row', { name: /6-minute walk/ })).toContainText('120 (IQR 120 to 120)')
  await expect(page.getByRole('table', { name: 'Event incidence' }).getByRole('row', { name: /^Infection/ }).first()).toContainText('1')
  await expect(page.getByRole('table', { name: 'Implanted against planned size' })).toContainText('100 % (1 of 1')
  await expect(page.getByTestId('follow-up-ended').first()).toContainText('1 of 1 still followed')
  await expect(page.getByTestId('records-to-correct')).toHaveCount(0)
  await page.getByLabel('Year of surgery').selectOption('2025')
  await expect(page.getByText('1 operated limb in this view')).toBeVisible()
  await page.getByLabel('Level').selectOption('transfemoral')
  await page.getByLabel('Stages').selectOption('2')
  await expect(page.getByText('0 operated limbs in this view')).toBeVisible()
  await page.getByLabel('Stages').selectOption('')
  expect(await seriousViolations(page)).toEqual([])
  await page.screenshot({ path: `${results}/outcomes-audit.png`, fullPage: true })

  // The cohort report: in print only the report shows, each figure with its n, the charts drawn.
  const report = page.getByRole('article', { name: 'Cohort report' })
  await expect(report).toBeHidden()
  await page.emulateMedia({ media: 'print' })
  await expect(report).toBeVisible()
  await expect(page.getByRole('group', { name: 'Filter the cohort' })).toBeHidden()
  await expect(report.getByRole('heading', { name: 'Cohort audit report' })).toBeVisible()
  await expect(report).toContainText('1 of 1 operated limbs recorded (level transfemoral, operated in 2025)')
  for (const heading of [/Follow-up completeness \(n = 1\)/, /Implant survival free of removal \(n = 1, 0 removals\)/, /Events per 100 implant-years \(n = 1,/, /Planning accuracy \(n = 1\)/]) await expect(report.getByRole('heading', { name: heading })).toBeVisible()
  await expect(report.getByRole('table', { name: 'Survival at each year since surgery' })).toBeVisible()
  await expect(report.locator('svg')).toHaveCount(2)
  await page.pdf({ path: `${results}/cohort-report.pdf`, preferCSSPageSize: true, printBackground: true })
  // On the paper of the Settings (A4 by default), from the report's own page size as the desktop app prints it.
  expect(pdfPaper(`${results}/cohort-report.pdf`)).toBe('A4')
  await page.emulateMedia({ media: 'screen' })

  // Deleting the plan asks twice (the library's dialog, then a confirmation naming the outcome
  // records); refusing the second keeps the plan and its records.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const code = String((CASE['patient'] as Record<string, unknown>)['code'])
  await page.getByRole('button', { name: new RegExp(`Actions for .*${code}`) }).first().click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete/ }).click()
  await expect.poll(() => dialogs.length).toBe(1)
  expect(dialogs[0]).toContain('1 operation record, 2 follow-up visits, 1 event')
  await expect(page.getByRole('row', { name: new RegExp(code) })).toBeVisible()
})

test('the follow-up schedule is a site setting: checked at the field, saved with its provenance, used by the audit; the cohort report prints on the paper of the Settings', async ({ page }) => {
  await page.goto('/#/settings')
  const section = page.getByRole('region', { name: 'After surgery (audit)' })
  await expect(section).toContainText('Follow-up schedule: 6 weeks, 3 months, 6 months, 12 months, then yearly to year 10 — site default — to confirm')
  const visits = section.getByLabel('Follow-up visits in the first years (after surgery, ± window in days)')
  await visits.fill('6 weeks ±14, 3 mnths ±28')
  await section.getByRole('button', { name: 'Save outcome settings' }).click()
  await expect(section.getByText('visit 2 “3 mnths ±28”: write a number')).toBeVisible()
  await expect(visits).toHaveAttribute('aria-invalid', 'true')
  await visits.fill('2 weeks ±5, 3 months ±20, 9 months ±30')
  await section.getByLabel('Then a yearly visit up to year').fill('4')
  await section.getByRole('button', { name: 'Save outcome settings' }).click()
  await expect(section).toContainText('Follow-up schedule: 2 weeks, 3 months, 9 months, then yearly to year 4 — site value')
  await expect(section).toContainText('— to confirm')
  await choosePaperSize(page, 'Letter')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click()
  await expect(page.getByText('Intervals: 2 weeks, 3 months, 9 months, then yearly to year 4 — site value')).toBeVisible()
  // With US Letter in the Settings, the cohort report prints on US Letter.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('article', { name: 'Cohort report' })).toBeVisible()
  await page.pdf({ path: `${results}/cohort-report-letter.pdf`, preferCSSPageSize: true, printBackground: true })
  expect(pdfPaper(`${results}/cohort-report-letter.pdf`)).toBe('letter')
})

test('what is typed in an outcome form survives a reload before it is saved', async ({ page }) => {
  const id = await approvedPlan(page)
  await page.goto(`/#/plans/${id}/outcomes`)
  await page.getByLabel('6-minute walk (m)').fill('41')
  await page.getByLabel('Visit date').fill('2026-02-01')
  await page.waitForTimeout(600) // the draft is written 300 ms after the last keystroke
  await page.reload()
  await expect(page.getByText('Restored what you typed earlier (not saved yet).')).toBeVisible()
  await expect(page.getByLabel('6-minute walk (m)')).toHaveValue('41')
  await expect(page.getByLabel('Visit date')).toHaveValue('2026-02-01')
})

test('a plan that is not approved cannot carry an operation', async ({ page }) => {
  const id = await openSeededPlan(page, CASE)
  await page.goto(`/#/plans/${id}/outcomes`)
  await expect(page.getByText('An operation is recorded on an approved plan. This plan is draft')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Record operation' })).toHaveCount(0)
})
