/**
 * Editor keystroke benchmark (Chromium, built web renderer), as a ratio to a floor taken on the
 * same page in the same run: a plain <input> added to the editor page whose input handler writes
 * one text node — what the browser itself needs to turn a key press into a painted frame.
 * Floor and editor keys alternate, so machine load moves both alike. Part of the browser suite of
 * `npm run bench`; alone (a library of a few plans, faster): `npx tsx tests/perf/editor-bench.ts`.
 * Measured, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { benchContext, LAUNCH_ARGS, restoreBenchLibrary } from './bench-common'
import { BENCH_PLAN_ID, writeBenchLibrary } from './library-file'
import { timeInPage } from './in-page'
import { startBenchServer } from './server'

export interface EditorBenchRow {
  name: string
  value: number
  unit: string
  budget?: string
  note?: string
}

const KEYS = 60
const WARM_UP = 5

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!
}
const round = (x: number) => Math.round(x * 10) / 10

/** The floor: an uncontrolled input outside React, echoing each key into a text node. */
function addFloorInput(): void {
  const box = document.createElement('div')
  box.style.cssText = 'position:fixed;bottom:0;left:0;z-index:99;background:#fff'
  const input = document.createElement('input')
  input.id = 'bench-floor'
  input.setAttribute('aria-label', 'bench floor')
  const echo = document.createElement('span')
  echo.id = 'bench-floor-echo'
  input.addEventListener('input', () => (echo.textContent = input.value))
  box.append(input, echo)
  document.body.append(box)
}

export async function editorKeystrokes(page: Page, url: string, rows: EditorBenchRow[]): Promise<void> {
  await page.goto(`${url}#/plans/${BENCH_PLAN_ID}`)
  await page.getByTestId('result-panel').waitFor()
  if ((await page.locator('[id^="f-bone-stations-"][id$="-fromDistalEnd"]').count()) !== 30) throw new Error('bench: the editor case does not have 30 stations')
  await page.evaluate(addFloorInput)
  const floorInput = page.locator('#bench-floor')
  const field = page.locator('#f-patient-weight')
  await field.click()
  await field.press('End')
  await field.pressSequentially('.1')
  await page.getByTestId('plan-status').waitFor()
  const floor: number[] = []
  const painted: number[] = []
  const rendered: number[] = []
  const react: number[] = []
  // 62.1 → 62.12 → 62.1 …: every keystroke gives a new valid plan, result and drawing. Each editor
  // key is followed by a floor key (x, Backspace …), focus moved between them outside the timing.
  for (let i = 0; i < KEYS + WARM_UP; i++) {
    await field.focus()
    const t = await timeInPage(page, { kind: 'mark', name: 'osseo:rendered' }, () => field.press(i % 2 === 0 ? '2' : 'Backspace'))
    const measure = await page.evaluate(() => performance.getEntriesByName('osseo:input-to-rendered', 'measure').at(-1)?.duration ?? Number.NaN)
    await floorInput.focus()
    const f = await timeInPage(page, { kind: 'text-change', selector: '#bench-floor-echo' }, () => floorInput.press(i % 2 === 0 ? 'x' : 'Backspace'))
    if (i < WARM_UP) continue
    painted.push(t.painted)
    rendered.push(t.dom)
    react.push(measure)
    floor.push(f.painted)
  }
  if (react.some((m) => Number.isNaN(m))) throw new Error('bench: the editor did not record osseo:input → osseo:rendered')
  const floorMedian = median(floor)
  rows.push({
    name: 'editor: keystroke → result and drawing painted, 30 stations (ratio to a trivial input on the same page)',
    value: round(median(painted) / floorMedian),
    unit: '×',
    budget: '≤ 2',
    note: `median ${round(median(painted))} ms (p95 ${round(p95(painted))}) vs trivial input ${round(floorMedian)} ms (p95 ${round(p95(floor))}), ${painted.length} keys each, alternating`
  })
  rows.push({ name: 'editor: keystroke → result and drawing in the DOM, 30 stations, median', value: round(median(rendered)), unit: 'ms', budget: '≤ 16', note: `p95 ${round(p95(rendered))} ms (key event → osseo:rendered mark)` })
  rows.push({ name: 'editor: osseo:input → osseo:rendered (evaluate + render + commit), median', value: round(median(react)), unit: 'ms', note: `p95 ${round(p95(react))} ms` })
}

/** The editor rows with a small library (the 30-station plan and a few others), served at `url`. */
export async function benchEditorAlone(url: string, executablePath: string): Promise<EditorBenchRow[]> {
  return withSmallLibrary(url, executablePath, async (page) => {
    const rows: EditorBenchRow[] = []
    await editorKeystrokes(page, url, rows)
    return rows
  })
}

/** A page on the app at `url` with the small bench library (the 30-station plan and four others)
 *  restored; browser and files are removed after `use`. */
export async function withSmallLibrary<T>(url: string, executablePath: string, use: (page: Page) => Promise<T>): Promise<T> {
  const work = mkdtempSync(join(tmpdir(), 'osseoplan-editor-bench-'))
  const file = join(work, 'library.json')
  writeBenchLibrary(file, 5)
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS })
  try {
    const context = await benchContext(browser, { viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await restoreBenchLibrary(page, url, file, 5)
    return await use(page)
  } finally {
    await browser.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/** Standalone: the editor rows only. */
async function main(): Promise<void> {
  const finder = '../../scripts/find-browser.mjs'
  const { findChromium } = (await import(finder)) as { findChromium: () => Promise<string | null> }
  const executablePath = await findChromium()
  if (!executablePath) throw new Error('bench: no Chromium found')
  const server = await startBenchServer()
  try {
    for (const r of await benchEditorAlone(server.url, executablePath)) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`)
  } finally {
    await server.stop()
    rmSync(server.outDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('editor-bench.ts')) await main()
