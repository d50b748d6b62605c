// The plan summary is set in its own bundled face, OsseoPlan Sans (fonts/README.md): a subset of
// DejaVu Sans, regular and bold, about 130 kB each once decoded. A printed PDF carries every face
// it uses, and Chromium copies and subsets each one from the whole font file on every print; the
// system's UI font (DejaVu Sans here, Segoe UI or SF on surgeons' machines) is 0.7 MB to several MB
// per face (docs/performance.md). The summary is shown once both faces are loaded, so neither the
// sheet nor a print made at once falls back to another face.
//
// The faces are added from script (the FontFace API), not by @font-face rules in print.css: a print
// switches the page to print media, which rebuilds the rules of every style sheet with an @media
// rule, and Chromium reloads the faces of a rebuilt sheet's @font-face rules — every printed word
// was shaped again on every print (docs/performance.md, "Summary PDF: the faces outside the
// style sheet"). Faces added from script are not tied to a sheet and stay.
import regularUrl from './fonts/osseoplan-sans-400.woff2?url'
import boldUrl from './fonts/osseoplan-sans-700.woff2?url'

export const SUMMARY_FONT_FAMILY = 'OsseoPlan Sans'

/** One face to add: its weight and where its file is. */
export interface FaceSource {
  weight: '400' | '700'
  url: string
}

export const SUMMARY_FACES: readonly FaceSource[] = [
  { weight: '400', url: regularUrl },
  { weight: '700', url: boldUrl }
]

/** A loaded or loading face (FontFace, or a plain object in unit tests). */
export interface LoadableFace {
  load(): Promise<unknown>
}

/** Where faces are added (the document's FontFaceSet) and how one is made (the FontFace constructor). */
export interface FontRegistry {
  fonts: { add(face: never): unknown }
  makeFace(family: string, source: string, weight: string): LoadableFace
}

function documentRegistry(): FontRegistry | null {
  const fonts = globalThis.document?.fonts
  if (!fonts || typeof FontFace === 'undefined') return null
  // font-display: block, as the summary is only shown once both faces are loaded.
  return { fonts, makeFace: (family, source, weight) => new FontFace(family, source, { weight, style: 'normal', display: 'block' }) }
}

/** The faces added to each font set, so that they are added once. */
const added = new WeakMap<object, LoadableFace[]>()

/** Adds the summary's faces to the registry's font set once (later calls return the same faces). */
export function summaryFaces(registry: FontRegistry): LoadableFace[] {
  let faces = added.get(registry.fonts)
  if (!faces) {
    faces = SUMMARY_FACES.map((f) => registry.makeFace(SUMMARY_FONT_FAMILY, `url("${f.url}") format("woff2")`, f.weight))
    for (const face of faces) registry.fonts.add(face as never)
    added.set(registry.fonts, faces)
  }
  return faces
}

/** Resolves once the summary's regular and bold faces are loaded, or could not be (the sheet then
 *  prints in the fallback faces of print.css's --summary-font: slower, never missing text); never
 *  rejects. `null`: no font loading API (nothing to wait for). */
export async function summaryFontsReady(registry: FontRegistry | null = documentRegistry()): Promise<void> {
  if (!registry) return
  await Promise.all(summaryFaces(registry).map((face) => face.load().catch(() => undefined)))
}
