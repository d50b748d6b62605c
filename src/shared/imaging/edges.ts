// Edge suggestion on a station line: the four cortical edges are where the intensity profile
// across the bone changes fastest. Bone is bright (presentation values: MONOCHROME1 already
// inverted): rising into the near cortex, falling into the canal, rising out of it, falling out
// of the far cortex. The surgeon accepts or moves each suggestion.
import type { Point } from './geometry'

export interface Grid {
  columns: number
  rows: number
  /** Presentation value at (x, y), bone bright. */
  at: (x: number, y: number) => number
}

/** Bilinear sample of `n` values evenly from `from` to `to` (image pixels, centres at integers). */
export function sampleLine(grid: Grid, from: Point, to: Point, n: number): Float64Array {
  const out = new Float64Array(n)
  const clampX = (x: number) => Math.min(grid.columns - 1, Math.max(0, x))
  const clampY = (y: number) => Math.min(grid.rows - 1, Math.max(0, y))
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0 : i / (n - 1)
    const x = clampX(from.x + (to.x - from.x) * t)
    const y = clampY(from.y + (to.y - from.y) * t)
    const x0 = Math.floor(x)
    const y0 = Math.floor(y)
    const x1 = Math.min(grid.columns - 1, x0 + 1)
    const y1 = Math.min(grid.rows - 1, y0 + 1)
    const fx = x - x0
    const fy = y - y0
    const top = grid.at(x0, y0) * (1 - fx) + grid.at(x1, y0) * fx
    const bottom = grid.at(x0, y1) * (1 - fx) + grid.at(x1, y1) * fx
    out[i] = top * (1 - fy) + bottom * fy
  }
  return out
}

function smooth(p: Float64Array): Float64Array {
  const k = [0.25, 0.5, 0.25]
  const out = new Float64Array(p.length)
  for (let i = 0; i < p.length; i++) {
    const a = p[Math.max(0, i - 1)]!
    const c = p[Math.min(p.length - 1, i + 1)]!
    out[i] = k[0]! * a + k[1]! * p[i]! + k[2]! * c
  }
  return out
}

function gradient(p: Float64Array): Float64Array {
  const g = new Float64Array(p.length)
  for (let i = 1; i < p.length - 1; i++) g[i] = (p[i + 1]! - p[i - 1]!) / 2
  return g
}

/** Index of the extreme of sign·g over [lo, hi], refined to a fraction of a sample. */
function peak(g: Float64Array, lo: number, hi: number, sign: 1 | -1, threshold: number): number | null {
  let best = -1
  let value = threshold
  for (let i = Math.max(1, lo); i <= Math.min(g.length - 2, hi); i++) {
    const v = sign * g[i]!
    if (v > value) {
      value = v
      best = i
    }
  }
  if (best < 0) return null
  const a = sign * g[best - 1]!
  const b = sign * g[best]!
  const c = sign * g[best + 1]!
  const denom = a - 2 * b + c
  const shift = denom !== 0 ? (0.5 * (a - c)) / denom : 0
  return best + Math.max(-0.5, Math.min(0.5, shift))
}

export interface EdgeSuggestion {
  /** Positions along the profile, in samples (fractional); null where no clear edge was found. */
  periostealA: number | null
  endostealA: number | null
  endostealB: number | null
  periostealB: number | null
}

/**
 * The four edges of a profile sampled across the bone, with the canal around `centre` (a sample
 * index). An edge counts only where the slope is clearly above the profile's noise.
 */
export function suggestEdges(profile: Float64Array, centre: number): EdgeSuggestion {
  const none: EdgeSuggestion = { periostealA: null, endostealA: null, endostealB: null, periostealB: null }
  if (profile.length < 8 || !profile.every(Number.isFinite)) return none
  const g = gradient(smooth(profile))
  let max = 0
  for (const v of g) max = Math.max(max, Math.abs(v))
  if (!(max > 0)) return none
  const threshold = 0.15 * max
  const c = Math.round(Math.min(profile.length - 2, Math.max(1, centre)))
  // Outer edges first (strongest rise left of the centre, strongest fall right of it), then the
  // canal edges between each outer edge and the centre.
  const periostealA = peak(g, 1, c, 1, threshold)
  const periostealB = peak(g, c, g.length - 2, -1, threshold)
  const endostealA = periostealA === null ? null : peak(g, Math.ceil(periostealA) + 1, c, -1, threshold)
  const endostealB = periostealB === null ? null : peak(g, c, Math.floor(periostealB) - 1, 1, threshold)
  return { periostealA, endostealA, endostealB, periostealB }
}
