// Which case row each station of an image is at. A case path names a list position: when rows are
// added or removed in the form, the positions move while the image's stations do not. These follow
// them (what was typed over is kept by the image station's key, to-case.ts LinkedValue.key).
import { STATION_PATH, stationCount, type ImageMarks, type LinkedValue } from '../../../../shared/imaging'
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

/** How many of the case's stations an image owns: those its values fill (the highest station
 *  index + 1); undefined when it wrote none (its first stations replace the list). */
export function ownedStations(written: readonly LinkedValue[]): number | undefined {
  const n = stationCount(written)
  return n > 0 ? n : undefined
}
