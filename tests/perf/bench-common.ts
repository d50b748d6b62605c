// What every browser benchmark shares: the row it reports, Chromium's launch arguments, and the
// order statistics.

/** One row of the `npm run bench` table, passed back as JSON (scripts/bench/core.ts declares the same shape: the two sit in different TypeScript projects). */
export interface BenchRow {
  name: string
  value: number
  unit: string
  budget?: string
  note?: string
}

/** As the e2e tests launch Debian's Chromium: headless, no GPU, no background traffic. */
export const LAUNCH_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

const sorted = (v: readonly number[]) => [...v].sort((a, b) => a - b)
export const median = (v: readonly number[]): number => sorted(v)[Math.floor(v.length / 2)]!
export const p95 = (v: readonly number[]): number => sorted(v)[Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)]!
