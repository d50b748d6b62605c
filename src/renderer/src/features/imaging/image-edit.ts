// An edit on a radiograph (a handle moved, a station added or removed, a calibration line drawn)
// and the case values it writes, computed together so that they are one step of the editor's
// history (editor-store.ts side states): Undo takes back the handle and the case value at once,
// and a drag updates the case, and so the plan, on every move.
//
// Linking: a value the image wrote stays linked while the case holds exactly that value. When the
// case holds something else at the next image edit, the surgeon typed over it: the path is
// unlinked (kept as typed, listed, until relinked). No memory outside the history is needed, so
// undo and redo keep the link state right.
import { applyImageValues, calibrate, placeImageValues, type CalibrationInput, type CasePlacement, type ImageMarks } from '../../../../shared/imaging'
import type { CaseDraft } from '../../../../shared/case/types'
import { getAt } from '../editor/draft-path'

/** What the editor's history keeps of one image. */
export interface ImageEditState {
  marks: ImageMarks
  calibration: CalibrationInput | null
}

export const imageSideKey = (imageId: string) => `image:${imageId}`

/** The case values an image gives the case `draft` (null: not calibrated, or no axis yet):
 *  at the case's magnification, on the case's stations (placeImageValues). */
export function imageValuesOf(state: ImageEditState, label: string, draft: CaseDraft): CasePlacement | null {
  const cal = state.calibration ? calibrate(state.calibration) : null
  return cal?.ok && state.marks.axis ? placeImageValues(draft, state.marks, cal.calibration, label) : null
}

const SECTIONS = ['imaging', 'bone', 'softTissue'] as const
/** A lateral image's values that move with its stations' levels (case-frame.ts). */
const LATERAL_PATH = /^bone\.stations\[(\d+)\]\.(endostealLat|periostealLat|lateralFromDistalEnd)$/

/** The draft and image state after `before` → `after`; `relink`: paths to take from the image again. */
export function applyImageEdit(draft: CaseDraft, before: ImageEditState, after: ImageEditState, label: string, relink: readonly string[] = []): { draft: CaseDraft; state: ImageEditState } {
  const prev = imageValuesOf(before, label, draft)?.result
  const again = new Set(relink)
  const unlinked = new Set((after.marks.unlinked ?? []).filter((p) => !again.has(p)))
  const typedOver = (prev?.values ?? []).filter((v) => !unlinked.has(v.path) && !again.has(v.path) && getAt(draft, v.path) !== v.value)
  let state = after
  if (typedOver.length > 0 || unlinked.size !== (after.marks.unlinked ?? []).length) {
    for (const v of typedOver) unlinked.add(v.path)
    state = { ...after, marks: { ...after.marks, unlinked: [...unlinked] } }
  }
  const placed = imageValuesOf(state, label, draft)
  if (!placed || placed.refused) return { draft, state }
  const next = placed.result
  const written = applyImageValues(draft, next, state.marks.plane, [...unlinked]) as Record<string, unknown>
  const old = draft as Record<string, unknown>
  // The calibration's imaging section is written when the calibration changes (or first gives
  // values), not on every edit: a factor typed into the form afterwards stays. And only while the
  // case holds no other radiographic value (placeImageValues): else the values were converted.
  if (!placed.setsCalibration || (prev && JSON.stringify(before.calibration) === JSON.stringify(state.calibration))) written.imaging = old.imaging
  // A lateral station moved to another level leaves the values it wrote at the old one: they are
  // taken out (while still as written), not left on a station they were not measured at.
  if (state.marks.plane === 'Lat' && prev) dropMovedLateral(written, prev.values, new Set(next.values.map((v) => v.path)), unlinked)
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

function dropMovedLateral(written: Record<string, unknown>, before: readonly { path: string; value: number }[], now: ReadonlySet<string>, unlinked: ReadonlySet<string>): void {
  const stations = (written.bone as { stations?: Record<string, unknown>[] } | undefined)?.stations
  if (!Array.isArray(stations)) return
  for (const v of before) {
    const m = LATERAL_PATH.exec(v.path)
    if (!m || now.has(v.path) || unlinked.has(v.path)) continue
    const st = stations[Number(m[1])]
    if (st && st[m[2]!] === v.value) {
      const { [m[2]!]: _gone, ...rest } = st
      stations[Number(m[1])] = rest
    }
  }
}
