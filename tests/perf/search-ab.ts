/**
 * A style change tried on the library's search keystroke, judged in the same page and minute
 * (issue #14): the app as built (A) and the app with a style sheet added (B) take turns, ten keys
 * at a time, in rounds that alternate which goes first; each block of keys is traced, and the
 * renderer main thread's self time per key is reported (median of the blocks, and the split of
 * keystroke-trace.ts). Two separate runs of keystroke-trace differ by 10–20 % on this shared
 * machine, more than most style changes are worth; interleaved, a 5 % change shows.
 * A profiling aid, not a benchmark row.
 *   npx tsx tests/perf/search-ab.ts --css='.plan-scroll tbody td { text-overflow: clip }' [--rounds=8] [--size=1000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openProfile } from './bench-common'
import { findBrowser } from './browser-bench'
import { completeTiming } from './in-page'
import { perKey, splitTrace, traceKeysOnPage } from './keystroke-trace'
import { seedProfile } from './library-ratios'
import { startBenchServer } from './server'

const PARTS = ['script', 'style', 'layout', 'paint', 'commit', 'other'] as const
const KEYS_PER_BLOCK = 10

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const css = option('css')
if (!css) throw new Error('search-ab: give the style sheet to try as --css=…')
const rounds = Number(option('rounds') ?? 8)
const size = Number(option('size') ?? 1000)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const executablePath = await findBrowser()
const server = await startBenchServer()
const dir = mkdtempSync(join(tmpdir(), 'osseoplan-search-ab-'))
try {
  await seedProfile(dir, server.url, executablePath, size)
  const context = await openProfile(dir, executablePath)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await completeTiming(page)
    // One adopted sheet, emptied for A and filled for B.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet()
      ;(window as unknown as { __abSheet: CSSStyleSheet }).__abSheet = sheet
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    })
    const search = page.getByLabel('Search', { exact: true })
    await search.fill('P-00') // P-00 ↔ P-001: 900 ↔ 90 matches at 1,000 plans, as in the bench
    await search.focus()
    await page.keyboard.press('End')
    const press = (i: number) => page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace')
    const totals = { A: [] as number[], B: [] as number[] }
    const parts = { A: [] as Record<string, number>[], B: [] as Record<string, number>[] }
    for (let round = 0; round < rounds; round++) {
      for (const variant of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const)) {
        await page.evaluate((text) => (window as unknown as { __abSheet: CSSStyleSheet }).__abSheet.replaceSync(text), variant === 'B' ? css : '')
        // Two untimed keys after the switch: the style change's own recalculation is not a key's.
        for (let i = 0; i < 2; i++) await press(i)
        await page.waitForTimeout(50)
        const split = perKey(splitTrace(await traceKeysOnPage(page, KEYS_PER_BLOCK, press)))
        totals[variant].push(PARTS.reduce((sum, part) => sum + split[part]!, 0))
        parts[variant].push(split)
      }
    }
    for (const variant of ['A', 'B'] as const) {
      const mean = (part: string) => parts[variant].reduce((sum, s) => sum + s[part]!, 0) / rounds
      console.log(`${variant === 'A' ? 'A (as built)' : 'B (with the style sheet)'}: ${median(totals[variant]).toFixed(2)} ms per key (median of ${rounds} blocks of ${KEYS_PER_BLOCK}; blocks ${totals[variant].map((t) => t.toFixed(1)).join(' ')}); ${PARTS.map((p) => `${p} ${mean(p).toFixed(2)}`).join(', ')}`)
    }
    console.log(`B / A: ${(median(totals.B) / median(totals.A)).toFixed(3)} (${size} plans)`)
  } finally {
    await context.close()
  }
} finally {
  await server.stop()
  rmSync(server.outDir, { recursive: true, force: true })
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
}
