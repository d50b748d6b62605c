// Settings: the planning profile (confirm, change, validate, versions), the implant catalogue
// (add a custom press-fit system, import validation) and display preferences.
import { expect, test, E2E_USER_NAME } from './fixtures'

const results = process.env['E2E_RESULTS'] ?? 'test-results'

test('confirming a site default is recorded with the user and lowers the unconfirmed count', async ({ page }) => {
  await page.goto('/#/settings')
  const count = page.getByTestId('unconfirmed-count')
  await expect(count).toHaveText(/Unconfirmed site defaults: \d+/)
  const before = Number((await count.textContent())?.match(/\d+/)?.[0])
  expect(before).toBeGreaterThan(0)
  await expect(page.getByTestId('profile-version')).toHaveText('Version 1.0.0')

  const row = page.locator('tr[data-key="soft.targetMm"]')
  await expect(row.getByText('site default — confirm')).toBeVisible()
  await row.getByRole('button', { name: /^Confirm / }).click()
  await expect(count).toHaveText(`Unconfirmed site defaults: ${before - 1}`)
  await expect(row.getByText(new RegExp(`confirmed by ${E2E_USER_NAME} on \\d{4}-\\d\\d-\\d\\d`))).toBeVisible()
  await expect(row.getByRole('button', { name: /^Confirm / })).toHaveCount(0)
  await expect(page.getByTestId('profile-version')).toHaveText('Version 1.0.1')

  await page.reload()
  await expect(count).toHaveText(`Unconfirmed site defaults: ${before - 1}`)
  await expect(row.getByText(`confirmed by ${E2E_USER_NAME}`, { exact: false })).toBeVisible()
})

test('changing a parameter bumps the version; bad values get a field-level message and change nothing', async ({ page }) => {
  await page.goto('/#/settings')
  const version = page.getByTestId('profile-version')
  await expect(version).toHaveText('Version 1.0.0')
  const input = page.getByLabel('Target distal soft-tissue thickness (bone to skin)', { exact: true })

  await input.fill('abc')
  await page.getByRole('button', { name: 'Save Target distal soft-tissue thickness (bone to skin)' }).click()
  await expect(page.locator('tr[data-key="soft.targetMm"] [role="alert"]')).toHaveText('must be a number (mm)')
  await input.fill('500')
  await input.press('Enter')
  await expect(page.locator('tr[data-key="soft.targetMm"] [role="alert"]')).toHaveText('must be between 0 and 100 mm')
  await expect(version).toHaveText('Version 1.0.0')

  await input.fill('10')
  await input.press('Enter')
  await expect(version).toHaveText('Version 1.0.1')
  await expect(page.locator('tr[data-key="soft.targetMm"] [role="alert"]')).toHaveCount(0)
  // A published value changed by the site stops claiming to be published.
  const bmi = page.getByLabel('BMI above this is a contraindication', { exact: true })
  await bmi.fill('40')
  await bmi.press('Enter')
  await expect(version).toHaveText('Version 1.0.2')
  await expect(page.locator('tr[data-key="elig.maxBmi"]').getByText(/site value \(confirmed\).*\[S18\]/)).toBeVisible()

  await page.reload()
  await expect(version).toHaveText('Version 1.0.2')
  await expect(input).toHaveValue('10')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: `${results}/settings-profile.png`, fullPage: false })
})

test('a second profile can be made the default; exactly one default at a time', async ({ page }) => {
  await page.goto('/#/settings')
  await page.getByLabel('New profile name').fill('Strict contraindications')
  await page.getByRole('button', { name: 'Copy this profile' }).click()
  await expect(page.getByLabel('Profile name', { exact: true })).toHaveValue('Strict contraindications')
  await page.getByLabel('Diabetes', { exact: true }).selectOption('absolute')
  await page.getByRole('button', { name: 'Save Diabetes' }).click()
  await expect(page.getByTestId('profile-version')).toHaveText('Version 1.0.1')
  await page.getByRole('button', { name: 'Make default' }).click()
  await expect(page.getByText('Default: plans are computed with this profile')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Profile', exact: true }).getByRole('option')).toHaveText(['Strict contraindications (default)', 'Default profile (site defaults unconfirmed)'])
})

test('a custom press-fit system is validated, saved, offered in the catalogue and survives a reload', async ({ page }) => {
  await page.goto('/#/settings')
  await page.getByRole('button', { name: 'Add system' }).click()
  const form = page.getByRole('form', { name: 'Add an implant system' })
  // The form opens focused at its first field; no id is asked for (issue #13 §15).
  await expect(form.getByLabel('Name')).toBeFocused()
  await expect(form.getByLabel(/System id/)).toHaveCount(0)
  await form.getByLabel('Name').fill('Site press-fit stem')
  await form.getByLabel('femur').check()
  await form.getByLabel('Diameters list').fill('14, 15, 16, 17')
  await form.getByLabel('range with step').nth(1).check()
  await form.getByLabel('Lengths from').fill('100')
  await form.getByLabel('Lengths to').fill('150')
  await form.getByLabel('Lengths step').fill('20')
  await form.getByLabel(/^Engagement/).fill('1')
  await form.getByLabel(/^Minimum remaining cortex/).fill('2')
  await form.getByLabel(/^Minimum cortical contact/).fill('30')
  await form.getByLabel(/^Tip margin/).fill('20')
  await form.getByRole('button', { name: 'Save system' }).click()
  await expect(form.getByText('150 mm is not reached from 100 mm in steps of 20 mm')).toBeVisible()
  await form.getByLabel('Lengths step').fill('25')
  // A decimal comma gets the editor's message, not "must be a number".
  await form.getByLabel(/^Engagement/).fill('1,5')
  await form.getByRole('button', { name: 'Save system' }).click()
  await expect(form.getByText('use a decimal point, not a comma: write "1.5"')).toBeVisible()
  await form.getByLabel(/^Engagement/).fill('20')
  await form.getByRole('button', { name: 'Save system' }).click()
  await expect(form.getByText(/must (be a number from 0 to 10|be smaller than the smallest diameter)/)).toBeVisible()
  await form.getByLabel(/^Engagement/).fill('1')
  await form.getByRole('button', { name: 'Save system' }).click()
  await expect(page.getByText('Implant system “Site press-fit stem” saved (version 1).')).toBeVisible()
  const row = page.locator('.system-table tr', { hasText: 'Site press-fit stem' })
  await expect(row).toContainText('14, 15, 16, 17 mm')
  await expect(row).toContainText('100, 125, 150 mm')
  await expect(row).toContainText('press-fit')
  await page.reload()
  await expect(row).toContainText('custom (site)')
  await expect(row).toContainText('site-press-fit-stem')
  await page.screenshot({ path: `${results}/settings-catalogue.png`, fullPage: true })

  // Editing it gives a new version.
  await row.getByRole('button', { name: 'Edit Site press-fit stem' }).click()
  await page.getByRole('form', { name: 'Edit Site press-fit stem' }).getByLabel(/^Tip margin/).fill('25')
  await page.getByRole('button', { name: 'Save system' }).click()
  await expect(row.locator('td').nth(5)).toHaveText('2')
})

test('an import with one bad record writes nothing and lists the problems', async ({ page }) => {
  await page.goto('/#/settings')
  const good = {
    id: 'imported-ok',
    name: 'Imported OK',
    version: '1',
    manufacturer: null,
    fixation: 'press-fit',
    bones: ['tibia'],
    template: false,
    label: null,
    diametersMm: { key: 'x', value: [10, 11], unit: 'mm', provenance: { kind: 'site-default' } },
    lengthsMm: { key: 'x', value: [80], unit: 'mm', provenance: { kind: 'site-default' } },
    engagementMm: { key: 'x', value: 1, unit: 'mm', provenance: { kind: 'site-default' } },
    minCortexMm: { key: 'x', value: 2, unit: 'mm', provenance: { kind: 'site-default' } },
    minContactMm: { key: 'x', value: 30, unit: 'mm', provenance: { kind: 'site-default' } },
    tipMarginMm: { key: 'x', value: 20, unit: 'mm', provenance: { kind: 'site-default' } },
    maxBodyWeightKg: null,
    stages: { key: 'x', value: 'either', unit: '', provenance: { kind: 'site-default' } },
    stage2MinDays: null,
    stage2MaxDays: null,
    protocolId: null
  }
  const bad = { ...good, id: 'imported-bad', lengthsMm: { ...good.lengthsMm, unit: 'in', value: [3] } }
  const file = { format: 'osseoplan.implant-systems', version: 1, systems: [good, bad] }
  await page.getByLabel('Implant systems file to import').setInputFiles({ name: 'catalogue.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await expect(page.getByText(/Nothing was imported from catalogue.json/)).toBeVisible()
  await expect(page.getByText('systems[1].lengthsMm.unit: must be "mm"')).toBeVisible()
  await expect(page.locator('.system-table tr', { hasText: 'Imported OK' })).toHaveCount(0)

  await page.getByLabel('Implant systems file to import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, systems: [good] })) })
  await expect(page.getByText('Imported 1 system(s) from good.json.')).toBeVisible()
  await expect(page.locator('.system-table tr', { hasText: 'Imported OK' })).toHaveCount(1)
})

test('display preferences are stored', async ({ page }) => {
  await page.goto('/#/settings')
  await page.getByLabel('Lengths shown in').selectOption('cm')
  await page.getByLabel('Weights shown in').selectOption('lb')
  await page.getByLabel('Paper size').selectOption('Letter')
  // The message comes once all three saves are done: reloading sooner could lose the last.
  await expect(page.getByText('Display preferences saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Lengths shown in')).toHaveValue('cm')
  await expect(page.getByLabel('Weights shown in')).toHaveValue('lb')
  await expect(page.getByLabel('Paper size')).toHaveValue('Letter')
  await expect(page.getByText('Running in a browser')).toBeVisible()
  await expect(page.getByText(/Local storage: .* MB used of/)).toBeVisible()
})

test('a display preference shows its new value while it saves, not the old one', async ({ page }) => {
  await page.goto('/#/settings')
  const select = page.getByLabel('Lengths shown in')
  await expect(select).toHaveValue('mm')
  // Changed and read back in one task: no save can have finished yet (it writes to the database).
  const shown = await select.evaluate((el: HTMLSelectElement) => {
    el.value = 'cm'
    el.dispatchEvent(new Event('change', { bubbles: true }))
    return el.value
  })
  expect(shown).toBe('cm')
  await expect(page.getByText('Display preferences saved.')).toBeVisible()
  await expect(select).toHaveValue('cm')
  await page.reload()
  await expect(select).toHaveValue('cm')
})

test('settings: sections with a navigation bar; Duplicate opens its form under its row; the name saves when left (issue #13 §15)', async ({ page }) => {
  await page.goto('/#/settings')
  const nav = page.getByRole('navigation', { name: 'Settings sections' })
  await nav.getByRole('button', { name: 'Implant catalogue' }).click()
  await expect(page.getByRole('heading', { name: 'Implant catalogue' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Implant catalogue' })).toBeInViewport()
  // The navigation stays in view at the catalogue, far down the page.
  await expect(nav).toBeInViewport()

  const row = page.locator('.system-table tbody tr', { hasText: 'OPRA femur fixture' }).first()
  await row.getByRole('button', { name: 'Duplicate OPRA femur fixture' }).click()
  const form = page.getByRole('form', { name: 'New system from OPRA femur fixture' })
  await expect(form.getByLabel('Name')).toBeFocused()
  await expect(form).toBeInViewport()
  // The form is in the row right under the system it copies.
  expect(await row.evaluate((tr) => tr.nextElementSibling?.querySelector('form')?.getAttribute('aria-label'))).toBe('New system from OPRA femur fixture')
  await form.getByRole('button', { name: 'Cancel' }).click()

  // The name saves when the field is left, like every other setting (no "Save name" button).
  await nav.getByRole('button', { name: 'You and display' }).click()
  await expect(page.getByRole('button', { name: 'Save name' })).toHaveCount(0)
  await page.getByLabel('Your name', { exact: true }).fill('Dr B. Changed')
  await page.getByLabel('Lengths shown in').focus()
  await expect(page.getByText('Name saved.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Your name', { exact: true })).toHaveValue('Dr B. Changed')
})
