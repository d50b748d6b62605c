/**
 * R-CANAL: canal profile. Stations {z, endosteal Ø, periosteal Ø} corrected by R-MAG,
 * sorted by z (distance from the distal bone end), linear between stations. Outside the
 * measured range the profile is unknown: the contact length counts the measured part only.
 */
import type { NormalizedStation, StationPlane } from '../case/types'
import type { CorrectedStation } from '../result'
import { EPS } from './context'

export function correctStations(stations: readonly NormalizedStation[], m: number): CorrectedStation[] {
  const out: CorrectedStation[] = new Array(stations.length)
  for (let i = 0; i < stations.length; i++) {
    const s = stations[i] as NormalizedStation
    out[i] = { fromDistalEndMm: s.fromDistalEndMm / m, endostealMm: s.endostealMm / m, periostealMm: s.periostealMm / m, index: s.index }
    if (s.planes) (out[i] as CorrectedStation).planes = scalePlanes(s.planes, 1 / m)
  }
  out.sort((a, b) => a.fromDistalEndMm - b.fromDistalEndMm || a.index - b.index)
  return out
}

/** Stations with every distance and diameter multiplied by `factor` (the ±5 % magnification check). */
export function rescaleStations(st: readonly CorrectedStation[], factor: number): CorrectedStation[] {
  const out: CorrectedStation[] = new Array(st.length)
  for (let i = 0; i < st.length; i++) {
    const s = st[i] as CorrectedStation
    out[i] = { fromDistalEndMm: s.fromDistalEndMm * factor, endostealMm: s.endostealMm * factor, periostealMm: s.periostealMm * factor, index: s.index }
    if (s.planes) (out[i] as CorrectedStation).planes = scalePlanes(s.planes, factor)
  }
  return out
}

function scalePlanes(planes: readonly StationPlane[], factor: number): StationPlane[] {
  return planes.map((p) => ({ plane: p.plane, endostealMm: p.endostealMm * factor, periostealMm: p.periostealMm * factor }))
}

/** Linear interpolation of a station field at z (z inside the measured range). */
function interp(a: CorrectedStation, b: CorrectedStation, z: number, field: 'endostealMm' | 'periostealMm'): number {
  const dz = b.fromDistalEndMm - a.fromDistalEndMm
  if (dz <= 0) return a[field]
  return a[field] + ((b[field] - a[field]) * (z - a.fromDistalEndMm)) / dz
}

/**
 * Each plane's diameters at z between stations a and b, linear, as R-CORTEX reads the profile (a
 * station measured in one plane stands for both); undefined when neither station has planes.
 * The station made at a resection keeps them, so a plane thin at the cut is not hidden by the
 * smaller-of-each values.
 */
function planesAt(a: CorrectedStation, b: CorrectedStation, z: number): StationPlane[] | undefined {
  if (!a.planes?.length && !b.planes?.length) return undefined
  const dz = b.fromDistalEndMm - a.fromDistalEndMm
  const f = dz <= 0 ? 0 : (z - a.fromDistalEndMm) / dz
  return (['AP', 'Lat'] as const).map((plane) => {
    const pa = a.planes?.find((x) => x.plane === plane) ?? a
    const pb = b.planes?.find((x) => x.plane === plane) ?? b
    return { plane, endostealMm: pa.endostealMm + (pb.endostealMm - pa.endostealMm) * f, periostealMm: pa.periostealMm + (pb.periostealMm - pa.periostealMm) * f }
  })
}

/**
 * Stations after resecting `res` mm of bone at the distal end: distances shift by −res,
 * stations below the cut are dropped and, when the cut lies inside the measured range,
 * a station interpolated at the cut (new z = 0, index −1) is added.
 */
export function resectStations(st: readonly CorrectedStation[], res: number): CorrectedStation[] {
  const out: CorrectedStation[] = []
  for (let i = 0; i < st.length; i++) {
    const s = st[i] as CorrectedStation
    if (s.fromDistalEndMm >= res - EPS) {
      if (out.length === 0 && i > 0 && s.fromDistalEndMm > res + EPS) {
        const a = st[i - 1] as CorrectedStation
        const cut: CorrectedStation = { fromDistalEndMm: 0, endostealMm: interp(a, s, res, 'endostealMm'), periostealMm: interp(a, s, res, 'periostealMm'), index: -1 }
        const planes = planesAt(a, s, res)
        if (planes) cut.planes = planes
        out.push(cut)
      }
      out.push({ ...s, fromDistalEndMm: Math.max(0, s.fromDistalEndMm - res) })
    }
  }
  return out
}

/**
 * C(r): length of [0, L] ∩ [first station, last station] where the endosteal Ø ≤ r
 * (the reamer or thread cuts bone there: cortical contact). Exact for the piecewise
 * linear profile.
 */
export function contactLength(st: readonly CorrectedStation[], L: number, r: number): number {
  let total = 0
  const rr = r + EPS
  for (let i = 0; i + 1 < st.length; i++) {
    const a = st[i] as CorrectedStation
    const b = st[i + 1] as CorrectedStation
    const z1 = a.fromDistalEndMm
    const z2 = b.fromDistalEndMm
    if (z2 <= z1) continue
    const s = z1 < 0 ? 0 : z1
    const t = z2 > L ? L : z2
    if (t <= s) continue
    const es = a.endostealMm + ((b.endostealMm - a.endostealMm) * (s - z1)) / (z2 - z1)
    const et = a.endostealMm + ((b.endostealMm - a.endostealMm) * (t - z1)) / (z2 - z1)
    const sIn = es <= rr
    const tIn = et <= rr
    if (sIn && tIn) total += t - s
    else if (sIn || tIn) {
      let zc = s + ((r - es) / (et - es)) * (t - s)
      if (zc < s) zc = s
      else if (zc > t) zc = t
      total += sIn ? zc - s : t - zc
    }
  }
  return total
}

/** Measured part of the implant zone [0, L]: [max(0, first z), min(L, last z)]. */
export function coverage(st: readonly CorrectedStation[], L: number): { from: number; to: number } {
  const first = st[0]
  const last = st[st.length - 1]
  if (!first || !last) return { from: 0, to: 0 }
  return { from: Math.max(0, first.fromDistalEndMm), to: Math.min(L, last.fromDistalEndMm) }
}
