// The radiograph drawn by WebGL: the stored samples are uploaded once as a texture (16-bit samples
// as two 8-bit channels, low byte in luminance and high byte in alpha, read with NEAREST so the
// bytes are never blended), and every frame is one quad: pan and zoom are the vertex transform,
// rescale, window/level and MONOCHROME1/invert happen in the fragment shader. Same picture as the
// canvas-2D path (shared/imaging/render-view.ts): sharp pixels from 2× up, bilinear below.
// No eval, no workers, no blob: it runs under the app's strict CSP.
// Built without blocking the page: the shaders compile in parallel where the browser can
// (KHR_parallel_shader_compile) and the texture is uploaded in strips of rows, one task each, so the
// first (canvas-2D) frame stays on screen and answers the pointer while the GPU view is built.
import type { ImageHeader } from '../../../../shared/imaging'
import { SHARP_FROM_ZOOM, type ViewGeometry } from '../../../../shared/imaging/render-view'
import type { WindowLevel } from '../../../../shared/imaging/window-level'
import { chooseWebGl, softwareWebGlForced, type Canvas2dReason } from './webgl-choice'

const VERTEX = `
attribute vec2 a_corner;
uniform vec2 u_size;
uniform vec2 u_origin;
uniform float u_zoom;
uniform vec2 u_viewport;
varying vec2 v_img;
void main() {
  // The quad covers the image from (-0.5, -0.5) to (columns - 0.5, rows - 0.5) in image coordinates.
  v_img = a_corner * u_size - 0.5;
  vec2 screen = (v_img - u_origin) * u_zoom;
  gl_Position = vec4(screen.x / u_viewport.x * 2.0 - 1.0, 1.0 - screen.y / u_viewport.y * 2.0, 0.0, 1.0);
}`

const FRAGMENT = `
precision highp float;
uniform sampler2D u_tex;
uniform vec2 u_size;
uniform float u_two;
uniform float u_signed;
uniform float u_mask;
uniform float u_slope;
uniform float u_intercept;
uniform float u_lo;
uniform float u_width;
uniform float u_invert;
uniform float u_sharp;
varying vec2 v_img;

float grayAt(vec2 i) {
  vec2 c = clamp(i, vec2(0.0), u_size - 1.0);
  vec4 t = texture2D(u_tex, (c + 0.5) / u_size);
  float raw = floor(t.r * 255.0 + 0.5);
  if (u_two > 0.5) raw += floor(t.a * 255.0 + 0.5) * 256.0;
  if (u_signed > 0.5) { if (raw >= 32768.0) raw -= 65536.0; }
  else raw = mod(raw, u_mask);
  float v = raw * u_slope + u_intercept;
  float g = clamp(floor((v - u_lo) / u_width * 255.0 + 0.5), 0.0, 255.0);
  return u_invert > 0.5 ? 255.0 - g : g;
}

void main() {
  float g;
  if (u_sharp > 0.5) g = grayAt(floor(v_img + 0.5));
  else {
    vec2 i0 = floor(v_img);
    vec2 f = v_img - i0;
    float top = mix(grayAt(i0), grayAt(i0 + vec2(1.0, 0.0)), f.x);
    float bottom = mix(grayAt(i0 + vec2(0.0, 1.0)), grayAt(i0 + vec2(1.0, 1.0)), f.x);
    g = floor(mix(top, bottom, f.y) + 0.5);
  }
  gl_FragColor = vec4(vec3(g / 255.0), 1.0);
}`

export interface GlView {
  readonly kind: 'webgl' | 'webgl2'
  /** `preview`: a frame within a gesture, drawn at half resolution (the canvas's drawing buffer
   *  halved, stretched by CSS) and nearest pixel below 2×: a quarter of the fragments, one texture
   *  read each instead of four, and a quarter of the pixels to hand to the compositor — what a
   *  software GPU (SwiftShader) and software compositing spend a frame on. The exact frame (full
   *  resolution) is drawn when the gesture is committed. */
  draw(view: ViewGeometry, wl: WindowLevel, preview?: boolean): void
  dispose(): void
}

type GL = WebGLRenderingContext | WebGL2RenderingContext

/** A preview's drawing buffer, per side, as a share of the full one. */
export const PREVIEW_SCALE = 0.5

/** Bytes uploaded per task (a few MB: small enough that a frame can come between two strips). */
const STRIP_BYTES = 2 * 2 ** 20

/** Lets the page run between two steps of the build (a frame, input); resolves to false when the
 *  build is no longer wanted. */
export type Pause = () => Promise<boolean>

const nextTask: Pause = () => new Promise((resolve) => setTimeout(() => resolve(true), 0))

/** The first WebGL context `canvas` gives (WebGL 2, else WebGL 1) with these attributes. */
function openContext(canvas: HTMLCanvasElement, attributes: WebGLContextAttributes): { gl: GL; kind: GlView['kind'] } | null {
  try {
    const gl2 = canvas.getContext('webgl2', attributes)
    if (gl2) return { gl: gl2, kind: 'webgl2' }
    const gl1 = canvas.getContext('webgl', attributes)
    return gl1 ? { gl: gl1, kind: 'webgl' } : null
  } catch {
    return null
  }
}

function rendererName(gl: GL): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))
}

/**
 * A WebGL view of the image on `canvas`, or why the caller keeps the canvas-2D path: WebGL is
 * unavailable, or software only (webgl-choice.ts; unless forced for tests), or cannot hold this
 * image (no high-precision fragment shader, larger than the largest texture, context lost), or the
 * build was abandoned (`pause` resolved false).
 */
export async function createGlView(canvas: HTMLCanvasElement, header: ImageHeader, pixels: ArrayBuffer, pause: Pause = nextTask): Promise<GlView | Canvas2dReason> {
  const attributes: WebGLContextAttributes = { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: false }
  const forceSoftware = softwareWebGlForced()
  // A refused context leaves the canvas free, so it can be asked again without the flag: that tells
  // "software only" from "no WebGL" (the canvas is thrown away when WebGL is not used).
  const fast = forceSoftware ? null : openContext(canvas, { ...attributes, failIfMajorPerformanceCaveat: true })
  const opened = fast ?? openContext(canvas, attributes)
  const choice = chooseWebGl({ withoutCaveat: fast !== null, any: opened !== null, renderer: opened ? rendererName(opened.gl) : null, forceSoftware })
  if (choice !== 'webgl') {
    opened?.gl.getExtension('WEBGL_lose_context')?.loseContext()
    return choice
  }
  const { gl, kind } = opened!
  const high = gl.getShaderPrecisionFormat(gl.FRAGMENT_SHADER, gl.HIGH_FLOAT)
  const maxSize = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number
  if (!high || high.precision < 23 || header.columns > maxSize || header.rows > maxSize) return 'webgl-failed'

  // Compile and link first (in parallel with the upload where the browser can); status read last.
  const shader = (type: number, source: string) => {
    const sh = gl.createShader(type)
    if (sh) (gl.shaderSource(sh, source), gl.compileShader(sh))
    return sh
  }
  const vs = shader(gl.VERTEX_SHADER, VERTEX)
  const fs = shader(gl.FRAGMENT_SHADER, FRAGMENT)
  const program = gl.createProgram()
  if (!vs || !fs || !program) return 'webgl-failed'
  gl.attachShader(program, vs)
  gl.attachShader(program, fs)
  gl.linkProgram(program)
  const parallel = gl.getExtension('KHR_parallel_shader_compile') as { COMPLETION_STATUS_KHR: number } | null

  // Decode once: the samples go to the GPU as they are stored (little endian), no conversion.
  const two = header.bitsAllocated === 16
  const texture = gl.createTexture()
  gl.activeTexture(gl.TEXTURE0)
  gl.bindTexture(gl.TEXTURE_2D, texture)
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1)
  for (const p of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER]) gl.texParameteri(gl.TEXTURE_2D, p, gl.NEAREST)
  for (const p of [gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T]) gl.texParameteri(gl.TEXTURE_2D, p, gl.CLAMP_TO_EDGE)
  const format = two ? gl.LUMINANCE_ALPHA : gl.LUMINANCE
  const rowBytes = header.columns * (two ? 2 : 1)
  gl.texImage2D(gl.TEXTURE_2D, 0, format, header.columns, header.rows, 0, format, gl.UNSIGNED_BYTE, null)
  const stripRows = Math.max(1, Math.floor(STRIP_BYTES / rowBytes))
  const abandon = () => {
    gl.deleteTexture(texture)
    gl.deleteProgram(program)
    gl.deleteShader(vs)
    gl.deleteShader(fs)
    return 'webgl-failed' as const
  }
  for (let y = 0; y < header.rows; y += stripRows) {
    if (!(await pause()) || gl.isContextLost()) return abandon()
    const n = Math.min(stripRows, header.rows - y)
    gl.bindTexture(gl.TEXTURE_2D, texture)
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, y, header.columns, n, format, gl.UNSIGNED_BYTE, new Uint8Array(pixels, y * rowBytes, n * rowBytes))
  }
  if (parallel) while (!gl.getProgramParameter(program, parallel.COMPLETION_STATUS_KHR)) if (!(await pause()) || gl.isContextLost()) return abandon()
  if (!gl.getShaderParameter(vs, gl.COMPILE_STATUS) || !gl.getShaderParameter(fs, gl.COMPILE_STATUS) || !gl.getProgramParameter(program, gl.LINK_STATUS)) return abandon()
  if (gl.getError() !== gl.NO_ERROR) return abandon()
  gl.useProgram(program)

  const corners = gl.createBuffer()
  gl.bindBuffer(gl.ARRAY_BUFFER, corners)
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW)
  const at = gl.getAttribLocation(program, 'a_corner')
  gl.enableVertexAttribArray(at)
  gl.vertexAttribPointer(at, 2, gl.FLOAT, false, 0, 0)

  const u = (name: string) => gl.getUniformLocation(program, name)
  const loc = {
    size: u('u_size'), origin: u('u_origin'), zoom: u('u_zoom'), viewport: u('u_viewport'), tex: u('u_tex'),
    two: u('u_two'), signed: u('u_signed'), mask: u('u_mask'), slope: u('u_slope'), intercept: u('u_intercept'),
    lo: u('u_lo'), width: u('u_width'), invert: u('u_invert'), sharp: u('u_sharp')
  }
  gl.uniform1i(loc.tex, 0)
  gl.uniform2f(loc.size, header.columns, header.rows)
  gl.uniform1f(loc.two, two ? 1 : 0)
  gl.uniform1f(loc.signed, header.signed && two ? 1 : 0)
  gl.uniform1f(loc.mask, 2 ** (header.bitsStored < header.bitsAllocated && !header.signed ? header.bitsStored : two ? 16 : 8))
  gl.uniform1f(loc.slope, header.rescaleSlope)
  gl.uniform1f(loc.intercept, header.rescaleIntercept)
  gl.clearColor(0, 0, 0, 1)
  const context = gl
  /** The drawing buffer's full size; a preview halves it (the element keeps its CSS size). */
  const full = { width: canvas.width, height: canvas.height }
  const scale = PREVIEW_SCALE

  return {
    kind,
    draw(view, wl, preview = false) {
      const g = context
      if (g.isContextLost()) return
      const w = preview ? Math.round(full.width * scale) : full.width
      const h = preview ? Math.round(full.height * scale) : full.height
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w
        canvas.height = h
      }
      // Screen pixels of the drawing buffer per image pixel.
      const zoom = (view.zoom * w) / full.width
      g.viewport(0, 0, w, h)
      g.clear(g.COLOR_BUFFER_BIT)
      g.uniform2f(loc.viewport, w, h)
      g.uniform2f(loc.origin, view.cx - w / (2 * zoom), view.cy - h / (2 * zoom))
      g.uniform1f(loc.zoom, zoom)
      g.uniform1f(loc.lo, wl.center - wl.width / 2)
      g.uniform1f(loc.width, wl.width)
      g.uniform1f(loc.invert, (header.photometric === 'MONOCHROME1') !== wl.invert ? 1 : 0)
      g.uniform1f(loc.sharp, preview || view.zoom >= SHARP_FROM_ZOOM ? 1 : 0)
      g.drawArrays(g.TRIANGLE_STRIP, 0, 4)
    },
    dispose() {
      context.deleteTexture(texture)
      context.deleteBuffer(corners)
      context.deleteProgram(program)
      context.deleteShader(vs)
      context.deleteShader(fs)
    }
  }
}
