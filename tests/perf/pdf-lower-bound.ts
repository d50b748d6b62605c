/**
 * How cheap can a PDF of the summary's words be? (a profiling aid for issue #14, not a benchmark row)
 * Prints, in one browser, taking turns, each print followed by the bench's one-line floor page:
 *  - `summary`: the app's summary, as the bench prints it (navigated to, then `page.pdf`);
 *  - `paragraph`: the summary's words (every text node of the sheet, in order) as ONE paragraph in
 *    the summary's face and type size: no structure at all;
 *  - `spans`: the same words, one `<span>` per text node, in one paragraph: elements, no layout
 *    structure.
 * The two made-up pages are served from the app's origin (so they load the bundled faces) and are
 * loaded anew before each print, as the summary is. Prints per page the median wall time, its ratio
 * to its floors, and the page count.
 *   BENCH_PORT=4331 npx tsx tests/perf/pdf-lower-bound.ts [--a=DIR] [--rounds=12]
 */
import { loadavg } from 'node:os'
import { type Page } from '@playwright/test'
import { median } from './bench-common'
import { arg, openSummary, withSeededBrowser } from './pdf-variants'

const rounds = Number(arg('rounds', '12'))
const port = Number(process.env['BENCH_PORT'] ?? 4331)

interface Kind { name: string; html?: string; wall: number[]; floor: number[]; pages: number }

/** The sheet's words (one string per text node), its type size and its faces' URLs. */
async function summaryWords(page: Page): Promise<{ words: string[]; font: string; faces: { weight: string; url: string }[] }> {
  return page.evaluate(() => {
    const sheet = document.querySelector('[data-testid="plan-summary"]')!
    const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT)
    const words: string[] = []
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent!.trim()
      if (text) words.push(text)
    }
    const style = getComputedStyle(sheet)
    const faces = [...performance.getEntriesByType('resource')].map((e) => e.name).filter((u) => u.endsWith('.woff2'))
      .map((url) => ({ weight: /-700-/.test(url) ? '700' : '400', url }))
    return { words, font: `${style.fontSize}/${style.lineHeight} '${style.fontFamily.split(',')[0]!.replace(/['"]/g, '')}'`, faces }
  })
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

function pageOf(body: string, font: string, faces: { weight: string; url: string }[]): string {
  const family = /'([^']+)'/.exec(font)![1]!
  // The faces added from script, as the app adds them (print-fonts.ts); the page waits for them.
  const load = faces.map((f) => `document.fonts.add(new FontFace(${JSON.stringify(family)}, 'url(${f.url})', { weight: '${f.weight}' }))`).join(';')
  return `<!doctype html><html><head><meta charset="utf-8"><script>${load};document.fonts.ready.then(()=>document.documentElement.dataset.ready='1')</script>`
    + `<style>@page { size: A4; margin: 12mm } body { margin: 0; font: ${font} }</style></head><body>${body}</body></html>`
}

/** One timed print of `page`, then one of the floor page. */
async function printed(page: Page, kind: Kind, floor: Page): Promise<void> {
  let start = performance.now()
  const pdf = await page.pdf({ format: 'A4' })
  kind.wall.push(performance.now() - start)
  kind.pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  start = performance.now()
  await floor.pdf({ format: 'A4' })
  kind.floor.push(performance.now() - start)
}

async function main(): Promise<void> {
  await withSeededBrowser(port, 'a', async ({ context, base }) => {
    const floor = await context.newPage()
    await floor.setContent('<p>One line.</p>')
    await floor.pdf({ format: 'A4' }) // the browser's print set-up, untimed (as the bench does)
    const summary = await context.newPage()
    await openSummary(summary, base, { name: 'summary', build: 'a' })
    const { words, font, faces } = await summaryWords(summary)
    const kinds: Kind[] = [
      { name: 'summary', wall: [], floor: [], pages: 0 },
      { name: 'paragraph', html: pageOf(`<p>${words.map(escape).join(' ')}</p>`, font, faces), wall: [], floor: [], pages: 0 },
      { name: 'spans', html: pageOf(`<p>${words.map((w) => `<span>${escape(w)}</span>`).join(' ')}</p>`, font, faces), wall: [], floor: [], pages: 0 }
    ]
    for (const k of kinds) if (k.html) await context.route(`${base}/a/lower-bound/${k.name}.html`, (route) => route.fulfill({ contentType: 'text/html', body: k.html! }))
    const pages = new Map<string, Page>([['summary', summary]])
    for (const k of kinds) if (!pages.has(k.name)) pages.set(k.name, await context.newPage())
    const loadStart = loadavg()[0]!.toFixed(2)
    for (let r = 0; r < rounds; r++) {
      for (const k of kinds.map((_, i) => kinds[(i + r) % kinds.length]!)) {
        const page = pages.get(k.name)!
        if (k.html) {
          await page.goto(`${base}/a/lower-bound/${k.name}.html`)
          await page.waitForFunction(() => document.documentElement.dataset['ready'] === '1')
        } else {
          await openSummary(page, base, { name: k.name, build: 'a' })
        }
        await page.waitForTimeout(100)
        await printed(page, k, floor)
      }
    }
    const loadEnd = loadavg()[0]!.toFixed(2)
    console.log(`${words.length} text nodes, ${words.join(' ').length} characters, set in ${font}`)
    for (const k of kinds) {
      console.log(`${k.name.padEnd(10)} ${median(k.wall).toFixed(1)} ms vs one line ${median(k.floor).toFixed(1)} ms: ${(median(k.wall) / median(k.floor)).toFixed(2)}× (medians of ${k.wall.length}; ${k.pages} pages)`)
    }
    console.log(`1-minute load ${loadStart} → ${loadEnd}`)
  })
}

void main()
