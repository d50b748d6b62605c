// The editor's input behaviour (issue #13 items 1, 2, 4, 5, 8, 9, 12; issue #18 item 7): what a
// surgeon types, clears and switches, and where every message and link takes them.
import { expect, test } from './fixtures'
import { enterCase, fid, loadCase, newPlan } from './editor-helpers'

const results = process.env['E2E_RESULTS'] ?? 'test-results'

test('clearing both marker sizes removes the marker: a magnification factor then plans, also after a reload', async ({ page }) => {
  test.setTimeout(60_000)
  const c = loadCase('transfemoral')
  await newPlan(page)
  await enterCase(page, { ...c, imaging: { source: 'xray', marker: { trueSize: 25, measuredSize: 29 } } })
  await expect(page.getByTestId('plan-status')).toBeVisible()
  await page.locator(fid('imaging.marker.trueSize')).fill('')
  await page.locator(fid('imaging.marker.measuredSize')).fill('')
  await page.locator(fid('imaging.magnification')).fill('1.2')
  await expect(page.getByTestId('stale-label')).toHaveCount(0)
  await expect(page.getByTestId('missing-list')).toHaveCount(0)
  await expect(page.getByTestId('plan-status')).toBeVisible()
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await page.reload()
  await expect(page.getByTestId('plan-status')).toBeVisible()
  await expect(page.getByTestId('stale-label')).toHaveCount(0)

  // "Already calibrated": one consistent state, neither "applies to X-ray only" nor "still needed".
  await page.locator(fid('imaging.source')).selectOption('calibrated')
  await expect(page.getByTestId('input-problems')).toHaveCount(0)
  await expect(page.getByTestId('missing-list')).toHaveCount(0)
  await expect(page.locator(fid('imaging.magnification'))).toHaveCount(0)
  await expect(page.getByTestId('plan-status')).toBeVisible()
})

test('switching X-ray → CT keeps the calibration aside (no error on a hidden field) and X-ray brings it back', async ({ page }) => {
  test.setTimeout(60_000)
  const c = loadCase('transfemoral')
  await newPlan(page)
  await enterCase(page, { ...c, imaging: { source: 'xray', marker: { trueSize: 25, measuredSize: 29 } } })
  await expect(page.getByTestId('plan-status')).toBeVisible()

  await page.locator(fid('imaging.source')).selectOption('ct')
  await expect(page.getByTestId('source-notice')).toContainText('kept aside')
  await expect(page.locator(fid('imaging.marker.trueSize'))).toHaveCount(0)
  await expect(page.getByTestId('stale-label')).toHaveCount(0)
  await expect(page.getByTestId('input-problems')).toHaveCount(0)
  await expect(page.getByTestId('plan-status')).toBeVisible()

  await page.locator(fid('imaging.source')).selectOption('xray')
  await expect(page.locator(fid('imaging.marker.trueSize'))).toHaveValue('25')
  await expect(page.locator(fid('imaging.marker.measuredSize'))).toHaveValue('29')

  // Undo takes the switch back in one step.
  await page.locator(fid('imaging.source')).selectOption('calibrated')
  await expect(page.locator(fid('imaging.marker.trueSize'))).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator(fid('imaging.source'))).toHaveValue('xray')
  await expect(page.locator(fid('imaging.marker.measuredSize'))).toHaveValue('29')
})

test('a stored case with a marker under CT shows it where it can be removed, and every fix link lands on a visible field', async ({ page }) => {
  test.setTimeout(60_000)
  const c = loadCase('transfemoral')
  // Import refuses such a file; a plan stored by an earlier version can still hold one. Written
  // into the stored plan row directly, with the editor closed.
  await page.goto('/')
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
  await expect(page.locator('tbody tr')).toHaveCount(1)
  const planId = (await page.locator('tbody tr').first().getAttribute('data-plan-id')) ?? ''
  const stations = c.bone.stations.map((s, i) => (i === 0 ? { ...s, endosteal: 99 } : s))
  await page.evaluate(
    ({ id, stations }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('osseoplan')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('plans', 'readwrite')
          const plans = tx.objectStore('plans')
          const get = plans.get(id)
          get.onsuccess = () => {
            const row = get.result as { caseFile: Record<string, any> }
            row.caseFile = { ...row.caseFile, imaging: { source: 'ct', marker: { trueSize: 25, measuredSize: 29 } }, bone: { ...row.caseFile['bone'], stations } }
            plans.put(row)
          }
          tx.oncomplete = () => (open.result.close(), resolve())
          tx.onerror = () => reject(tx.error)
        }
      }),
    { id: planId, stations }
  )
  await page.goto(`/#/plans/${planId}`)
  await page.getByRole('heading', { name: /Plan editor/ }).waitFor()
  const problems = page.getByTestId('input-problems')
  await expect(problems).toContainText('X-ray only')
  const links = await problems.getByRole('button').all()
  expect(links.length).toBeGreaterThanOrEqual(2)
  for (const link of links) {
    await link.click()
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return { tag: el?.tagName ?? '', visible: !!el && el.getClientRects().length > 0, inForm: !!el?.closest('.ed-form') }
    })
    expect(focused).toEqual({ tag: expect.stringMatching(/INPUT|SELECT|TEXTAREA/), visible: true, inForm: true })
  }
  // The marker is shown under CT with its message; clearing it removes the error.
  const trueSize = page.locator(fid('imaging.marker.trueSize'))
  await expect(trueSize).toHaveAttribute('aria-invalid', 'true')
  await trueSize.fill('')
  await page.locator(fid('imaging.marker.measuredSize')).fill('')
  await expect(problems).not.toContainText('X-ray only')
  await expect(trueSize).toHaveCount(0)
})

test('exponent notation and a 400-digit number are refused at the field, whatever the unit', async ({ page }) => {
  test.setTimeout(60_000)
  await newPlan(page)
  await enterCase(page, loadCase('transfemoral'))
  await expect(page.getByTestId('plan-status')).toBeVisible()
  const weight = page.locator(fid('patient.weight'))
  await page.getByLabel('Body weight unit').selectOption('lb')
  await weight.fill('1.8e2')
  await expect(weight).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator(`#${await weight.getAttribute('aria-describedby')}`)).toContainText('exponent')
  await expect(page.getByTestId('stale-label')).toBeVisible()

  const residual = page.locator(fid('bone.residualLength'))
  await residual.fill('9'.repeat(400))
  await expect(residual).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator(`#${await residual.getAttribute('aria-describedby')}`)).toContainText('too many digits')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved')
  await page.reload()
  // Stored as typed, not as Infinity (which would come back as an empty or "Infinity" field).
  await expect(page.locator(fid('bone.residualLength'))).toHaveValue('9'.repeat(400))
  await page.screenshot({ path: `${results}/editor-exponent.png` })
})

test('"still needed" names the missing fields in clinical words and each link lands on its field', async ({ page }) => {
  await newPlan(page)
  const missing = page.getByTestId('missing-list')
  await expect(missing).toContainText('Patient code')
  await expect(missing).toContainText('Body weight')
  await expect(missing).toContainText('Level')
  await expect(missing).not.toContainText(/Patient: patient\b|age years|: limb\b|: bone\b/)
  await missing.getByRole('button', { name: 'Body weight' }).click()
  await expect(page.locator(fid('patient.weight'))).toBeFocused()
  await missing.getByRole('button', { name: 'Side', exact: true }).click()
  await expect(page.locator(fid('limb.side'))).toBeFocused()
  await missing.getByRole('button', { name: 'Canal stations' }).click()
  await expect(page.getByRole('button', { name: 'Add station' })).toBeFocused()
})

test('an implausible residual femur is refused at the field; an unusual one is accepted with a warning', async ({ page }) => {
  test.setTimeout(60_000)
  await newPlan(page)
  await enterCase(page, loadCase('transfemoral'))
  await expect(page.getByTestId('plan-status')).toBeVisible()
  const residual = page.locator(fid('bone.residualLength'))
  await residual.fill('1000')
  await expect(residual).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator(`#${await residual.getAttribute('aria-describedby')}`)).toContainText('outside any plausible residual bone length')
  await expect(page.getByTestId('stale-label')).toBeVisible()
  await residual.fill('450')
  await expect(residual).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator(`#${await residual.getAttribute('aria-describedby')}`)).toContainText('unusual')
  await expect(page.getByTestId('stale-label')).toHaveCount(0)
})

test('a spreadsheet paste with decimal commas throughout is offered to be read as decimal points', async ({ page }) => {
  await newPlan(page)
  await page.getByRole('button', { name: 'Paste from spreadsheet…' }).click()
  await page.getByLabel(/Paste rows from a spreadsheet/).fill('Distance\tEndosteal\tPeriosteal\n0\t25,3\t34,5\n46\t20,7\t32,2\n92\t17,25\t31,05')
  await page.getByRole('button', { name: 'Replace stations with pasted rows' }).click()
  await expect(page.getByTestId('paste-commas')).toContainText('decimal commas')
  await page.getByRole('button', { name: 'Read commas as decimal points' }).click()
  await expect(page.locator(fid('bone.stations[2].endosteal'))).toHaveValue('17.25')
  await expect(page.locator(fid('bone.stations[0].periosteal'))).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('input-problems')).toHaveCount(0)
})
