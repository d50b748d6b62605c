/**
 * PACS fetch → shown, end to end (issue #16): a bench-started Orthanc holds one 3,000 × 3,000
 * 16-bit radiograph (18 MB); the built web renderer in Chromium finds the study and fetches it
 * through the app's own image-server code (DICOMweb client, payload validation, server store: the
 * e2e tests' bridge, tests/e2e/pacs-bridge.ts, whose transport is a Playwright binding instead of
 * Electron IPC; the bytes are fetched by the page, as binary, from the preview server) and shows it. Timed in the page from the "Fetch image" click to the end of the
 * first frame showing the image (osseo:image-shown), with the open path's steps.
 * Floor, same page, same run: the same bytes by a plain GET of Orthanc's file, carried by the same
 * transport (binding, then the bytes fetched from the same kind of address), one pixel painted.
 * Part of `npm run bench` (suite `pacs`); alone: `npx tsx tests/perf/pacs-bench.ts`. Measured, never asserted.
 */
import { loadavg } from 'node:os'
import { rmSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { startOrthanc } from '../support/pacs/orthanc'
import { phantomRadiograph, phantomStudy } from '../support/pacs/phantom'
import { BRIDGE_BYTES_PATH, installPacsBridge, parkBytes, takeParkedBytes } from '../e2e/pacs-bridge'
import { findBrowser } from './browser-bench'
import { startBenchServer } from './server'
import { benchContext, LAUNCH_ARGS, type BenchRow, median } from './bench-common'
import { stepMedian, timeOpening, type OpenSteps } from './open-timer'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3)
const round = (x: number) => Math.round(x)

export async function benchPacsBrowser(): Promise<BenchRow[]> {
  const executablePath = await findBrowser()
  const orthanc = await startOrthanc({ users: { surgeon: 'theatre-7' } })
  // The bridge's bytes, served by the preview server itself (same origin: the app's CSP allows it).
  const server = await startBenchServer([
    {
      name: 'bench-bridge-bytes',
      configurePreviewServer(preview) {
        preview.middlewares.use((req, res, next) => {
          if (!req.url?.startsWith(BRIDGE_BYTES_PATH)) return next()
          const body = takeParkedBytes(req.url)
          res.statusCode = body ? 200 : 404
          res.setHeader('content-type', 'application/octet-stream')
          res.end(body)
        })
      }
    }
  ])
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS })
  const load = [loadavg()[0]!]
  try {
    const big = phantomStudy({ rows: 3000, columns: 3000, patientId: 'BENCH-BIG' })
    const { ID } = await orthanc.upload(phantomRadiograph(big))
    const context = await benchContext(browser, { viewport: { width: 1400, height: 1000 }, baseURL: server.url })
    const page = await context.newPage()
    await installPacsBridge(page, new URL(server.url).origin, 'served')
    // The floor's transport: a plain GET of the same file, carried as the bridge carries bytes.
    await page.exposeBinding('__benchGet', async () => {
      const r = await fetch(`${orthanc.url}/instances/${ID}/file`, { headers: { ...orthanc.authHeader, 'accept-encoding': 'identity' } })
      return JSON.stringify({ __at: parkBytes(new Uint8Array(await r.arrayBuffer())) })
    })

    // The image server, as a surgeon adds it in Settings.
    await page.goto('/#/settings')
    const section = page.getByRole('region', { name: 'Image servers (PACS)' })
    await section.getByRole('button', { name: 'Add image server…' }).click()
    const form = section.getByRole('form', { name: 'Add an image server' })
    await form.getByLabel('Name').fill('Bench PACS')
    await form.getByLabel('DICOMweb address').fill(orthanc.dicomWebUrl)
    await form.getByLabel('Sign-in').selectOption('basic')
    await form.getByLabel('User name').fill('surgeon')
    await form.getByLabel('Password').fill('theatre-7')
    await form.getByRole('button', { name: 'Add server' }).click()
    await section.getByText('on this computer').waitFor()

    // A plan, its radiograph section, the study found.
    await page.goto('/')
    await page.getByLabel('Case file to import').setInputFiles('resources/cases/transfemoral.json')
    await page.locator('section.library tbody tr[data-plan-id]').first().getByRole('button', { name: 'Open' }).click()
    await page.getByTestId('result-panel').waitFor()
    await page.getByTestId('imaging-toggle').click()
    await page.getByRole('button', { name: 'From PACS…' }).click()
    const panel = page.getByRole('region', { name: 'Fetch a radiograph from the PACS' })
    await panel.getByLabel('Hospital patient ID').fill('BENCH-BIG')
    await panel.getByRole('button', { name: 'Search' }).click()
    await panel.getByRole('table', { name: 'Studies found' }).getByRole('button', { name: /^Open/ }).click()
    const fetchButton = panel.getByRole('list', { name: 'Series of the study' }).getByRole('button', { name: /^Fetch image/ })
    await fetchButton.waitFor()
    await page.getByRole('list', { name: 'Series of the study' }).getByRole('img').waitFor()

    const runs: OpenSteps[] = []
    const floors: number[] = []
    for (let i = 0; i < RUNS; i++) {
      runs.push(await timeOpening(page, 'click', () => fetchButton.click()))
      await page.waitForTimeout(300)
      floors.push(
        await page.evaluate(async () => {
          const t0 = performance.now()
          const w = window as unknown as { __benchGet: () => Promise<string> }
          const json = JSON.parse(await w.__benchGet()) as { __at: string }
          const bytes = new Uint8Array(await (await fetch(json.__at)).arrayBuffer())
          const c = document.createElement('canvas')
          c.width = c.height = 4
          document.body.append(c)
          const ctx = c.getContext('2d')!
          ctx.fillStyle = `rgb(${bytes[200]},0,0)`
          ctx.fillRect(0, 0, 1, 1)
          return new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => (c.remove(), resolve(performance.now() - t0)), 0)))
        })
      )
      await page.waitForTimeout(300)
    }
    load.push(loadavg()[0]!)
    await context.close()
    const shown = median(runs.map((r) => r.painted))
    const floor = median(floors)
    const step = (k: keyof OpenSteps) => stepMedian(runs, k, median) ?? '—'
    return [
      {
        name: 'PACS: fetch one 18 MB radiograph (3,000 × 3,000, 16 bit) from a local Orthanc → shown, end to end in Chromium',
        value: round(shown),
        unit: 'ms',
        budget: '< 2000 ms',
        note: `floor ${round(floor)} ms (a plain GET of the same file through the same test transport, one pixel painted) → ${(shown / floor).toFixed(2)}× the floor; median of ${RUNS}: ${runs.map((r) => round(r.painted)).join(', ')} ms; steps from the click (medians): bytes in the page ${step('read')}, parsed ${step('parsed')}, first paint ${step('shown')}, stored ${step('stored')} ms; transport: Playwright binding + same-origin HTTP, not Electron IPC; load average ${load.map((x) => x.toFixed(1)).join(' → ')}`
      }
    ]
  } finally {
    await browser.close()
    await server.stop()
    await orthanc.stop()
    rmSync(server.outDir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('pacs-bench.ts')) {
  const result = await benchPacsBrowser()
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(result) + '\n')
  else for (const r of result) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`)
}
