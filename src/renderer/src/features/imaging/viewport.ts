// The view of an image: which image point is at the centre of the viewport and how many screen
// pixels one image pixel takes. Image pixel centres are at integer coordinates.
import type { Point } from '../../../../shared/imaging'
import type { WindowLevel } from '../../../../shared/imaging/window-level'

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

/** The view a pan drag gives: `start` moved by the pointer's travel (dx, dy) in screen pixels. */
export function panBy(start: View, dx: number, dy: number): View {
  return { ...start, cx: start.cx - dx / start.zoom, cy: start.cy - dy / start.zoom }
}

export const sameView = (a: View, b: View): boolean => a.cx === b.cx && a.cy === b.cy && a.zoom === b.zoom

/** One step of a window drag (screen pixels since the last step): left/right changes the width
 *  (contrast) by a factor, up/down the centre (brightness) in proportion to the width. */
export function windowDragStep(w: WindowLevel, dx: number, dy: number): WindowLevel {
  return { ...w, width: Math.max(1, w.width * Math.exp(dx / 200)), center: w.center + (dy * w.width) / 400 }
}

export const sameWindow = (a: WindowLevel, b: WindowLevel): boolean => a.center === b.center && a.width === b.width && a.invert === b.invert

/** What the painter last drew: `preview`, a gesture's frame (not the exact picture). */
export interface Drawn {
  view: View
  wl: WindowLevel
  preview: boolean
}

/** Whether committing `view` and `wl` must paint: they differ from what is on screen, or that is a
 *  preview (nearest pixel below 2×; half resolution on the WebGL path). */
export function needsPaint(drawn: Drawn, view: View, wl: WindowLevel): boolean {
  return drawn.preview || !sameView(drawn.view, view) || !sameWindow(drawn.wl, wl)
}

