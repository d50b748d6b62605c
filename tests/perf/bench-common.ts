// What every browser benchmark shares: the row it reports, Chromium's launch arguments, and the
// order statistics, and a browser profile opened as every page benchmark needs it.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { startTimerScript } from './in-page'

/** One row of the `npm run bench` table, passed back as JSON (scripts/bench/core.ts declares the same shape: the two sit in different TypeScript projects). */
export interface BenchRow {
  name: string
  value: number
  unit: string
  budget?: string
  note?: string
}

/** As the e2e tests launch Debian's Chromium: headless, no GPU, no background traffic. */
export const LAUNCH_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b)
export const median = (v: readonly number[]): number => sorted(v)[Math.floor(v.length / 2)]!
export const p95 = (v: readonly number[]): number => sorted(v)[Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)]!

/** A persistent Chromium profile (so a cold start finds the library on disk), first-run
 *  acknowledged as the app stores it (see tests/e2e/fixtures.ts), with the in-page timers. */
export async function openProfile(dir: string, executablePath: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, { executablePath, args: LAUNCH_ARGS, viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  await prepare(context)
  await context.addInitScript(startTimerScript)
  return context
}

/** The no-op __name and the first run acknowledged, in any context a benchmark opens. */
async function prepare(context: BrowserContext): Promise<BrowserContext> {
  // tsx (esbuild, keepNames) wraps named functions in a __name() helper that exists only in Node;
  // functions the benchmarks run in the page are such functions, so the page gets a no-op one.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)')
  await context.addInitScript(() => {
    const key = 'osseoplan.acknowledgement'
    if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), name: 'Bench Surgeon' }))
  })
  return context
}

/** A fresh (non-persistent) context in an open browser, prepared as every page benchmark needs. */
export async function benchContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return prepare(await browser.newContext(options))
}

/** Opens the app on an empty library and restores the benchmark library file of `plans` plans into it. */
export async function restoreBenchLibrary(page: Page, url: string, file: string, plans: number): Promise<void> {
  await page.goto(url)
  await page.getByText('No plans yet').waitFor()
  await page.getByLabel('Library backup to restore').setInputFiles(file)
  await page.getByRole('status').filter({ hasText: new RegExp(`Restored ${plans} plans`) }).waitFor({ timeout: 60_000 })
}
