// Which case row each station of an image is at. A case path names a list position: when rows are
// added or removed in the form, the positions move while the image's stations do not. These follow
// them (what was typed over is kept by the image station's key, to-case.ts LinkedValue.key).
import { levelOf, STATION_PATH, stationOfKey, type ImageMarks, type LinkedValue } from '../../../../shared/imaging'
import { LIMITS } from '../../../../shared/case/parse'
import type { CaseDraft } from '../../../../shared/case/types'

/**
 * For an image that owns the station list: the case row each station it wrote (`written`) is at
 * now, by station mark id. A row is a station's when it still holds at least two of the values the
 * station wrote there (one value alone may equal another station's, or a row the surgeon typed),
 * best pairs first; else, for a station with no row so, the row nobody holds nearest the distance
 * it wrote, within LIMITS.lateralLevelMm (every value typed over, the distance corrected a little).
 * A station whose row was deleted in the form has none. Null for a lateral image (its values come
 * placed at their levels).
 */
export function stationRows(marks: ImageMarks, written: readonly LinkedValue[], draft: CaseDraft): StationRows | null {
  if (marks.plane === 'Lat') return null
  const caseRows = ((draft.bone?.stations ?? []) as unknown[]).map((r) => (r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : {}))
  const fields = new Map<string, [string, number][]>()
  for (const v of written) {
    const m = STATION_PATH.exec(v.path)
    const id = stationOfKey(v.key)
    if (m && id !== null) fields.set(id, [...(fields.get(id) ?? []), [m[2]!, v.value]])
  }
  const levelOfStation = (held: [string, number][]) => held.find(([f]) => f === 'fromDistalEnd')?.[1] ?? null
  const apart = (held: [string, number][], j: number) => {
    const a = levelOfStation(held)
    const b = levelOf(caseRows[j]!.fromDistalEnd)
    return a === null || b === null ? Infinity : Math.abs(a - b)
  }
  const strong: { id: string; j: number; score: number; d: number }[] = []
  for (const [id, held] of fields)
    caseRows.forEach((row, j) => {
      const score = held.filter(([f, x]) => row[f] === x).length
      if (score >= 2) strong.push({ id, j, score, d: apart(held, j) })
    })
  strong.sort((a, b) => b.score - a.score || a.d - b.d)
  const rows = new Map<string, number>()
  const taken = new Set<number>()
  const claim = (id: string, j: number) => {
    if (rows.has(id) || taken.has(j)) return
    rows.set(id, j)
    taken.add(j)
  }
  for (const { id, j } of strong) claim(id, j)
  const near: { id: string; j: number; d: number }[] = []
  for (const [id, held] of fields) {
    if (rows.has(id)) continue
    caseRows.forEach((_, j) => {
      const d = apart(held, j)
      if (!taken.has(j) && d <= LIMITS.lateralLevelMm.max + 1e-9) near.push({ id, j, d })
    })
  }
  near.sort((a, b) => a.d - b.d)
  const byLevel = new Set<string>()
  for (const { id, j } of near) {
    if (!rows.has(id) && !taken.has(j)) byLevel.add(id)
    claim(id, j)
  }
  return Object.assign(rows, { levelOnly: byLevel })
}

/** Station mark id → case row; `levelOnly`: stations whose row holds none of their values (found by
 *  level alone: the surgeon retyped it, so every value there is theirs, even an empty one). */
export type StationRows = Map<string, number> & { levelOnly: ReadonlySet<string> }

/** The case rows an image's stations are on now (`written`: the values it wrote, `rowOf`: their
 *  stationRows; null: at their positions); undefined when it wrote no station (its first stations
 *  replace the list). The other rows are the case's own, added in the form. */
export function imageRowsOf(written: readonly LinkedValue[] | null, rowOf: ReadonlyMap<string, number> | null): ReadonlySet<number> | undefined {
  const stations = new Map<string, number>()
  for (const v of written ?? []) {
    const m = STATION_PATH.exec(v.path)
    const id = stationOfKey(v.key)
    if (m && id !== null) stations.set(id, Number(m[1]))
  }
  if (stations.size === 0) return undefined
  return new Set([...stations].flatMap(([id, i]) => (rowOf ? (rowOf.has(id) ? [rowOf.get(id)!] : []) : [i])))
}
