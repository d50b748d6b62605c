// What is drawn over the radiograph, in image coordinates: the bone axis, the stations with their
// four edge handles, the skin point, the calibration line; the plan at true size and the scale bar
// come from the scene shared with the printout (PlanOverlay.tsx).
// Each station is one memoised group: dragging a handle re-renders only its station (and the
// plan), and a pan re-renders none of them (the callbacks passed in must be stable: see
// use-latest-callback.ts).
import { memo, useCallback } from 'react'
import { axisFrame, pointOnStation, sortedStations, EDGE_NAMES, type Axis, type Calibration, type CalibrationInput, type EdgeName, type ImageMarks, type PixelScale, type Point, type StationMark } from '../../../../shared/imaging'
import type { PlanResult } from '../../../../shared/result'
import { Handle } from './Handle'
import { PlanOverlay } from './PlanOverlay'
import type { View } from './viewport'

const EDGE_TEXT: Record<EdgeName, string> = {
  periostealA: 'outer edge, first side',
  endostealA: 'canal edge, first side',
  endostealB: 'canal edge, second side',
  periostealB: 'outer edge, second side'
}

export interface OverlayProps {
  marks: ImageMarks
  scale: PixelScale
  zoom: number
  readOnly: boolean
  calInput: CalibrationInput | null
  calibration: Calibration | null
  result: PlanResult | null
  /** Also draw the next smaller and larger implant sizes. */
  neighbours: boolean
  pending: Point | null
  stationHalfWidthMm: number
  onAxis: (end: 'proximal' | 'distal', p: Point) => void
  onEdge: (stationId: string, edge: EdgeName, p: Point) => void
  onSkin: (p: Point) => void
  onLine: (end: 'from' | 'to', p: Point) => void
  /** A handle was let go (the case takes its values then). */
  onDragEnd: () => void
  viewBox: { view: View; width: number; height: number }
}

interface StationGroupProps {
  station: StationMark
  /** 1-based position along the axis (the station's number for the surgeon). */
  number: number
  axis: Axis
  lengthMm: number
  scale: PixelScale
  zoom: number
  halfWidthMm: number
  readOnly: boolean
  onEdge: (stationId: string, edge: EdgeName, p: Point) => void
  onDragEnd: () => void
}

const StationGroup = memo(function StationGroup({ station: st, number, axis, lengthMm, scale, zoom, halfWidthMm, readOnly, onEdge, onDragEnd }: StationGroupProps) {
  const sw = 1 / zoom
  const r = 6 / zoom
  const z = st.t * lengthMm
  const a = pointOnStation(axis, scale, z, -halfWidthMm)
  const b = pointOnStation(axis, scale, z, halfWidthMm)
  return (
    <g className={`im-station ${st.accepted ? 'im-accepted' : 'im-suggested'}`} data-testid={`station-${number}`}>
      {a && b && <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={sw} />}
      {EDGE_NAMES.map((name) => {
        const q = st.edges[name]
        return q ? <Handle key={name} p={q} r={r * 0.8} kind={name.startsWith('endo') ? 'endo' : 'peri'} label={`Station ${number} — ${EDGE_TEXT[name]}`} testId={`edge-${number}-${name}`} disabled={readOnly} onDone={onDragEnd} onMove={(v) => onEdge(st.id, name, v)} /> : null
      })}
    </g>
  )
})

export function Overlay(p: OverlayProps) {
  const sw = 1 / p.zoom
  const r = 6 / p.zoom
  const axis = p.marks.axis
  const frame = axis ? axisFrame(axis, p.scale) : null
  const line = p.calInput && (p.calInput.kind === 'marker' || p.calInput.kind === 'known-distance') && p.calInput.from && p.calInput.to ? p.calInput : null
  // Stable handlers: the axis and calibration-line handles do not re-render while another moves.
  const { onAxis, onLine } = p
  const onProximal = useCallback((q: Point) => onAxis('proximal', q), [onAxis])
  const onDistal = useCallback((q: Point) => onAxis('distal', q), [onAxis])
  const onLineFrom = useCallback((q: Point) => onLine('from', q), [onLine])
  const onLineTo = useCallback((q: Point) => onLine('to', q), [onLine])
  return (
    <>
      <PlanOverlay marks={p.marks} scale={p.scale} calibration={p.calibration} result={p.result} neighbours={p.neighbours} zoom={p.zoom} viewBox={p.viewBox} />
      {axis && (
        <g className="im-axis">
          <line x1={axis.proximal.x} y1={axis.proximal.y} x2={axis.distal.x} y2={axis.distal.y} strokeWidth={sw} />
          <Handle p={axis.proximal} r={r} kind="axis" label="Proximal landmark" testId="axis-proximal" disabled={p.readOnly} onDone={p.onDragEnd} onMove={onProximal} />
          <Handle p={axis.distal} r={r} kind="axis" label="Distal bone end" testId="axis-distal" disabled={p.readOnly} onDone={p.onDragEnd} onMove={onDistal} />
        </g>
      )}
      {axis &&
        frame &&
        sortedStations(p.marks).map((st, i) => (
          <StationGroup key={st.id} station={st} number={i + 1} axis={axis} lengthMm={frame.lengthMm} scale={p.scale} zoom={p.zoom} halfWidthMm={p.stationHalfWidthMm} readOnly={p.readOnly} onEdge={p.onEdge} onDragEnd={p.onDragEnd} />
        ))}
      {p.marks.skin && (
        <g className="im-skin">
          {axis && <line x1={axis.distal.x} y1={axis.distal.y} x2={p.marks.skin.x} y2={p.marks.skin.y} strokeWidth={sw} strokeDasharray={`${4 * sw} ${3 * sw}`} />}
          <Handle p={p.marks.skin} r={r} kind="skin" label="Skin surface" testId="skin-point" disabled={p.readOnly} onDone={p.onDragEnd} onMove={p.onSkin} />
        </g>
      )}
      {line && (
        <g className="im-calline">
          <line x1={line.from.x} y1={line.from.y} x2={line.to.x} y2={line.to.y} strokeWidth={sw} />
          <Handle p={line.from} r={r} kind="cal" label="Calibration line, first end" testId="cal-line-from" disabled={p.readOnly} onDone={p.onDragEnd} onMove={onLineFrom} />
          <Handle p={line.to} r={r} kind="cal" label="Calibration line, second end" testId="cal-line-to" disabled={p.readOnly} onDone={p.onDragEnd} onMove={onLineTo} />
        </g>
      )}
      {p.pending && <circle className="im-pending" cx={p.pending.x} cy={p.pending.y} r={r} strokeWidth={sw} />}
    </>
  )
}
