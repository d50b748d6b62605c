// The prepared canal's 45° hatch as plain line segments, one SVG path. An SVG <pattern> fill is
// printed by Chromium as a rasterised image (a picture shader the PDF cannot hold as vectors),
// which costs print time and prints soft; these lines print as vectors (issue #14).

import type { Box } from './drawing-geometry'

/** Hatch lines run down-left at 45° (x + y constant), `spacing` mm apart across them. The old
 *  pattern's visible stroke was 0.2 mm wide, 0.1 mm off each tile edge: `offset` keeps that. */
export const HATCH = { spacing: 2, offset: 0.1, strokeMm: 0.2 } as const

/**
 * The segments of the lines x + y = √2·(spacing·k + offset), for every integer k, inside the box
 * (user units, anchored at the origin as the pattern was), as an SVG path ("M x y L x y …");
 * empty for an empty box.
 */
export function hatchPath(box: Box, spacing: number = HATCH.spacing, offset: number = HATCH.offset): string {
  if (!(box.w > 0 && box.h > 0 && spacing > 0)) return ''
  const x0 = box.x
  const x1 = box.x + box.w
  const y0 = box.y
  const y1 = box.y + box.h
  const first = Math.ceil(((x0 + y0) / Math.SQRT2 - offset) / spacing)
  const parts: string[] = []
  for (let k = first; ; k++) {
    const c = (spacing * k + offset) * Math.SQRT2
    if (c >= x1 + y1) break
    const xa = Math.max(x0, c - y1)
    const xb = Math.min(x1, c - y0)
    if (xb - xa > 1e-9) parts.push(`M${r(xa)} ${r(c - xa)}L${r(xb)} ${r(c - xb)}`)
  }
  return parts.join('')
}

const r = (v: number) => String(Math.round(v * 1000) / 1000)
