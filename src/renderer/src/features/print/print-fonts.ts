// The plan summary is set in its own bundled face, OsseoPlan Sans (print.css; fonts/README.md): a
// subset of DejaVu Sans, regular and bold, about 130 kB each once decoded. A printed PDF carries
// every face it uses, and Chromium copies and subsets each one from the whole font file on every
// print; the system's UI font (DejaVu Sans here, Segoe UI or SF on surgeons' machines) is 0.7 MB
// to several MB per face (docs/performance.md). The summary is shown once both faces are loaded,
// so neither the sheet nor a print made at once falls back to another face.

/** The part of FontFaceSet this needs (a plain object in unit tests). */
export interface FontLoader {
  load(font: string): Promise<unknown>
}

export const SUMMARY_FONT_FAMILY = 'OsseoPlan Sans'

/** Resolves once the summary's regular and bold faces are loaded, or could not be (the sheet then
 *  prints in the fallback faces of print.css: slower, never missing text); never rejects. */
export async function summaryFontsReady(fonts: FontLoader | undefined = globalThis.document?.fonts): Promise<void> {
  if (!fonts) return
  await Promise.all([`400 1em "${SUMMARY_FONT_FAMILY}"`, `700 1em "${SUMMARY_FONT_FAMILY}"`].map((font) => fonts.load(font).catch(() => undefined)))
}
