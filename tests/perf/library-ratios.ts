/**
 * The library's paths as RATIOS to a floor measured in the same run (issue #14), at 1,000 and
 * 10,000 plans, and 100,000 with --full:
 *  - cold open: new browser process, HTTP cache cleared, navigation → first row painted, against
 *    the same app with an EMPTY library (→ "No plans yet" painted); medians of interleaved launches;
 *  - search keystroke → list painted, against a floor in the same page: a plain text input, a plain
 *    substring filter over the same summaries' search texts, and 20 rows swapped; keys interleaved
 *    (app, floor, app, …) so that both see the same machine load;
 *  - summary PDF (A4) against the PDF of a one-line page, interleaved;
 *  - editor keystroke (30 stations) → plan and drawing painted, against a trivial input on the
 *    same page (tests/perf/editor-bench.ts), once: it does not depend on the library's size.
 * `--paths=editor,cold,search,pdf` picks paths.
 * Absolute times go in the notes. Measured, never asserted. Part of `npm run bench` (suite
 * `ratios`); alone: `npx tsx tests/perf/library-ratios.ts [--full] [--json]`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type Page } from '@playwright/test'
import { findBrowser } from './browser-bench'
import { benchEditorAlone } from './editor-bench'
import { completeTiming, startTiming, timeInPage } from './in-page'
import { startBenchServer } from './server'
import { type BenchRow, median, openProfile } from './bench-common'
import { settleStorage } from '../../src/renderer/src/db/settle-storage'
import { storageAtRest } from './storage-at-rest'

// 5 launches a side (3 until 2026-11-30): at 3 a run's ratio moved by ±0.3× on this shared machine.
const COLD_RUNS = 5
// 40 timed keys per run (16 until 2026-11-30): at 16 a run's median moved by ±0.3× on this shared machine.
const SEARCH_KEYS = 40
// 5 prints a side after one untimed print (3 and none until 2026-11-30): the first print after the
// browser starts carries its printing set-up, and a median of 3 moved by ±1× on this shared machine.
const PDF_RUNS = 5
const SEED_CHUNK = 5000

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d

const firstPage = async (context: BrowserContext) => context.pages()[0] ?? (await context.newPage())

/** Writes plan and summary rows straight into the app's database (created by the app first). */
function writeRows({ plans, summaries }: { plans: unknown[]; summaries: unknown[] }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('osseoplan')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      try {
        const db = open.result
        const tx = db.transaction(['plans', 'planIndex'], 'readwrite')
        tx.oncomplete = () => {
          db.close()
          resolve()
        }
        tx.onerror = () => reject(new Error(String(tx.error)))
        for (const p of plans) tx.objectStore('plans').put(p)
        for (const s of summaries) tx.objectStore('planIndex').put(s)
      } catch (e) {
        reject(new Error(String(e)))
      }
    }
  })
}

export async function seedProfile(dir: string, url: string, executablePath: string, count: number): Promise<void> {
  const context = await openProfile(dir, executablePath)
  try {
    const page = await firstPage(context)
    await page.goto(url)
    await page.getByText('No plans yet').waitFor({ timeout: 60_000 })
    if (count === 0) return
    const file = join(dir, '..', `rows-${count}.json`)
    process.stderr.write(`bench ratios: generating ${count} rows…\n`)
    execFileSync('npx', ['tsx', 'tests/unit/db/library-rows.ts', file, String(count)])
    const rows = JSON.parse(readFileSync(file, 'utf8')) as { plans: unknown[]; summaries: unknown[] }
    rmSync(file)
    process.stderr.write(`bench ratios: writing ${count} rows…\n`)
    for (let i = 0; i < count; i += SEED_CHUNK) await page.evaluate(writeRows, { plans: rows.plans.slice(i, i + SEED_CHUNK), summaries: rows.summaries.slice(i, i + SEED_CHUNK) })
    // As the app's restore does after its one large transaction (importLibrary): without it the
    // browser would replay the write's log at every cold open (db/settle-storage.ts). Then the
    // compactions the write set off are let finish, as they do in an app left open.
    await page.evaluate(settleStorage)
    await storageAtRest(dir)
  } finally {
    await context.close()
  }
}

async function coldOpen(dir: string, url: string, executablePath: string): Promise<{ painted: number; complete: number }> {
  const context = await openProfile(dir, executablePath)
  try {
    const page = await firstPage(context)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.clearBrowserCache')
    await page.goto(url)
    const t = await startTiming(page)
    return { painted: t.painted, complete: await completeTiming(page) }
  } finally {
    await context.close()
  }
}

/** The floor of a search keystroke, in the app's page: a plain input, a substring filter over
 *  the same search texts, and 20 rows replaced. */
export async function installFloor(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const texts = await new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open('osseoplan')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const req = open.result.transaction('planIndex').objectStore('planIndex').getAll()
        req.onsuccess = () => resolve((req.result as { search: string }[]).map((s) => s.search))
        req.onerror = () => reject(req.error)
      }
    })
    const box = document.createElement('div')
    box.style.cssText = 'position:fixed;right:0;bottom:0;width:320px;height:520px;overflow:hidden;background:#fff;z-index:99;font:12px sans-serif'
    box.innerHTML = '<input id="floor-input" aria-label="floor"><p id="floor-count"></p><ul id="floor-rows"></ul>'
    document.body.appendChild(box)
    const input = box.querySelector('input')!
    const count = box.querySelector('#floor-count')!
    const list = box.querySelector('#floor-rows')!
    input.addEventListener('input', () => {
      const q = input.value.toLowerCase()
      const hits = texts.filter((t) => t.includes(q))
      count.textContent = `${hits.length} match`
      list.replaceChildren(
        ...hits.slice(0, 20).map((t) => {
          const li = document.createElement('li')
          li.textContent = t.slice(0, 40)
          return li
        })
      )
    })
  })
}

async function search(dir: string, url: string, executablePath: string): Promise<{ app: number[]; floor: number[] }> {
  const context = await openProfile(dir, executablePath)
  try {
    const page = await firstPage(context)
    await page.goto(url)
    await completeTiming(page)
    await installFloor(page)
    const app = page.getByLabel('Search', { exact: true })
    const floor = page.locator('#floor-input')
    await app.fill('P-00')
    await floor.fill('P-00')
    await page.waitForTimeout(300)
    const times = { app: [] as number[], floor: [] as number[] }
    for (let i = 0; i < SEARCH_KEYS + 2; i++) {
      const key = i % 2 === 0 ? '1' : 'Backspace' // P-00 ↔ P-001: 900 ↔ 90 shown plans
      // Focus (caret at the end) before each timed key: the two boxes take turns.
      await app.focus()
      await page.keyboard.press('End')
      const before = await page.locator('.library-count').textContent()
      const a = await timeInPage(page, { kind: 'text-change', selector: '.library-count' }, () => page.keyboard.press(key)).catch(async (e: unknown) => {
        throw new Error(`bench: the app's count did not change after key ${i} "${key}" (search "${await app.inputValue()}", count "${before}" → "${await page.locator('.library-count').textContent()}"): ${String(e)}`)
      })
      await floor.focus()
      await page.keyboard.press('End')
      const f = await timeInPage(page, { kind: 'text-change', selector: '#floor-count' }, () => page.keyboard.press(key))
      if (i < 2) continue // warm-up
      times.app.push(a.painted)
      times.floor.push(f.painted)
    }
    return times
  } finally {
    await context.close()
  }
}

async function pdf(dir: string, url: string, executablePath: string): Promise<{ app: number[]; floor: number[] }> {
  const context = await openProfile(dir, executablePath)
  try {
    const page = await firstPage(context)
    const line = await context.newPage()
    await line.setContent('<p>One line.</p>')
    // The browser's first print sets up its printing (about 60 ms more of the browser process's CPU,
    // traced), whatever it prints: one untimed print first, so that neither side carries it.
    await line.pdf({ format: 'A4' })
    const times = { app: [] as number[], floor: [] as number[] }
    for (let i = 0; i < PDF_RUNS; i++) {
      await page.goto(`${url}#/plans/gen000002/summary`)
      await page.getByTestId('plan-summary').getByRole('heading', { name: 'Implant recommendation' }).waitFor({ timeout: 60_000 })
      let start = performance.now()
      await page.pdf({ format: 'A4' })
      times.app.push(performance.now() - start)
      start = performance.now()
      await line.pdf({ format: 'A4' })
      times.floor.push(performance.now() - start)
    }
    return times
  } finally {
    await context.close()
  }
}

export async function benchLibraryRatios(full: boolean, only?: number[], paths: readonly string[] = ['editor', 'cold', 'search', 'pdf']): Promise<BenchRow[]> {
  const executablePath = await findBrowser()
  const sizes = only ?? (full ? [1000, 10_000, 100_000] : [1000, 10_000])
  const work = mkdtempSync(join(tmpdir(), 'osseoplan-ratios-'))
  const server = await startBenchServer()
  const rows: BenchRow[] = []
  try {
    // The editor keystroke does not depend on the library's size: measured once, in its own browser.
    if (paths.includes('editor')) rows.push(...(await benchEditorAlone(server.url, executablePath)).slice(0, 1))
    const empty = join(work, 'empty')
    await seedProfile(empty, server.url, executablePath, 0)
    for (const size of sizes) {
      const dir = join(work, `plans-${size}`)
      process.stderr.write(`bench ratios: seeding ${size} plans…\n`)
      await seedProfile(dir, server.url, executablePath, size)
      const cold = { app: [] as number[], floor: [] as number[], complete: [] as number[] }
      for (let i = 0; i < (paths.includes('cold') ? COLD_RUNS : 0); i++) {
        cold.floor.push((await coldOpen(empty, server.url, executablePath)).painted)
        const t = await coldOpen(dir, server.url, executablePath)
        cold.app.push(t.painted)
        cold.complete.push(t.complete)
      }
      if (paths.includes('cold')) rows.push({
        name: `ratio: cold library open, ${size.toLocaleString('en-US')} plans / empty library`,
        value: round(median(cold.app) / median(cold.floor), 2),
        unit: '×',
        budget: '≤ 1.2',
        note: `first row painted ${round(median(cold.app))} ms vs empty ${round(median(cold.floor))} ms (medians of ${COLD_RUNS} interleaved cold launches); all summaries read at ${round(median(cold.complete))} ms`
      })
      const s = paths.includes('search') ? await search(dir, server.url, executablePath) : null
      if (s) rows.push({
        name: `ratio: search keystroke → painted, ${size.toLocaleString('en-US')} plans / floor`,
        value: round(median(s.app) / median(s.floor), 2),
        unit: '×',
        budget: '≤ 1.5',
        note: `app median ${round(median(s.app))} ms, floor (plain input + substring filter + 20 rows) ${round(median(s.floor))} ms; ${s.app.length} keys each, interleaved`
      })
      if (size === sizes[0] && paths.includes('pdf')) {
        const p = await pdf(dir, server.url, executablePath)
        rows.push({
          name: 'ratio: summary PDF (A4) / one-line page PDF',
          value: round(median(p.app) / median(p.floor), 2),
          unit: '×',
          budget: '≤ 2',
          note: `summary ${round(median(p.app))} ms vs one line ${round(median(p.floor))} ms (medians of ${PDF_RUNS}, interleaved)`
        })
      }
      rmSync(dir, { recursive: true, force: true })
    }
  } finally {
    await server.stop()
    rmSync(work, { recursive: true, force: true })
    rmSync(server.outDir, { recursive: true, force: true })
  }
  return rows
}

if (process.argv[1]?.endsWith('library-ratios.ts')) {
  // --sizes=1000,10000 measures only those library sizes; --paths=search,cold only those paths.
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',')
  const rows = await benchLibraryRatios(process.argv.includes('--full'), option('sizes')?.map(Number), option('paths'))
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n')
  else for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`)
}
