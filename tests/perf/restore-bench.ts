/**
 * Restore benchmark (Chromium, built web renderer): restoring a library backup through the file
 * picker, as a ratio to its floor measured in the same browser in the same run. Part of `npm run
 * bench` (scripts/bench/restore.ts runs it with --json); alone: `npx tsx tests/perf/restore-bench.ts`
 * (1,000 and 10,000 plans; `--full` adds the 100,000-plan backup, one round; `--sizes=1000` picks sizes;
 * `--rounds=9` takes more rounds).
 *
 * Floor: what any restore of the file must do at least — read the chosen file, JSON.parse it, and
 * write every row with the app's tables and indexes into IndexedDB in one transaction, in chunks.
 * The app's restore adds the strict reader, the record checks, recomputing every stored result,
 * the audit entry and the library list. Rounds alternate floor and app, each into a fresh browser
 * context (an empty library); the median of each is reported. Measured, never asserted.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { startBenchServer } from './server'
import { findBrowser } from './browser-bench'
import { benchContext, LAUNCH_ARGS, type BenchRow, median } from './bench-common'

/** Rounds per size (`--rounds=N` for more: single rounds move by ±50 % on the shared machine). */
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 3)
const round = (ms: number) => Math.round(ms * 10) / 10

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const context = await benchContext(browser, { acceptDownloads: false })
  const page = await context.newPage()
  await page.goto(url)
  await page.getByText('No plans yet').waitFor()
  return page
}

/** The floor, in the page: read the file, JSON.parse, write every row (app's schema) in one transaction. */
async function floorMs(page: Page, file: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'floor-file'
    document.body.append(input)
  })
  await page.locator('#floor-file').setInputFiles(file)
  return page.evaluate(async () => {
    const start = performance.now()
    const text = await (document.querySelector('#floor-file') as HTMLInputElement).files![0]!.text()
    const doc = JSON.parse(text) as { plans: Array<Record<string, unknown>>; revisions: unknown[]; audit: unknown[] }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`floor-${Math.random()}`, 1)
      open.onupgradeneeded = () => {
        const plans = open.result.createObjectStore('plans', { keyPath: 'id' })
        for (const index of ['patientCode', 'surgeon', 'level', 'side', 'systemId', 'status', 'archived', 'createdAt', 'updatedAt', 'parentId']) plans.createIndex(index, index)
        open.result.createObjectStore('planIndex', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt')
        const revisions = open.result.createObjectStore('revisions', { keyPath: 'id' })
        revisions.createIndex('planId', 'planId')
        revisions.createIndex('[planId+number]', ['planId', 'number'])
        revisions.createIndex('createdAt', 'createdAt')
        const audit = open.result.createObjectStore('audit', { keyPath: 'seq', autoIncrement: true })
        audit.createIndex('planId', 'planId')
        audit.createIndex('at', 'at')
      }
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = db.transaction(['plans', 'planIndex', 'revisions', 'audit'], 'readwrite')
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    const summary = ({ caseFile: _c, notes: _n, ...rest }: Record<string, unknown>) => ({ ...rest, search: '' })
    for (const plan of doc.plans) {
      tx.objectStore('plans').add(plan)
      tx.objectStore('planIndex').add(summary(plan))
    }
    for (const row of doc.revisions) tx.objectStore('revisions').add(row)
    for (const row of doc.audit) tx.objectStore('audit').add(row)
    await done
    const ms = performance.now() - start
    db.close()
    return ms
  })
}

/** The app's restore, in the page: through the "Restore library" button and its file dialog, timed
 *  from the file input's change event (the file chosen) to "Restored N plans" shown. */
async function appMs(page: Page, file: string, plans: number): Promise<number> {
  await page.evaluate((plans) => {
    const w = window as unknown as { __restore?: { start: number; end: number } }
    const state = { start: Number.NaN, end: Number.NaN }
    w.__restore = state
    document.addEventListener('change', (e) => (state.start = e.timeStamp), { capture: true, once: true })
    const observer = new MutationObserver(() => {
      if (document.querySelector('[role="status"]')?.textContent?.includes(`Restored ${plans} plans`)) {
        state.end = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  }, plans)
  // As a user does: point at and click "Restore library" (pointing starts loading the restore
  // code), then choose the file in the dialog at once (no time spent in the dialog is counted or given).
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Restore library' }).click()
  await (await chooser).setFiles(file)
  const handle = await page.waitForFunction(() => {
    const s = (window as unknown as { __restore?: { start: number; end: number } }).__restore
    return s && !Number.isNaN(s.end) ? s.end - s.start : null
  }, undefined, { timeout: 1_200_000, polling: 250 })
  return (await handle.jsonValue()) as number
}

export async function benchRestore(sizes: readonly number[]): Promise<BenchRow[]> {
  process.env['BENCH_PORT'] ??= '4312'
  process.env['BENCH_WEB_OUT_DIR'] ??= 'out/web-bench-restore'
  const server = await startBenchServer()
  const browser = await chromium.launch({ executablePath: await findBrowser(), args: LAUNCH_ARGS })
  const dir = mkdtempSync(join(tmpdir(), 'osseoplan-restore-bench-'))
  const rows: BenchRow[] = []
  try {
    for (const plans of sizes) {
      const file = join(dir, `library-${plans}.json`)
      // One reviewed, two approved and one superseded plan per 2,500 (revisions hold ~50 kB results).
      execFileSync('npx', ['tsx', 'tests/unit/db/library-generator.ts', file, String(plans), '2500'])
      const mb = (statSync(file).size / 1e6).toFixed(1)
      const floors: number[] = []
      const apps: number[] = []
      // A 100,000-plan restore takes minutes on the shared machine: one round of each there.
      const rounds = plans >= 100_000 ? 1 : ROUNDS
      for (let i = 0; i < rounds; i++) {
        for (const measure of [floorMs, (p: Page, f: string) => appMs(p, f, plans)]) {
          const page = await freshPage(browser, server.url)
          ;(measure === floorMs ? floors : apps).push(await measure(page, file))
          await page.context().close()
        }
      }
      const floor = median(floors)
      const app = median(apps)
      rows.push({ name: `restore a ${plans}-plan backup (${mb} MB): ratio to its floor`, value: round(app / floor), unit: '×', budget: '≤ 2', note: `restore ${round(app)} ms, floor ${round(floor)} ms (read + JSON.parse + one-transaction IndexedDB writes); medians of ${rounds}, same run` })
      rows.push({ name: `restore a ${plans}-plan backup (${mb} MB)`, value: round(app), unit: 'ms', note: `file chosen → "Restored ${plans} plans" shown; runs ${apps.map(round).join(', ')} ms` })
      rows.push({ name: `restore floor, ${plans} plans`, value: round(floor), unit: 'ms', note: `runs ${floors.map(round).join(', ')} ms` })
    }
  } finally {
    await browser.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

if (process.argv[1]?.endsWith('restore-bench.ts')) {
  const chosen = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length).split(',').map(Number)
  const sizes = chosen ?? (process.argv.includes('--full') ? [1000, 10_000, 100_000] : [1000, 10_000])
  const rows = await benchRestore(sizes)
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n')
  else for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`)
}
