// Which case row each station of an image is at. Station values are linked by case paths, and a
// path names a list position: when stations are added or removed on the image, or rows in the
// form, the positions move while the stations do not. These follow them.
import { sortedStations, STATION_PATH, stationCount, type ImageMarks, type LinkedValue } from '../../../../shared/imaging'
import type { CaseDraft } from '../../../../shared/case/types'

/**
 * For an image that owns the station list: the case row each station it wrote is at now, found by
 * the distance it wrote there, else at its own position while that row is nobody else's; a
 * station whose row is gone has none. Identity for a lateral image (its values come placed).
 */
export function rowsByLevel(marks: ImageMarks, written: readonly LinkedValue[], draft: CaseDraft): Map<number, number> | null {
  if (marks.plane === 'Lat') return null
  const caseRows = ((draft.bone?.stations ?? []) as { fromDistalEnd?: unknown }[]).map((r) => r?.fromDistalEnd)
  const levels = new Map<number, unknown>()
  for (const v of written) {
    const m = STATION_PATH.exec(v.path)
    if (m && m[2] === 'fromDistalEnd') levels.set(Number(m[1]), v.value)
  }
  const rows = new Map<number, number>()
  const taken = new Set<number>()
  for (const [i, z] of levels) {
    const j = caseRows[i] === z ? i : caseRows.findIndex((c, k) => c === z && !taken.has(k))
    if (j >= 0 && !taken.has(j)) {
      rows.set(i, j)
      taken.add(j)
    }
  }
  for (const i of levels.keys()) if (!rows.has(i) && i < caseRows.length && !taken.has(i)) rows.set(i, i)
  return rows
}

/** Station values moved to the rows given (null: as they are); those of a station without a row dropped. */
export function onRows(values: readonly LinkedValue[], rows: Map<number, number> | null): LinkedValue[] {
  if (!rows) return [...values]
  return values.flatMap((v) => {
    const m = STATION_PATH.exec(v.path)
    if (!m) return [v]
    const j = rows.get(Number(m[1]))
    return j === undefined ? [] : [{ ...v, path: `bone.stations[${j}].${m[2]}` }]
  })
}

/** Old station position → new (null: removed), on an image that owns the station list; empty
 *  when no station was added, removed or reordered. */
export function stationMoves(before: ImageMarks, after: ImageMarks): Map<number, number | null> {
  const moves = new Map<number, number | null>()
  if (after.plane === 'Lat') return moves
  const from = sortedStations(before).map((s) => s.id)
  const to = sortedStations(after).map((s) => s.id)
  if (from.length === to.length && from.every((id, i) => to[i] === id)) return moves
  from.forEach((id, i) => {
    const j = to.indexOf(id)
    moves.set(i, j < 0 ? null : j)
  })
  return moves
}

/** A station value's path after the moves (null: its station was removed). */
export function movedPath(path: string, moves: ReadonlyMap<number, number | null>): string | null {
  const m = STATION_PATH.exec(path)
  if (!m || !moves.has(Number(m[1]))) return path
  const j = moves.get(Number(m[1]))
  return j === null || j === undefined ? null : `bone.stations[${j}].${m[2]}`
}

/** How many of the case's stations an image owns: those its values fill (the highest station
 *  index + 1); undefined when it wrote none (its first stations replace the list). */
export function ownedStations(written: readonly LinkedValue[]): number | undefined {
  const n = stationCount(written)
  return n > 0 ? n : undefined
}
