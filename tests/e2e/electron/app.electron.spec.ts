import { _electron as electron, expect, test } from '@playwright/test'

// Runs the built desktop app (npm run build first). scripts/test.mjs runs this only where an
// Electron binary exists and otherwise reports "not run"; started by hand without a binary,
// it fails rather than pass.
test('the desktop app starts securely and stores a plan', async () => {
  const executablePath = process.env['ELECTRON_EXEC_PATH']
  if (!executablePath) throw new Error('not run: no Electron binary (set ELECTRON_EXEC_PATH)')
  const app = await electron.launch({ executablePath, args: ['out/main/index.js'] })
  try {
    const page = await app.firstWindow()
    // A fresh profile shows the first-run acknowledgement (issue #7) before the app's screens.
    const acknowledge = page.getByRole('button', { name: 'I understand and acknowledge' })
    await expect(acknowledge.or(page.getByRole('heading', { name: 'Plans' }))).toBeVisible()
    if (await acknowledge.isVisible()) await acknowledge.click()
    await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible()
    const exposure = await page.evaluate(() => ({
      bridge: typeof window.osseoplan,
      require: typeof (window as unknown as Record<string, unknown>)['require'],
      process: typeof (window as unknown as Record<string, unknown>)['process'],
      origin: window.location.origin
    }))
    expect(exposure).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined', origin: expect.stringContaining('osseoplan') })
    const info = await page.evaluate(() => window.osseoplan!.appInfo())
    expect(info.versions.electron).not.toBe('')
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)
    expect(windows).toBe(1)
    await page.getByRole('button', { name: 'New plan' }).click()
    await expect(page).toHaveURL(/#\/plans\//)
    // Navigation away from the app is refused.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    await page.waitForTimeout(500)
    expect(page.url()).toContain('#/plans/')
  } finally {
    await app.close()
  }
})
