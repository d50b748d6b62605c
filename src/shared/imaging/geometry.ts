// Geometry along the bone axis, in millimetres of the calibration in use. Points are image pixels
// (x = column, y = row); pixels may be non-square, so every distance is taken in mm space.
export interface Point {
  x: number
  y: number
}

/** mm per pixel between rows (vertical) and between columns (horizontal). */
export interface PixelScale {
  rowMm: number
  colMm: number
}

/** The bone axis: from the distal bone end to the proximal landmark, in image pixels. */
export interface Axis {
  distal: Point
  proximal: Point
}

export interface AxisFrame {
  lengthMm: number
  /** Unit vector in mm space from the distal end towards the proximal landmark. */
  u: Point
  /** Unit vector in mm space perpendicular to the axis. */
  n: Point
}

const toMm = (p: Point, s: PixelScale): Point => ({ x: p.x * s.colMm, y: p.y * s.rowMm })
const fromMm = (p: Point, s: PixelScale): Point => ({ x: p.x / s.colMm, y: p.y / s.rowMm })

/** Distance between two image points in mm. */
export function distanceMm(a: Point, b: Point, s: PixelScale): number {
  return Math.hypot((b.x - a.x) * s.colMm, (b.y - a.y) * s.rowMm)
}

export function axisFrame(axis: Axis, s: PixelScale): AxisFrame | null {
  const d = toMm(axis.distal, s)
  const p = toMm(axis.proximal, s)
  const lengthMm = Math.hypot(p.x - d.x, p.y - d.y)
  if (!(lengthMm > 0)) return null
  const u = { x: (p.x - d.x) / lengthMm, y: (p.y - d.y) / lengthMm }
  return { lengthMm, u, n: { x: -u.y, y: u.x } }
}

/** The image point `zMm` from the distal end along the axis, `offsetMm` across it. */
export function pointOnStation(axis: Axis, s: PixelScale, zMm: number, offsetMm: number): Point | null {
  const f = axisFrame(axis, s)
  if (!f) return null
  const d = toMm(axis.distal, s)
  return fromMm({ x: d.x + f.u.x * zMm + f.n.x * offsetMm, y: d.y + f.u.y * zMm + f.n.y * offsetMm }, s)
}

/** Where an image point lies relative to the axis: distance from the distal end and offset across. */
export function axisCoordinates(axis: Axis, s: PixelScale, point: Point): { zMm: number; offsetMm: number } | null {
  const f = axisFrame(axis, s)
  if (!f) return null
  const d = toMm(axis.distal, s)
  const q = toMm(point, s)
  const v = { x: q.x - d.x, y: q.y - d.y }
  return { zMm: v.x * f.u.x + v.y * f.u.y, offsetMm: v.x * f.n.x + v.y * f.n.y }
}

/** Stations every `stepMm` from the distal end, starting at `stepMm`, up to `untilMm` (inclusive). */
export function stationDistances(stepMm: number, untilMm: number): number[] {
  if (!(stepMm > 0) || !(untilMm > 0)) return []
  const out: number[] = []
  for (let z = stepMm; z <= untilMm + 1e-9 && out.length < 100; z += stepMm) out.push(Number(z.toFixed(6)))
  return out
}

/** Four edge offsets across a station line, mm: periosteal, endosteal, endosteal, periosteal. */
export interface StationEdges {
  periostealA: number
  endostealA: number
  endostealB: number
  periostealB: number
}

export type StationDiameters = { ok: true; endostealMm: number; periostealMm: number } | { ok: false; error: string }

/** Diameters from the four edges; the edges must nest (outer edges outside the canal). */
export function stationDiameters(e: StationEdges): StationDiameters {
  const [pa, ea, eb, pb] = [e.periostealA, e.endostealA, e.endostealB, e.periostealB].map(Number) as [number, number, number, number]
  if (![pa, ea, eb, pb].every(Number.isFinite)) return { ok: false, error: 'an edge is not placed' }
  const lo = Math.min(pa, pb)
  const hi = Math.max(pa, pb)
  const elo = Math.min(ea, eb)
  const ehi = Math.max(ea, eb)
  if (!(elo > lo && ehi < hi)) return { ok: false, error: 'the canal edges must lie inside the outer (periosteal) edges' }
  if (!(ehi > elo)) return { ok: false, error: 'the two canal edges are on the same point' }
  return { ok: true, endostealMm: ehi - elo, periostealMm: hi - lo }
}
