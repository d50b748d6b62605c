// An edit on a radiograph (a handle moved, a station added or removed, a calibration line drawn)
// and the case values it writes, computed together so that they are one step of the editor's
// history (editor-store.ts side states): Undo takes back the handle and the case value at once,
// and a drag updates the case, and so the plan, on every move.
//
// Linking: a value the image wrote stays linked while the case holds exactly that value. When the
// case holds something else at the next image edit, the surgeon typed over it: the path is
// unlinked (kept as typed, listed, until relinked). No memory outside the history is needed, so
// undo and redo keep the link state right.
import { applyImageValues, calibrate, imageCaseValues, type CalibrationInput, type ImageCaseValues, type ImageMarks } from '../../../../shared/imaging'
import type { CaseDraft } from '../../../../shared/case/types'
import { getAt } from '../editor/draft-path'

/** What the editor's history keeps of one image. */
export interface ImageEditState {
  marks: ImageMarks
  calibration: CalibrationInput | null
}

export const imageSideKey = (imageId: string) => `image:${imageId}`

/** The case values an image gives (null: not calibrated, or no axis yet). */
export function imageValuesOf(state: ImageEditState, label: string): ImageCaseValues | null {
  const cal = state.calibration ? calibrate(state.calibration) : null
  return cal?.ok && state.marks.axis ? imageCaseValues(state.marks, cal.calibration, label) : null
}

const SECTIONS = ['imaging', 'bone', 'softTissue'] as const

/** The draft and image state after `before` → `after`; `relink`: paths to take from the image again. */
export function applyImageEdit(draft: CaseDraft, before: ImageEditState, after: ImageEditState, label: string, relink: readonly string[] = []): { draft: CaseDraft; state: ImageEditState } {
  const prev = imageValuesOf(before, label)
  const again = new Set(relink)
  const unlinked = new Set((after.marks.unlinked ?? []).filter((p) => !again.has(p)))
  const typedOver = (prev?.values ?? []).filter((v) => !unlinked.has(v.path) && !again.has(v.path) && getAt(draft, v.path) !== v.value)
  let state = after
  if (typedOver.length > 0 || unlinked.size !== (after.marks.unlinked ?? []).length) {
    for (const v of typedOver) unlinked.add(v.path)
    state = { ...after, marks: { ...after.marks, unlinked: [...unlinked] } }
  }
  const next = imageValuesOf(state, label)
  if (!next) return { draft, state }
  const written = applyImageValues(draft, next, state.marks.plane, [...unlinked]) as Record<string, unknown>
  const old = draft as Record<string, unknown>
  // The calibration's imaging section is written when the calibration changes (or first gives
  // values), not on every edit: a factor typed into the form afterwards stays.
  if (prev && JSON.stringify(before.calibration) === JSON.stringify(state.calibration)) written.imaging = old.imaging
  // Sections the edit did not change keep their identity (their fields do not re-render).
  let changed = false
  const out: Record<string, unknown> = { ...old }
  for (const key of SECTIONS) {
    if (JSON.stringify(old[key]) === JSON.stringify(written[key])) continue
    out[key] = written[key]
    changed = true
  }
  return { draft: changed ? (out as CaseDraft) : draft, state }
}
