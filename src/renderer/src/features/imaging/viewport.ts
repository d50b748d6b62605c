// The view of an image: which image point is at the centre of the viewport and how many screen
// pixels one image pixel takes. Image pixel centres are at integer coordinates.
import type { Point } from '../../../../shared/imaging'

export interface View {
  cx: number
  cy: number
  /** Screen pixels per image pixel. */
  zoom: number
}

export const MIN_ZOOM = 0.02
export const MAX_ZOOM = 32

export function fitView(columns: number, rows: number, width: number, height: number): View {
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.min(width / columns, height / rows) * 0.96))
  return { cx: (columns - 1) / 2, cy: (rows - 1) / 2, zoom }
}

/** The visible region in image coordinates (the overlay's viewBox). */
export function visibleBox(v: View, width: number, height: number): { x: number; y: number; w: number; h: number } {
  const w = width / v.zoom
  const h = height / v.zoom
  return { x: v.cx - w / 2, y: v.cy - h / 2, w, h }
}

export function toImage(v: View, width: number, height: number, sx: number, sy: number): Point {
  const b = visibleBox(v, width, height)
  return { x: b.x + sx / v.zoom, y: b.y + sy / v.zoom }
}

/** Zooms by `factor` keeping the image point under the screen point (sx, sy) where it is. */
export function zoomAt(v: View, width: number, height: number, sx: number, sy: number, factor: number): View {
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v.zoom * factor))
  const p = toImage(v, width, height, sx, sy)
  return { zoom, cx: p.x - (sx - width / 2) / zoom, cy: p.y - (sy - height / 2) / zoom }
}
