// The radiograph on screen: the image painted at the current view and window (WebGL, or the
// canvas-2D fallback: use-image-painter.ts), an SVG overlay in image coordinates for the
// measurements, a loupe, and the navigation gestures (wheel zoom, drag to pan in "Move" mode,
// drag to window in "Window" mode).
import { useEffect, useRef, useState, type ReactNode, type PointerEvent as ReactPointerEvent } from 'react'
import type { Point } from '../../../../shared/imaging'
import { lutCacheFor, renderView } from '../../../../shared/imaging/render-view'
import type { WindowLevel } from '../../../../shared/imaging/window-level'
import { useImagePainter, type PaintedImage } from './use-image-painter'
import { toImage, visibleBox, zoomAt, type View } from './viewport'

export const VIEW_WIDTH = 760
export const VIEW_HEIGHT = 560
const LOUPE = 128
const LOUPE_ZOOM = 8

export interface ImageCanvasProps {
  image: PaintedImage | null
  wl: WindowLevel
  view: View
  onView: (v: View) => void
  mode: 'move' | 'window' | 'tool'
  /** Window drag: change of centre and width in rescaled units per screen pixel is decided by the parent. */
  onWindowDrag?: (dx: number, dy: number) => void
  /** A click (press and release without dragging) on the image in tool mode. */
  onImageClick?: (p: Point) => void
  children?: ReactNode
  label: string
}

export function ImageCanvas({ image, wl, view, onView, mode, onWindowDrag, onImageClick, children, label }: ImageCanvasProps) {
  const host = useRef<HTMLDivElement>(null)
  const loupe = useRef<HTMLCanvasElement>(null)
  const svg = useRef<SVGSVGElement>(null)
  const drag = useRef<{ x: number; y: number; moved: boolean; view: View } | null>(null)
  const [pointer, setPointer] = useState<Point | null>(null)
  const box = visibleBox(view, VIEW_WIDTH, VIEW_HEIGHT)

  const { kind: renderer, settled } = useImagePainter(host, image, view, wl, VIEW_WIDTH, VIEW_HEIGHT)

  // The loupe: the pixels around the pointer at 8×, drawn like the viewport (sharp squares).
  useEffect(() => {
    const ctx = loupe.current?.getContext('2d')
    if (!ctx || !image || !pointer) return
    const data = ctx.createImageData(LOUPE, LOUPE)
    renderView(image.header, image.samples, wl, { cx: pointer.x, cy: pointer.y, zoom: LOUPE_ZOOM }, LOUPE, LOUPE, new Uint32Array(data.data.buffer), lutCacheFor(image.samples))
    ctx.putImageData(data, 0, 0)
    ctx.strokeStyle = '#ff0'
    ctx.strokeRect(LOUPE / 2 - LOUPE_ZOOM / 2, LOUPE / 2 - LOUPE_ZOOM / 2, LOUPE_ZOOM, LOUPE_ZOOM)
  }, [image, wl, pointer])

  useEffect(() => {
    const el = svg.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      onView(zoomAt(view, VIEW_WIDTH, VIEW_HEIGHT, e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.25 : 0.8))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [view, onView])

  const screen = (e: ReactPointerEvent) => {
    const r = svg.current!.getBoundingClientRect()
    return { sx: ((e.clientX - r.left) * VIEW_WIDTH) / r.width, sy: ((e.clientY - r.top) * VIEW_HEIGHT) / r.height }
  }

  return (
    <div className="im-stage">
      <div className="im-viewport" style={{ width: VIEW_WIDTH, height: VIEW_HEIGHT }} data-renderer={renderer ?? undefined} data-renderer-settled={settled} data-testid="image-viewport">
        <div ref={host} className="im-paint" />
        <svg
          ref={svg}
          className={`im-overlay im-mode-${mode}`}
          data-testid="image-overlay"
          role="img"
          aria-label={label}
          width={VIEW_WIDTH}
          height={VIEW_HEIGHT}
          viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
          preserveAspectRatio="none"
          onPointerDown={(e) => {
            if (e.button !== 0 || (e.target as Element).closest('.im-handle')) return
            const { sx, sy } = screen(e)
            drag.current = { x: sx, y: sy, moved: false, view }
            e.currentTarget.setPointerCapture(e.pointerId)
          }}
          onPointerMove={(e) => {
            const { sx, sy } = screen(e)
            const p = toImage(view, VIEW_WIDTH, VIEW_HEIGHT, sx, sy)
            setPointer({ x: Math.round(p.x), y: Math.round(p.y) })
            const d = drag.current
            if (!d) return
            const dx = sx - d.x
            const dy = sy - d.y
            if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true
            if (!d.moved) return
            if (mode === 'move') onView({ ...d.view, cx: d.view.cx - dx / d.view.zoom, cy: d.view.cy - dy / d.view.zoom })
            if (mode === 'window' && onWindowDrag) {
              onWindowDrag(dx, dy)
              d.x = sx
              d.y = sy
            }
          }}
          onPointerUp={(e) => {
            const d = drag.current
            drag.current = null
            if (!d || d.moved) return
            const { sx, sy } = screen(e)
            if (onImageClick) onImageClick(toImage(view, VIEW_WIDTH, VIEW_HEIGHT, sx, sy))
          }}
          onPointerLeave={() => setPointer(null)}
        >
          {children}
        </svg>
      </div>
      <div className="im-loupe" aria-hidden="true">
        <canvas ref={loupe} width={LOUPE} height={LOUPE} />
        <span>{pointer ? `x ${pointer.x}, y ${pointer.y}` : 'Loupe (8×)'}</span>
      </div>
    </div>
  )
}
