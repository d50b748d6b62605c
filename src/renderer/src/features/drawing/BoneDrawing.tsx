// To-scale SVG drawing of the residual bone, implant, soft tissue and component stack. The
// SVG's user unit is one millimetre of the corrected (true-size) anatomy; a scale bar shows it.
// Used by the editor and by the printed summary (printMode: black on white, real size on paper
// when it fits, otherwise the scale is stated).
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import { memo } from 'react'
import { sameProps } from '../../components/same-value'
import { formatMmBeside, formatNumber, formatSize } from '../../../../shared/format'
import { layoutDrawing, type DrawingLayout, type LayoutOptions } from './drawing-geometry'
import { hatchPath } from './hatch'
import './drawing.css'

export interface BoneDrawingProps {
  plan: NormalizedCase
  result: PlanResult
  /** Print styling: black on white, no interactive affordances. */
  printMode?: boolean
  /** Print: the box (mm) the drawing must fit on paper; the stated scale is computed for it. */
  printBoxMm?: { w: number; h: number }
}

/** Largest drawing that fits a printed page's drawing area, in mm. */
const PRINT_MAX = { w: 170, h: 230 }
/** Smallest printed label: 8 pt = 2.82 mm, with a little room for rounding. */
export const PRINT_LABEL_MIN_MM = 2.9

const scaleFor = (L: DrawingLayout, box: { w: number; h: number }) => Math.min(1, box.w / L.viewBox.w, box.h / L.viewBox.h)

/**
 * The layout, and on paper the scale it prints at. Printed labels must be at least 8 pt: a
 * drawing scaled down to fit its box gets labels large enough in drawing units to print at that
 * size (the label column grows with them, so this settles in a few rounds).
 */
function fittedLayout(plan: NormalizedCase, result: PlanResult, text: LayoutOptions['text'], box: { w: number; h: number } | null) {
  let L = layoutDrawing(plan, result, { text })
  if (!box) return { L, scale: 1 }
  let scale = scaleFor(L, box)
  for (let round = 0; round < 8 && L.fontSize * scale < PRINT_LABEL_MIN_MM; round++) {
    L = layoutDrawing(plan, result, { text, fontSize: (PRINT_LABEL_MIN_MM / scale) * 1.02 })
    scale = scaleFor(L, box)
  }
  return { L, scale }
}

export function BoneDrawing({ plan, result, printMode, printBoxMm = PRINT_MAX }: BoneDrawingProps) {
  const text = {
    // Sizes exactly as the catalogue states them; the skin now beside its target (15.04, never 15).
    implant: result.implant ? `implant Ø ${formatNumber(result.implant.diameterMm, 3)} × ${formatSize(result.implant.lengthMm)}` : undefined,
    skinNow: `skin now (${formatMmBeside(result.softTissue.measuredMm, [result.softTissue.targetMm])})`,
    skinTarget: `skin at target (${formatSize(result.softTissue.plannedMm)})`
  }
  const { L, scale } = fittedLayout(plan, result, text, printMode ? printBoxMm : null)
  const implant = result.implant ? { diameterMm: result.implant.diameterMm, lengthMm: result.implant.lengthMm } : null
  return <DrawingFigure view={{ L, printMode: printMode === true, printScale: scale, bone: result.bone, implant, magnification: result.corrected.magnification }} />
}

/** Everything the figure shows: plain data, compared by value. */
interface DrawingView {
  L: DrawingLayout
  printMode: boolean
  printScale: number
  bone: string
  implant: { diameterMm: number; lengthMm: number } | null
  magnification: number
}

// The plan is new on every keystroke, the drawing seldom changes (a patient's weight does not move
// it): the SVG is rendered again only when what it draws has changed (issue #14).
const DrawingFigure = memo(
  function DrawingFigure({ view }: { view: DrawingView }) {
  const { L, printMode, printScale } = view
  const { viewBox: vb, fontSize: fs } = L
  const size = printMode ? { width: `${(vb.w * printScale).toFixed(1)}mm`, height: `${(vb.h * printScale).toFixed(1)}mm` } : {}
  const scaleText = printMode ? (printScale === 1 ? 'printed at 1:1' : `printed at 1:${formatNumber(1 / printScale, 2)}`) : 'to scale'
  // The envelope starts below the landmark (the proximal soft tissue is not drawn).
  const envTop = L.landmarkY + Math.min(20, -L.landmarkY * 0.3)
  const imp = view.implant
  const barY = vb.y + vb.h - fs * 1.5
  const barX = vb.x + 6
  return (
    <figure className={printMode ? 'bone-drawing print' : 'bone-drawing'}>
      <svg
        viewBox={`${vb.x} ${vb.y} ${vb.w} ${vb.h}`}
        {...size}
        role="img"
        aria-label={`To-scale drawing of the residual ${view.bone}${imp ? ` with a ${formatSize(imp.diameterMm)} by ${formatSize(imp.lengthMm)} implant` : ''}`}
        data-testid="bone-drawing"
        preserveAspectRatio="xMidYMin meet"
      >
        {/* soft-tissue envelope now (solid) and at target (dashed) */}
        <path
          className="bd-soft"
          d={`M ${-L.softNow.halfWidth} ${envTop} V ${L.softNow.y - L.softNow.halfWidth * 0.5} Q ${-L.softNow.halfWidth} ${L.softNow.y} 0 ${L.softNow.y} Q ${L.softNow.halfWidth} ${L.softNow.y} ${L.softNow.halfWidth} ${L.softNow.y - L.softNow.halfWidth * 0.5} V ${envTop}`}
        />
        {L.softTarget && (
          <path
            className="bd-soft-target"
            d={`M ${-L.softTarget.halfWidth} ${envTop} V ${L.softTarget.y - L.softTarget.halfWidth * 0.5} Q ${-L.softTarget.halfWidth} ${L.softTarget.y} 0 ${L.softTarget.y} Q ${L.softTarget.halfWidth} ${L.softTarget.y} ${L.softTarget.halfWidth} ${L.softTarget.y - L.softTarget.halfWidth * 0.5} V ${envTop}`}
          />
        )}
        {/* bone: unmeasured shaft, cortex, canal */}
        {L.shaftAbove && <rect className="bd-shaft" x={L.shaftAbove.x} y={L.shaftAbove.y} width={L.shaftAbove.w} height={L.shaftAbove.h} />}
        <polygon className="bd-cortex" points={L.periosteal} />
        <polygon className="bd-canal" points={L.endosteal} />
        {/* two planes: the lateral outline over the filled AP one */}
        {L.lateral && (
          <g data-testid="bone-drawing-lateral">
            <polygon className="bd-lateral" points={L.lateral.periosteal} />
            <polygon className="bd-lateral" points={L.lateral.endosteal} />
          </g>
        )}
        {/* prepared zone and implant */}
        {L.prepared && <path className="bd-hatch-line" d={hatchPath(L.prepared)} />}
        {L.prepared && <rect className="bd-prepared" x={L.prepared.x} y={L.prepared.y} width={L.prepared.w} height={L.prepared.h} />}
        {L.implant && <rect className="bd-implant" x={L.implant.x} y={L.implant.y} width={L.implant.w} height={L.implant.h} rx={Math.min(2, L.implant.w / 4)} />}
        {/* adapter through the stoma */}
        <rect className="bd-adapter" x={L.adapter.x} y={L.adapter.y} width={L.adapter.w} height={L.adapter.h} />
        <line className="bd-stoma" x1={L.adapter.x - 2} x2={L.adapter.x + L.adapter.w + 2} y1={L.softTarget?.y ?? L.softNow.y} y2={L.softTarget?.y ?? L.softNow.y} />
        {/* thin cortex stations */}
        {L.thinStations.map((s) => (
          <line key={s.index} className="bd-thin" x1={s.x1 - 1.5} x2={s.x2 + 1.5} y1={s.y} y2={s.y}>
            <title>{`thin cortex at station ${s.index + 1}`}</title>
          </line>
        ))}
        {/* landmark line across the bone */}
        <line className="bd-ref" x1={-L.halfWidth - 6} x2={L.halfWidth + 2} y1={L.landmarkY} y2={L.landmarkY} />
        {/* component stack in line under the stoma, down to the joint line */}
        {L.stack.map((s, i) => (
          <rect key={i} className="bd-component" x={s.box.x} y={s.box.y} width={s.box.w} height={s.box.h} />
        ))}
        {L.soundLevel && <line className="bd-sound" x1={vb.x} x2={L.labelX - 1} y1={L.soundLevel.y} y2={L.soundLevel.y} />}
        {/* every label in one column, a leader line to its point */}
        {L.labels.map((l) => (
          <g key={l.key}>
            <polyline className="bd-leader" points={`${l.anchor.x},${l.anchor.y} ${L.labelX - 1.5},${l.y - fs * 0.35} ${L.labelX - 0.5},${l.y - fs * 0.35}`} />
            <text className={`bd-label${l.className ? ` ${l.className}` : ''}`} x={L.labelX} y={l.y} fontSize={fs}>
              {l.text}
            </text>
          </g>
        ))}
        {/* scale bar */}
        <g className="bd-scale">
          <line x1={barX} x2={barX + L.scaleBarMm} y1={barY} y2={barY} />
          <line x1={barX} x2={barX} y1={barY - 2} y2={barY + 2} />
          <line x1={barX + L.scaleBarMm} x2={barX + L.scaleBarMm} y1={barY - 2} y2={barY + 2} />
          <text x={barX + L.scaleBarMm + 2} y={barY + fs * 0.35} fontSize={fs}>
            {`${L.scaleBarMm} mm`}
          </text>
        </g>
      </svg>
      <figcaption>
        Corrected for magnification ({formatNumber(view.magnification, 3)}×), {scaleText}.
        {L.lateral ? ' Bone outline through the measured stations: filled, AP plane; dotted lines, lateral plane.' : ' Bone outline through the measured stations.'} Solid outline: skin now; dashed: skin at target
        {L.thinStations.length > 0 ? '; red bars: thin cortex' : ''}.
      </figcaption>
    </figure>
  )
},
  sameProps
)
