// What the summary-PDF tools share (pdf-ab.ts: wall time; pdf-trace.ts: where the time goes): two
// web builds served from one port under /a/ and /b/ (one origin, so one seeded library), the
// variants named on the command line, and a variant's summary opened as the bench opens it.
import { createServer } from 'node:http'
import { readFileSync, statSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { type Page } from '@playwright/test'

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
