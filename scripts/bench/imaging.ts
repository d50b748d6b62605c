/**
 * Benchmark of the radiograph path, in Node (the same code the renderer runs): read a
 * 3,000 × 3,000 16-bit DICOM, one window/level repaint of the whole image into RGBA (9 Mpx, the
 * viewer's path before #15's WebGL work) and of the 760 × 560 viewport only (renderView, today's
 * canvas-2D fallback and loupe; floor: filling that buffer), one
 * station's edge suggestion, and one handle move → case values → plan. Each is reported as the
 * median and p95 of repeated runs, with a floor measured in the same run (copying the 18 MB file),
 * so a busy machine shows as a high floor rather than as a slow feature.
 */
import { readFileSync } from 'node:fs'
import { phantomDicom, phantomTruth } from '../imaging/phantom'
import { applyImageValues, calibrate, imageCaseValues, readDicom, suggestStationEdges, type ImageMarks } from '../../src/shared/imaging'
import { planFromRaw } from '../../src/shared/plan'
import { gridOf, renderGray, samplesOf, defaultWindow } from '../../src/shared/imaging/window-level'
import { renderView } from '../../src/shared/imaging/render-view'
import type { BenchRow } from './core'

function times(n: number, op: () => void): { p50: number; p95: number } {
  const t: number[] = []
  for (let i = 0; i < n; i++) {
    const s = performance.now()
    op()
    t.push(performance.now() - s)
  }
  t.sort((a, b) => a - b)
  return { p50: t[Math.floor(n / 2)]!, p95: t[Math.min(n - 1, Math.ceil(n * 0.95) - 1)]! }
}

const r2 = (x: number) => Math.round(x * 100) / 100

export async function benchImaging(): Promise<BenchRow[]> {
  const big = { rows: 3000, columns: 3000, detectorPixelMm: 0.13, samples: 1 }
  const bytes = phantomDicom(big)
  const floor = times(9, () => void bytes.slice())
  const read = times(9, () => {
    const r = readDicom(bytes)
    if (!r.ok) throw new Error(r.error)
  })
  const parsed = readDicom(bytes)
  if (!parsed.ok) throw new Error(parsed.error)
  const { header } = parsed.image
  const pixels = parsed.image.pixels.slice().buffer
  const samples = samplesOf(header, pixels)
  const out = new Uint8ClampedArray(header.rows * header.columns * 4)
  const wl = defaultWindow(header, samples)
  const repaint = times(15, () => renderGray(header, samples, { ...wl, center: wl.center + Math.random() }, out))
  const port = new Uint32Array(760 * 560)
  const fit = { cx: 1499.5, cy: 1499.5, zoom: 0.18 }
  const portFit = times(60, () => renderView(header, samples, { ...wl, center: wl.center + Math.random() }, fit, 760, 560, port))
  const portZoom = times(60, () => renderView(header, samples, { ...wl, center: wl.center + Math.random() }, { ...fit, zoom: 4 }, 760, 560, port))
  // Each frame rebuilds the window's lookup table (a window drag changes it every frame).
  const portNote = (t: { p50: number; p95: number }) => `p50 ${r2(t.p50)} ms, p95 ${r2(t.p95)} ms; ${r2(t.p50 / repaint.p50)}× the whole-image repaint at p50 (same run); floor (copy 18 MB) p50 ${r2(floor.p50)} ms`

  const truth = phantomTruth(big)
  const cal = calibrate({ kind: 'file', spacing: header.spacing.candidates.find((c) => c.id === 'imager-ermf')! })
  if (!cal.ok) throw new Error(cal.error)
  const grid = gridOf(header, samples)
  const edges = times(25, () => void suggestStationEdges(grid, truth.axis, cal.calibration.scale, 150, 35))

  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as Record<string, unknown>
  const marks: ImageMarks = { axis: truth.axis, stations: truth.stations.map((s, i) => ({ id: String(i), t: s.zMm / truth.residualMm, edges: { ...s.edges }, accepted: true })), skin: truth.skin, plane: 'single' }
  const move = times(100, () => {
    marks.stations[3]!.edges.endostealA = { x: marks.stations[3]!.edges.endostealA!.x + (Math.random() - 0.5), y: marks.stations[3]!.edges.endostealA!.y }
    const values = imageCaseValues(marks, cal.calibration, 'AP-1')
    const r = planFromRaw(applyImageValues(base, values, 'single'))
    if (!r.ok) throw new Error('plan failed')
  })
  const note = (t: { p50: number; p95: number }) => `p50 ${r2(t.p50)} ms, p95 ${r2(t.p95)} ms; floor (copy 18 MB) p50 ${r2(floor.p50)} ms`
  return [
    { name: 'imaging: read 3000×3000 16-bit DICOM (18 MB)', value: r2(read.p50), unit: 'ms (p50)', budget: '< 1 s to show, with decode and first paint', note: note(read) },
    { name: 'imaging: window/level repaint of the whole 9 Mpx image (LUT → RGBA; no longer per frame)', value: r2(repaint.p50), unit: 'ms (p50)', note: note(repaint) },
    { name: 'imaging: canvas-2D frame, 760×560 viewport of the 9 Mpx image at fit (bilinear)', value: r2(portFit.p95), unit: 'ms (p95)', budget: 'p95 < 16 ms', note: portNote(portFit) },
    { name: 'imaging: canvas-2D frame, 760×560 viewport at 400 % (sharp pixels)', value: r2(portZoom.p95), unit: 'ms (p95)', budget: 'p95 < 16 ms', note: portNote(portZoom) },
    { name: 'imaging: edge suggestion, one station', value: r2(edges.p50), unit: 'ms (p50)', note: note(edges) },
    { name: 'imaging: handle move → case values → plan', value: r2(move.p50), unit: 'ms (p50)', budget: 'p95 < 16 ms', note: `${note(move)}; 13 stations` }
  ]
}
