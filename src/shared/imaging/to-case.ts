// Image → case: the measurements drawn on a radiograph become case values with their origin
// ("measured on image AP-1, calibration: marker 25 mm"). A value stays linked while the case
// still holds exactly what the image wrote; typing another value over it unlinks it.
import type { CaseDraft, RawImaging } from '../case/types'
import type { Calibration, CalibrationInput } from './calibration'
import { parseLength } from '../units'
import { matchByLevel } from './level-match'
import { axisCoordinates, axisFrame, stationDiameters, type Axis, type Point } from './geometry'

export type EdgeName = 'periostealA' | 'endostealA' | 'endostealB' | 'periostealB'
export const EDGE_NAMES: readonly EdgeName[] = ['periostealA', 'endostealA', 'endostealB', 'periostealB']

export interface StationMark {
  id: string
  /** Position along the axis as a fraction of its length (0 = distal end, 1 = proximal landmark). */
  t: number
  /** The four edge handles in image pixels (null = not placed yet). */
  edges: Record<EdgeName, Point | null>
  /** False while the edges are the app's suggestion: they feed the case only once accepted or moved. */
  accepted: boolean
}

/** Which plane the image shows: its stations fill the single-plane or the AP or lateral diameters. */
export type ImagePlane = 'single' | 'AP' | 'Lat'

export interface ImageMarks {
  axis: Axis | null
  stations: StationMark[]
  /** Skin surface beyond the distal bone end, along the axis (soft-tissue thickness). */
  skin: Point | null
  plane: ImagePlane
  /** The values the surgeon typed over, by their keys (LinkedValue.key): the image no longer
   *  writes them (until relinked). Keys name the image's station, not a case row, so they stay
   *  right when rows move (images stored before 2026-12-01 held case paths: image-follow.ts). */
  unlinked?: string[]
  /** The case's imaging section its values were last written at (absent: nothing written yet),
   *  and the image's calibration then. A magnification typed in the form since is told apart from
   *  a value typed over, and the values are placed at it (image-edit.ts, image-follow.ts); with the
   *  calibration being changed (a marker without its line yet), they are placed with the last one. */
  writtenAt?: RawImaging
  writtenWith?: CalibrationInput
  /** The handles those values come from: an edit refused since (nothing written) moves the marks
   *  but not the case, and what the case holds must still be recognised as the image's. */
  writtenGeometry?: Pick<ImageMarks, 'axis' | 'stations' | 'skin'>
}

export interface LinkedValue {
  /** Case path, e.g. 'bone.stations[2].endosteal'. */
  path: string
  /** What the value is on the image, wherever the case holds it: 'station:<mark id>.<field>' for a
   *  station's value (its case row moves when stations are added or removed), else the path. */
  key: string
  /** mm, rounded to 0.1 mm (the precision of a measurement on a radiograph). */
  value: number
  /** What a surgeon reads, e.g. "Station 3 — endosteal Ø". */
  label: string
}

export interface ImageCaseValues {
  values: LinkedValue[]
  /** Why some measurement did not produce a value (shown next to the tool). */
  problems: string[]
  imaging: RawImaging
  origin: string
}

const round1 = (x: number) => Math.round(x * 10) / 10

export function sortedStations(marks: ImageMarks): StationMark[] {
  return [...marks.stations].sort((a, b) => a.t - b.t)
}

export function imageCaseValues(marks: ImageMarks, calibration: Calibration, imageLabel: string): ImageCaseValues {
  const values: LinkedValue[] = []
  const problems: string[] = []
  const origin = `measured on image ${imageLabel}, calibration: ${calibration.label}`
  const s = calibration.scale
  const frame = marks.axis ? axisFrame(marks.axis, s) : null
  if (!marks.axis || !frame) return { values, problems: ['Draw the bone axis first (proximal landmark to distal bone end).'], imaging: calibration.imaging, origin }
  const axis = marks.axis
  // The residual length and station distances belong to the bone, whatever the plane; a lateral
  // image adds its diameters only.
  const primary = marks.plane !== 'Lat'
  if (primary) values.push({ path: 'bone.residualLength', key: 'bone.residualLength', value: round1(frame.lengthMm), label: 'Residual bone length' })
  const suffix = marks.plane === 'single' ? '' : marks.plane
  sortedStations(marks).forEach((st, i) => {
    const name = `Station ${i + 1}`
    const z = st.t * frame.lengthMm
    const at = (field: string) => ({ path: `bone.stations[${i}].${field}`, key: stationKey(st.id, field) })
    if (primary) values.push({ ...at('fromDistalEnd'), value: round1(z), label: `${name} — distance from the distal end` })
    const e = st.edges
    if (!st.accepted) {
      problems.push(`${name}: accept or move the suggested edges.`)
      return
    }
    if (!e.periostealA || !e.endostealA || !e.endostealB || !e.periostealB) {
      problems.push(`${name}: place all four edges.`)
      return
    }
    const off = (p: Point) => axisCoordinates(axis, s, p)?.offsetMm ?? NaN
    const d = stationDiameters({ periostealA: off(e.periostealA), endostealA: off(e.endostealA), endostealB: off(e.endostealB), periostealB: off(e.periostealB) })
    if (!d.ok) {
      problems.push(`${name}: ${d.error}.`)
      return
    }
    values.push({ ...at(`endosteal${suffix}`), value: round1(d.endostealMm), label: `${name} — endosteal Ø${suffix ? ` (${suffix})` : ''}` })
    values.push({ ...at(`periosteal${suffix}`), value: round1(d.periostealMm), label: `${name} — periosteal Ø${suffix ? ` (${suffix})` : ''}` })
    // A lateral image's diameters carry their level: they go to the case station there (case-frame.ts).
    if (!primary) values.push({ ...at('lateralFromDistalEnd'), value: round1(z), label: `${name} — level of the lateral diameters` })
  })
  if (marks.skin && primary) {
    const c = axisCoordinates(axis, s, marks.skin)
    if (c && c.zMm < 0) values.push({ path: 'softTissue.distalThickness', key: 'softTissue.distalThickness', value: round1(-c.zMm), label: 'Distal soft-tissue thickness' })
    else problems.push('Soft tissue: the skin point must lie beyond the distal bone end, along the axis.')
  }
  return { values, problems, imaging: calibration.imaging, origin }
}

export type Draft = Record<string, unknown>

/** The key of a station mark's value (LinkedValue.key), and the station mark a key names (null: not a station's). */
export const stationKey = (markId: string, field: string) => `station:${markId}.${field}`
export const stationOfKey = (key: string): string | null => /^station:(.+)\.\w+$/.exec(key)?.[1] ?? null

/** A station value's case path: its station's list position and its field. */
export const STATION_PATH = /^bone\.stations\[(\d+)\]\.(\w+)$/

/** Where an AP or one-plane image's stations are in the case now (image-rows.ts): `rowOf`, station
 *  mark id → case row (rows deleted or added in the form move them; absent or null: each at its
 *  position on the image); `imageRows`, the rows that are the image's (absent: it wrote none yet). */
export interface CaseRows {
  rowOf?: ReadonlyMap<string, number> | null
  /** Stations whose row was found by level alone (none of their values left there: retyped). */
  levelOnly?: ReadonlySet<string>
  imageRows?: ReadonlySet<number>
  /** The same values placed again where they are (a magnification typed since): nothing in the
   *  case is replaced. */
  inPlace?: boolean
}

/** Station values moved to their station's row (rowOf: station mark id → case row; null: as they
 *  are); those of a station without a row are left out. */
export function onRows(values: readonly LinkedValue[], rowOf: ReadonlyMap<string, number> | null | undefined): LinkedValue[] {
  if (!rowOf) return [...values]
  return values.flatMap((v) => {
    const m = STATION_PATH.exec(v.path)
    const id = stationOfKey(v.key)
    if (!m || id === null) return [v]
    const j = rowOf.get(id)
    return j === undefined ? [] : [{ ...v, path: `bone.stations[${j}].${m[2]}` }]
  })
}

/** How many stations these values fill (their highest station index + 1; 0 for none). */
export function stationCount(values: readonly LinkedValue[]): number {
  return Math.max(-1, ...values.map((v) => Number(STATION_PATH.exec(v.path)?.[1] ?? -1))) + 1
}
const imageStationCount = (result: ImageCaseValues) => stationCount(result.values)
/** A draft's object at some key, or an empty one (drafts are partial and untrusted). */
export const obj = (x: unknown): Draft => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Draft) : {})
/** Whether a draft field holds a value (an emptied field is '' or absent). */
export const present = (x: unknown) => x !== undefined && x !== null && x !== ''

/**
 * The case with the image's values written in: the imaging section replaced by the calibration's,
 * bone stations rebuilt from the image (other planes' diameters of the same station kept), and
 * the soft-tissue method set to X-ray when the thickness comes from the image.
 */
export function applyImageValues(
  draft: CaseDraft,
  result: ImageCaseValues,
  plane: ImagePlane,
  skipPaths: readonly string[] = [],
  typedFrom: ReadonlyMap<string, string> = new Map(),
  /** `inPlace`: the same values again (a magnification typed since): the station list is not
   *  rebuilt. `imageRows`: the case rows the image's stations are on (the others were added in the
   *  form, and are kept after the image's); absent: all of them (its first values). */
  /** `fromRow`: when the list is rebuilt, the case row each image station (by its new position) is
   *  on now: the fields there the image does not write (typed by the surgeon) go with it. */
  options: { inPlace?: boolean; imageRows?: ReadonlySet<number>; fromRow?: ReadonlyMap<number, number> } = {}
): CaseDraft {
  const next = { ...(draft as Draft) }
  next.imaging = { ...result.imaging }
  const bone = { ...obj(next.bone) }
  const all = Array.isArray(bone.stations) ? (bone.stations as unknown[]) : []
  const stationCount = imageStationCount(result)
  const inPlace = plane === 'Lat' || options.inPlace === true
  // A single-plane or AP image owns the station list it wrote; a lateral image adds to the
  // stations there (at the case station of its level: the paths come placed, case-frame.ts).
  const mine = (j: number) => options.imageRows === undefined || options.imageRows.has(j)
  const old = inPlace ? all : all.filter((_, j) => mine(j))
  const added = inPlace ? [] : all.filter((_, j) => !mine(j)).map((s) => ({ ...obj(s) }))
  const stations: Draft[] = inPlace ? all.map((s) => ({ ...obj(s) })) : Array.from({ length: stationCount }, () => ({}))
  // A value typed over stays what was typed, even where the image rebuilds the station list
  // (`typedFrom`: the case row that holds it now, when its station moved in the list).
  const keepTyped = (path: string) => {
    const m = STATION_PATH.exec(path)
    const from = STATION_PATH.exec(typedFrom.get(path) ?? path)
    if (m && from && stations[Number(m[1])]) {
      const was = obj(all[Number(from[1])])[from[2]!]
      if (was !== undefined) stations[Number(m[1])]![m[2]!] = was
    }
  }
  const soft = { ...obj(next.softTissue) }
  const skip = new Set(skipPaths)
  for (const v of result.values) {
    if (skip.has(v.path)) {
      keepTyped(v.path)
      continue
    }
    const m = STATION_PATH.exec(v.path)
    // In place, a station no longer in the list (a row deleted in the form) is not made again.
    if (m) {
      if (stations[Number(m[1])]) stations[Number(m[1])]![m[2]!] = v.value
    }
    else if (v.path === 'bone.residualLength') bone.residualLength = v.value
    else if (v.path === 'softTissue.distalThickness') {
      soft.distalThickness = v.value
      soft.method = 'xray'
    }
  }
  if (!inPlace && options.fromRow) keepOtherFields(all, stations, options.fromRow, new Set(plane === 'single' ? ['fromDistalEnd', 'endosteal', 'periosteal'] : ['fromDistalEnd', 'endostealAP', 'periostealAP']))
  if (plane === 'AP' && stationCount > 0 && !inPlace) carryLateral(old, stations)
  // An image with no stations yet leaves the stations typed in the form alone; one whose last
  // station was removed takes its rows out (the form's own stay).
  if (stationCount > 0 || inPlace || options.imageRows !== undefined) bone.stations = [...stations, ...added]
  next.bone = bone
  if ('distalThickness' in soft) next.softTissue = soft
  return next as CaseDraft
}

const LATERAL_KEYS = ['endostealLat', 'periostealLat', 'lateralFromDistalEnd'] as const

/** A rebuilt station keeps the fields of its row its image's plane does not write (`written`): values the
 *  surgeon typed there (a one-value diameter in a row an AP image measured). Lateral values are
 *  carried by level instead (carryLateral). */
function keepOtherFields(all: readonly unknown[], stations: Draft[], fromRow: ReadonlyMap<number, number>, written: ReadonlySet<string>): void {
  for (const [i, j] of fromRow) {
    const row = obj(all[j])
    const st = stations[i]
    if (!st) continue
    for (const [f, x] of Object.entries(row)) if (!written.has(f) && !(LATERAL_KEYS as readonly string[]).includes(f) && !(f in st) && present(x)) st[f] = x
  }
}
/** A distance from the distal end as the draft holds it (a number in mm or a text with a unit), in mm; null if not one. */
export const levelOf = (x: unknown): number | null => {
  const z = parseLength(x, 'level')
  return typeof z === 'number' ? z : null
}

/**
 * The lateral diameters of the old stations, onto the AP image's rebuilt stations: each to the
 * station nearest the level it was measured at (its own `lateralFromDistalEnd`, else its old
 * station's distance, which it keeps from now on), one to one — never by list position, so a
 * station added or moved on the AP image does not shift them. A level that ends up more than
 * LIMITS.lateralLevelMm from its station is refused by parseCase at the field.
 */
function carryLateral(old: readonly unknown[], stations: Draft[]): void {
  const carried = old
    .map((s) => obj(s))
    .filter((o) => present(o.endostealLat) || present(o.periostealLat))
    .map((o) => ({ values: Object.fromEntries(LATERAL_KEYS.filter((k) => present(o[k])).map((k) => [k, o[k]])), level: levelOf(o.lateralFromDistalEnd) ?? levelOf(o.fromDistalEnd), atStation: o.fromDistalEnd }))
  const matched = matchByLevel(carried.map((c) => c.level), stations.map((s) => levelOf(s.fromDistalEnd)))
  for (const [ci, j] of matched) {
    const c = carried[ci]!
    Object.assign(stations[j]!, c.values)
    if (!present(c.values.lateralFromDistalEnd) && present(c.atStation)) stations[j]!.lateralFromDistalEnd = c.atStation
  }
}

/** Whether each image value is still the case's value (linked) or was typed over (unlinked). */
export function linkStates(draft: CaseDraft, values: readonly LinkedValue[], get: (root: unknown, path: string) => unknown): { value: LinkedValue; linked: boolean; current: unknown }[] {
  return values.map((value) => {
    const current = get(draft, value.path)
    return { value, linked: current === value.value, current }
  })
}

const STATION_FIELDS = ['fromDistalEnd', 'endosteal', 'periosteal', 'endostealAP', 'periostealAP', 'endostealLat', 'periostealLat'] as const
const LATERAL_FIELDS = new Set(['endostealLat', 'periostealLat'])

/**
 * The case's radiographic values this image does not write, which the case's one magnification
 * corrects as well: the residual length, stations, sound-side length or soft tissue measured
 * elsewhere or typed. While there are any, the image does not set the case's calibration: its
 * values are converted to the case's (case-frame.ts), and these are named for the surgeon.
 */
export function valuesAlsoCorrected(draft: CaseDraft, result: ImageCaseValues, plane: ImagePlane, skipPaths: readonly string[] = [], imageRows?: ReadonlySet<number>): string[] {
  const d = draft as Draft
  const typed = new Set(skipPaths)
  const written = new Set(result.values.map((v) => v.path).filter((p) => !typed.has(p)))
  const out: string[] = []
  const bone = obj(d.bone)
  if (present(bone.residualLength) && !written.has('bone.residualLength')) out.push('Residual bone length')
  const stations = Array.isArray(bone.stations) ? (bone.stations as unknown[]) : []
  const imageStations = imageStationCount(result)
  const others: number[] = []
  stations.forEach((s, i) => {
    const o = obj(s)
    for (const f of STATION_FIELDS) {
      if (!present(o[f]) || written.has(`bone.stations[${i}].${f}`)) continue
      // An AP or single-plane image with stations rebuilds the list (applyImageValues): only the
      // lateral values stay, carried by an AP image to the station at their level.
      // A value typed over is kept there (applyImageValues keepTyped): it stays the case's own.
      // (`imageRows`: the rows of the image's stations; those added in the form are kept.)
      if (plane !== 'Lat' && imageStations > 0 && (imageRows === undefined || imageRows.has(i)) && !typed.has(`bone.stations[${i}].${f}`) && (plane === 'single' || !LATERAL_FIELDS.has(f))) continue
      if (!others.includes(i + 1)) others.push(i + 1)
    }
  })
  if (others.length > 0) out.push(`${others.length === 1 ? 'Station' : 'Stations'} ${others.join(', ')}`)
  if (present(obj(d.prosthesis).soundSideLength)) out.push('Sound-side length')
  const soft = obj(d.softTissue)
  if (soft.method === 'xray' && present(soft.distalThickness) && !written.has('softTissue.distalThickness')) out.push('Distal soft-tissue thickness')
  return out
}
