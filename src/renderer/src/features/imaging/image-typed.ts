// Which of an image's values the surgeon typed over, at an image edit. A value the image wrote is
// typed over while the case holds another (non-empty) value there; it is kept by the image
// station's key (to-case.ts LinkedValue.key), so rows moving in the form move no entry onto
// another station. A station taken off the image leaves the row it typed values in, with them only.
import { STATION_PATH, stationOfKey, present, type LinkedValue } from '../../../../shared/imaging'
import type { CaseDraft } from '../../../../shared/case/types'
import { getAt } from '../editor/draft-path'
import type { ImageEditState } from './image-edit'

/** Whether the case holds another value than the image wrote at `v`: typed over. An emptied field
 *  is not (a row deleted in the form and written again by one image comes back without the other
 *  image's values, and an empty diameter is an error the plan shows): the image fills it again. */
export const typedOver = (draft: CaseDraft, v: LinkedValue, levelOnly?: ReadonlySet<string>): boolean => {
  const now = getAt(draft, v.path)
  const id = stationOfKey(v.key)
  // A row found by its level alone was retyped whole: what it holds is the surgeon's, empty or not.
  if (id !== null && levelOnly?.has(id)) return now !== v.value
  return now !== v.value && present(now)
}

/**
 * The typed-over keys after `after` (the image's state after its edit): kept from before (but for a
 * station taken off the image or out of the form, or one relinked now), and what the case holds
 * now in place of what the image wrote (`prev`: its values at their rows; null when following a
 * typed magnification, where they were found first). `wrote`/`onCase`: what it wrote, and of that
 * what is on a case row now.
 */
export function typedAfterEdit(e: {
  draft: CaseDraft
  after: ImageEditState
  wrote: readonly LinkedValue[] | null
  onCase: readonly LinkedValue[] | null
  prev: readonly LinkedValue[] | null
  relink: readonly string[]
  follow: boolean
  levelOnly?: ReadonlySet<string> | undefined
}): { unlinked: Set<string>; typedNow: Set<string>; removedValues: LinkedValue[]; keptRows: Set<number> } {
  // A station whose row was deleted in the form took its typed values with it: it is written afresh.
  const onRowsNow = new Set((e.onCase ?? []).map((v) => stationOfKey(v.key)))
  const rowless = new Set((e.wrote ?? []).map((v) => stationOfKey(v.key)).filter((id) => id !== null && !onRowsNow.has(id)))
  const again = new Set(e.relink)
  const marksNow = new Set(e.after.marks.stations.map((st) => st.id))
  const stillThere = (key: string) => {
    const id = stationOfKey(key)
    return id === null || (marksNow.has(id) && (e.follow || !rowless.has(id)))
  }
  const typedNow = new Set([...(e.after.marks.unlinked ?? []), ...(e.prev ?? []).filter((v) => typedOver(e.draft, v, e.levelOnly)).map((v) => v.key)])
  const unlinked = new Set([...typedNow].filter((k) => !again.has(k) && stillThere(k)))
  // A station taken off the image whose row holds values typed over keeps that row with what was
  // typed: it is the surgeon's now. The station's other values leave with it (kept, they would be
  // nobody's, and a later typed magnification would re-correct them); a row left without its
  // distance says so in the form.
  const removedValues = (e.prev ?? []).filter((v) => {
    const id = stationOfKey(v.key)
    return id !== null && STATION_PATH.test(v.path) && !marksNow.has(id)
  })
  const keptRows = new Set(removedValues.filter((v) => typedNow.has(v.key)).map((v) => Number(STATION_PATH.exec(v.path)![1])))
  return { unlinked, typedNow, removedValues, keptRows }
}

/** The draft with the untyped values of removed stations taken out of the rows kept for what was typed. */
export function withoutUntyped(draft: CaseDraft, removed: readonly LinkedValue[], keptRows: ReadonlySet<number>, typed: ReadonlySet<string>): CaseDraft {
  if (keptRows.size === 0) return draft
  const stations = [...((draft.bone?.stations ?? []) as Record<string, unknown>[])]
  for (const v of removed) {
    const m = STATION_PATH.exec(v.path)!
    const j = Number(m[1])
    const row = stations[j]
    if (!keptRows.has(j) || typed.has(v.key) || !row || row[m[2]!] !== v.value) continue
    const { [m[2]!]: _gone, ...rest } = row
    stations[j] = rest
  }
  return { ...draft, bone: { ...draft.bone, stations } } as CaseDraft
}

