// A point the surgeon drags (or moves with the arrow keys, one pixel a press, ten with Shift).
// Memoised: only a handle whose props change re-renders. The screen → image transform is read once
// when the drag starts (the view does not change during a drag), not on every pointer move. Moves
// are passed on once per animation frame, the latest of them (several pointer moves can come within
// one frame on a busy machine: each would be an edit, a plan and a render); the release passes on
// the last one before the drag ends.
import { memo, useEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent } from 'react'
import type { Point } from '../../../../shared/imaging'
import { frameCoalescer } from './frame-coalescer'

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

/** Screen → image coordinates of the handle's SVG, as it is now. */
function screenToImage(e: ReactPointerEvent<SVGElement>): DOMMatrix | null {
  const ctm = (e.currentTarget as SVGElement).ownerSVGElement?.getScreenCTM()
  return ctm ? ctm.inverse() : null
}

export const Handle = memo(function Handle({ p, r, label, kind, testId, disabled, onMove, onDone }: HandleProps) {
  const dragging = useRef<DOMMatrix | null>(null)
  const next = useRef<Point | null>(null)
  const latestMove = useRef(onMove)
  latestMove.current = onMove
  const frame = useMemo(
    () =>
      frameCoalescer(() => {
        const q = next.current
        next.current = null
        if (q) latestMove.current(q)
      }),
    []
  )
  useEffect(() => () => frame.cancel(), [frame])
  const release = () => {
    if (!dragging.current) return false
    dragging.current = null
    frame.flush()
    onDone?.()
    return true
  }
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
        dragging.current = screenToImage(e)
        if (dragging.current) e.currentTarget.setPointerCapture(e.pointerId)
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return
        const q = new DOMPoint(e.clientX, e.clientY).matrixTransform(dragging.current)
        next.current = { x: q.x, y: q.y }
        frame.request()
      }}
      onPointerUp={(e) => {
        if (release()) e.stopPropagation()
      }}
      // A drag the browser took away (pointer cancelled, capture lost) ends as a release does.
      onLostPointerCapture={release}
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
})
