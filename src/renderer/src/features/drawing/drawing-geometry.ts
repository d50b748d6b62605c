// Layout of the to-scale drawing, in millimetres (the SVG's user unit is 1 mm). Pure geometry
// from the core's corrected measurements; no clinical number is derived here.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import { formatNumber } from '../../../../shared/format'

const formatLabelMm = (mm: number) => `${formatNumber(mm)} mm`

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface DrawingLayout {
  viewBox: Box
  /** Outline polygons (points "x,y …") of the outer cortex and the canal, over the stations. */
  periosteal: string
  endosteal: string
  /**
   * Two-plane measurements: the lateral plane's outline (lines over the filled AP outline, which
   * `periosteal`/`endosteal` then hold); null when every station has one plane.
   */
  lateral: { periosteal: string; endosteal: string } | null
  /** Bone shaft above the last station, up to the landmark (not measured: drawn faint). */
  shaftAbove: Box | null
  landmarkY: number
  halfWidth: number
  implant: Box | null
  prepared: Box | null
  thinStations: { y: number; x1: number; x2: number; index: number }[]
  softNow: { y: number; halfWidth: number }
  softTarget: { y: number; halfWidth: number } | null
  adapter: Box
  /** The prosthetic components in line under the stoma, from the distal bone end down. */
  stack: { box: Box; name: string; heightMm: number }[]
  soundLevel: { y: number; label: string } | null
  /** Every label, in one column right of the limb, spaced so none overlaps; a leader line joins each to its point. */
  labels: DrawingLabel[]
  labelX: number
  scaleBarMm: number
  fontSize: number
}

export interface DrawingLabel {
  key: string
  text: string
  /** Where the label points (mm). */
  anchor: { x: number; y: number }
  /** The label's baseline y after spacing (mm). */
  y: number
  className?: string
}

/** Label column width in font sizes (≈ 27 characters of a sans-serif at 0.55 em). */
const LABEL_COLUMN_FS = 15
/** Line pitch of the label column, in font sizes. */
const LABEL_PITCH_FS = 1.25

/** Spreads labels down the column: in anchor order, each at least one line below the one before. */
export function spreadLabels(labels: Omit<DrawingLabel, 'y'>[], fontSize: number): DrawingLabel[] {
  const sorted = [...labels].sort((a, b) => a.anchor.y - b.anchor.y)
  const placed: DrawingLabel[] = []
  let last = -Infinity
  for (const l of sorted) {
    const y = Math.max(l.anchor.y + fontSize * 0.35, last + fontSize * LABEL_PITCH_FS)
    placed.push({ ...l, y })
    last = y
  }
  return placed
}

/** y grows downwards from the distal bone end (y = 0); z (distance from the distal end) is −y. */
export interface LayoutOptions {
  /** Label size in drawing mm; the printed drawing sets it so labels print at ≥ 8 pt. */
  fontSize?: number
  /** Texts of the labels (formatted by the caller). */
  text?: Partial<Record<'implant' | 'distal' | 'skinNow' | 'skinTarget', string>>
}

export function layoutDrawing(plan: NormalizedCase, result: PlanResult, options: LayoutOptions = {}): DrawingLayout {
  const c = result.corrected
  const stations = c.stations
  const residual = c.residualLengthMm
  const maxPeri = Math.max(...stations.map((s) => s.periostealMm), 10)
  const halfWidth = maxPeri / 2
  const first = stations[0]
  const last = stations[stations.length - 1]

  // Outline: from the distal end (first station's width) through every station, in one plane: a
  // one-plane station gives its own pair in both; with one plane nowhere, the stations' pairs.
  const twoPlanes = stations.some((s) => s.planes && s.planes.length > 1)
  const pairOf = (s: (typeof stations)[number], plane: 'AP' | 'Lat' | null) => {
    const p = plane ? s.planes?.find((x) => x.plane === plane) : undefined
    return p ? { peri: p.periostealMm, endo: p.endostealMm } : { peri: s.periostealMm, endo: s.endostealMm }
  }
  const polygon = (right: (readonly [number, number])[]) =>
    [...right.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`), ...right.slice().reverse().map(([x, y]) => `${(-x).toFixed(2)},${y.toFixed(2)}`)].join(' ')
  const outline = (plane: 'AP' | 'Lat' | null) => {
    const pairs = stations.map((s) => ({ ...pairOf(s, plane), y: -s.fromDistalEndMm }))
    if (first && first.fromDistalEndMm > 0 && pairs[0]) pairs.unshift({ ...pairs[0], y: 0 })
    return { periosteal: polygon(pairs.map((p) => [p.peri / 2, p.y] as const)), endosteal: polygon(pairs.map((p) => [p.endo / 2, p.y] as const)) }
  }
  const main = outline(twoPlanes ? 'AP' : null)
  const lateral = twoPlanes ? outline('Lat') : null

  const topMeasured = last ? last.fromDistalEndMm : 0
  const shaftAbove = last && residual > topMeasured ? { x: -last.periostealMm / 2, y: -residual, w: last.periostealMm, h: residual - topMeasured } : null

  const imp = result.implant
  const implant = imp ? { x: -imp.diameterMm / 2, y: -imp.lengthMm, w: imp.diameterMm, h: imp.lengthMm } : null
  const prepared = imp ? { x: -imp.preparedDiameterMm / 2, y: -imp.lengthMm, w: imp.preparedDiameterMm, h: imp.lengthMm } : null

  // Thin-cortex stations are the ones the core's cortex findings name.
  const flagged = new Set<number>()
  for (const f of result.findings) {
    if (!f.id.startsWith('R-CORTEX')) continue
    for (const p of f.paths ?? []) {
      const m = /^bone\.stations\[(\d+)\]/.exec(p)
      if (m) flagged.add(Number(m[1]))
    }
  }
  const thinStations = stations.filter((s) => flagged.has(s.index)).map((s) => ({ y: -s.fromDistalEndMm, x1: -s.periostealMm / 2, x2: s.periostealMm / 2, index: s.index }))

  const soft = result.softTissue
  const softNow = { y: soft.measuredMm, halfWidth: halfWidth + soft.measuredMm }
  const softTarget = soft.reductionMm > 0 ? { y: soft.plannedMm, halfWidth: halfWidth + soft.plannedMm } : null

  const adapterLen = plan.prosthesis.adapterTranscutaneousLengthMm ?? soft.plannedMm + 10
  const adapterW = Math.max(4, Math.min(12, (imp?.diameterMm ?? 12) * 0.6))
  const adapter = { x: -adapterW / 2, y: 0, w: adapterW, h: adapterLen }

  const height0 = residual + Math.max(soft.measuredMm, plan.prosthesis.components.reduce((a, x) => a + x.buildHeightMm, 0), result.buildHeight?.availableMm ?? 0)
  const fontSize = options.fontSize ?? Math.max(2.5, Math.min(7, height0 / 70))
  // The components in line under the stoma, from the distal bone end down towards the joint line.
  const stackW = Math.max(adapterW * 1.8, Math.min(maxPeri * 0.9, 26))
  let y = 0
  const stack = plan.prosthesis.components.map((comp) => {
    const box = { x: -stackW / 2, y, w: stackW, h: comp.buildHeightMm }
    y += comp.buildHeightMm
    return { box, name: comp.name, heightMm: comp.buildHeightMm }
  })

  const b = result.buildHeight
  const soundLevel = b ? { y: b.availableMm, label: `sound-side ${b.target}` } : null

  // One label column right of the soft tissue, leader lines to what each label names.
  const labelX = halfWidth + soft.measuredMm + 3
  const t = options.text ?? {}
  const raw: Omit<DrawingLabel, 'y'>[] = [
    { key: 'landmark', text: plan.bone.landmark, anchor: { x: halfWidth, y: -residual } },
    { key: 'distal', text: t.distal ?? 'distal bone end', anchor: { x: (first?.periostealMm ?? maxPeri) / 2, y: 0 } },
    ...(implant && t.implant ? [{ key: 'implant', text: t.implant, anchor: { x: implant.w / 2, y: -implant.h / 2 } }] : []),
    ...(t.skinNow ? [{ key: 'skin-now', text: t.skinNow, anchor: { x: 0, y: softNow.y } }] : []),
    ...(softTarget && t.skinTarget ? [{ key: 'skin-target', text: t.skinTarget, anchor: { x: 0, y: softTarget.y } }] : []),
    ...stack.map((s, i) => ({ key: `component-${i}`, text: `${s.name} ${formatLabelMm(s.heightMm)}`, anchor: { x: s.box.x + s.box.w, y: s.box.y + s.box.h / 2 } })),
    ...(soundLevel ? [{ key: 'sound', text: soundLevel.label, anchor: { x: stackW / 2, y: soundLevel.y }, className: 'bd-sound-label' }] : [])
  ]
  const labels = spreadLabels(raw, fontSize)

  const lowest = Math.max(0, ...labels.map((l) => l.y))
  const bottom = Math.max(softNow.y, adapter.y + adapter.h, y, soundLevel?.y ?? 0, lowest) + 12
  const top = -residual - 12 - fontSize
  const left = -(halfWidth + soft.measuredMm) - 6
  const height = bottom - top
  // Wide enough for the longest label (DejaVu Sans averages ≈ 0.62 em a character), so no text leaves the drawing.
  const right = labelX + fontSize * Math.max(LABEL_COLUMN_FS, ...labels.map((l) => l.text.length * 0.62 + 1))
  const scaleBarMm = height > 300 ? 100 : height > 120 ? 50 : 10

  return {
    viewBox: { x: left, y: top, w: right - left, h: height + fontSize * 3 },
    periosteal: main.periosteal,
    endosteal: main.endosteal,
    lateral,
    shaftAbove,
    landmarkY: -residual,
    halfWidth,
    implant,
    prepared,
    thinStations,
    softNow,
    softTarget,
    adapter,
    stack,
    soundLevel,
    labels,
    labelX,
    scaleBarMm,
    fontSize
  }
}
