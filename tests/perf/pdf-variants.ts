// What the summary-PDF tools share (pdf-ab.ts: wall time; pdf-trace.ts: where the time goes;
// pdf-lower-bound.ts: the summary's words without their structure): two web builds served from one
// port under /a/ and /b/ (one origin, so one seeded library), a browser on a seeded profile, the
// variants named on the command line, and a variant's summary opened as the bench opens it.
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { type BrowserContext, type Page } from '@playwright/test'
import { findBrowser } from './browser-bench'
import { openProfile } from './bench-common'
import { seedProfile } from './library-ratios'

export const arg = (name: string, fallback?: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback

/** One variant: `--v=name:a|b[:style-sheet file[:more]]`, the sheet adopted before each print. */
export interface VariantArg { name: string; build: string; css?: string; more?: string }

export function variantArgs(): VariantArg[] {
  return process.argv.filter((a) => a.startsWith('--v=')).map((a) => {
    const [name, build, css, more] = a.slice(4).split(':')
    return { name: name!, build: build!, css: css ? readFileSync(css, 'utf8') : undefined, more: more || undefined }
  })
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' }

/** Serves `--a=DIR` under /a/ and `--b=DIR` under /b/ (both out/web unless given); resolves to a stop function. */
export function serveBuilds(port: number): Promise<() => void> {
  const dirs: Record<string, string> = { a: resolve(arg('a', 'out/web')!), b: resolve(arg('b', 'out/web')!) }
  const server = createServer((req, res) => {
    const m = /^\/(a|b)(\/[^?#]*)?/.exec(req.url ?? '')
    if (!m) return void res.writeHead(404).end()
    let file = join(dirs[m[1]!]!, decodeURIComponent(m[2] ?? '/'))
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(() => server.close())))
}

/** What a tool measures with: the browser, the builds' origin and the profile's folder. */
export interface SeededBrowser { context: BrowserContext; base: string; profile: string }

/** Serves the builds on `port`, seeds a new profile with the bench's 20 plans (through `seedBuild`'s
 *  app) and opens a browser on it; runs `measure`, then closes the browser, stops the server and
 *  removes the profile, whatever happened. */
export async function withSeededBrowser(port: number, seedBuild: 'a' | 'b', measure: (b: SeededBrowser) => Promise<void>): Promise<void> {
  const executablePath = await findBrowser()
  const stop = await serveBuilds(port)
  const work = mkdtempSync(join(tmpdir(), 'osseoplan-pdf-'))
  const base = `http://127.0.0.1:${port}`
  try {
    const profile = join(work, 'profile')
    await seedProfile(profile, `${base}/${seedBuild}/`, executablePath, 20)
    const context = await openProfile(profile, executablePath)
    try {
      await measure({ context, base, profile })
    } finally {
      await context.close()
    }
  } finally {
    stop()
    rmSync(work, { recursive: true, force: true })
  }
}

/** The bench's summary in the variant's build, shown, with the variant's sheet adopted and its fonts loaded. */
export async function openSummary(page: Page, base: string, v: VariantArg): Promise<void> {
  await page.goto(`${base}/${v.build}/#/plans/gen000002/summary`)
  await page.getByTestId('plan-summary').getByRole('heading', { name: 'Implant recommendation' }).waitFor({ timeout: 60_000 })
  if (v.css) await page.evaluate((css) => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    document.body.getBoundingClientRect()
    return Promise.all([...document.fonts].map((f) => f.load())).then(() => undefined)
  }, v.css)
}
