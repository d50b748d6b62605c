// A point the surgeon drags (or moves with the arrow keys, one pixel a press, ten with Shift).
import { useRef, type PointerEvent as ReactPointerEvent } from 'react'
import type { Point } from '../../../../shared/imaging'

export interface HandleProps {
  p: Point
  /** Radius in image pixels (the parent scales it with the zoom). */
  r: number
  label: string
  kind: string
  testId?: string
  disabled?: boolean
  onMove: (p: Point) => void
  onDone?: () => void
}

function imagePoint(e: ReactPointerEvent<SVGElement>): Point | null {
  const svg = (e.currentTarget as SVGElement).ownerSVGElement
  const ctm = svg?.getScreenCTM()
  if (!svg || !ctm) return null
  const q = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse())
  return { x: q.x, y: q.y }
}

export function Handle({ p, r, label, kind, testId, disabled, onMove, onDone }: HandleProps) {
  const dragging = useRef(false)
  return (
    <circle
      className={`im-handle im-handle-${kind}`}
      cx={p.x}
      cy={p.y}
      r={r}
      tabIndex={disabled ? -1 : 0}
      role="button"
      aria-label={`${label} at x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)}`}
      data-testid={testId}
      data-x={p.x}
      data-y={p.y}
      onPointerDown={(e) => {
        if (disabled || e.button !== 0) return
        e.stopPropagation()
        dragging.current = true
        e.currentTarget.setPointerCapture(e.pointerId)
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return
        const q = imagePoint(e)
        if (q) onMove(q)
      }}
      onPointerUp={(e) => {
        if (!dragging.current) return
        e.stopPropagation()
        dragging.current = false
        onDone?.()
      }}
      onKeyDown={(e) => {
        if (disabled) return
        const step = e.shiftKey ? 10 : 1
        const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key]
        if (!d) return
        e.preventDefault()
        onMove({ x: p.x + d[0]!, y: p.y + d[1]! })
        onDone?.()
      }}
    />
  )
}
