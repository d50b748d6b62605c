/**
 * npm run bench: run every benchmark suite and print one table with the machine's details.
 * Add a suite by appending to SUITES (each returns BenchRow[]). `--json` prints JSON instead.
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { benchCore, type BenchRow } from './bench/core'

export type { BenchRow }

const SUITES: [string, () => Promise<BenchRow[]>][] = [['core', benchCore]]

function machine(): Record<string, string> {
  const c = cpus()
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: String(c.length),
    node: process.version,
    os: `${platform()} ${release()}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
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
  const m = machine()
  const rows: BenchRow[] = []
  for (const [, run] of SUITES) rows.push(...(await run()))
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
