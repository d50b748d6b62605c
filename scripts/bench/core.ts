/**
 * Benchmark of the calculation core: plans per second on the documented example case of every
 * level (resources/cases), validation included (parseCase + computePlan, as planFromRaw does),
 * single-threaded. Each figure is the best of several timed batches, so that a busy machine
 * disturbs it as little as possible; the CPU-time figure is given in the note.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { computePlan, parseCase, planFromRaw, type NormalizedCase } from '../../src/shared/index'

export interface BenchRow {
  name: string
  value: number
  unit: string
  budget?: string
  note?: string
}

const CASES_DIR = fileURLToPath(new URL('../../resources/cases/', import.meta.url))

function loadCases(): { name: string; raw: unknown }[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), raw: JSON.parse(readFileSync(CASES_DIR + f, 'utf8')) as unknown }))
}

interface Measure {
  perSecond: number
  cpuPerSecond: number
}

/** Run `op` in batches of `batchMs`; return the best batch throughput (ops/s) by wall and CPU time. */
function measure(op: () => void, opts: { warmupMs?: number; batchMs?: number; batches?: number } = {}): Measure {
  const warmupMs = opts.warmupMs ?? 300
  const batchMs = opts.batchMs ?? 300
  const batches = opts.batches ?? 7
  const t0 = performance.now()
  while (performance.now() - t0 < warmupMs) for (let i = 0; i < 100; i++) op()
  let best = 0
  let bestCpu = 0
  for (let b = 0; b < batches; b++) {
    let n = 0
    const c0 = process.cpuUsage()
    const s = performance.now()
    let e = s
    while (e - s < batchMs) {
      for (let i = 0; i < 100; i++) op()
      n += 100
      e = performance.now()
    }
    const cpu = process.cpuUsage(c0)
    const wall = (e - s) / 1000
    const cpuS = (cpu.user + cpu.system) / 1e6
    best = Math.max(best, n / wall)
    bestCpu = Math.max(bestCpu, n / cpuS)
  }
  return { perSecond: best, cpuPerSecond: bestCpu }
}

export async function benchCore(): Promise<BenchRow[]> {
  const cases = loadCases()
  const rows: BenchRow[] = []
  const parsed: NormalizedCase[] = []
  for (const c of cases) {
    const p = parseCase(c.raw)
    if (!p.ok) throw new Error(`example case ${c.name} is invalid`)
    parsed.push(p.value)
  }
  let sink = 0
  let k = 0
  const all = measure(() => {
    const c = cases[k++ % cases.length]!
    const r = planFromRaw(c.raw)
    if (r.ok) sink += r.result.findings.length
  }, { batches: 9 })
  rows.push({
    name: `core: plans/s, validation included, ${cases.length} levels round-robin, 1 thread`,
    value: Math.round(all.perSecond),
    unit: 'plans/s',
    budget: '≥ 50000',
    note: `CPU-time rate ${Math.round(all.cpuPerSecond)} plans/s; ${(1e6 / all.perSecond).toFixed(1)} µs per plan`
  })
  for (const c of cases) {
    const m = measure(() => {
      const r = planFromRaw(c.raw)
      if (r.ok) sink += r.result.findings.length
    }, { batches: 3, batchMs: 200, warmupMs: 100 })
    rows.push({ name: `core: plans/s, ${c.name}`, value: Math.round(m.perSecond), unit: 'plans/s' })
  }
  let j = 0
  const onlyPlan = measure(() => {
    sink += computePlan(parsed[j++ % parsed.length]!).findings.length
  })
  rows.push({ name: 'core: computePlan only (already validated)', value: Math.round(onlyPlan.perSecond), unit: 'plans/s' })
  let q = 0
  const onlyParse = measure(() => {
    const p = parseCase(cases[q++ % cases.length]!.raw)
    if (p.ok) sink++
  })
  rows.push({ name: 'core: parseCase only', value: Math.round(onlyParse.perSecond), unit: 'cases/s' })
  if (sink < 0) rows.push({ name: 'sink', value: sink, unit: '' })
  return rows
}
