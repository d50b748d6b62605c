// Layout of the to-scale drawing, in millimetres (the SVG's user unit is 1 mm). Pure geometry
// from the core's corrected measurements; no clinical number is derived here.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'

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
  stack: { box: Box; name: string; heightMm: number }[]
  soundLevel: { y: number; label: string } | null
  scaleBarMm: number
  fontSize: number
}

/** y grows downwards from the distal bone end (y = 0); z (distance from the distal end) is −y. */
export function layoutDrawing(plan: NormalizedCase, result: PlanResult): DrawingLayout {
  const c = result.corrected
  const stations = c.stations
  const residual = c.residualLengthMm
  const maxPeri = Math.max(...stations.map((s) => s.periostealMm), 10)
  const halfWidth = maxPeri / 2
  const first = stations[0]
  const last = stations[stations.length - 1]

  // Outline: from the distal end (first station's width) through every station.
  const rightPeri = stations.map((s) => [s.periostealMm / 2, -s.fromDistalEndMm] as const)
  const rightEndo = stations.map((s) => [s.endostealMm / 2, -s.fromDistalEndMm] as const)
  if (first && first.fromDistalEndMm > 0) {
    rightPeri.unshift([first.periostealMm / 2, 0])
    rightEndo.unshift([first.endostealMm / 2, 0])
  }
  const polygon = (right: (readonly [number, number])[]) =>
    [...right.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`), ...right.slice().reverse().map(([x, y]) => `${(-x).toFixed(2)},${y.toFixed(2)}`)].join(' ')

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
  const fontSize = Math.max(2.5, Math.min(7, height0 / 70))
  // Room for the bone's labels between the bone and the component stack.
  const stackX = halfWidth + soft.measuredMm + fontSize * 13
  const stackW = Math.max(24, maxPeri * 1.2)
  let y = 0
  const stack = plan.prosthesis.components.map((comp) => {
    const box = { x: stackX, y, w: stackW, h: comp.buildHeightMm }
    y += comp.buildHeightMm
    return { box, name: comp.name, heightMm: comp.buildHeightMm }
  })

  const b = result.buildHeight
  const soundLevel = b ? { y: b.availableMm, label: `sound-side ${b.target}` } : null

  const bottom = Math.max(softNow.y, adapter.y + adapter.h, y, soundLevel?.y ?? 0) + 12
  const top = -residual - 12
  const left = -(halfWidth + soft.measuredMm) - fontSize * 12
  const height = bottom - top
  const right = stackX + stackW + fontSize * 16
  const scaleBarMm = height > 300 ? 100 : height > 120 ? 50 : 10

  return {
    viewBox: { x: left, y: top, w: right - left, h: height + fontSize * 3 },
    periosteal: polygon(rightPeri),
    endosteal: polygon(rightEndo),
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
    scaleBarMm,
    fontSize
  }
}
