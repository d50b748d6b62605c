// An edit on a radiograph (a handle moved, a station added or removed, a calibration line drawn)
// and the case values it writes, computed together so that they are one step of the editor's
// history (editor-store.ts side states): Undo takes back the handle and the case value at once,
// and a drag updates the case, and so the plan, on every move.
//
// Linking: a value the image wrote stays linked while the case holds exactly that value. When the
// case holds something else at the next image edit, the surgeon typed over it: its key (the image
// station and field, not the case row) is unlinked (kept as typed, listed, until relinked). What the
// image wrote is known from its marks as they were then (marks.writtenGeometry), the calibration and
// the imaging section; all in the history, so undo and redo keep the link state right.
import { applyImageValues, calibrate, onRows, placeImageValues, STATION_PATH, stationKey, stationOfKey, type Calibration, type CalibrationInput, type CasePlacement, type CaseRows, type ImageMarks, type LinkedValue } from '../../../../shared/imaging'
import type { CaseDraft, RawImaging } from '../../../../shared/case/types'
import { getAt } from '../editor/draft-path'
import { imageRowsOf, stationRows } from './image-rows'
import { typedAfterEdit, typedOver, withoutUntyped } from './image-typed'

/** What the editor's history keeps of one image. */
export interface ImageEditState {
  marks: ImageMarks
  calibration: CalibrationInput | null
}

export const imageSideKey = (imageId: string) => `image:${imageId}`

/** The case values an image gives the case `draft` (null: not calibrated, or no axis yet):
 *  at the case's magnification, on the case's stations (placeImageValues). */
export function imageValuesOf(state: ImageEditState, label: string, draft: CaseDraft, mayCalibrate = false, written = false, where: CaseRows = {}): (CasePlacement & { input: CalibrationInput }) | null {
  const usable = usableCalibration(state, written)
  const placed = usable && state.marks.axis ? placeImageValues(draft, state.marks, usable.calibration, label, mayCalibrate, where) : null
  return placed && usable ? { ...placed, input: usable.input } : null
}

/** The image's calibration, or while it is being changed and not usable yet (a marker without its
 *  line), the one its values in the case were written with; `written`: that one first (to find
 *  or place again what is in the case, whatever the calibration being chosen now). */
function usableCalibration(state: ImageEditState, written = false): { calibration: Calibration; input: CalibrationInput } | null {
  const inputs = written ? [state.marks.writtenWith, state.calibration] : [state.calibration, state.marks.writtenWith]
  for (const input of inputs) {
    const cal = input ? calibrate(input) : null
    if (input && cal?.ok) return { calibration: cal.calibration, input }
  }
  return null
}

const SECTIONS = ['imaging', 'bone', 'softTissue'] as const
/** A lateral image's values that move with its stations' levels (case-frame.ts). */
const LATERAL_PATH = /^bone\.stations\[(\d+)\]\.(endostealLat|periostealLat|lateralFromDistalEnd)$/

/** What the image wrote last (null: nothing yet): from its marks as they were then (an edit refused
 *  since may have moved them without writing), at the imaging section it wrote at (the form may
 *  have changed it since), with the calibration it had. Paths at the image's own station order. */
export function writtenValues(state: ImageEditState, label: string, draft: CaseDraft): LinkedValue[] | null {
  const at = state.marks.writtenAt
  if (at === undefined) return null
  return imageValuesOf(asWritten(state), label, draftAt(draft, at), false, true, { inPlace: true })?.result.values ?? null
}

/** Whether the case's calibration is the one this image gave it at its last write, unchanged since. */
function gaveCaseCalibration(state: ImageEditState, draft: CaseDraft): boolean {
  const cal = state.marks.writtenWith ? calibrate(state.marks.writtenWith) : null
  if (!cal?.ok) return false
  const own = JSON.stringify(cal.calibration.imaging)
  return own === JSON.stringify(state.marks.writtenAt) && own === JSON.stringify((draft as Record<string, unknown>).imaging)
}

/** The image with the handles its values in the case were written from. */
function asWritten(state: ImageEditState): ImageEditState {
  const g = state.marks.writtenGeometry
  return g ? { ...state, marks: { ...state.marks, ...g } } : state
}

const geometryOf = (m: ImageMarks): NonNullable<ImageMarks['writtenGeometry']> => ({ axis: m.axis, stations: m.stations, skin: m.skin })

/** Where the image's values are in the case now: what it wrote, each at the case row its station is
 *  at (rows deleted or added in the form move them; stationRows), and those rows. */
export function writtenInCase(state: ImageEditState, label: string, draft: CaseDraft): { written: LinkedValue[] | null; onCase: LinkedValue[] | null; where: CaseRows } {
  const written = writtenValues(state, label, draft)
  const rowOf = written && stationRows(state.marks, written, draft)
  const imageRows = imageRowsOf(written, rowOf)
  return { written, onCase: written && onRows(written, rowOf), where: { rowOf, ...(rowOf ? { levelOnly: rowOf.levelOnly } : {}), ...(imageRows ? { imageRows } : {}) } }
}

/** Keys of the values the image wrote that the case no longer holds as written: typed over. */
export function typedOverKeys(state: ImageEditState, label: string, draft: CaseDraft): string[] {
  const { onCase, where } = writtenInCase(state, label, draft)
  return (onCase ?? []).filter((v) => typedOver(draft, v, where.levelOnly)).map((v) => v.key)
}

/**
 * The draft and image state after `before` → `after`; `relink`: keys of values to take from the
 * image again. `follow`: only placing the same values again at a magnification typed since
 * (image-follow.ts), with what was typed over already found — the station list stays as it is.
 */
export function applyImageEdit(
  draft: CaseDraft,
  before: ImageEditState,
  after: ImageEditState,
  label: string,
  relink: readonly string[] = [],
  follow = false,
  /** Another image's station values are in the case (stationsOfOtherImages): this image's first
   *  stations would replace them, so they are not written (the panel says why). */
  othersOwnStations = false
): { draft: CaseDraft; state: ImageEditState } {
  const { written: wrote, onCase, where } = writtenInCase(before, label, draft)
  const prev = follow ? null : onCase
  const { unlinked, typedNow, removedValues, keptRows } = typedAfterEdit({ draft, after, wrote, onCase, prev, relink, follow, levelOnly: where.levelOnly })
  const imageRows = where.imageRows && keptRows.size > 0 ? new Set([...where.imageRows].filter((j) => !keptRows.has(j))) : where.imageRows
  const at: CaseRows = { ...where, ...(imageRows ? { imageRows } : {}), inPlace: follow }
  let state = after
  const was = after.marks.unlinked ?? []
  if (unlinked.size !== was.length || was.some((k) => !unlinked.has(k))) state = { ...after, marks: { ...after.marks, unlinked: [...unlinked] } }
  // The image may set the case's calibration when its calibration changes (or first gives values),
  // not on every edit: a factor typed into the form afterwards stays, and the image's values are
  // then placed at it. And only while the case holds no other radiographic value (placeImageValues).
  // A calibration changed later resets the case's only while the case's is still the one this image
  // gave it: one the case kept (CT, a stated factor) or typed since stays, and values are converted.
  const recalibrated = JSON.stringify(before.calibration) !== JSON.stringify(state.calibration)
  const mayCalibrate = !follow && (before.marks.writtenAt === undefined || (recalibrated && gaveCaseCalibration(before, draft)))
  // Once it has written stations, the image owns only the rows they are on (its first ones replace
  // the list, as before); rows added in the form are the case's own radiographic values, kept, and
  // its calibration must not re-correct them (placeImageValues).
  // Following a typed magnification, what the image wrote is placed again (its handles then): an
  // edit refused since is written at its next edit, not here.
  const source = follow ? asWritten(state) : state
  const placed = imageValuesOf(source, label, draft, mayCalibrate, follow, at)
  if (!placed || placed.refused) return { draft, state }
  if (replacesOthersStations(source.marks, placed.result.values, at.imageRows, othersOwnStations)) return { draft, state }
  // Following a typed magnification, each station goes to the row it is at now.
  const next = follow ? { ...placed.result, values: onRows(placed.result.values, where.rowOf) } : placed.result
  // A value typed over stays as typed; on an image that owns the station list (rebuilt from its
  // stations), it goes with its station to the station's new row (typedFrom: new path → the row
  // that holds it now). A lateral image's typed values stay at the case's stations they are on.
  const typedPaths = next.values.filter((v) => unlinked.has(v.key)).map((v) => v.path)
  const typedFrom = new Map<string, string>()
  const fromRow = new Map<number, number>()
  if (state.marks.plane !== 'Lat') {
    const now = new Map((prev ?? []).map((v) => [v.key, v.path]))
    for (const v of next.values) {
      const from = now.get(v.key)
      if (unlinked.has(v.key) && from !== undefined && from !== v.path) typedFrom.set(v.path, from)
      // A station keeps its row's other fields only where it stays at the level it wrote: moved,
      // they were measured elsewhere (and may be another image's), so they are not carried along.
      const to = STATION_PATH.exec(v.path)
      const at = from === undefined ? null : STATION_PATH.exec(from)
      const wasAt = (prev ?? []).find((w) => w.key === stationKey(stationOfKey(v.key) ?? '', 'fromDistalEnd'))?.value
      const nowAt = next.values.find((w) => w.key === stationKey(stationOfKey(v.key) ?? '', 'fromDistalEnd'))?.value
      if (to && at && !keptRows.has(Number(at[1])) && wasAt !== undefined && wasAt === nowAt) fromRow.set(Number(to[1]), Number(at[1]))
    }
  }
  const written = applyImageValues(withoutUntyped(draft, removedValues, keptRows, typedNow), next, state.marks.plane, typedPaths, typedFrom, { inPlace: follow, fromRow, ...(at.imageRows ? { imageRows: at.imageRows } : {}) }) as Record<string, unknown>
  const old = draft as Record<string, unknown>
  if (!placed.setsCalibration) written.imaging = old.imaging
  // Remembered with the image: the imaging section its values are at now, the calibration used and
  // the handles they come from.
  const used = placed.input
  const writtenAt = written.imaging as RawImaging | undefined
  const geometry = geometryOf(source.marks)
  if (JSON.stringify(writtenAt) !== JSON.stringify(state.marks.writtenAt) || used !== state.marks.writtenWith || JSON.stringify(geometry) !== JSON.stringify(state.marks.writtenGeometry)) {
    const { writtenAt: _a, writtenWith: _w, writtenGeometry: _g, ...rest } = state.marks
    state = { ...state, marks: { ...rest, ...(writtenAt !== undefined ? { writtenAt } : {}), ...(used ? { writtenWith: used } : {}), writtenGeometry: geometry } }
  }
  // Values the image wrote and writes no more there are taken out while still as written: left in,
  // they would be nobody's, and a later typed magnification would re-correct them (a skin point
  // removed; a soft tissue the case, now CT, does not take; a lateral station moved to another level).
  dropUnwritten(written, prev ?? onCase ?? [], new Set(next.values.map((v) => v.path)), unlinked, state.marks.plane)
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

function dropUnwritten(written: Record<string, unknown>, before: readonly LinkedValue[], now: ReadonlySet<string>, unlinked: ReadonlySet<string>, plane: ImageMarks['plane']): void {
  const stations = (written.bone as { stations?: Record<string, unknown>[] } | undefined)?.stations
  for (const v of before) {
    if (now.has(v.path) || unlinked.has(v.key)) continue
    const m = LATERAL_PATH.exec(v.path)
    // Stations an AP or one-plane image rebuilt are gone with it; a lateral image's stay the case's.
    if (m && plane === 'Lat' && Array.isArray(stations)) {
      const st = stations[Number(m[1])]
      if (st && st[m[2]!] === v.value) {
        const { [m[2]!]: _gone, ...rest } = st
        stations[Number(m[1])] = rest
      }
    } else if (!STATION_PATH.test(v.path)) {
      const [section, field] = v.path.split('.') as [string, string]
      const holder = written[section] as Record<string, unknown> | undefined
      if (holder && holder[field] === v.value) {
        const { [field]: _gone, ...rest } = holder
        written[section] = rest
      }
    }
  }
}

/** The draft with the imaging section an image last wrote at (the form may have changed it since). */
function draftAt(draft: CaseDraft, imaging: RawImaging): CaseDraft {
  const now = (draft as Record<string, unknown>).imaging
  return JSON.stringify(now) === JSON.stringify(imaging) ? draft : { ...draft, imaging }
}

/** Whether an AP or one-plane image's first stations would replace another image's in the case. */
export function replacesOthersStations(marks: ImageMarks, values: readonly LinkedValue[], imageRows: ReadonlySet<number> | undefined, othersOwnStations: boolean): boolean {
  return othersOwnStations && imageRows === undefined && marks.plane !== 'Lat' && values.some((v) => STATION_PATH.test(v.path))
}

/** Said in the panel when replacesOthersStations holds. */
export const OTHERS_STATIONS_NOTE =
  "This image's stations are not written: the case's stations were measured on another radiograph, and this image's would replace them. If this is the lateral view, choose Lateral for it; otherwise take the other image's stations out first (remove that image, or Undo)."

/** Whether an image other than `key` has station values in the case as it wrote them. */
export function stationsOfOtherImages(entries: readonly { key: string; value: unknown }[], key: string, draft: CaseDraft): boolean {
  return entries.some(({ key: k, value }) => {
    if (k === key || !/^image:/.test(k)) return false
    const state = value as ImageEditState
    if (state.marks.plane === 'Lat') return false
    return (writtenInCase(state, '', draft).onCase ?? []).some((v) => STATION_PATH.test(v.path) && getAt(draft, v.path) === v.value)
  })
}
