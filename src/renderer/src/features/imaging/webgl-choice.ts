// Whether the radiograph viewer should paint with WebGL or stay on canvas 2D. A software WebGL
// (SwiftShader, llvmpipe, …: the GPU is missing or blocklisted) is slower here than the canvas-2D
// path, which draws only the viewport's pixels on the CPU directly (docs/performance.md, #15).
// The standard signal is `failIfMajorPerformanceCaveat`: the browser refuses such a context. Chromium
// started with --disable-gpu still gives SwiftShader under it, so the renderer's name is checked too.

/** Why the viewer stays on canvas 2D (shown as the viewport's `data-renderer-why`). */
export type Canvas2dReason = 'software-webgl' | 'no-webgl' | 'webgl-failed'

/** Set on `window` before the app loads (tests and the benchmark only, through Playwright's
 *  addInitScript): keeps a software WebGL, so that path stays tested and measured. No UI sets it. */
export const FORCE_SOFTWARE_WEBGL = '__osseoplanForceSoftwareWebGl'

export function softwareWebGlForced(): boolean {
  return typeof window !== 'undefined' && (window as unknown as Record<string, unknown>)[FORCE_SOFTWARE_WEBGL] === true
}

/** Renderer names of software rasterisers (Chromium, Firefox, Mesa, Windows, macOS). */
const SOFTWARE_RENDERER = /SwiftShader|llvmpipe|softpipe|lavapipe|Software Rasterizer|Microsoft Basic Render Driver|Apple Software Renderer/i

export function isSoftwareRenderer(name: string | null): boolean {
  return name !== null && SOFTWARE_RENDERER.test(name)
}

export interface WebGlProbe {
  /** A context was given with failIfMajorPerformanceCaveat (false: refused, or not asked when forced). */
  withoutCaveat: boolean
  /** A context was given at all (with or without the caveat flag). */
  any: boolean
  /** The context's renderer name (unmasked where the browser tells it), null without a context. */
  renderer: string | null
  /** Software WebGL is wanted (FORCE_SOFTWARE_WEBGL). */
  forceSoftware: boolean
}

export function chooseWebGl(p: WebGlProbe): 'webgl' | Canvas2dReason {
  if (!p.any) return 'no-webgl'
  if (p.forceSoftware) return 'webgl'
  if (!p.withoutCaveat || isSoftwareRenderer(p.renderer)) return 'software-webgl'
  return 'webgl'
}
