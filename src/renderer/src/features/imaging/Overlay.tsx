// What is drawn over the radiograph, in image coordinates: the bone axis, the stations with their
// four edge handles, the skin point, the calibration line, the plan's implant at true size and a
// scale bar.
import { axisFrame, pointOnStation, sortedStations, trueScale, EDGE_NAMES, type Calibration, type CalibrationInput, type EdgeName, type ImageMarks, type PixelScale, type Point } from '../../../../shared/imaging'
import type { PlanResult } from '../../../../shared/result'
import { Handle } from './Handle'
import { visibleBox, type View } from './viewport'

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

const pts = (ps: (Point | null)[]) => ps.filter((p): p is Point => p !== null).map((p) => `${p.x},${p.y}`).join(' ')

function ImplantTemplate({ marks, scale, result, sw }: { marks: ImageMarks; scale: PixelScale; result: PlanResult; sw: number }) {
  const axis = marks.axis
  const implant = result.implant
  if (!axis || !implant) return null
  const m = result.corrected.magnification
  const d = (implant.diameterMm * m) / 2
  const r = (implant.preparedDiameterMm * m) / 2
  const len = implant.lengthMm * m
  const at = (z: number, off: number) => pointOnStation(axis, scale, z, off)
  const maxZ = implant.maxLengthMm * m
  const label = at(len + 4 * m, d + 2)
  return (
    <g className="im-implant" data-testid="implant-template" data-diameter={implant.diameterMm} data-length={implant.lengthMm}>
      <polygon points={pts([at(0, -d), at(len, -d), at(len, d), at(0, d)])} strokeWidth={sw} />
      <polyline className="im-prepared" points={pts([at(0, -r), at(len, -r)])} strokeWidth={sw} />
      <polyline className="im-prepared" points={pts([at(0, r), at(len, r)])} strokeWidth={sw} />
      <polyline className="im-tipmargin" points={pts([at(maxZ, -2 * d), at(maxZ, 2 * d)])} strokeWidth={sw} />
      {label && (
        <text x={label.x} y={label.y} fontSize={12 * sw}>
          {`${implant.systemName} Ø${implant.diameterMm} × ${implant.lengthMm} mm (true size)`}
        </text>
      )}
    </g>
  )
}

function ScaleBar({ calibration, result, viewBox, sw }: { calibration: Calibration; result: PlanResult | null; viewBox: OverlayProps['viewBox']; sw: number }) {
  const s = trueScale(calibration, result?.corrected.magnification ?? 1.15)
  const b = visibleBox(viewBox.view, viewBox.width, viewBox.height)
  const mm = b.w * s.colMm > 200 ? 50 : 10
  const px = mm / s.colMm
  const x = b.x + 16 * sw
  const y = b.y + b.h - 16 * sw
  return (
    <g className="im-scalebar" data-testid="scale-bar">
      <line x1={x} y1={y} x2={x + px} y2={y} strokeWidth={3 * sw} />
      <text x={x} y={y - 6 * sw} fontSize={12 * sw}>{`${mm} mm (true size) — ${calibration.label}`}</text>
    </g>
  )
}

export function Overlay(p: OverlayProps) {
  const sw = 1 / p.zoom
  const r = 6 / p.zoom
  const axis = p.marks.axis
  const frame = axis ? axisFrame(axis, p.scale) : null
  const line = p.calInput && (p.calInput.kind === 'marker' || p.calInput.kind === 'known-distance') && p.calInput.from && p.calInput.to ? p.calInput : null
  return (
    <>
      {p.result && p.calibration && <ImplantTemplate marks={p.marks} scale={p.scale} result={p.result} sw={sw} />}
      {axis && (
        <g className="im-axis">
          <line x1={axis.proximal.x} y1={axis.proximal.y} x2={axis.distal.x} y2={axis.distal.y} strokeWidth={sw} />
          <Handle p={axis.proximal} r={r} kind="axis" label="Proximal landmark" testId="axis-proximal" disabled={p.readOnly} onDone={p.onDragEnd} onMove={(q) => p.onAxis('proximal', q)} />
          <Handle p={axis.distal} r={r} kind="axis" label="Distal bone end" testId="axis-distal" disabled={p.readOnly} onDone={p.onDragEnd} onMove={(q) => p.onAxis('distal', q)} />
        </g>
      )}
      {axis &&
        frame &&
        sortedStations(p.marks).map((st, i) => {
          const z = st.t * frame.lengthMm
          const a = pointOnStation(axis, p.scale, z, -p.stationHalfWidthMm)
          const b = pointOnStation(axis, p.scale, z, p.stationHalfWidthMm)
          return (
            <g key={st.id} className={`im-station ${st.accepted ? 'im-accepted' : 'im-suggested'}`} data-testid={`station-${i + 1}`}>
              {a && b && <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={sw} />}
              {EDGE_NAMES.map((name) => {
                const q = st.edges[name]
                return q ? <Handle key={name} p={q} r={r * 0.8} kind={name.startsWith('endo') ? 'endo' : 'peri'} label={`Station ${i + 1} — ${EDGE_TEXT[name]}`} testId={`edge-${i + 1}-${name}`} disabled={p.readOnly} onDone={p.onDragEnd} onMove={(v) => p.onEdge(st.id, name, v)} /> : null
              })}
            </g>
          )
        })}
      {p.marks.skin && (
        <g className="im-skin">
          {axis && <line x1={axis.distal.x} y1={axis.distal.y} x2={p.marks.skin.x} y2={p.marks.skin.y} strokeWidth={sw} strokeDasharray={`${4 * sw} ${3 * sw}`} />}
          <Handle p={p.marks.skin} r={r} kind="skin" label="Skin surface" testId="skin-point" disabled={p.readOnly} onDone={p.onDragEnd} onMove={p.onSkin} />
        </g>
      )}
      {line && (
        <g className="im-calline">
          <line x1={line.from.x} y1={line.from.y} x2={line.to.x} y2={line.to.y} strokeWidth={sw} />
          <Handle p={line.from} r={r} kind="cal" label="Calibration line, first end" testId="cal-line-from" disabled={p.readOnly} onDone={p.onDragEnd} onMove={(q) => p.onLine('from', q)} />
          <Handle p={line.to} r={r} kind="cal" label="Calibration line, second end" testId="cal-line-to" disabled={p.readOnly} onDone={p.onDragEnd} onMove={(q) => p.onLine('to', q)} />
        </g>
      )}
      {p.pending && <circle className="im-pending" cx={p.pending.x} cy={p.pending.y} r={r} strokeWidth={sw} />}
      {p.calibration && <ScaleBar calibration={p.calibration} result={p.result} viewBox={p.viewBox} sw={sw} />}
    </>
  )
}
