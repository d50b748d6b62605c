// What every browser benchmark shares: the row it reports, Chromium's launch arguments, and the
// order statistics, and a browser profile opened as every page benchmark needs it.
import { chromium, type BrowserContext } from '@playwright/test'
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
  // tsx (esbuild, keepNames) wraps named functions in a __name() helper that exists only in Node;
  // the in-page timers are such functions, so the page gets a no-op one.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)')
  await context.addInitScript(() => {
    const key = 'osseoplan.acknowledgement'
    if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), name: 'Bench Surgeon' }))
  })
  await context.addInitScript(startTimerScript)
  return context
}
