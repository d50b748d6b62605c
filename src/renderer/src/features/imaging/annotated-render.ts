// The annotated radiograph as pixels: the image at its saved window, the measurements and the plan
// drawn from the same scene as the screen overlay (shared/imaging/annotations.ts), a scale bar and
// the calibration named on the image. Used by the printed summary (PNG) and filed to the PACS
// (8-bit RGB Secondary Capture).
import { annotationScene, calibrate, measurementScale, resizedPixelSpacing, ANNOTATION_COLORS, type AnnotationScene, type CalibrationInput, type ImageHeader, type ImageMarks, type PixelScale } from '../../../../shared/imaging'
import { defaultWindow, renderGray, samplesOf, type WindowLevel } from '../../../../shared/imaging/window-level'
import type { PlanResult } from '../../../../shared/result'

/** What the renderer needs of an image (a stored image, or a revision's snapshot of its annotations). */
export interface AnnotatedSource {
  label: string
  header: ImageHeader
  pixels: ArrayBuffer
  calibration: CalibrationInput | null
  marks: ImageMarks
  window?: WindowLevel | null
}

export interface RenderedRadiograph {
  canvas: HTMLCanvasElement
  rows: number
  columns: number
  /** True-size mm per output pixel [row, column]; null on an uncalibrated image. */
  pixelSpacingMm: [number, number] | null
  /** "calibration: marker 25 mm (magnification 1.15)" or "not calibrated: no true size". */
  calibrationText: string
  scaleBarText: string | null
}

/** Large enough to read a station edge on paper, small enough to file (2,048² RGB = 12 MB). */
export const MAX_OUTPUT_SIDE = 2048

/** Output size: the image scaled down (never up) so its longer side fits `maxSide`. */
export function outputSize(columns: number, rows: number, maxSide: number): { k: number; width: number; height: number } {
  const k = Math.min(1, maxSide / Math.max(columns, rows))
  return { k, width: Math.max(1, Math.round(columns * k)), height: Math.max(1, Math.round(rows * k)) }
}

/** Draws a scene (image pixel coordinates) on a context already scaled to image pixels by `k`. */
export function drawScene(ctx: CanvasRenderingContext2D, scene: AnnotationScene, k: number, outWidth: number, outHeight: number): void {
  const side = Math.max(outWidth, outHeight)
  const lw = Math.max(2, side / 800) / k
  const font = Math.max(12, Math.round(side / 75)) / k
  ctx.lineJoin = 'round'
  ctx.font = `${font}px sans-serif`
  for (const m of scene.marks) {
    const color = ANNOTATION_COLORS[m.role]
    ctx.strokeStyle = color
    ctx.fillStyle = color
    ctx.lineWidth = lw
    if (m.kind === 'label') {
      ctx.lineWidth = font / 5
      ctx.strokeStyle = '#000'
      // Kept on the image: a label that would run off the right edge is moved left, and up off its line.
      const x = Math.max(0, Math.min(m.at.x, outWidth / k - ctx.measureText(m.text).width - font / 4))
      const y = x < m.at.x ? m.at.y - font * 0.6 : m.at.y
      ctx.strokeText(m.text, x, y)
      ctx.fillText(m.text, x, y)
      continue
    }
    if (m.kind === 'dot') {
      ctx.beginPath()
      ctx.arc(m.at.x, m.at.y, lw * 2, 0, 2 * Math.PI)
      ctx.fill()
      continue
    }
    ctx.setLineDash(m.dashed ? [lw * 4, lw * 3] : [])
    ctx.beginPath()
    const pts = m.kind === 'line' ? [m.a, m.b] : m.points
    pts.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)))
    if (m.kind === 'polygon') {
      ctx.closePath()
      if (m.role === 'implant') {
        ctx.fillStyle = 'rgba(255, 80, 80, 0.2)'
        ctx.fill()
      }
    }
    ctx.stroke()
  }
  ctx.setLineDash([])
}

/** Text in a dark band, in output pixels. */
function banner(ctx: CanvasRenderingContext2D, lines: string[], x: number, y: number, font: number): void {
  ctx.font = `${font}px sans-serif`
  const w = Math.max(...lines.map((l) => ctx.measureText(l).width)) + font
  ctx.fillStyle = 'rgba(0, 0, 0, 0.7)'
  ctx.fillRect(x, y, w, lines.length * font * 1.3 + font * 0.5)
  ctx.fillStyle = '#fff'
  lines.forEach((l, i) => ctx.fillText(l, x + font / 2, y + font * (1.15 + i * 1.3)))
}

export function renderAnnotatedRadiograph(src: AnnotatedSource, result: PlanResult | null, options: { maxSide?: number; neighbours?: boolean } = {}): RenderedRadiograph {
  const { header } = src
  const samples = samplesOf(header, src.pixels)
  const full = document.createElement('canvas')
  full.width = header.columns
  full.height = header.rows
  const fctx = full.getContext('2d')!
  const data = fctx.createImageData(header.columns, header.rows)
  renderGray(header, samples, src.window ?? defaultWindow(header, samples), data.data)
  fctx.putImageData(data, 0, 0)

  const { k, width, height } = outputSize(header.columns, header.rows, options.maxSide ?? MAX_OUTPUT_SIDE)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')!
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(full, 0, 0, width, height)
  full.width = full.height = 0

  const calibrated = src.calibration ? calibrate(src.calibration) : null
  const calibration = calibrated?.ok ? calibrated.calibration : null
  const scale: PixelScale = measurementScale(header, calibration)
  const scene = annotationScene({ marks: src.marks, scale, calibration, result, neighbours: options.neighbours ?? false, barWidthPx: header.columns })

  ctx.save()
  ctx.scale(k, k)
  drawScene(ctx, scene, k, width, height)
  ctx.restore()

  const font = Math.max(12, Math.round(Math.max(width, height) / 65))
  banner(ctx, [`Radiograph ${src.label}`, scene.calibrationText], font / 2, font / 2, font)
  if (scene.scaleBar) {
    const barPx = scene.scaleBar.px * k
    const x = font
    const y = height - font * 1.5
    ctx.fillStyle = 'rgba(0, 0, 0, 0.7)'
    ctx.fillRect(x - font / 2, y - font * 1.8, Math.max(barPx, font * 8) + font, font * 2.6)
    ctx.fillStyle = '#fff'
    ctx.fillRect(x, y - font * 0.2, barPx, font * 0.4)
    ctx.fillRect(x, y - font * 0.5, Math.max(1, font / 8), font)
    ctx.fillRect(x + barPx - Math.max(1, font / 8), y - font * 0.5, Math.max(1, font / 8), font)
    ctx.font = `${font}px sans-serif`
    ctx.fillText(scene.scaleBar.text, x, y - font * 0.7)
  }

  const pixelSpacingMm = calibration ? resizedPixelSpacing(calibration, header, { rows: height, columns: width }) : null
  return { canvas, rows: height, columns: width, pixelSpacingMm, calibrationText: scene.calibrationText, scaleBarText: scene.scaleBar?.text ?? null }
}

/** 8-bit RGB, row by row (a Secondary Capture's pixel data). */
export function canvasRgb(canvas: HTMLCanvasElement): Uint8Array {
  const { width, height } = canvas
  const rgba = canvas.getContext('2d')!.getImageData(0, 0, width, height).data
  const rgb = new Uint8Array(width * height * 3)
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!
    rgb[j + 1] = rgba[i + 1]!
    rgb[j + 2] = rgba[i + 2]!
  }
  return rgb
}
