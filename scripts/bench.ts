/**
 * npm run bench: run every benchmark suite and print one table with the machine's details.
 * Add a suite by appending to SUITES (each returns BenchRow[]). `--json` prints JSON instead;
 * naming suites runs only those (`npm run bench -- core size`). Timings are reported, never
 * asserted; docs/performance.md records a run. `--full` adds the 100,000-plan row of the `ratios`
 * suite (library paths as ratios to floors measured in the same run).
 */
import { execFileSync } from 'node:child_process'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { benchBrowser } from './bench/browser'
import { benchCore, type BenchRow } from './bench/core'
import { benchEditor } from './bench/editor'
import { benchImaging } from './bench/imaging'
import { benchImagingBrowser } from './bench/imaging-browser'
import { benchLibrary } from './bench/library'
import { benchOutcomes } from './bench/outcomes'
import { benchRatios } from './bench/ratios'
import { benchPacs } from './bench/pacs'
import { benchRestore } from './bench/restore'
import { benchSize } from './bench/size'

export type { BenchRow }

const SUITES: [string, () => Promise<BenchRow[]>][] = [
  ['core', benchCore],
  ['editor', benchEditor],
  ['library', benchLibrary],
  ['outcomes', benchOutcomes],
  ['size', benchSize],
  ['imaging', benchImaging],
  ['imaging-browser', benchImagingBrowser],
  ['browser', benchBrowser],
  ['pacs', benchPacs],
  ['restore', benchRestore],
  ['ratios', benchRatios]
]

async function chromiumVersion(): Promise<string> {
  const finder = './find-browser.mjs' // plain JavaScript shared with the test scripts
  const { findChromium } = (await import(finder)) as { findChromium: () => Promise<string | null> }
  const path = await findChromium()
  if (!path) return 'not found'
  try {
    return `${execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()} (${path})`
  } catch {
    return path
  }
}

async function machine(): Promise<Record<string, string>> {
  const c = cpus()
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: String(c.length),
    node: process.version,
    os: `${platform()} ${release()}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    chromium: await chromiumVersion(),
    'load average (1 min)': loadavg()[0]?.toFixed(2) ?? '?'
  }
}

function table(rows: BenchRow[]): string {
  const head = ['benchmark', 'value', 'unit', 'budget', 'note']
  const body = rows.map((r) => [r.name, r.value.toLocaleString('en-US'), r.unit, r.budget ?? '', r.note ?? ''])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  const unknown = wanted.filter((w) => !SUITES.some(([name]) => name === w))
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')}; suites: ${SUITES.map(([n]) => n).join(', ')}`)
  const m = await machine()
  const rows: BenchRow[] = []
  for (const [name, run] of SUITES) {
    if (wanted.length > 0 && !wanted.includes(name)) continue
    process.stderr.write(`bench: ${name}…\n`)
    rows.push(...(await run()))
  }
  // The machine is shared: its load during the run is part of the result.
  m['load average at the end (1 / 5 / 15 min)'] = loadavg().map((l) => l.toFixed(2)).join(' / ')
  if (json) {
    process.stdout.write(JSON.stringify({ machine: m, date: new Date().toISOString(), rows }, null, 2) + '\n')
    return
  }
  process.stdout.write(Object.entries(m).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n')
  process.stdout.write(table(rows) + '\n')
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
