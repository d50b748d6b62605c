#!/usr/bin/env node
// Size budget of the built renderer: `node scripts/size-budget.mjs [dir ...] [--json]`.
// For each built renderer (default: out/renderer and $WEB_OUT_DIR or out/web, those that exist)
// it measures the INITIAL JavaScript — the entry script of index.html and every chunk it imports
// statically, i.e. what runs before any lazily loaded screen — and all JavaScript and CSS, raw and
// gzip (zlib default level). Also the desktop main and preload bundles (out/main, out/preload).
// Exits 1 when a renderer's initial JavaScript exceeds the budget: sizes may fail CI, timings never.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Budget for the renderer's initial JavaScript, gzip, in bytes (kB = 1000 bytes, as Vite reports). */
const INITIAL_JS_BUDGET = 250_000

function sizes(files) {
  let raw = 0
  let gzip = 0
  for (const f of files) {
    const bytes = readFileSync(f)
    raw += bytes.length
    gzip += gzipSync(bytes).length
  }
  return { files: files.length, raw, gzip }
}

function walk(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** Entry scripts and preloaded chunks named by index.html, then their static imports, transitively. */
function initialScripts(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const named = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => join(dir, m[1]))
  const seen = new Set()
  const queue = [...named]
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file) || !existsSync(file)) continue
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(join(dirname(file), m[1]))
  }
  return [...seen]
}

/** Sizes of one built renderer directory. */
function rendererSizes(dir) {
  const files = walk(dir)
  const initial = initialScripts(dir)
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const initialCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => join(dir, m[1]))
  return {
    dir,
    initialJs: { ...sizes(initial), names: initial.map((f) => relative(dir, f)) },
    allJs: sizes(files.filter((f) => f.endsWith('.js'))),
    initialCss: sizes(initialCss),
    allCss: sizes(files.filter((f) => f.endsWith('.css')))
  }
}

/** Sizes of the desktop main and preload bundles, when built. */
function desktopSizes() {
  const out = {}
  for (const part of ['main', 'preload']) {
    const files = walk(join('out', part)).filter((f) => /\.(c|m)?js$/.test(f))
    if (files.length > 0) out[part] = sizes(files)
  }
  return out
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`

function report(renderers, desktop) {
  const lines = []
  for (const r of renderers) {
    const over = r.initialJs.gzip > INITIAL_JS_BUDGET
    lines.push(`${r.dir}:`)
    lines.push(`  initial JS  ${kB(r.initialJs.gzip)} gzip (${kB(r.initialJs.raw)} raw, ${r.initialJs.files} files) — budget ${kB(INITIAL_JS_BUDGET)} gzip: ${over ? 'OVER BUDGET' : 'ok'}`)
    lines.push(`              ${r.initialJs.names.join(', ')}`)
    lines.push(`  all JS      ${kB(r.allJs.gzip)} gzip (${kB(r.allJs.raw)} raw, ${r.allJs.files} files)`)
    lines.push(`  initial CSS ${kB(r.initialCss.gzip)} gzip (${kB(r.initialCss.raw)} raw)`)
    lines.push(`  all CSS     ${kB(r.allCss.gzip)} gzip (${kB(r.allCss.raw)} raw, ${r.allCss.files} files)`)
  }
  for (const [part, s] of Object.entries(desktop)) lines.push(`out/${part}: ${kB(s.raw)} raw, ${kB(s.gzip)} gzip (${s.files} files)`)
  return lines.join('\n')
}

function main() {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const given = args.filter((a) => !a.startsWith('--'))
  const dirs = given.length > 0 ? given : ['out/renderer', process.env['WEB_OUT_DIR'] ?? 'out/web']
  const present = dirs.filter((d) => existsSync(join(d, 'index.html')))
  if (present.length === 0) {
    console.error(`size budget: no built renderer in ${dirs.join(' or ')} — run \`npx electron-vite build\` or \`npm run build:web\` first`)
    process.exit(1)
  }
  const renderers = present.map(rendererSizes)
  const desktop = desktopSizes()
  if (json) process.stdout.write(JSON.stringify({ budget: INITIAL_JS_BUDGET, renderers, desktop }, null, 2) + '\n')
  else console.log(report(renderers, desktop))
  const over = renderers.filter((r) => r.initialJs.gzip > INITIAL_JS_BUDGET)
  if (over.length > 0) {
    console.error(`size budget: the initial JavaScript of ${over.map((r) => r.dir).join(', ')} exceeds ${kB(INITIAL_JS_BUDGET)} gzip — split what the first screen does not need (React.lazy)`)
    process.exit(1)
  }
}

main()
