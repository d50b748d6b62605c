import { expect, test } from './fixtures'
import { deleteRow } from './library-helpers'

test('a plan is created, survives a reload, reopens and is deleted', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
  await expect(page.getByText('No plans yet')).toBeVisible()

  await page.getByRole('button', { name: 'New plan' }).click()
  await expect(page).toHaveURL(/#\/plans\/[a-z0-9]+$/)
  const planUrl = page.url()

  await page.reload()
  await expect(page).toHaveURL(planUrl)
  await page.getByRole('link', { name: 'Plans' }).click()
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(1)

  await page.reload()
  await expect(rows).toHaveCount(1)
  await rows.first().getByRole('button', { name: 'Open' }).click()
  await expect(page).toHaveURL(planUrl)

  await page.getByRole('link', { name: 'Plans' }).click()
  await deleteRow(rows.first())
  await expect(page.getByText('No plans yet')).toBeVisible()
  await page.reload()
  await expect(page.getByText('No plans yet')).toBeVisible()
})

test('without the desktop bridge the renderer falls back to browser behaviour', async ({ page }) => {
  await page.goto('/#/settings')
  await expect(page.getByText('Running in a browser')).toBeVisible()
  expect(await page.evaluate(() => 'osseoplan' in window)).toBe(false)
})

test('with a bridge present, menu commands reach the renderer through it', async ({ page }) => {
  await page.addInitScript(() => {
    const listeners: Array<(command: string) => void> = []
    const w = window as unknown as Record<string, unknown>
    w['__menu'] = (command: string) => listeners.forEach((l) => l(command))
    w['osseoplan'] = {
      appInfo: async () => ({ version: 'test', platform: 'test', versions: { electron: '', chrome: '', node: '' } }),
      printPlan: async () => ({ ok: true }),
      exportPdf: async () => ({ ok: false, reason: 'cancelled' }),
      saveTextFile: async () => ({ ok: false, reason: 'cancelled' }),
      openTextFile: async () => ({ ok: false, reason: 'cancelled' }),
      onMenuCommand: (listener: (command: string) => void) => {
        listeners.push(listener)
        return () => undefined
      }
    }
  })
  await page.goto('/#/settings')
  await expect(page.getByText('Running as the desktop app')).toBeVisible()
  await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('new-plan'))
  await expect(page).toHaveURL(/#\/plans\/[a-z0-9]+$/)
  await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('open-library'))
  await expect(page.locator('tbody tr')).toHaveCount(1)
})

test('the Content-Security-Policy blocks eval and inline script', async ({ page }) => {
  await page.goto('/')
  // Code run through the DevTools protocol is exempt from CSP, so each attempt is made by the
  // page itself (a timer string, an inline script, a data: script) and its outcome read later.
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    w['__violations'] = [] as string[]
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(w['__violations'] as string[]).push(`${event.effectiveDirective} ${event.blockedURI}`)
    })
    ;(window.setTimeout as unknown as (code: string, ms: number) => number)('window.__timerRan = true', 0)
    const inline = document.createElement('script')
    inline.textContent = 'window.__inlineRan = true'
    document.head.append(inline)
    const dataScript = document.createElement('script')
    dataScript.src = 'data:text/javascript,window.__dataRan=true'
    document.head.append(dataScript)
  })
  await expect.poll(() => page.evaluate(() => ((window as unknown as Record<string, string[]>)['__violations'] ?? []).length)).toBeGreaterThanOrEqual(3)
  const outcome = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return { timer: w['__timerRan'] === true, inline: w['__inlineRan'] === true, data: w['__dataRan'] === true, violations: w['__violations'] as string[] }
  })
  expect(outcome).toMatchObject({ timer: false, inline: false, data: false })
  expect(outcome.violations.some((v) => v.includes('eval'))).toBe(true)
})

test('no request leaves the app origin', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto('/')
  expect(new URL(page.url()).hostname).toBe('127.0.0.1')
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('link', { name: 'Plans' }).click()
  await expect(page.locator('tbody tr')).toHaveCount(1)
  expect(requests.length).toBeGreaterThan(0)
  const origin = new URL(page.url()).origin
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
  expect(outside).toEqual([])
})

test('screenshot of the app shell', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('link', { name: 'Plans' }).click()
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/screenshots/shell.png' })
})

test('a screen that fails to load shows a plain message and a way back, not a stack trace', async ({ page }) => {
  await page.route('**/assets/EditorPage-*.js', (route) => route.abort())
  await page.goto('/')
  await page.getByRole('button', { name: 'New plan' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('This screen could not be shown')
  await expect(alert).toContainText('Your stored plans are not affected')
  await expect(alert).not.toContainText(/TypeError|Failed to fetch|at \S+:\d+/)
  await alert.getByRole('link', { name: 'Back to the plan library' }).click()
  await expect(page.locator('tbody tr')).toHaveCount(1)
})

test('the app has a favicon the Content-Security-Policy allows: no 404 and no console error on load (issue #13 §13)', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`))
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  // The icon loads (an image the policy blocked would not decode).
  const size = await page.evaluate(async (src) => {
    const img = new Image()
    img.src = new URL(src, document.baseURI).href
    await img.decode()
    return img.naturalWidth
  }, href!)
  expect(size).toBeGreaterThan(0)
  await page.waitForTimeout(300)
  expect(problems).toEqual([])
})
