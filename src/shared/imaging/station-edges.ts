// Edge suggestion for one station: sample the image across the bone on the station line and
// place the four edges where the profile's slope peaks.
import { axisFrame, pointOnStation, type Axis, type PixelScale, type Point } from './geometry'
import { sampleLine, suggestEdges, type Grid } from './edges'
import type { EdgeName } from './to-case'

/** Samples per pixel along the station line. */
const OVERSAMPLE = 4

export function suggestStationEdges(grid: Grid, axis: Axis, scale: PixelScale, zMm: number, halfWidthMm: number): Record<EdgeName, Point | null> {
  const none = { periostealA: null, endostealA: null, endostealB: null, periostealB: null }
  const frame = axisFrame(axis, scale)
  const from = pointOnStation(axis, scale, zMm, -halfWidthMm)
  const to = pointOnStation(axis, scale, zMm, halfWidthMm)
  if (!frame || !from || !to || !(halfWidthMm > 0)) return none
  const px = Math.hypot(to.x - from.x, to.y - from.y)
  const n = Math.max(8, Math.min(20_000, Math.ceil(px * OVERSAMPLE) + 1))
  const s = suggestEdges(sampleLine(grid, from, to, n), (n - 1) / 2)
  const at = (i: number | null): Point | null => (i === null ? null : pointOnStation(axis, scale, zMm, -halfWidthMm + (2 * halfWidthMm * i) / (n - 1)))
  return { periostealA: at(s.periostealA), endostealA: at(s.endostealA), endostealB: at(s.endostealB), periostealB: at(s.periostealB) }
}
