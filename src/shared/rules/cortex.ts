/**
 * R-CORTEX: remaining cortex over the whole implant zone [0, L], in each plane:
 * t(z) = (periosteal(z) − max(endosteal(z), r)) / 2 with the profile linear between stations.
 * t is concave between two stations, so its minimum over the measured part of [0, L] lies at a
 * station inside the zone or at an end of the measured part: the implant tip z = L (or the last
 * station before it) and the first station. min t < minCortex → warning R-CORTEX-THIN; an implant
 * diameter D ≥ the periosteal Ø anywhere in [0, L] (any plane) → block R-CORTEX-BREACH, whatever
 * the minimum cortex; so does t ≤ 0 (only a canal as wide as the bone gives it with r < D).
 * Every plan also states where the tip lies and the cortex there (info R-CORTEX-TIP, fracture
 * counselling [S36]).
 */
import type { ImplantSystem } from '../catalog/types'
import { formatMm, formatMmApart, formatMmBeside, formatSize } from '../format'
import type { CorrectedStation } from '../result'
import { coverage } from './canal'
import { EPS, inp, type PlanContext } from './context'

export type CortexPlane = 'AP' | 'Lat' | null

/** One place where the cortex was checked. */
export interface CortexPoint {
  /** Distance from the distal end (of the bone the rules were run on). */
  z: number
  /** Remaining cortex there, the thinnest plane. */
  t: number
  /** Plane of that thinnest value (null with one-plane measurements). */
  plane: CortexPlane
  /** Narrowest periosteal Ø there (any plane) and its plane. */
  periMm: number
  periPlane: CortexPlane
  /** Case-file index of the station at z, or null between stations (the implant tip). */
  index: number | null
}

export interface CortexResult {
  minMm: number | null
  atMm: number | null
  /** Where the implant tip lies and the cortex there (null when the tip is not measured). */
  tipCortexMm: number | null
}

export const CORTEX_FORMULA =
  'remaining cortex t = (periosteal Ø − max(endosteal Ø, prepared canal r)) ÷ 2 over the whole implant zone [0, implant length], in each plane, linear between stations: checked at every station in the zone and at the implant tip (the minimum of t lies at one of them); min t < minimum cortex → warning; implant Ø ≥ periosteal Ø anywhere in the zone (or t ≤ 0) → block'

interface Profile {
  plane: CortexPlane
  z: number[]
  e: number[]
  p: number[]
}

/** One profile per plane (a one-plane station's values stand for both planes), or one profile. */
function planeProfiles(st: readonly CorrectedStation[]): Profile[] {
  const z = st.map((s) => s.fromDistalEndMm)
  if (!st.some((s) => s.planes && s.planes.length > 0)) return [{ plane: null, z, e: st.map((s) => s.endostealMm), p: st.map((s) => s.periostealMm) }]
  return (['AP', 'Lat'] as const).map((plane) => {
    const pick = (s: CorrectedStation) => s.planes?.find((x) => x.plane === plane) ?? s
    return { plane, z, e: st.map((s) => pick(s).endostealMm), p: st.map((s) => pick(s).periostealMm) }
  })
}

/** Linear interpolation of `v` at z (z within the stations' range). */
function at(z: number, zs: number[], v: number[]): number {
  for (let i = 0; i + 1 < zs.length; i++) {
    const z1 = zs[i] as number
    const z2 = zs[i + 1] as number
    if (z <= z2 + EPS) {
      if (z2 - z1 <= 0 || z <= z1) return v[i] as number
      return (v[i] as number) + (((v[i + 1] as number) - (v[i] as number)) * (z - z1)) / (z2 - z1)
    }
  }
  return v[v.length - 1] as number
}

/**
 * The cortex at every place where its minimum over [0, L] can lie: each station inside the
 * measured part of the zone and both ends of that part (the tip, when the stations reach it).
 */
export function cortexPoints(st: readonly CorrectedStation[], L: number, r: number): CortexPoint[] {
  const cov = coverage(st, L)
  if (st.length === 0 || cov.to < cov.from - EPS) return []
  const zs: number[] = [cov.from]
  for (const s of st) if (s.fromDistalEndMm > cov.from + EPS && s.fromDistalEndMm < cov.to - EPS) zs.push(s.fromDistalEndMm)
  if (cov.to > cov.from + EPS) zs.push(cov.to)
  const profiles = planeProfiles(st)
  return zs.map((z) => {
    const station = st.find((s) => Math.abs(s.fromDistalEndMm - z) <= EPS)
    let best: CortexPoint | null = null
    for (const pr of profiles) {
      const e = at(z, pr.z, pr.e)
      const p = at(z, pr.z, pr.p)
      const t = (p - Math.max(e, r)) / 2
      if (best === null) best = { z, t, plane: pr.plane, periMm: p, periPlane: pr.plane, index: station ? station.index : null }
      else {
        if (t < best.t) {
          best.t = t
          best.plane = pr.plane
        }
        if (p < best.periMm) {
          best.periMm = p
          best.periPlane = pr.plane
        }
      }
    }
    return best as CortexPoint
  })
}

const PLANE_TEXT = { AP: ' in the AP plane', Lat: ' in the lateral plane' } as const
const planeText = (p: CortexPlane) => (p ? PLANE_TEXT[p] : '')

export interface CortexWhere {
  /** Implant length, to name the tip. */
  L: number
  /** Magnification (distances as measured on the radiograph come first when m ≠ 1). */
  m: number
  /** Proposed resection (mm), when the rules run on the shortened bone: distances are from the new distal end. */
  resectionMm: number
}

/**
 * "the implant tip, 200 mm from the distal end" or "the station 100 mm from the distal end"; on a
 * magnified radiograph a station's distance as measured comes first (that is where the surgeon
 * finds it on the image). On the shortened bone the distance is from the new distal end.
 */
function placeName(pt: CortexPoint, w: CortexWhere): string {
  const end = w.resectionMm > 0 ? 'the new distal end (after the resection)' : 'the distal end'
  const d = (z: number) =>
    w.m !== 1 && w.resectionMm <= 0 ? `${formatMm(z * w.m)} from ${end} as measured (${formatMm(z)} after correction)` : `${formatMm(z)} from ${end}`
  if (Math.abs(pt.z - w.L) <= EPS) return `the implant tip, ${d(pt.z)}`
  return pt.index !== null && pt.index >= 0 ? `the station ${d(pt.z)}` : `${d(pt.z)}`
}

/** The cortex over [0, L] with its findings; `ctx.basis['implant.minCortexMm']` explains it. */
export function ruleCortex(ctx: PlanContext, sys: ImplantSystem, st: readonly CorrectedStation[], L: number, r: number, D: number, w: Omit<CortexWhere, 'L'>): CortexResult {
  const where: CortexWhere = { ...w, L }
  const pts = cortexPoints(st, L, r)
  let min: CortexPoint | null = null
  for (const pt of pts) if (min === null || pt.t < min.t - EPS) min = pt
  const tip = pts.find((pt) => Math.abs(pt.z - L) <= EPS) ?? null
  const minCortex = sys.minCortexMm
  const b = ctx.make(
    'R-CORTEX',
    CORTEX_FORMULA,
    {
      implantDiameter: inp(D, 'mm'),
      preparedDiameter: inp(r, 'mm'),
      length: inp(L, 'mm'),
      checkedDistances: inp(pts.map((pt) => pt.z), 'mm'),
      cortexAtDistances: inp(pts.map((pt) => pt.t), 'mm'),
      minCortex: inp(min ? min.t : null, 'mm')
    },
    [minCortex],
    []
  )
  ctx.basis['implant.minCortexMm'] = b
  ctx.basis['implant.minCortexAtMm'] = b
  ctx.basis['implant.tipCortexMm'] = b
  ctx.basis['implant.cortexMinimumMm'] = b
  const result: CortexResult = { minMm: min ? min.t : null, atMm: min ? min.z : null, tipCortexMm: tip ? tip.t : null }
  if (!min) return result
  const paths = (bad: (pt: CortexPoint) => boolean) =>
    pts.filter((pt) => bad(pt) && pt.index !== null && pt.index >= 0).map((pt) => `bone.stations[${pt.index}]`)
  // Breach: the implant as wide as the bone (any plane), whatever the minimum cortex.
  const wide = pts.filter((pt) => pt.periMm <= D + EPS)
  if (wide.length > 0) {
    let worst = wide[0] as CortexPoint
    for (const pt of wide) if (pt.periMm < worst.periMm) worst = pt
    const others = wide.filter((pt) => pt !== worst).map((pt) => placeName(pt, where))
    ctx.find(
      'R-CORTEX-BREACH',
      'block',
      `The implant (Ø ${formatSize(D)}) is wider than the bone at ${placeName(worst, where)} (periosteal Ø ${formatMmApart(worst.periMm, D)}${planeText(worst.periPlane)}; remaining cortex around the ${formatSize(r)} prepared canal ${formatMmBeside(worst.t, [0, minCortex.value])})${others.length ? `; also at ${others.join(', ')}` : ''}: the cortex would be breached. Choose a smaller diameter or another system.`,
      b,
      paths((pt) => pt.periMm <= D + EPS)
    )
  } else if (min.t <= 0) {
    // No cortex left around the prepared canal although the implant is narrower than the bone: the
    // canal is as wide as the bone there (parseCase refuses such a station; kept for any other caller).
    ctx.find(
      'R-CORTEX-BREACH',
      'block',
      `No cortex would remain at ${placeName(min, where)}${planeText(min.plane)}: remaining cortex around the ${formatSize(r)} prepared canal ${formatMmApart(min.t, 0)}. The cortex would be breached. Check the canal and bone diameters there.`,
      b,
      paths((pt) => pt.t <= 0)
    )
  } else if (min.t < minCortex.value - EPS) {
    const thin = pts.filter((pt) => pt !== min && pt.t < minCortex.value - EPS).map((pt) => `${placeName(pt, where)}: ${formatMmApart(pt.t, minCortex.value)}`)
    ctx.find(
      'R-CORTEX-THIN',
      'warning',
      `Remaining cortex ${formatMmApart(min.t, minCortex.value)} at ${placeName(min, where)}${planeText(min.plane)} is below the ${formatSize(minCortex.value)} minimum${thin.length ? `; also thin at ${thin.join(', ')}` : ''}.`,
      b,
      paths((pt) => pt.t < minCortex.value - EPS)
    )
  }
  return result
}
