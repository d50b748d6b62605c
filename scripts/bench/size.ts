// Bundle sizes: builds the desktop app (main, preload, renderer) and the web renderer into a
// directory of its own, then reads them with scripts/size-budget.mjs (the check CI runs), and
// measures what mathjs costs: the units-only import the app uses against the whole library.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import type { BenchRow } from './core'

const WEB_DIR = 'out/web-size'

interface Sizes {
  files: number
  raw: number
  gzip: number
}
interface Report {
  budget: number
  renderers: { dir: string; initialJs: Sizes; allJs: Sizes; initialCss: Sizes; allCss: Sizes }[]
  desktop: Record<string, Sizes>
}

function sh(command: string, args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${run.status})`)
  return run.stdout
}

/** gzip bytes of a bundle of `source` alone (minified, tree-shaken, as the renderer is built). */
async function bundleCost(source: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'osseoplan-size-'))
  try {
    writeFileSync(join(dir, 'entry.js'), source)
    await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { mathjs: resolve('node_modules/mathjs') } },
      build: { lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: 'out' }, outDir: join(dir, 'dist'), minify: true, rolldownOptions: { external: [] } }
    })
    const [file] = readdirSync(join(dir, 'dist')).filter((f) => /\.m?js$/.test(f))
    if (!file) throw new Error('size: the mathjs probe bundle was not written')
    return gzipSync(readFileSync(join(dir, 'dist', file))).length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10

export async function benchSize(): Promise<BenchRow[]> {
  sh('npx', ['electron-vite', 'build', '--logLevel', 'warn'])
  sh('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { WEB_OUT_DIR: WEB_DIR })
  let report: Report
  try {
    report = JSON.parse(sh('node', ['scripts/size-budget.mjs', 'out/renderer', WEB_DIR, '--json'])) as Report
  } finally {
    rmSync(WEB_DIR, { recursive: true, force: true })
  }
  const rows: BenchRow[] = []
  for (const r of report.renderers) {
    const which = r.dir === 'out/renderer' ? 'desktop renderer' : 'web renderer'
    rows.push({ name: `size: ${which}, initial JavaScript (before any lazy screen)`, value: kB(r.initialJs.gzip), unit: 'kB gzip', budget: `≤ ${kB(report.budget)}`, note: `${kB(r.initialJs.raw)} kB raw, ${r.initialJs.files} files; CI fails above the budget` })
    rows.push({ name: `size: ${which}, all JavaScript`, value: kB(r.allJs.gzip), unit: 'kB gzip', note: `${kB(r.allJs.raw)} kB raw, ${r.allJs.files} files` })
    rows.push({ name: `size: ${which}, all CSS`, value: kB(r.allCss.gzip), unit: 'kB gzip', note: `${kB(r.allCss.raw)} kB raw; ${kB(r.initialCss.gzip)} kB gzip loaded at start` })
  }
  for (const [part, s] of Object.entries(report.desktop)) rows.push({ name: `size: desktop ${part} bundle`, value: kB(s.raw), unit: 'kB', note: `${kB(s.gzip)} kB gzip` })
  const unitsOnly = await bundleCost(`import { unit } from 'mathjs'\nconsole.log(unit(1, 'in').toNumber('mm'))\n`)
  const whole = await bundleCost(`import { create, all } from 'mathjs'\nconsole.log(create(all).unit(1, 'in').toNumber('mm'))\n`)
  rows.push({ name: 'size: mathjs as imported by src/shared/units.ts ({ unit } only)', value: kB(unitsOnly), unit: 'kB gzip', note: `the whole library would be ${kB(whole)} kB gzip` })
  return rows
}
