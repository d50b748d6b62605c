/**
 * Where a station handle drag's time goes (issue #15): a sampled JavaScript profile of the bench's
 * handle drag (tests/perf/imaging-bench.ts) on the 3,000 × 3,000 phantom, per pointer move (self
 * and inclusive time per function). A profiling aid, not a benchmark row.
 *   BENCH_NO_MINIFY=1 npx tsx tests/perf/imaging-trace.ts [--moves=40] [--no-webgl | --webgl] [--trace]
 * (default: the path the app chooses; --webgl forces WebGL even when software only).
 * --trace: a Chromium trace instead: main-thread self time per event, per move, beside the same
 * for the bench floor (an empty canvas); and the IndexedDB writes made during the drag.
 * TRACE_CALLERS=f,g prints who calls f and g (keystroke-trace.ts's profile).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { phantomDicom } from '../../scripts/imaging/phantom'
import { LAUNCH_ARGS } from './bench-common'
import { findBrowser } from './browser-bench'
import { addFloorCanvas, prepareHandle, viewerContext } from './imaging-bench'
import { cpuProfile, type TraceEvent } from './keystroke-trace'
import { startBenchServer } from './server'
import { selfTimes } from './trace-self-time'

/** The renderer main thread's self time per event name, per move (ms), heaviest first. */
function selfTimeByName(json: string, moves: number): string {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!
  const self = selfTimes(events.filter((e) => e.tid === main.tid && e.pid === main.pid), (e) => e.dur)
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  return [`${(total / moves).toFixed(2)} ms  main thread busy, in all`, ...[...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n, v]) => `${(v / moves).toFixed(2)} ms  ${n}`)].join('\n')
}

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const moves = Number(option('moves') ?? 40)
const work = mkdtempSync(join(tmpdir(), 'osseoplan-imaging-trace-'))
const file = join(work, 'radiograph-3000.dcm')
writeFileSync(file, phantomDicom({ rows: 3000, columns: 3000, detectorPixelMm: 0.13 }))
const server = await startBenchServer()
const browser = await chromium.launch({ executablePath: await findBrowser(), args: LAUNCH_ARGS })
try {
  const context = await viewerContext(browser, process.argv.includes('--no-webgl') ? 'no-webgl' : process.argv.includes('--webgl') ? 'force-webgl' : 'app')
  const page = await context.newPage()
  await page.goto(server.url)
  await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
  await page.locator('section.library tbody tr[data-plan-id]').first().getByRole('button', { name: 'Open' }).click()
  await page.getByTestId('result-panel').waitFor()
  await page.getByTestId('imaging-toggle').click()
  await page.getByTestId('image-file-input').setInputFiles(file)
  await page.locator('[data-testid="image-viewport"][data-renderer-settled="true"]').waitFor({ timeout: 60_000 })
  await page.getByTestId('image-file-input').and(page.locator(':enabled')).waitFor({ timeout: 60_000 })
  await page.getByTestId('image-overlay').scrollIntoViewIfNeeded()
  const h = await prepareHandle(page)
  const x = h.x + h.width / 2
  const y = h.y + h.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x - 1, y)
  const move = (i: number) => page.mouse.move(x - 6 * Math.abs(Math.sin((i + 2) / 5)), y)
  const traced = async (label: string, step: (i: number) => Promise<unknown>) => {
    await browser.startTracing(page, { categories: (process.env['TRACE_CATS'] ?? 'devtools.timeline,disabled-by-default-devtools.timeline').split(',') })
    for (let i = 0; i < moves; i++) {
      await step(i)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
    }
    console.log(`${label}:\n${selfTimeByName((await browser.stopTracing()).toString('utf8'), moves)}`)
  }
  // IndexedDB writes during the drag (an autosave within a drag competes with its frames).
  await page.evaluate(() => {
    const w = window as unknown as { __puts: string[] }
    w.__puts = []
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...a: Parameters<typeof put>) {
      w.__puts.push(`${this.name}@${Math.round(performance.now())}`)
      return put.apply(this, a)
    }
  })
  if (process.argv.includes('--trace')) {
    await traced('handle drag', move)
    console.log('IndexedDB puts during the drag:', await page.evaluate(() => (window as unknown as { __puts: string[] }).__puts.join(' ')))
    await page.mouse.up()
    await page.evaluate(addFloorCanvas)
    await page.mouse.move(300, 250)
    await traced('floor (empty canvas, pointer move)', (i) => page.mouse.move(300 + 40 * Math.sin(i / 6), 250))
  } else await cpuProfile(page, moves, move)
  await page.mouse.up()
  await context.close()
} finally {
  await browser.close()
  await server.stop()
  rmSync(work, { recursive: true, force: true })
  rmSync(server.outDir, { recursive: true, force: true })
}
