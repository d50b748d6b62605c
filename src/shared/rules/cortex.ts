/**
 * R-CORTEX: remaining cortex at every station inside the implant zone [0, L]:
 * t = (periosteal − max(endosteal, r)) / 2. min t < minCortex → warning R-CORTEX-THIN
 * naming the station; min t ≤ 0 → block R-CORTEX-BREACH. At a two-plane station the smaller
 * endosteal and the smaller periosteal diameter may come from different planes, which can
 * over-state the cortex; t is then the thinnest of that and each plane's own cortex.
 */
import type { ImplantSystem } from '../catalog/types'
import { formatMm, formatMmApart } from '../format'
import type { CorrectedStation } from '../result'
import { EPS, inp, type PlanContext } from './context'

export interface CortexResult {
  minMm: number | null
  atMm: number | null
}

export const CORTEX_FORMULA =
  'remaining cortex t = (periosteal Ø − max(endosteal Ø, prepared canal r)) ÷ 2 at each station within [0, implant length] (at a two-plane station also in each plane, the thinnest counting); min t < minimum cortex → warning; min t ≤ 0 → block'

export function ruleCortex(ctx: PlanContext, sys: ImplantSystem, st: readonly CorrectedStation[], L: number, r: number, m = 1): CortexResult {
  let minMm: number | null = null
  let atMm: number | null = null
  const ts: number[] = []
  const zs: number[] = []
  const idx: number[] = []
  for (const s of st) {
    const z = s.fromDistalEndMm
    if (z < -EPS || z > L + EPS) continue
    let t = (s.periostealMm - Math.max(s.endostealMm, r)) / 2
    for (const p of s.planes ?? []) {
      const tp = (p.periostealMm - Math.max(p.endostealMm, r)) / 2
      if (tp < t) t = tp
    }
    ts.push(t)
    zs.push(z)
    idx.push(s.index)
    if (minMm === null || t < minMm) {
      minMm = t
      atMm = z
    }
  }
  const min = sys.minCortexMm
  const b = ctx.make(
    'R-CORTEX',
    CORTEX_FORMULA,
    { preparedDiameter: inp(r, 'mm'), length: inp(L, 'mm'), stationDistances: inp(zs, 'mm'), cortexAtStations: inp(ts, 'mm'), minCortex: inp(minMm, 'mm') },
    [min],
    []
  )
  ctx.basis['implant.minCortexMm'] = b
  ctx.basis['implant.minCortexAtMm'] = b
  if (minMm === null || atMm === null) return { minMm, atMm }
  if (minMm <= EPS) {
    const others = zs.filter((z, k) => (ts[k] as number) <= EPS && z !== atMm).map((z) => distance(z, m))
    ctx.find(
      'R-CORTEX-BREACH',
      'block',
      `The prepared canal (${formatMm(r)}) breaches the cortex at ${stationName(atMm, m)} (remaining cortex ${formatMm(minMm)})${others.length ? `; also at ${others.join(', ')}` : ''}. Choose a smaller diameter or another system.`,
      b,
      stationPaths(idx, ts, EPS, true)
    )
  } else if (minMm < min.value - EPS) {
    const others = zs
      .map((z, k) => ({ z, t: ts[k] as number }))
      .filter((x) => x.t < min.value - EPS && x.z !== atMm)
      .map((x) => `${distance(x.z, m)}: ${formatMmApart(x.t, min.value)}`)
    ctx.find(
      'R-CORTEX-THIN',
      'warning',
      `Remaining cortex ${formatMmApart(minMm, min.value)} at ${stationName(atMm, m)} is below the ${formatMm(min.value)} minimum${others.length ? `; also thin at ${others.join(', ')}` : ''}.`,
      b,
      stationPaths(idx, ts, min.value - EPS, false)
    )
  }
  return { minMm, atMm }
}

/** Case-file paths of the stations with a cortex below `limit` (or at it, when inclusive). */
function stationPaths(idx: number[], ts: number[], limit: number, inclusive: boolean): string[] {
  const out: string[] = []
  for (let k = 0; k < idx.length; k++) {
    const t = ts[k] as number
    if ((idx[k] as number) >= 0 && (inclusive ? t <= limit : t < limit)) out.push(`bone.stations[${idx[k]}]`)
  }
  return out
}

/**
 * "the station 100 mm from the distal end"; on a magnified radiograph the distance as measured
 * comes first (that is where the surgeon finds the station on the image), then the corrected one.
 * (The case-file station is named by the finding's paths; the text stays independent of file order.)
 */
function stationName(zMm: number, m: number): string {
  return m !== 1
    ? `the station ${formatMm(zMm * m)} from the distal end as measured (${formatMm(zMm)} after correction)`
    : `the station ${formatMm(zMm)} from the distal end`
}

/** A further station's distance: as measured (and corrected) on a magnified radiograph. */
function distance(zMm: number, m: number): string {
  return m !== 1 ? `${formatMm(zMm * m)} as measured (${formatMm(zMm)} corrected)` : formatMm(zMm)
}
