// Paints the radiograph into the viewport: WebGL when the browser has it (gl-view.ts), otherwise
// the canvas-2D path that draws only the visible pixels (shared/imaging/render-view.ts). Either way
// the image is decoded once; a pan, a zoom or a window change is one paint of the viewport, done
// in the same frame as the React commit that asked for it.
import { useLayoutEffect, useRef, useState } from 'react'
import type { ImageHeader } from '../../../../shared/imaging'
import { renderView, type ViewGeometry } from '../../../../shared/imaging/render-view'
import type { WindowLevel } from '../../../../shared/imaging/window-level'
import { createGlView, type GlView } from './gl-view'

export type RendererKind = 'webgl2' | 'webgl' | '2d'

export interface PaintedImage {
  header: ImageHeader
  pixels: ArrayBuffer
  samples: Uint8Array | Uint16Array | Int16Array
}

/** Marked after the first paint of an image (the browser bench times open → shown with it). */
export const IMAGE_SHOWN_MARK = 'osseo:image-shown'

interface Painter {
  kind: RendererKind
  paint(view: ViewGeometry, wl: WindowLevel): void
  dispose(): void
}

function canvas2dPainter(canvas: HTMLCanvasElement, image: PaintedImage): Painter | null {
  const ctx = canvas.getContext('2d', { alpha: false })
  if (!ctx) return null
  const data = ctx.createImageData(canvas.width, canvas.height)
  const out = new Uint32Array(data.data.buffer)
  const lut = { key: '', value: null as never }
  return {
    kind: '2d',
    paint(view, wl) {
      renderView(image.header, image.samples, wl, view, canvas.width, canvas.height, out, lut)
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
 * Keeps a canvas in `host` showing `image` at `view` and `wl`. A canvas that WebGL has claimed
 * cannot give a 2D context, so the fallback gets a fresh one.
 */
export function useImagePainter(host: React.RefObject<HTMLDivElement | null>, image: PaintedImage | null, view: ViewGeometry, wl: WindowLevel, width: number, height: number): RendererKind | null {
  const painter = useRef<Painter | null>(null)
  const [kind, setKind] = useState<RendererKind | null>(null)
  const shown = useRef(false)
  // The latest view and window, for a painter created after they were set.
  const latest = useRef({ view, wl })
  latest.current = { view, wl }

  useLayoutEffect(() => {
    const el = host.current
    if (!el || !image) return
    let p: Painter | null = null
    let canvas = makeCanvas(el, width, height)
    const gl: GlView | null = createGlView(canvas, image.header, image.pixels)
    if (gl) p = { kind: gl.kind, paint: (v, w) => gl.draw(v, w), dispose: () => gl.dispose() }
    else {
      canvas.remove()
      canvas = makeCanvas(el, width, height)
      p = canvas2dPainter(canvas, image)
    }
    painter.current = p
    shown.current = false
    p?.paint(latest.current.view, latest.current.wl)
    setKind(p?.kind ?? null)
    const lost = (e: Event) => e.preventDefault()
    canvas.addEventListener('webglcontextlost', lost)
    return () => {
      canvas.removeEventListener('webglcontextlost', lost)
      p?.dispose()
      canvas.remove()
      painter.current = null
    }
  }, [host, image, width, height])

  useLayoutEffect(() => {
    const p = painter.current
    if (!p) return
    p.paint(view, wl)
    if (!shown.current) {
      shown.current = true
      performance.clearMarks(IMAGE_SHOWN_MARK)
      performance.mark(IMAGE_SHOWN_MARK)
    }
  }, [view, wl, kind])

  return kind
}
