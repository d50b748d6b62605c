// A magnification typed in the form must not re-correct a radiograph's values, which have their
// own calibration: when the case's magnification changes by a typed edit, each image's values are
// placed again at the new one in the same undo step (editor-store.ts Follower), so they keep the
// true size the image measured. The values are recognised as the image's by the magnification they
// were written at (marks.writtenAt); values typed over stay as typed.
import { imagingFactor } from '../../../../shared/imaging/case-frame'
import type { CaseDraft } from '../../../../shared/case/types'
import type { Follower } from '../editor/editor-store'
import { applyImageEdit, type ImageEditState } from './image-edit'

const IMAGE_KEY = /^image:/

export const followImaging: Follower = (before, after, side, keys) => {
  const factorOf = (d: CaseDraft) => imagingFactor((d as Record<string, unknown>).imaging)
  if (factorOf(before) === factorOf(after)) return null
  let draft = after
  const states: Record<string, unknown> = {}
  for (const key of keys) {
    if (!IMAGE_KEY.test(key)) continue
    const state = side(key) as ImageEditState | undefined
    if (!state?.calibration || state.marks.writtenAt === undefined) continue
    const r = applyImageEdit(draft, state, state, '')
    draft = r.draft
    if (r.state !== state) states[key] = r.state
  }
  return draft === after && Object.keys(states).length === 0 ? null : { draft, side: states }
}

/** An image's stored state as the editor's history starts it: values stored before the
 *  magnification they were written at was recorded are taken as at the case's present one. */
export function storedImageState(row: { marks: ImageEditState['marks']; calibration: ImageEditState['calibration'] }, draft: CaseDraft): ImageEditState {
  const writtenAt = row.marks.writtenAt !== undefined || !row.calibration ? row.marks.writtenAt : imagingFactor((draft as Record<string, unknown>).imaging)
  return { marks: writtenAt === undefined ? row.marks : { ...row.marks, writtenAt }, calibration: row.calibration }
}
