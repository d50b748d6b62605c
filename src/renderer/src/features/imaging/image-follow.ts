// A magnification typed in the form must not re-correct a radiograph's values, which have their
// own calibration: when a typed edit changes the case's imaging section, each image's values are
// placed again at the new one in the same undo step (editor-store.ts Follower), so they keep the
// true size the image measured. The values are recognised as the image's by the imaging section
// they were written at (marks.writtenAt); values typed over stay as typed.
import type { CaseDraft } from '../../../../shared/case/types'
import type { Follower } from '../editor/editor-store'
import { STATION_PATH } from '../../../../shared/imaging'
import { applyImageEdit, stationsOfOtherImages, typedOverKeys, writtenInCase, type ImageEditState } from './image-edit'
import { typedOver } from './image-typed'

const IMAGE_KEY = /^image:/
const imagingOf = (d: CaseDraft) => JSON.stringify((d as Record<string, unknown>).imaging)

export const followImaging: Follower = (before, after, side, keys) => {
  if (imagingOf(before) === imagingOf(after)) return null
  const images = keys.filter((k) => IMAGE_KEY.test(k)).flatMap((key) => {
    const state = side(key) as ImageEditState | undefined
    return state && state.marks.writtenAt !== undefined ? [{ key, state }] : []
  })
  // First what each image finds typed over, all against the case as typed (placing one image again
  // moves the station levels another one is matched at); then each placed again, the images that
  // own the station list before the lateral ones, whose diameters go to the stations' levels.
  const found = images.map(({ key, state }) => {
    const unlinked = [...new Set([...(state.marks.unlinked ?? []), ...typedOverKeys(state, '', after)])]
    return { key, state: { ...state, marks: { ...state.marks, unlinked } } }
  })
  found.sort((a, b) => Number(a.state.marks.plane === 'Lat') - Number(b.state.marks.plane === 'Lat'))
  let draft = after
  const states: Record<string, unknown> = {}
  const entries = () => keys.map((key) => ({ key, value: states[key] ?? side(key) }))
  for (const { key, state } of found) {
    // An image edited while its values were refused (nothing written) is written as it is now when
    // it may be; else what it wrote is placed again at the new magnification.
    let r = pendingEdit(state) ? applyImageEdit(draft, state, state, '', [], false, stationsOfOtherImages(entries(), key, draft)) : null
    if (!r || r.draft === draft) r = applyImageEdit(draft, state, state, '', [], true)
    draft = r.draft
    states[key] = r.state
  }
  // An image whose values were refused (nothing written yet) may be accepted now: its note asked
  // for this very edit (the magnification of the case's other values). It is placed as a first write.
  for (const key of keys.filter((k) => IMAGE_KEY.test(k))) {
    const state = side(key) as ImageEditState | undefined
    if (!state || state.marks.writtenAt !== undefined || !state.calibration || !state.marks.axis) continue
    const r = applyImageEdit(draft, state, state, '', [], false, stationsOfOtherImages(entries(), key, draft))
    if (r.draft !== draft || r.state !== state) {
      draft = r.draft
      states[key] = r.state
    }
  }
  return draft === after && Object.keys(states).length === 0 ? null : { draft, side: states }
}

/** An image's stored state as the editor's history starts it: values stored before the imaging
 *  section they were written at was recorded are taken as at the case's, as the plan was opened;
 *  typed-over entries stored as case paths (before 2026-12-01) are read as the keys of the image's
 *  values there. */
export function storedImageState(row: { marks: ImageEditState['marks']; calibration: ImageEditState['calibration'] }, draft: CaseDraft): ImageEditState {
  let state: ImageEditState = { marks: row.marks, calibration: row.calibration }
  if (row.marks.writtenAt === undefined && row.calibration && row.marks.axis) {
    const imaging = (draft as Record<string, unknown>).imaging as ImageEditState['marks']['writtenAt']
    state = { marks: { ...row.marks, ...(imaging ? { writtenAt: imaging } : {}), writtenWith: row.calibration }, calibration: row.calibration }
  }
  return withKeys(state, draft)
}

/** Whether the image was edited since its values in the case were written (an edit refused). */
function pendingEdit(state: ImageEditState): boolean {
  const g = state.marks.writtenGeometry
  return g !== undefined && JSON.stringify(g) !== JSON.stringify({ axis: state.marks.axis, stations: state.marks.stations, skin: state.marks.skin })
}

function withKeys(state: ImageEditState, draft: CaseDraft): ImageEditState {
  const entries = state.marks.unlinked ?? []
  if (!entries.some((e) => STATION_PATH.test(e))) return state
  // A stored path named a case row, which may since have come to hold another station (rows moved
  // after it was stored): an entry is kept only where the case holds, at that row, another value
  // than the image's station there — typed over; the rest are found again at the next edit, by
  // the same comparison.
  const onCase = writtenInCase(state, '', draft).onCase ?? []
  const keyOf = (path: string) => onCase.find((v) => v.path === path && typedOver(draft, v))?.key
  const unlinked = [...new Set(entries.flatMap((e) => (STATION_PATH.test(e) ? (keyOf(e) ?? []) : [e])))]
  return { ...state, marks: { ...state.marks, unlinked } }
}
