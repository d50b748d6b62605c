// Where a cold library open's time goes (a diagnostic, not a bench row; issue #14): cold launches
// of an empty and an N-plan profile, each with and without index.html's first script
// (public/early-open.js, blocked by routing for "without"), interleaved; per launch, when each
// indexedDB.open started and succeeded and when the first row (or "No plans yet") was painted.
//   BENCH_PORT=… BENCH_WEB_OUT_DIR=… npx tsx tests/perf/cold-open-diag.ts [plans=10000] [rounds=4]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findBrowser } from './browser-bench'
import { openProfile, median } from './bench-common'
import { seedProfile } from './library-ratios'
import { startTiming } from './in-page'
import { startBenchServer } from './server'

const size = Number(process.argv[2] ?? 10000)
const runs = Number(process.argv[3] ?? 4)
function wrapOpen(): void {
  const w = window as unknown as { __opens: { start: number; ok?: number; err?: number }[] }
  w.__opens = []
  const real = indexedDB.open.bind(indexedDB)
  indexedDB.open = ((name: string, version?: number) => {
    const rec: { start: number; ok?: number; err?: number } = { start: performance.now() }
    w.__opens.push(rec)
    const r = version === undefined ? real(name) : real(name, version)
    r.addEventListener('success', () => (rec.ok = performance.now()))
    r.addEventListener('error', () => (rec.err = performance.now()))
    return r
  }) as typeof indexedDB.open
}
const executablePath = await findBrowser()
const server = await startBenchServer()
const work = mkdtempSync(join(tmpdir(), 'lib5-diag-'))
try {
  const empty = join(work, 'empty')
  await seedProfile(empty, server.url, executablePath, 0)
  const big = join(work, 'big')
  await seedProfile(big, server.url, executablePath, size)
  const res: Record<string, number[]> = {}
  for (let i = 0; i < runs; i++) {
    for (const [label, dir, early] of [['empty+early', empty, true], [`${size}+early`, big, true], ['empty-noearly', empty, false], [`${size}-noearly`, big, false]] as const) {
      const context = await openProfile(dir, executablePath)
      try {
        await context.addInitScript(wrapOpen)
        if (!early) await context.route('**/early-open.js', (r) => r.abort())
        const page = context.pages()[0] ?? (await context.newPage())
        const cdp = await context.newCDPSession(page)
        await cdp.send('Network.enable')
        await cdp.send('Network.clearBrowserCache')
        await page.goto(server.url)
        const t = await startTiming(page)
        const opens = await page.evaluate(() => (window as unknown as { __opens: unknown[] }).__opens)
        ;(res[label] ??= []).push(t.painted)
        console.log(`${label} run ${i}: painted ${Math.round(t.painted)} opens ${JSON.stringify(opens, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`)
      } finally {
        await context.close()
      }
    }
  }
  for (const [k, v] of Object.entries(res)) console.log(`${k}: median ${Math.round(median(v))} [${v.map(Math.round).join(', ')}]`)
  const r = (a: string, b: string) => (median(res[a]!) / median(res[b]!)).toFixed(2)
  console.log(`ratio with early script: ${r(`${size}+early`, 'empty+early')}; without: ${r(`${size}-noearly`, 'empty-noearly')}; 10k with / 10k without: ${r(`${size}+early`, `${size}-noearly`)}`)
} finally {
  await server.stop()
  rmSync(work, { recursive: true, force: true })
  rmSync(server.outDir, { recursive: true, force: true })
}
