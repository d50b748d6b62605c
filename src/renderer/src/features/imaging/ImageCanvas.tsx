// The radiograph on screen: the image painted at the current view and window (WebGL, or the
// canvas-2D fallback: use-image-painter.ts), an SVG overlay in image coordinates for the
// measurements, a loupe, and the navigation gestures (wheel zoom, drag to pan in "Move" mode,
// drag to window in "Window" mode).
// Gestures run outside React: each pointer move or wheel step only updates the gesture's view or
// window (a ref); once per animation frame the image is painted from it (a preview: use-image-
// painter.ts), the overlay's viewBox set and the loupe drawn; the result is committed to the
// parent's state once, when the drag ends or the wheel has been still for WHEEL_SETTLE_MS. A
// React render per pointer move cost more than a frame on the shared machines (issue #15).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode, type PointerEvent as ReactPointerEvent } from 'react'
import type { Point } from '../../../../shared/imaging'
import { lutCacheFor, renderView } from '../../../../shared/imaging/render-view'
import type { WindowLevel } from '../../../../shared/imaging/window-level'
import { frameCoalescer } from './frame-coalescer'
import { useImagePainter, type PaintedImage } from './use-image-painter'
import { panBy, sameWindow, toImage, visibleBox, windowDragStep, zoomAt, type View } from './viewport'

export const VIEW_WIDTH = 760
export const VIEW_HEIGHT = 560
const LOUPE = 128
const LOUPE_ZOOM = 8
/** A wheel zoom is committed (exact frame, overlay re-drawn at the new zoom) once the wheel has
 *  been still this long; a press on the image commits it at once. */
export const WHEEL_SETTLE_MS = 150

const viewBoxOf = (v: View) => {
  const b = visibleBox(v, VIEW_WIDTH, VIEW_HEIGHT)
  return `${b.x} ${b.y} ${b.w} ${b.h}`
}

export interface ImageCanvasProps {
  image: PaintedImage | null
  wl: WindowLevel
  view: View
  /** The view a gesture (pan, wheel zoom) ends with. */
  onView: (v: View) => void
  /** The window a window drag ends with. */
  onWindow?: (w: WindowLevel) => void
  mode: 'move' | 'window' | 'tool'
  /** A click (press and release without dragging) on the image in tool mode. */
  onImageClick?: (p: Point) => void
  children?: ReactNode
  label: string
}

export function ImageCanvas({ image, wl, view, onView, onWindow, mode, onImageClick, children, label }: ImageCanvasProps) {
  const host = useRef<HTMLDivElement>(null)
  const viewport = useRef<HTMLDivElement>(null)
  const loupe = useRef<HTMLCanvasElement>(null)
  const loupeText = useRef<HTMLSpanElement>(null)
  const svg = useRef<SVGSVGElement>(null)
  const drag = useRef<{ x: number; y: number; moved: boolean; view: View } | null>(null)
  /** What the screen shows: the committed view and window, or a gesture's until it is committed. */
  const live = useRef({ view, wl })
  const pointer = useRef<Point | null>(null)
  const wheelTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const box = visibleBox(view, VIEW_WIDTH, VIEW_HEIGHT)

  const { kind: renderer, why: rendererWhy, settled, paintLive } = useImagePainter(host, image, view, wl, VIEW_WIDTH, VIEW_HEIGHT)

  // The loupe: the pixels around the pointer at 8×, drawn like the viewport (sharp squares); drawn
  // again only when the pointer is over another pixel or the window changed.
  const loupeShows = useRef<{ p: Point; wl: WindowLevel } | null>(null)
  const drawLoupe = useCallback(() => {
    const p = pointer.current
    const w = live.current.wl
    const was = loupeShows.current
    if (p && was && was.p.x === p.x && was.p.y === p.y && sameWindow(was.wl, w)) return
    if (loupeText.current) loupeText.current.textContent = p ? `x ${p.x}, y ${p.y}` : 'Loupe (8×)'
    const ctx = loupe.current?.getContext('2d')
    if (!ctx || !image || !p) return
    loupeShows.current = { p, wl: w }
    const data = ctx.createImageData(LOUPE, LOUPE)
    renderView(image.header, image.samples, w, { cx: p.x, cy: p.y, zoom: LOUPE_ZOOM }, LOUPE, LOUPE, new Uint32Array(data.data.buffer), lutCacheFor(image.samples))
    ctx.putImageData(data, 0, 0)
    ctx.strokeStyle = '#ff0'
    ctx.strokeRect(LOUPE / 2 - LOUPE_ZOOM / 2, LOUPE / 2 - LOUPE_ZOOM / 2, LOUPE_ZOOM, LOUPE_ZOOM)
  }, [image])
  useLayoutEffect(() => void (loupeShows.current = null), [image])

  /** What the last frame showed of a gesture (a frame with only a pointer move paints no image). */
  const shown = useRef({ view, wl })
  const frame = useMemo(
    () =>
      frameCoalescer(() => {
        const { view: v, wl: w } = live.current
        if (v !== shown.current.view || w !== shown.current.wl) {
          paintLive(v, w)
          viewport.current?.setAttribute('data-live', 'true')
          if (v !== shown.current.view) svg.current?.setAttribute('viewBox', viewBoxOf(v))
          shown.current = { view: v, wl: w }
        }
        drawLoupe()
      }),
    [paintLive, drawLoupe]
  )
  useEffect(() => () => frame.cancel(), [frame])
  // WebGL taking over from the first (canvas-2D) frame paints the committed view: a gesture under
  // way is painted again in the next frame (on a change of painter only).
  useLayoutEffect(() => {
    shown.current = { view, wl }
    frame.request()
  }, [renderer, frame])

  // A committed view or window (a gesture's end, a button, a key) is what the screen shows now:
  // the painter has painted it exactly and React has set the viewBox. (data-live: a gesture's
  // preview is on screen, not yet committed.)
  useLayoutEffect(() => {
    viewport.current?.removeAttribute('data-live')
    live.current = { view, wl }
    shown.current = { view, wl }
    frame.cancel()
    drawLoupe()
  }, [view, wl, frame, drawLoupe])

  const commitWheel = useCallback(() => {
    if (wheelTimer.current === null) return
    clearTimeout(wheelTimer.current)
    wheelTimer.current = null
    frame.flush()
    onView(live.current.view)
  }, [onView, frame])
  useEffect(() => () => void (wheelTimer.current !== null && clearTimeout(wheelTimer.current)), [])

  useEffect(() => {
    const el = svg.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      live.current = { ...live.current, view: zoomAt(live.current.view, VIEW_WIDTH, VIEW_HEIGHT, e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.25 : 0.8) }
      frame.request()
      if (wheelTimer.current !== null) clearTimeout(wheelTimer.current)
      wheelTimer.current = setTimeout(commitWheel, WHEEL_SETTLE_MS)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [frame, commitWheel])

  const screen = (e: ReactPointerEvent) => {
    const r = svg.current!.getBoundingClientRect()
    return { sx: ((e.clientX - r.left) * VIEW_WIDTH) / r.width, sy: ((e.clientY - r.top) * VIEW_HEIGHT) / r.height }
  }

  return (
    <div className="im-stage">
      <div ref={viewport} className="im-viewport" style={{ width: VIEW_WIDTH, height: VIEW_HEIGHT }} data-renderer={renderer ?? undefined} data-renderer-why={rendererWhy ?? undefined} data-renderer-settled={settled} data-testid="image-viewport">
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
          // A press anywhere (a handle too) first commits a wheel zoom still settling: handles and
          // clicks then work in the view on screen.
          onPointerDownCapture={commitWheel}
          onPointerDown={(e) => {
            if (e.button !== 0 || (e.target as Element).closest('.im-handle')) return
            const { sx, sy } = screen(e)
            drag.current = { x: sx, y: sy, moved: false, view: live.current.view }
            e.currentTarget.setPointerCapture(e.pointerId)
          }}
          onPointerMove={(e) => {
            const { sx, sy } = screen(e)
            const p = toImage(live.current.view, VIEW_WIDTH, VIEW_HEIGHT, sx, sy)
            pointer.current = { x: Math.round(p.x), y: Math.round(p.y) }
            frame.request()
            const d = drag.current
            if (!d) return
            const dx = sx - d.x
            const dy = sy - d.y
            if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true
            if (!d.moved) return
            if (mode === 'move') live.current = { ...live.current, view: panBy(d.view, dx, dy) }
            if (mode === 'window' && onWindow) {
              live.current = { ...live.current, wl: windowDragStep(live.current.wl, dx, dy) }
              d.x = sx
              d.y = sy
            }
          }}
          onPointerUp={(e) => {
            const d = drag.current
            drag.current = null
            if (!d) return
            if (d.moved) {
              if (mode === 'move' && live.current.view !== view) onView(live.current.view)
              if (mode === 'window' && onWindow && live.current.wl !== wl) onWindow(live.current.wl)
              return
            }
            const { sx, sy } = screen(e)
            if (onImageClick) onImageClick(toImage(live.current.view, VIEW_WIDTH, VIEW_HEIGHT, sx, sy))
          }}
          onLostPointerCapture={() => {
            // A drag the browser took away ends as a release does.
            const d = drag.current
            if (!d?.moved) return
            drag.current = null
            if (mode === 'move' && live.current.view !== view) onView(live.current.view)
            if (mode === 'window' && onWindow && live.current.wl !== wl) onWindow(live.current.wl)
          }}
          onPointerLeave={() => {
            pointer.current = null
            frame.request()
          }}
        >
          {children}
        </svg>
      </div>
      <div className="im-loupe" aria-hidden="true">
        <canvas ref={loupe} width={LOUPE} height={LOUPE} />
        <span ref={loupeText}>Loupe (8×)</span>
      </div>
    </div>
  )
}
