/**
 * Radiograph viewer benchmark (Chromium, built web renderer), as ratios to floors taken in the
 * same page in the same run (issue #15):
 *  - open a 3,000 × 3,000 16-bit DICOM (18 MB): file chosen → image painted, against a plain file
 *    input that reads the same file and paints one pixel; with the open path's steps from the
 *    page's marks (features/imaging/open-marks.ts);
 *  - pan, zoom (wheel) and window/level drag on that image, and a station handle drag (→ case
 *    values, plan and overlay repainted): per frame, from the input event's handler to the end of
 *    the frame that shows it (and, on the WebGL path, gl.finish(): the GPU's work included; a paint
 *    made after a frame was rendered is shown by the next one, which is then waited for too),
 *    against an empty 760 × 560 canvas that paints one pixel per event, taken just before each gesture.
 * Three groups: the app as it runs here (the path it chose, read from the viewport: WebGL on a GPU;
 * canvas 2D when WebGL is software-only, as SwiftShader under --disable-gpu, or missing); WebGL
 * forced (the test-only window flag of features/imaging/webgl-choice.ts: whatever WebGL this
 * Chromium gives, software here); and canvas 2D with WebGL made unavailable in the page — not run
 * again when the app itself chose canvas 2D (the same painting code; said in the output).
 * Part of `npm run bench` (suite `imaging-browser`); alone: `npx tsx tests/perf/imaging-bench.ts`.
 * Measured, never asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { phantomDicom, phantomTruth } from '../../scripts/imaging/phantom'
import { findBrowser } from './browser-bench'
import { startBenchServer } from './server'
import { benchContext, LAUNCH_ARGS, type BenchRow, median, p95 } from './bench-common'
import { stepMedian, timeOpening, type OpenSteps } from './open-timer'
import { FORCE_SOFTWARE_WEBGL } from '../../src/renderer/src/features/imaging/webgl-choice'

const MOVES = 60
const OPENS = 3
const BIG = { rows: 3000, columns: 3000, detectorPixelMm: 0.13 }

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d

/** Records, per frame with input, handler → end of the frame that shows what the input changed
 *  (→ gl.finish() on a WebGL canvas). A paint of the viewport's canvas (drawArrays, putImageData)
 *  made after the frame was rendered — neither in the input's handler nor in a frame callback, e.g.
 *  in a React render task that ran after the frame — is shown by the next frame: that frame is then
 *  waited for too (before this, such a frame was counted as ended without the image it shows). */
function installFrameRecorder(): void {
  const w = window as unknown as { __frames: { work: number; latency: number }[]; __pending: boolean }
  w.__frames = []
  w.__pending = false
  let inFrameCallbacks = false
  let latePaint = false
  let recorderFrameBegun = false
  const raf = window.requestAnimationFrame.bind(window)
  window.requestAnimationFrame = (cb: FrameRequestCallback) =>
    raf((t) => {
      inFrameCallbacks = true
      try {
        cb(t)
      } finally {
        inFrameCallbacks = false
      }
    })
  const viewportCanvas = (c: unknown) => c instanceof HTMLCanvasElement && !!c.closest('[data-testid="image-viewport"]')
  const note = (canvas: unknown) => {
    if (recorderFrameBegun && !inFrameCallbacks && viewportCanvas(canvas)) latePaint = true
  }
  for (const proto of [typeof WebGL2RenderingContext === 'undefined' ? null : WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
    if (!proto) continue
    const draw = proto.drawArrays
    proto.drawArrays = function (this: WebGLRenderingContext, ...a: Parameters<typeof draw>) {
      note(this.canvas)
      return draw.apply(this, a)
    }
  }
  const proto2d = CanvasRenderingContext2D.prototype as unknown as { putImageData: (this: CanvasRenderingContext2D, ...a: unknown[]) => void }
  const put = proto2d.putImageData
  proto2d.putImageData = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
    note(this.canvas)
    return put.apply(this, a)
  }
  const onInput = (e: Event) => {
    if (w.__pending) return
    w.__pending = true
    const t0 = performance.now()
    const stamp = e.timeStamp
    const frameEnd = () =>
      raf(() => {
        recorderFrameBegun = true
        setTimeout(() => {
          if (latePaint) {
            latePaint = false
            return frameEnd()
          }
          recorderFrameBegun = false
          const canvas = document.querySelector('[data-testid="image-viewport"] canvas') as HTMLCanvasElement | null
          const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')
          gl?.finish()
          const t1 = performance.now()
          w.__frames.push({ work: t1 - t0, latency: t1 - stamp })
          w.__pending = false
        }, 0)
      })
    frameEnd()
  }
  document.addEventListener('pointermove', onInput, true)
  document.addEventListener('wheel', onInput, true)
}

async function takeFrames(page: Page): Promise<{ work: number[]; latency: number[] }> {
  await page.waitForTimeout(100)
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: { work: number; latency: number }[] }
    const f = w.__frames
    w.__frames = []
    return f
  })
  return { work: frames.map((f) => f.work), latency: frames.map((f) => f.latency) }
}

/** A drag of MOVES small steps from (x, y). */
async function drag(page: Page, x: number, y: number, dx: number, dy: number): Promise<void> {
  await page.mouse.move(x, y)
  await page.mouse.down()
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(x + dx * Math.sin(i / 6) * 40, y + dy * Math.sin(i / 6) * 40)
  await page.mouse.up()
}

async function wheel(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.move(x, y)
  for (let i = 0; i < MOVES / 2; i++) {
    await page.mouse.wheel(0, i % 4 < 2 ? -100 : 100)
    await page.waitForTimeout(20)
  }
}

/** The floor: an empty canvas of the viewport's size, on top of the page, painting one pixel per event. */
export function addFloorCanvas(): void {
  const c = document.createElement('canvas')
  c.width = 760
  c.height = 560
  c.id = 'bench-floor'
  c.style.cssText = 'position:fixed;left:0;top:0;z-index:99999;background:#000'
  const ctx = c.getContext('2d')!
  const dot = (e: PointerEvent | WheelEvent) => {
    ctx.fillStyle = `rgb(${e.clientX % 256},0,0)`
    ctx.fillRect(e.clientX % 760, e.clientY % 560, 1, 1)
  }
  c.addEventListener('pointermove', dot)
  c.addEventListener('wheel', (e) => (e.preventDefault(), dot(e)), { passive: false })
  document.body.appendChild(c)
}

/** A plain file input: the floor of "open" is reading its file and painting one pixel. */
function addFloorFileInput(): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.id = 'bench-floor-file'
  document.body.append(input)
}

function readFloorFile(): Promise<number> {
  const input = document.getElementById('bench-floor-file') as HTMLInputElement
  const c = document.createElement('canvas')
  c.width = c.height = 4
  document.body.append(c)
  const t0 = performance.now()
  return input.files![0]!.arrayBuffer().then((b) => {
    const ctx = c.getContext('2d')!
    ctx.fillStyle = `rgb(${new Uint8Array(b)[200]},0,0)`
    ctx.fillRect(0, 0, 1, 1)
    return new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => (c.remove(), resolve(performance.now() - t0)), 0)))
  })
}

async function screenOf(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const svg = page.getByTestId('image-overlay')
  const box = (await svg.boundingBox())!
  const vb = (await svg.getAttribute('viewBox'))!.split(' ').map(Number) as [number, number, number, number]
  return { x: box.x + ((p.x - vb[0]) * box.width) / vb[2], y: box.y + ((p.y - vb[1]) * box.height) / vb[3] }
}

/** Calibrated from the file, axis drawn, stations every 50 mm accepted, zoomed to station 3:
 *  the box of station 3's first canal-edge handle (the one the handle drag moves). */
export async function prepareHandle(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const truth = phantomTruth(BIG)
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  await page.getByRole('radio', { name: 'From the file' }).check()
  await page.getByRole('button', { name: 'Bone axis' }).click()
  for (const p of [truth.axis.proximal, truth.axis.distal]) {
    const s = await screenOf(page, p)
    await page.mouse.click(s.x, s.y)
  }
  await page.getByLabel('Station spacing in mm').fill('50')
  await page.getByRole('button', { name: 'Add stations' }).click()
  await page.getByRole('button', { name: 'Accept all suggested edges' }).click()
  await page.getByRole('button', { name: 'Zoom to station 3', exact: true }).click()
  return (await page.getByTestId('edge-3-endostealA').boundingBox())!
}

interface PathFigures {
  renderer: string
  /** The viewer painted with canvas 2D. */
  twoD: boolean
  open: OpenSteps[]
  openFloor: number[]
  load: number[]
  pan: number[]
  zoom: number[]
  window: number[]
  handle: number[]
  latency: Record<string, number[]>
  /** Per gesture, the floor's frames taken just before it (same kind of input, same page). */
  floor: Record<string, number[]>
}

/** How the viewer is run: as the app chooses; WebGL forced even when software only; WebGL made
 *  unavailable (the canvas-2D fallback). */
export type ViewerMode = 'app' | 'force-webgl' | 'no-webgl'

/** A page context for the viewer in `mode`. */
export async function viewerContext(browser: Browser, mode: ViewerMode): Promise<BrowserContext> {
  const context = await benchContext(browser, { viewport: { width: 1400, height: 1000 } })
  if (mode === 'force-webgl') await context.addInitScript((flag) => ((window as unknown as Record<string, boolean>)[flag] = true), FORCE_SOFTWARE_WEBGL)
  if (mode === 'no-webgl')
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return /webgl/.test(kind) ? null : (original as (...a: unknown[]) => unknown).call(this, kind, ...rest)
      } as typeof original
    })
  return context
}

async function measurePath(browser: Browser, url: string, file: string, mode: ViewerMode): Promise<PathFigures> {
  const context = await viewerContext(browser, mode)
  const page = await context.newPage()
  try {
    await page.goto(url)
    await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
    await page.locator('section.library tbody tr[data-plan-id]').first().getByRole('button', { name: 'Open' }).click()
    await page.getByTestId('result-panel').waitFor()
    await page.getByTestId('imaging-toggle').click()
    await page.getByTestId('image-file-input').waitFor()

    const f: PathFigures = { renderer: '', twoD: false, open: [], openFloor: [], load: [loadavg()[0]!], pan: [], zoom: [], window: [], handle: [], latency: {}, floor: {} }
    await page.evaluate(addFloorFileInput)
    for (let i = 0; i < OPENS; i++) {
      f.open.push(await timeOpening(page, 'change', () => page.getByTestId('image-file-input').setInputFiles(file)))
      await page.locator('#bench-floor-file').setInputFiles(file)
      f.openFloor.push(await page.evaluate(readFloorFile))
    }
    await page.locator('[data-testid="image-viewport"][data-renderer-settled="true"]').waitFor({ timeout: 60_000 })
    const kind = (await page.getByTestId('image-viewport').getAttribute('data-renderer')) ?? '?'
    const why = await page.getByTestId('image-viewport').getAttribute('data-renderer-why')
    const gpu = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2')
      const info = gl?.getExtension('WEBGL_debug_renderer_info')
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : ''
    })
    f.load.push(loadavg()[0]!)
    const gl = /SwiftShader/i.test(gpu) ? 'SwiftShader' : gpu || 'no WebGL'
    f.twoD = kind === '2d'
    f.renderer =
      kind !== '2d' ? `${kind} on ${gl}${gl === 'SwiftShader' ? ', software' : ''}` : why === 'software-webgl' ? `canvas 2D, chosen because WebGL is software-only here (${gl})` : why === 'no-webgl' ? 'canvas 2D, no WebGL' : `canvas 2D (${why ?? '?'}; WebGL: ${gl})`
    await page.evaluate(installFrameRecorder)
    await page.getByTestId('image-overlay').scrollIntoViewIfNeeded()
    const box = (await page.getByTestId('image-overlay').boundingBox())!
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2

    const take = async (key: keyof Pick<PathFigures, 'pan' | 'zoom' | 'window' | 'handle'>, run: () => Promise<void>) => {
      await takeFrames(page)
      await run()
      const t = await takeFrames(page)
      f[key].push(...t.work)
      f.latency[key] = t.latency
    }
    // The floor of each gesture, taken just before it (the load moves within a run): an empty
    // canvas on the same page painting one pixel per event, same kind of input.
    const floorFor = async (key: string, input: 'move' | 'wheel') => {
      await page.evaluate(addFloorCanvas)
      await takeFrames(page)
      await (input === 'move' ? drag(page, 300, 250, 1, 0.5) : wheel(page, 300, 250))
      f.floor[key] = (await takeFrames(page)).work
      await page.evaluate(() => document.getElementById('bench-floor')!.remove())
    }
    await page.getByRole('button', { name: 'Move', exact: true }).click()
    await floorFor('pan', 'move')
    await take('pan', () => drag(page, cx, cy, 1, 0.5))
    await floorFor('zoom', 'wheel')
    await take('zoom', () => wheel(page, cx, cy))
    await page.getByRole('button', { name: 'Window', exact: true }).click()
    await floorFor('window', 'move')
    await take('window', () => drag(page, cx, cy, 1, 0.7))

    const h = await prepareHandle(page)
    await floorFor('handle', 'move')
    await take('handle', async () => {
      await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
      await page.mouse.down()
      for (let i = 1; i <= MOVES; i++) await page.mouse.move(h.x + h.width / 2 - 6 * Math.abs(Math.sin(i / 5)), h.y + h.height / 2)
      await page.mouse.up()
    })
    f.load.push(loadavg()[0]!)
    return f
  } finally {
    await context.close()
  }
}

function rows(f: PathFigures, label: string): BenchRow[] {
  const load = `load average ${f.load.map((x) => x.toFixed(1)).join(' → ')}`
  const frame = (key: 'pan' | 'zoom' | 'window' | 'handle', what: string, floorName: string): BenchRow => {
    const floor = f.floor[key] ?? [Number.NaN]
    return {
      name: `imaging (${label}): ${what}, frame time p95`,
      value: round(p95(f[key])),
      unit: 'ms',
      budget: 'p95 < 16 ms',
      note: `floor p95 ${round(p95(floor))} ms (${floorName}, just before, same page) → ${round(p95(f[key]) / p95(floor), 2)}× the floor; median ${round(median(f[key]))} ms (floor ${round(median(floor))} ms) over ${f[key].length} frames; input → painted p95 ${round(p95(f.latency[key] ?? [0]))} ms; ${load}`
    }
  }
  const step = (k: keyof OpenSteps) => stepMedian(f.open, k, median)
  const open = median(f.open.map((o) => o.painted))
  const openFloor = median(f.openFloor)
  const gpu = step('gpu')
  return [
    {
      name: `imaging (${label}): open a 3,000 × 3,000 16-bit DICOM (18 MB) → shown`,
      value: round(open),
      unit: 'ms',
      budget: '< 1000 ms',
      note: `floor ${round(openFloor)} ms (a plain file input reading the same file, painting one pixel) → ${round(open / openFloor, 2)}× the floor; median of ${f.open.length}: ${f.open.map((x) => round(x.painted, 0)).join(', ')} ms; steps from the change event (medians): read ${step('read')}, parsed ${step('parsed')}, first paint ${step('shown')}, frame painted ${step('painted')}${gpu === null ? '' : `, WebGL took over ${gpu}`}, stored ${step('stored')} ms; ${load}`
    },
    frame('pan', 'pan (drag)', 'empty canvas, pointer move'),
    frame('zoom', 'zoom (wheel)', 'empty canvas, wheel'),
    frame('window', 'window/level drag', 'empty canvas, pointer move'),
    frame('handle', 'station handle drag → case, plan and overlay', 'empty canvas, pointer move')
  ]
}

export async function benchImagingBrowser(): Promise<BenchRow[]> {
  const executablePath = await findBrowser()
  const work = mkdtempSync(join(tmpdir(), 'osseoplan-imaging-bench-'))
  const file = join(work, 'radiograph-3000.dcm')
  writeFileSync(file, phantomDicom(BIG))
  const server = await startBenchServer()
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS })
  try {
    const app = await measurePath(browser, server.url, file, 'app')
    const forced = await measurePath(browser, server.url, file, 'force-webgl')
    const out = [...rows(app, `the app as it runs here: ${app.renderer}`), ...rows(forced, `WebGL forced: ${forced.renderer}`)]
    if (!app.twoD) out.push(...rows(await measurePath(browser, server.url, file, 'no-webgl'), 'canvas-2D fallback, WebGL made unavailable'))
    else
      out.push({ name: 'imaging (canvas-2D fallback, WebGL made unavailable): not run again', value: 0, unit: 'runs', note: 'the app already runs on canvas 2D here: the same painting path, measured in its group above' })
    return out
  } finally {
    await browser.close()
    await server.stop()
    rmSync(work, { recursive: true, force: true })
    rmSync(server.outDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('imaging-bench.ts')) {
  const result = await benchImagingBrowser()
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(result) + '\n')
  else for (const r of result) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`)
}
