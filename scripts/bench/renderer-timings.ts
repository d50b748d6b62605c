// Runs timings that live beside the renderer's tests (they import renderer code, which the Node
// type-check project cannot) in their own tsx process, and reads the JSON rows it prints last.
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

export function rendererTimings(jsonScript: string, label: string): BenchRow[] {
  const run = spawnSync('npx', ['tsx', jsonScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 })
  if (run.status !== 0) throw new Error(`${label} bench failed (exit ${run.status})`)
  const last = run.stdout.trim().split('\n').at(-1) ?? '[]'
  const rows = JSON.parse(last) as Array<{ name: string; ms: number }>
  return rows.map((r) => ({ name: `${label}: ${r.name}`, value: Math.round(r.ms * 1000) / 1000, unit: 'ms' }))
}
