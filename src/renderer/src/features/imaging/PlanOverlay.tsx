// The plan over the radiograph on screen (implant at true size, prepared canal, tip margin,
// resection level, soft-tissue target, the neighbouring sizes on demand) and the scale bar with
// the calibration named: drawn from the same scene as the printout (shared/imaging/annotations.ts).
import { memo, useMemo } from 'react'
import { annotationScene, ANNOTATION_COLORS, PLAN_ROLES, type Calibration, type ImageMarks, type PixelScale } from '../../../../shared/imaging'
import type { PlanResult } from '../../../../shared/result'
import { visibleBox, type View } from './viewport'

export interface PlanOverlayProps {
  marks: ImageMarks
  scale: PixelScale
  calibration: Calibration | null
  result: PlanResult | null
  neighbours: boolean
  zoom: number
  viewBox: { view: View; width: number; height: number }
}

/** The plan's marks, memoised apart from the scale bar: a pan (same zoom) draws the same scene. */
export const PlanOverlay = memo(function PlanOverlay(p: PlanOverlayProps) {
  const sw = 1 / p.zoom
  const b = visibleBox(p.viewBox.view, p.viewBox.width, p.viewBox.height)
  const scene = useMemo(
    () => annotationScene({ marks: p.marks, scale: p.scale, calibration: p.calibration, result: p.result, neighbours: p.neighbours, barWidthPx: b.w }),
    [p.marks, p.scale, p.calibration, p.result, p.neighbours, b.w]
  )
  const plan = scene.marks.filter((m) => PLAN_ROLES.has(m.role))
  const implant = p.result?.implant
  const dash = `${4 * sw} ${3 * sw}`
  return (
    <>
      {plan.length > 0 && (
        <g className="im-plan" data-testid="implant-template" data-diameter={implant?.diameterMm} data-length={implant?.lengthMm} data-neighbours={p.neighbours ? 'shown' : 'hidden'}>
          {plan.map((m, i) => {
            const color = ANNOTATION_COLORS[m.role]
            const key = `${m.role}-${i}`
            if (m.kind === 'label')
              return (
                <text key={key} x={m.at.x} y={m.at.y} fontSize={12 * sw} fill={color} data-role={m.role}>
                  {m.text}
                </text>
              )
            if (m.kind === 'dot') return <circle key={key} cx={m.at.x} cy={m.at.y} r={3 * sw} fill={color} />
            if (m.kind === 'line')
              return <line key={key} x1={m.a.x} y1={m.a.y} x2={m.b.x} y2={m.b.y} stroke={color} strokeWidth={1.5 * sw} strokeDasharray={m.dashed ? dash : undefined} data-role={m.role} />
            return (
              <polygon
                key={key}
                points={m.points.map((q) => `${q.x},${q.y}`).join(' ')}
                stroke={color}
                fill={m.role === 'implant' ? 'rgba(255, 80, 80, 0.18)' : 'none'}
                strokeWidth={1.5 * sw}
                strokeDasharray={m.dashed ? dash : undefined}
                data-role={m.role}
              />
            )
          })}
        </g>
      )}
      {scene.scaleBar && (
        <g className="im-scalebar" data-testid="scale-bar">
          <line x1={b.x + 16 * sw} y1={b.y + b.h - 16 * sw} x2={b.x + 16 * sw + scene.scaleBar.px} y2={b.y + b.h - 16 * sw} strokeWidth={3 * sw} />
          <text x={b.x + 16 * sw} y={b.y + b.h - 22 * sw} fontSize={12 * sw}>{`${scene.scaleBar.text} — ${scene.calibrationText}`}</text>
        </g>
      )}
    </>
  )
})
