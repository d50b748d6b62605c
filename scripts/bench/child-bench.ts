// A Chromium bench run in its own process (typed with the DOM, tsconfig.e2e.json), its rows read
// from the JSON line it prints last. The options that choose what it measures (`--full`,
// `--sizes=…`, `--paths=…`) are passed on from `npm run bench -- … --sizes=1000`.
import { spawnSync } from 'node:child_process'
import type { BenchRow } from './core'

const PASSED_ON = ['--full', '--sizes=', '--paths=']

export function runChildBench(script: string, what: string): BenchRow[] {
  const options = process.argv.slice(2).filter((a) => PASSED_ON.some((p) => a === p || (p.endsWith('=') && a.startsWith(p))))
  const run = spawnSync('npx', ['tsx', script, '--json', ...options], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20
  })
  if (run.status !== 0) throw new Error(`${what} bench failed (exit ${run.status})`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[]
}
