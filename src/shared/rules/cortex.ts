/**
 * R-CORTEX: remaining cortex at every station inside the implant zone [0, L]:
 * t = (periosteal − max(endosteal, r)) / 2. min t < minCortex → warning R-CORTEX-THIN
 * naming the station; min t ≤ 0 → block R-CORTEX-BREACH.
 */
import type { ImplantSystem } from '../catalog/types'
import { formatMm } from '../format'
import type { CorrectedStation } from '../result'
import { EPS, inp, type PlanContext } from './context'

export interface CortexResult {
  minMm: number | null
  atMm: number | null
}

export const CORTEX_FORMULA =
  'remaining cortex t = (periosteal Ø − max(endosteal Ø, prepared canal r)) ÷ 2 at each station within [0, implant length]; min t < minimum cortex → warning; min t ≤ 0 → block'

export function ruleCortex(ctx: PlanContext, sys: ImplantSystem, st: readonly CorrectedStation[], L: number, r: number): CortexResult {
  let minMm: number | null = null
  let atMm: number | null = null
  const ts: number[] = []
  const zs: number[] = []
  const idx: number[] = []
  for (const s of st) {
    const z = s.fromDistalEndMm
    if (z < -EPS || z > L + EPS) continue
    const t = (s.periostealMm - Math.max(s.endostealMm, r)) / 2
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
    const others = zs.filter((z, k) => (ts[k] as number) <= EPS && z !== atMm).map((z) => formatMm(z))
    ctx.find(
      'R-CORTEX-BREACH',
      'block',
      `The prepared canal (${formatMm(r)}) breaches the cortex at ${formatMm(atMm)} from the distal end (remaining cortex ${formatMm(minMm)})${others.length ? `; also at ${others.join(', ')}` : ''}. Choose a smaller diameter or another system.`,
      b,
      stationPaths(idx, ts, EPS, true)
    )
  } else if (minMm < min.value - EPS) {
    const others = zs
      .map((z, k) => ({ z, t: ts[k] as number }))
      .filter((x) => x.t < min.value - EPS && x.z !== atMm)
      .map((x) => `${formatMm(x.z)} (${formatMm(x.t)})`)
    ctx.find(
      'R-CORTEX-THIN',
      'warning',
      `Remaining cortex ${formatMm(minMm)} at the station ${formatMm(atMm)} from the distal end is below the ${formatMm(min.value)} minimum${others.length ? `; also thin at ${others.join(', ')}` : ''}.`,
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
