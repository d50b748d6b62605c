/**
 * Where a summary PDF's time goes, per process (a profiling aid, not a benchmark row). Variants as
 * in pdf-ab.ts, with the print's options as a fourth part (`--v=name:a|b[:style-sheet file
 * [:bench|app|tagged|outline]]`, OPTIONS below; `bench` by default), printed in turn, each print
 * followed by one of the one-line floor page with the same options (the row `floor`). Per print:
 * - the print compositor's main thread time: Chromium forks a new compositor process from its
 *   zygote for every print, too brief for a trace to reach; /proc is read every 4 ms until it ends;
 * - the CPU time of the page's renderer process and of the browser process (/proc);
 * - the renderer main thread's thread time, from a CDP trace of the page (--events: its heaviest
 *   events by self time, averages per print).
 * Prints per variant the medians over its prints, and the 1-minute load at start and end.
 *   BENCH_PORT=4331 npx tsx tests/perf/pdf-trace.ts --a=DIR --b=DIR --v=main:a --v=branch:b [--prints=8] [--events]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { type Page } from '@playwright/test'
import { median } from './bench-common'
import { arg, openSummary, variantArgs, withSeededBrowser, type VariantArg } from './pdf-variants'
import { selfTimes } from './trace-self-time'

interface TraceEvent { ph: string; name: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number }
interface Print { renderer: number; rendererMain: number; compositor: number; browser: number; events: Map<string, number> }
interface Variant extends VariantArg { options: PdfOptions; page?: Page; prints: Print[] }
type PdfOptions = Parameters<Page['pdf']>[0]

const prints = Number(arg('prints', '8'))
const events = process.argv.includes('--events')
/** page.pdf options: as the benches print, as the app prints (printToPDF in src/main/desktop-actions.ts), and that with a tagged PDF and its outline. */
const OPTIONS: Record<string, PdfOptions> = {
  bench: { format: 'A4' },
  app: { format: 'A4', printBackground: true, preferCSSPageSize: true },
  tagged: { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true },
  outline: { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true }
}
const variants: Variant[] = variantArgs().map((v) => ({ ...v, options: OPTIONS[v.more ?? 'bench']!, prints: [] }))
const port = Number(process.env['BENCH_PORT'] ?? 4331)
const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink'

interface Proc { pid: number; ppid: number; cmd: string; own: number }

/** Every process, with its CPU time (ms, utime + stime). */
function processes(): Proc[] {
  const list: Proc[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8')
      list.push({ pid: Number(name), ppid: Number(f[1]), cmd, own: (Number(f[11]) + Number(f[12])) * 10 })
    } catch {
      // gone meanwhile
    }
  }
  return list
}

/** The browser (the process launched on `profile`), its renderers and its zygotes. */
function browserTree(profile: string): { browser: Proc; renderers: Proc[]; zygotes: number[] } {
  const all = processes()
  const browser = all.find((p) => p.cmd.includes(profile) && !p.cmd.includes('--type='))!
  const mine = new Set([browser.pid])
  for (let depth = 0; depth < 3; depth++) for (const p of all) if (mine.has(p.ppid)) mine.add(p.pid)
  const tree = all.filter((p) => mine.has(p.pid) && p !== browser)
  return { browser, renderers: tree.filter((p) => p.cmd.includes('--type=renderer')), zygotes: tree.filter((p) => p.cmd.includes('--type=zygote')).map((p) => p.pid) }
}

/** Polls the zygotes' children every few ms while a print runs, keeping the last CPU time (ms) seen
 *  of each print compositor's main thread. */
function watchCompositors(zygotes: number[]): { stop: () => number } {
  const cpu = new Map<number, number>()
  // A forked child shows the zygote's command line until it renames itself: only a match is kept.
  const compositors = new Set<number>()
  const poll = () => {
    for (const z of zygotes) {
      let children: string[] = []
      try {
        children = readFileSync(`/proc/${z}/task/${z}/children`, 'utf8').trim().split(' ').filter(Boolean)
      } catch {
        continue
      }
      for (const c of children) {
        const pid = Number(c)
        try {
          if (!compositors.has(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('PrintCompositor')) compositors.add(pid)
          if (!compositors.has(pid)) continue
          // The main thread's time on the CPU, in ns (schedstat: exact, where stat counts 10 ms ticks).
          cpu.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6)
        } catch {
          // ended meanwhile
        }
      }
    }
  }
  const timer = setInterval(poll, 4)
  return { stop: () => (clearInterval(timer), [...cpu.values()].reduce((a, b) => a + b, 0)) }
}

async function tracedPrint(page: Page, profile: string, options: PdfOptions): Promise<Print> {
  const cdp = await page.context().newCDPSession(page)
  const chunks: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (d) => chunks.push(...(d.value as unknown as TraceEvent[])))
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
  const before = browserTree(profile)
  const watch = watchCompositors(before.zygotes)
  await page.pdf(options)
  await new Promise((r) => setTimeout(r, 300))
  const compositor = watch.stop()
  const after = browserTree(profile)
  await cdp.send('Tracing.end')
  await done
  await cdp.detach()
  const rendererDelta = Math.max(...after.renderers.map((r) => r.own - (before.renderers.find((b) => b.pid === r.pid)?.own ?? 0)))
  // The page's renderer: the one whose main thread ran the print.
  const threadNames = new Map(chunks.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, (e as { args?: { name?: string } }).args?.name]))
  const mainEvents = chunks.filter((e) => threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
  const busiest = new Map<number, number>()
  for (const e of mainEvents) busiest.set(e.pid, (busiest.get(e.pid) ?? 0) + 1)
  const pid = [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0]
  const self = selfTimes(mainEvents.filter((e) => e.pid === pid), (e) => e.tdur)
  return {
    renderer: rendererDelta,
    rendererMain: [...self.values()].reduce((a, b) => a + b, 0),
    compositor,
    browser: after.browser.own - before.browser.own,
    events: self
  }
}

async function main(): Promise<void> {
  await withSeededBrowser(port, 'b', async ({ context, base, profile }) => {
    const floor: Variant = { name: 'floor', build: '', options: OPTIONS['bench']!, prints: [] }
    const line = await context.newPage()
    await line.setContent('<p>One line.</p>')
    const loadStart = loadavg()[0]!.toFixed(2)
    for (let i = 0; i < prints; i++) {
      for (const v of variants.map((_, k) => variants[(k + i) % variants.length]!)) {
        const page = v.page ??= await context.newPage()
        await openSummary(page, base, v)
        await page.waitForTimeout(100)
        v.prints.push(await tracedPrint(page, profile, v.options))
        floor.prints.push(await tracedPrint(line, profile, v.options))
      }
    }
    const loadEnd = loadavg()[0]!.toFixed(2)
    for (const v of [...variants, floor]) {
      const m = (k: 'renderer' | 'rendererMain' | 'compositor' | 'browser') => median(v.prints.map((p) => p[k])).toFixed(0)
      console.log(`${v.name.padEnd(10)} per print (median of ${v.prints.length}): print compositor main thread ${m('compositor')} ms (mean ${(v.prints.reduce((a, p) => a + p.compositor, 0) / v.prints.length).toFixed(0)}); renderer process CPU ${m('renderer')} ms, its main thread ${m('rendererMain')} ms (thread time, traced); browser process CPU ${m('browser')} ms`)
      if (events) {
        const total = new Map<string, number>()
        for (const p of v.prints) for (const [n, t] of p.events) total.set(n, (total.get(n) ?? 0) + t)
        console.log(`  renderer main: ${[...total].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, t]) => `${n} ${(t / v.prints.length).toFixed(1)}`).join('; ')}`)
      }
    }
    console.log(`1-minute load ${loadStart} → ${loadEnd}`)
  })
}

void main()
