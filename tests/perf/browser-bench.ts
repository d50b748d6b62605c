/**
 * Browser benchmark (Chromium, built web renderer): start, library, editor, PDF and memory with a
 * library of 10,000 plans. Part of `npm run bench` (scripts/bench/browser.ts runs it with --json);
 * alone: `npx tsx tests/perf/browser-bench.ts`.
 * It builds the renderer itself (server.ts), finds Chromium like the e2e tests and works in a
 * throw-away browser profile, so that the cold start finds the library on disk. Figures are
 * measured, never asserted: a slow machine makes them bigger, not red.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type Page } from '@playwright/test'

import { startBenchServer } from './server'
import { BENCH_PLAN_ID, BENCH_PLANS, writeBenchLibrary } from './library-file'
import { startTiming, timeInPage } from './in-page'
import { editorKeystrokes } from './editor-bench'
import { type BenchRow, openProfile } from './bench-common'

const SEARCH_KEYSTROKES = 20

function stats(values: number[]): { median: number; p95: number; n: number } {
  const s = [...values].sort((a, b) => a - b)
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!, n: s.length }
}

const round = (ms: number) => Math.round(ms * 10) / 10

export async function findBrowser(): Promise<string> {
  // find-browser.mjs is plain JavaScript shared with the test scripts.
  const finder = '../../scripts/find-browser.mjs'
  const { findChromium, BROWSER_HINT } = (await import(finder)) as { findChromium: () => Promise<string | null>; BROWSER_HINT: string }
  const path = await findChromium()
  if (!path) throw new Error(BROWSER_HINT)
  return path
}

async function seed(page: Page, url: string, file: string, rows: BenchRow[]): Promise<void> {
  await page.goto(url)
  await page.getByText('No plans yet').waitFor()
  const mb = (statSync(file).size / 1e6).toFixed(1)
  let start = performance.now()
  await page.getByLabel('Library backup to restore').setInputFiles(file)
  await page.getByRole('status').filter({ hasText: `Restored ${BENCH_PLANS} plans` }).waitFor({ timeout: 180_000 })
  rows.push({ name: `library: import a ${BENCH_PLANS}-plan backup (${mb} MB; read, validate, store, list)`, value: round(performance.now() - start), unit: 'ms', budget: '≤ 5000', note: 'file chosen → "Restored" shown' })
  await page.locator('section.library tbody tr[data-plan-id]').first().waitFor()
  const exports: number[] = []
  for (let i = 0; i < 2; i++) {
    start = performance.now()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up library' }).click()])
    exports.push(performance.now() - start)
    await download.delete()
  }
  rows.push({ name: `library: export the ${BENCH_PLANS}-plan library as a backup`, value: round(Math.min(...exports)), unit: 'ms', budget: '≤ 3000', note: `click → download starts; best of ${exports.length}` })
}

async function startAndMemory(page: Page, url: string, rows: BenchRow[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.clearBrowserCache')
  await page.goto(url)
  const cold = await startTiming(page)
  rows.push({ name: `start, cold: navigation → library of ${BENCH_PLANS} plans interactive`, value: round(cold.painted), unit: 'ms', budget: '≤ 2000', note: `new browser process, HTTP cache cleared; first row in DOM at ${round(cold.firstRow)} ms` })

  await cdp.send('Performance.enable')
  const before = await cdp.send('Performance.getMetrics')
  await cdp.send('HeapProfiler.collectGarbage')
  const after = await cdp.send('Performance.getMetrics')
  const heap = (m: typeof after) => (m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1e6
  rows.push({ name: `memory: renderer JS heap with the library of ${BENCH_PLANS} plans open`, value: round(heap(after)), unit: 'MB', budget: '≤ 150', note: `after garbage collection; ${round(heap(before))} MB before` })
  await cdp.detach()

  const warm: number[] = []
  const warmRows: number[] = []
  for (let i = 0; i < 3; i++) {
    await page.reload()
    const t = await startTiming(page)
    warm.push(t.painted)
    warmRows.push(t.firstRow)
  }
  rows.push({ name: `start, warm: reload → library of ${BENCH_PLANS} plans interactive`, value: round(stats(warm).median), unit: 'ms', budget: '≤ 1000', note: `median of ${warm.length} reloads; first row in DOM at ${round(stats(warmRows).median)} ms` })
}

async function search(page: Page, rows: BenchRow[]): Promise<void> {
  const box = page.getByLabel('Search')
  const all = await page.locator('.library-count').textContent()
  await box.fill('P-00')
  await page.waitForFunction((before) => document.querySelector('.library-count')?.textContent !== before, all)
  const times: number[] = []
  // Alternately narrow (P-00 → P-001: 1000 → 100 matches) and widen again: each key changes the list.
  for (let i = 0; i < SEARCH_KEYSTROKES; i++) {
    const t = await timeInPage(page, { kind: 'text-change', selector: '.library-count' }, () => box.press(i % 2 === 0 ? '1' : 'Backspace'))
    times.push(t.painted)
  }
  const s = stats(times)
  rows.push({ name: `library: search keystroke → list updated and painted (${BENCH_PLANS} plans), median`, value: round(s.median), unit: 'ms', budget: '≤ 200', note: `p95 ${round(s.p95)} ms over ${s.n} keys (no debounce; the ratios suite compares it with its floor)` })
  await box.fill('')
}

async function openPlan(page: Page, url: string, rows: BenchRow[]): Promise<void> {
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    await page.goto(`${url}#/plans`)
    const row = page.locator('section.library tbody tr[data-plan-id]').nth(i)
    await row.waitFor()
    const t = await timeInPage(page, { kind: 'selector', selector: '[data-testid="result-panel"]' }, () => row.getByRole('button', { name: 'Open' }).click())
    times.push(t.painted)
  }
  rows.push({ name: 'library: open a plan (click → editor shows the result and drawing)', value: round(stats(times).median), unit: 'ms', budget: '≤ 500', note: `median of ${times.length}; the first also loads the editor's code` })
}

async function pdf(page: Page, url: string, rows: BenchRow[]): Promise<void> {
  const times: number[] = []
  const renders: number[] = []
  for (let i = 0; i < 3; i++) {
    await page.goto(`${url}#/plans`)
    await page.locator('section.library tbody tr[data-plan-id]').first().waitFor()
    let start = performance.now()
    await page.goto(`${url}#/plans/${BENCH_PLAN_ID}/summary`)
    await page.getByRole('button', { name: 'Print…' }).waitFor()
    await page.getByTestId('plan-summary').getByRole('heading', { name: 'Implant recommendation' }).waitFor()
    renders.push(performance.now() - start)
    start = performance.now()
    const bytes = await page.pdf({ format: 'A4' })
    times.push(performance.now() - start)
    if (bytes.length < 1000) throw new Error('bench: the summary PDF is empty')
  }
  rows.push({ name: 'pdf: summary PDF of a complete case (page.pdf, A4)', value: round(stats(times).median), unit: 'ms', budget: '≤ 2000', note: `median of ${times.length}; opening the summary before it: ${round(stats(renders).median)} ms` })
}

export async function benchBrowser(): Promise<BenchRow[]> {
  const executablePath = await findBrowser()
  const work = mkdtempSync(join(tmpdir(), 'osseoplan-bench-'))
  const file = join(work, `library-${BENCH_PLANS}.json`)
  writeBenchLibrary(file)
  const server = await startBenchServer()
  const rows: BenchRow[] = []
  let context: BrowserContext | null = null
  try {
    const profile = join(work, 'profile')
    context = await openProfile(profile, executablePath)
    await seed(await context.newPage(), server.url, file, rows)
    await context.close()
    // Cold start: a new browser process on the stored profile.
    context = await openProfile(profile, executablePath)
    const page = context.pages()[0] ?? (await context.newPage())
    await startAndMemory(page, server.url, rows)
    await search(page, rows)
    await openPlan(page, server.url, rows)
    await editorKeystrokes(page, server.url, rows)
    await pdf(page, server.url, rows)
  } finally {
    await context?.close().catch(() => undefined)
    await server.stop()
    rmSync(work, { recursive: true, force: true })
    rmSync(server.outDir, { recursive: true, force: true })
  }
  return rows
}

if (process.argv[1]?.endsWith('browser-bench.ts')) {
  const rows = await benchBrowser()
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n')
  else for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`)
}
