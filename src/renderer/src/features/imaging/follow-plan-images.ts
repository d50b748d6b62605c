// At the editor's start: a plan whose radiographs wrote values registers them with the editor's
// history and turns the follower on (image-follow.ts), so a magnification typed in the form places
// their values again — also for images not opened this time. Loaded only for such plans.
import type { CaseDraft } from '../../../../shared/case/types'
import type { ImageRow } from '../../db/image-types'
import type { EditorStore } from '../editor/editor-store'

/** 'followed': the plan's measured images follow a typed magnification; 'none': it has none;
 *  'failed': its images could not be read, so they would not follow (the editor says so). */
export type FollowStart = 'followed' | 'none' | 'failed' | 'closed'

export async function followPlanImages(store: EditorStore, rows: () => Promise<Pick<ImageRow, 'id' | 'calibration' | 'marks'>[]>, initial: CaseDraft, open: () => boolean): Promise<FollowStart> {
  try {
    const measured = (await rows()).filter((r) => r.calibration && r.marks.axis)
    if (!open()) return 'closed'
    if (measured.length === 0) return 'none'
    const { followImaging, storedImageState } = await import('./image-follow')
    const { imageSideKey } = await import('./image-edit')
    if (!open()) return 'closed'
    // Values stored without the magnification they were written at are taken as at the plan's as
    // opened; a factor typed before this ran is followed now, in a step of its own.
    for (const r of measured) store.initSide(imageSideKey(r.id), storedImageState(r, initial))
    store.setFollower(followImaging)
    store.edit((draft, side) => followImaging(initial, draft, side, measured.map((r) => imageSideKey(r.id))))
    return 'followed'
  } catch {
    return open() ? 'failed' : 'closed'
  }
}

/** Said in the editor when followPlanImages failed. */
export const FOLLOW_FAILED_NOTE =
  "This plan's radiographs could not be read. Until they are, a magnification typed in Imaging would also re-correct the values measured on them: reopen the plan before changing the magnification."
