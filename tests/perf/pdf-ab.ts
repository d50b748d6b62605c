/**
 * Summary PDF, A/B in one session: two web builds of the app (e.g. a copy of main's and a branch's)
 * served from one port under /a/ and /b/ (one origin, so one seeded library), and variants of them
 * (`--v=name:a|b[:style-sheet file]`, the sheet adopted before each print). Each variant's summary
 * is printed as the bench does (`page.goto` the summary, then `page.pdf({ format: 'A4' })`), each
 * print followed by the one-line floor in the same browser; the variants' order rotates every
 * round. Prints per variant the medians, the ratio to its own floors, the CPU time of the whole
 * browser (all its processes, from /proc) per print, and the 1-minute load at start and end.
 * Measured, never asserted (tests/perf/library-ratios.ts has the issue's bench).
 *   BENCH_PORT=4331 npx tsx tests/perf/pdf-ab.ts --a=DIR --b=DIR --v=main:a --v=branch:b [--rounds=10] [--save=DIR]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { type Page } from '@playwright/test'
import { median } from './bench-common'
import { arg, openSummary, variantArgs, withSeededBrowser, type VariantArg } from './pdf-variants'

const rounds = Number(arg('rounds', '10'))
const save = arg('save')
const variants: Variant[] = variantArgs().map((v) => ({ ...v, wall: [], floor: [], cpu: [], floorCpu: [] }))
const port = Number(process.env['BENCH_PORT'] ?? 4331)

const load = () => loadavg()[0]!.toFixed(2)

/** CPU time (ms, user + system) of every process under the browser launched on `profile`, with that
 *  of its children that have exited (cutime, cstime), so that a process ending mid-print still counts. */
function browserCpu(profile: string): number {
  const procs = new Map<number, { ppid: number; ticks: number; root: boolean }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const root = readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(profile)
      procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), root })
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0
  for (const [, p] of procs) {
    let q: typeof p | undefined = p
    for (let hops = 0; q && hops < 6; hops++, q = procs.get(q.ppid)) {
      if (q.root) {
        ticks += p.ticks
        break
      }
    }
  }
  return ticks * 10
}

interface Variant extends VariantArg { page?: Page; wall: number[]; floor: number[]; cpu: number[]; floorCpu: number[] }

async function main(): Promise<void> {
  await withSeededBrowser(port, 'b', async ({ context, base, profile }) => {
    for (const v of variants) v.page = await context.newPage()
    const line = await context.newPage()
    await line.setContent('<p>One line.</p>')
    const loadStart = load()
    for (let i = 0; i < rounds; i++) {
      const order = variants.map((_, k) => variants[(k + i) % variants.length]!)
      for (const v of order) {
        const page = v.page!
        await openSummary(page, base, v)
        let cpu = browserCpu(profile)
        let start = performance.now()
        const pdf = await page.pdf({ format: 'A4' })
        v.wall.push(performance.now() - start)
        v.cpu.push(browserCpu(profile) - cpu)
        if (save && i === 0) writeFileSync(join(save, `summary-${v.name}.pdf`), pdf)
        cpu = browserCpu(profile)
        start = performance.now()
        await line.pdf({ format: 'A4' })
        v.floor.push(performance.now() - start)
        v.floorCpu.push(browserCpu(profile) - cpu)
      }
    }
    const allFloors = median(variants.flatMap((v) => v.floor))
    for (const v of variants) {
      const app = median(v.wall)
      const floor = median(v.floor)
      const perPrint = median(v.wall.map((x, i) => x / v.floor[i]!))
      console.log(`${v.name.padEnd(10)} summary ${app.toFixed(0)} ms, its floor ${floor.toFixed(0)} ms: ${(app / floor).toFixed(2)}×; against every variant's floors (${allFloors.toFixed(0)} ms) ${(app / allFloors).toFixed(2)}×; median of each print's ratio ${perPrint.toFixed(2)}× (${rounds} rounds); browser CPU per print (median): summary ${median(v.cpu)} ms, floor ${median(v.floorCpu)} ms`)
    }
    console.log(`1-minute load ${loadStart} → ${load()}`)
  })
}

void main()
