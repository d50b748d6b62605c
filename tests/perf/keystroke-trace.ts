/**
 * Where a keystroke's time goes, from a Chromium performance trace (issue #14): the renderer main
 * thread's self time per key, grouped as script, style, layout, paint (pre-paint, paint, layerize)
 * and commit/other, for the editor keystroke (30 stations) and its floor on the same page, and for
 * the library search keystroke and its floor. A profiling aid, not a benchmark row: tracing slows
 * everything a little, so read the split, and take ratios from `npm run bench -- ratios`.
 *   npx tsx tests/perf/keystroke-trace.ts [--keys=20] [--paths=editor,search] [--size=1000] [--cpu]
 * --cpu: a sampled JavaScript profile of the keys instead (self and inclusive time per function;
 * BENCH_NO_MINIFY=1 builds the renderer unminified so the names are readable; TRACE_CALLERS=f,g
 * prints who calls f and g). TRACE_CATS picks trace categories, TRACE_OUT=prefix keeps the traces,
 * TRACE_NAMES=1 lists the heaviest trace events.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, type Page } from '@playwright/test'
import { openProfile } from './bench-common'
import { withSmallLibrary } from './editor-bench'
import { findBrowser } from './browser-bench'
import { BENCH_PLAN_ID } from './library-file'
import { completeTiming, timeInPage } from './in-page'
import { installFloor, seedProfile } from './library-ratios'
import { startBenchServer } from './server'

export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tid: number
  pid: number
  args?: { name?: string; data?: { type?: string } }
}

const GROUPS: [string, RegExp][] = [
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation)$/],
  ['layout', /^(Layout|UpdateLayerTree|HitTest|IntersectionObserverController::computeIntersections)$/],
  ['paint', /^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|PaintArtifactCompositor::Update)$/],
  ['commit', /^(Commit|CompositeLayers|ProxyMain::BeginMainFrame::commit|Animation Frame Fired)$/],
  ['script', /^(FunctionCall|EvaluateScript|v8\.execute|V8\.Execute|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction|MajorGC|MinorGC|V8\.GC.*|BlinkGC.*)$/]
]

/** Self time (ms) per group on the renderer's main thread, summed over each key's window: from
 *  the keydown event to the end of the first frame committed after the input event (the frame
 *  that shows the key's result; React renders a controlled input's change inside the input
 *  event). `wall` is the windows' length; `other` is mostly task bookkeeping (RunTask). */
export function splitTrace(json: string): Record<string, number> & { keys: number } {
  const events = (JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) throw new Error('trace: no renderer main thread')
  const slices = events.filter((e) => e.ph === 'X' && e.tid === main.tid && e.pid === main.pid && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const windows: [number, number][] = []
  for (const down of slices.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')) {
    const input = slices.find((e) => e.ts > down.ts && e.name === 'EventDispatch' && e.args?.data?.type === 'input')
    const commit = input && slices.find((e) => e.ts > input.ts + input.dur! && e.name === 'Commit')
    if (commit) windows.push([down.ts, commit.ts + commit.dur!])
  }
  const inWindow = (e: { ts: number; dur?: number }) => windows.some(([a, b]) => e.ts >= a && e.ts + e.dur! <= b)
  const out: Record<string, number> = { script: 0, style: 0, layout: 0, paint: 0, commit: 0, other: 0, wall: 0 }
  const byName = new Map<string, number>()
  for (const [a, b] of windows) out.wall! += (b - a) / 1000
  // Self time: a slice's duration minus its direct children's (slices nest on one thread).
  const stack: { ts: number; dur: number; end: number; group: string; name: string }[] = []
  const groupOf = (name: string) => GROUPS.find(([, re]) => re.test(name))?.[0] ?? null
  for (const e of slices) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop()
    const parent = stack.at(-1)
    const own = groupOf(e.name) ?? parent?.group ?? 'other'
    stack.push({ ts: e.ts, dur: e.dur!, end: e.ts + e.dur!, group: own, name: e.name })
    if (!inWindow(e)) continue
    const ms = e.dur! / 1000
    out[own]! += ms
    byName.set(e.name, (byName.get(e.name) ?? 0) + ms)
    if (parent && inWindow(parent)) {
      out[parent.group]! -= ms
      byName.set(parent.name, (byName.get(parent.name) ?? 0) - ms)
    }
  }
  if (process.env['TRACE_NAMES']) console.log([...byName].sort((x, y) => y[1] - x[1]).slice(0, 15).map(([n, v]) => `${n} ${Math.round(v / windows.length * 10) / 10}`).join('; '))
  return Object.assign(out, { keys: windows.length })
}

/** Each part of a split per key (ms, two decimals), and the number of keys. */
export const perKey = ({ keys, ...split }: Record<string, number> & { keys: number }): Record<string, number> =>
  ({ ...Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Math.round((v / keys) * 100) / 100])), keys })

/** With --cpu: a sampled JavaScript profile of the keys instead, top functions by self time. */
export async function cpuProfile(page: Page, keys: number, press: (i: number) => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  for (let i = 0; i < keys; i++) {
    await press(i)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } }
  const self = new Map<string, number>()
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
  })
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / keys).toFixed(2)} ms  ${k}`).join('\n'))
  // Inclusive time of functions (each counted once per sample, however deep the recursion).
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
    }
  })
  console.log('inclusive:\n' + [...total].filter(([k]) => /\S\.js:\d+$/.test(k) && !/ index-/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 70).map(([k, v]) => `${(v / keys).toFixed(2)} ms  ${k}`).join('\n'))
  // Who calls the named functions (TRACE_CALLERS=mark,getBoundingClientRect): parent chains.
  for (const name of (process.env['TRACE_CALLERS'] ?? '').split(',').filter(Boolean)) {
    const chains = new Map<string, number>()
    profile.samples.forEach((id, i) => {
      if (byId.get(id)!.callFrame.functionName !== name) return
      const chain: string[] = []
      for (let p = parent.get(id); p !== undefined && chain.length < 12; p = parent.get(p)) {
        const f = byId.get(p)!.callFrame
        chain.push(`${f.functionName || '?'}@${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`)
      }
      const key = chain.join(' < ')
      chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
    })
    for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`${name} ${(v / keys).toFixed(2)} ms: ${k}`)
  }
}

/** A trace (JSON) of `keys` presses on `page`, each followed by its frame. Through the DevTools
 *  protocol on the page: a persistent context has no Browser object to trace with. */
export async function traceKeysOnPage(page: Page, keys: number, press: (i: number) => Promise<void>): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const chunks: unknown[] = []
    cdp.on('Tracing.dataCollected', (d: { value: unknown[] }) => chunks.push(...d.value))
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
    await cdp.send('Tracing.start', { categories: process.env['TRACE_CATS'] ?? 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' })
    for (let i = 0; i < keys; i++) {
      await press(i)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
    }
    await cdp.send('Tracing.end')
    await done
    const json = JSON.stringify({ traceEvents: chunks })
    if (process.env['TRACE_OUT']) writeFileSync(`${process.env['TRACE_OUT']}-${Date.now()}.json`, json)
    return json
  } finally {
    await cdp.detach()
  }
}

async function traced(browser: Browser, page: Page, keys: number, press: (i: number) => Promise<void>): Promise<Record<string, number>> {
  if (process.argv.includes('--cpu')) {
    await cpuProfile(page, keys, press)
    return {}
  }
  await browser.startTracing(page, { categories: (process.env['TRACE_CATS'] ?? 'devtools.timeline,disabled-by-default-devtools.timeline').split(',') })
  for (let i = 0; i < keys; i++) {
    await press(i)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
  }
  const json = (await browser.stopTracing()).toString('utf8')
  if (process.env['TRACE_OUT']) writeFileSync(`${process.env['TRACE_OUT']}-${Date.now()}.json`, json)
  return perKey(splitTrace(json))
}

const show = (label: string, split: Record<string, number>) => console.log(`${label}: ${Object.entries(split).map(([k, v]) => `${k} ${v}`).join(', ')} (ms per key, main thread self time)`)

/** TRACE_CSS: a style sheet added to the page first, to try a change without a rebuild. */
async function addTraceCss(page: Page): Promise<void> {
  if (!process.env['TRACE_CSS']) return
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  }, process.env['TRACE_CSS'])
}

async function editor(url: string, executablePath: string, keys: number): Promise<void> {
  await withSmallLibrary(url, executablePath, async (page) => {
    await page.goto(`${url}#/plans/${BENCH_PLAN_ID}`)
    await page.getByTestId('result-panel').waitFor()
    await addTraceCss(page)
    await page.evaluate(() => {
      const input = document.createElement('input')
      input.id = 'bench-floor'
      input.style.cssText = 'position:fixed;bottom:0;left:0;z-index:99'
      const echo = document.createElement('span')
      input.addEventListener('input', () => (echo.textContent = input.value))
      document.body.append(input, echo)
    })
    const field = page.locator('#f-patient-weight')
    await field.click()
    await field.press('End')
    await field.pressSequentially('.1')
    for (let i = 0; i < 6; i++) await field.press(i % 2 === 0 ? '2' : 'Backspace')
    const painted: number[] = []
    show('editor key', await traced(page.context().browser()!, page, keys, async (i) => {
      await field.focus()
      painted.push((await timeInPage(page, { kind: 'mark', name: 'osseo:rendered' }, () => field.press(i % 2 === 0 ? '2' : 'Backspace'))).painted)
    }))
    console.log(`editor key painted (in-page timer, under tracing): ${painted.map((p) => Math.round(p)).join(' ')}`)
    const floor = page.locator('#bench-floor')
    await floor.focus()
    show('editor floor key', await traced(page.context().browser()!, page, keys, (i) => floor.press(i % 2 === 0 ? 'x' : 'Backspace')))
  })
}

async function search(url: string, executablePath: string, keys: number, size: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'osseoplan-trace-lib-'))
  try {
    await seedProfile(dir, url, executablePath, size)
    const context = await openProfile(dir, executablePath)
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(url)
      await completeTiming(page)
      await installFloor(page)
      await addTraceCss(page)
      const app = page.getByLabel('Search', { exact: true })
      const floor = page.locator('#floor-input')
      await app.fill('P-00')
      await floor.fill('P-00')
      await page.waitForTimeout(300)
      if (process.env['TRACE_SHOT']) await page.screenshot({ path: process.env['TRACE_SHOT'] })
      const cdpSplit = async (press: (i: number) => Promise<void>) => {
        if (process.argv.includes('--cpu')) {
          await cpuProfile(page, keys, press)
          return { keys }
        }
        return perKey(splitTrace(await traceKeysOnPage(page, keys, press)))
      }
      await app.focus()
      await page.keyboard.press('End')
      show(`search key, ${size} plans`, await cdpSplit((i) => page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace')))
      await floor.focus()
      await page.keyboard.press('End')
      show(`search floor key, ${size} plans`, await cdpSplit((i) => page.keyboard.press(i % 2 === 0 ? '1' : 'Backspace')))
    } finally {
      await context.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
  }
}

if (process.argv[1]?.endsWith('keystroke-trace.ts')) {
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const keys = Number(option('keys') ?? 20)
  const paths = (option('paths') ?? 'editor,search').split(',')
  const executablePath = await findBrowser()
  const server = await startBenchServer()
  try {
    if (paths.includes('editor')) await editor(server.url, executablePath, keys)
    if (paths.includes('search')) await search(server.url, executablePath, keys, Number(option('size') ?? 1000))
  } finally {
    await server.stop()
    rmSync(server.outDir, { recursive: true, force: true })
  }
}
