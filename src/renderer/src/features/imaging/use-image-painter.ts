// Paints the radiograph into the viewport: WebGL when the browser has it on a GPU (gl-view.ts;
// webgl-choice.ts: a software-only WebGL is slower than canvas 2D), otherwise
// the canvas-2D path that draws only the visible pixels (shared/imaging/render-view.ts). Either way
// the image is decoded once. A committed view or window (React state) is painted exactly in the
// frame of its commit; within a gesture the viewer paints previews from its frame callback
// (`paintLive`, no React render), and the gesture's end commits and paints exactly.
// Opening: the first frame is always the canvas-2D one (its cost is the viewport's pixels, not the
// image's), so the image shows without waiting for the WebGL shaders and the whole-image texture
// upload; once that frame is on screen the WebGL view is built and takes the canvas's place.
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { ImageHeader } from '../../../../shared/imaging'
import { lutCacheFor, renderView, type ViewGeometry } from '../../../../shared/imaging/render-view'
import type { WindowLevel } from '../../../../shared/imaging/window-level'
import { createGlView } from './gl-view'
import { markOpen } from './open-marks'
import { afterNextPaint } from '../../when-idle'
import { needsPaint, type Drawn } from './viewport'
import type { Canvas2dReason } from './webgl-choice'

export type RendererKind = 'webgl2' | 'webgl' | '2d'

export interface PaintedImage {
  header: ImageHeader
  pixels: ArrayBuffer
  samples: Uint8Array | Uint16Array | Int16Array
}

interface Painter {
  kind: RendererKind
  paint(view: ViewGeometry, wl: WindowLevel, preview: boolean): void
  dispose(): void
}

function canvas2dPainter(canvas: HTMLCanvasElement, image: PaintedImage): Painter | null {
  const ctx = canvas.getContext('2d', { alpha: false })
  if (!ctx) return null
  const data = ctx.createImageData(canvas.width, canvas.height)
  const out = new Uint32Array(data.data.buffer)
  const lut = lutCacheFor(image.samples)
  return {
    kind: '2d',
    paint(view, wl, preview) {
      renderView(image.header, image.samples, wl, view, canvas.width, canvas.height, out, lut, preview)
      ctx.putImageData(data, 0, 0)
    },
    dispose() {}
  }
}

function makeCanvas(host: HTMLElement, width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  c.setAttribute('aria-hidden', 'true')
  host.appendChild(c)
  return c
}

/**
 * Keeps a canvas in `host` showing `image` at `view` and `wl`: canvas 2D at first, then WebGL when
 * it is on a GPU and can hold the image. A canvas that WebGL has claimed cannot give a 2D context,
 * so each path has its own. `settled`: false while the WebGL view is still being built; `why`: why
 * canvas 2D stayed.
 */
export function useImagePainter(
  host: React.RefObject<HTMLDivElement | null>,
  image: PaintedImage | null,
  view: ViewGeometry,
  wl: WindowLevel,
  width: number,
  height: number
): { kind: RendererKind | null; why: Canvas2dReason | null; settled: boolean; paintLive: (view: ViewGeometry, wl: WindowLevel) => void } {
  const painter = useRef<Painter | null>(null)
  const [kind, setKind] = useState<RendererKind | null>(null)
  const [settled, setSettled] = useState(false)
  const [why, setWhy] = useState<Canvas2dReason | null>(null)
  // The latest view and window, for a painter created after they were set.
  const latest = useRef({ view, wl })
  latest.current = { view, wl }
  /** What the current painter last drew (a commit of what is on screen already does not paint
   *  again; a preview is painted again exactly where it differs: needsPaint). */
  const drawn = useRef<Drawn | null>(null)

  useLayoutEffect(() => {
    const el = host.current
    if (!el || !image) return
    let cancelled = false
    const flat = makeCanvas(el, width, height)
    let canvas = flat
    let p = canvas2dPainter(flat, image)
    const paint = () => {
      drawn.current = { ...latest.current, preview: false }
      p?.paint(latest.current.view, latest.current.wl, false)
    }
    painter.current = p
    paint()
    markOpen('shown')
    setKind(p?.kind ?? null)
    setSettled(false)
    setWhy(null)
    const lost = (e: Event) => e.preventDefault()
    void afterNextPaint().then(async () => {
      if (cancelled) return
      const glCanvas = document.createElement('canvas')
      glCanvas.width = width
      glCanvas.height = height
      glCanvas.setAttribute('aria-hidden', 'true')
      const gl = await createGlView(glCanvas, image.header, image.pixels, () => new Promise((resolve) => setTimeout(() => resolve(!cancelled), 0)))
      if (cancelled) {
        if (typeof gl !== 'string') gl.dispose()
        return
      }
      if (typeof gl !== 'string') {
        glCanvas.addEventListener('webglcontextlost', lost)
        el.replaceChild(glCanvas, flat)
        canvas = glCanvas
        p = { kind: gl.kind, paint: (v, w, preview) => gl.draw(v, w, preview), dispose: () => gl.dispose() }
        painter.current = p
        paint()
        markOpen('gpu')
        setKind(gl.kind)
      } else setWhy(gl)
      setSettled(true)
    })
    return () => {
      cancelled = true
      canvas.removeEventListener('webglcontextlost', lost)
      p?.dispose()
      canvas.remove()
      painter.current = null
      drawn.current = null
    }
  }, [host, image, width, height])

  useLayoutEffect(() => {
    const p = painter.current
    if (!p) return
    if (drawn.current && !needsPaint(drawn.current, view, wl)) return
    drawn.current = { view, wl, preview: false }
    p.paint(view, wl, false)
  }, [view, wl, kind])

  const paintLive = useCallback((v: ViewGeometry, w: WindowLevel) => {
    const p = painter.current
    if (!p) return
    drawn.current = { view: v, wl: w, preview: true }
    p.paint(v, w, true)
  }, [])

  return { kind, why, settled, paintLive }
}
