// Which case row each station of an image is at. A case path names a list position: when rows are
// added or removed in the form, the positions move while the image's stations do not. These follow
// them (what was typed over is kept by the image station's key, to-case.ts LinkedValue.key).
import { STATION_PATH, stationOfKey, type ImageMarks, type LinkedValue } from '../../../../shared/imaging'
import type { CaseDraft } from '../../../../shared/case/types'

/**
 * For an image that owns the station list: the case row each station it wrote (`written`) is at
 * now, by station mark id. A row is a station's when it still holds values the station wrote there
 * (its distance counts most: a diameter typed over or a distance corrected leaves the others),
 * best pairs first, one to one; else its own position while that row is nobody else's (every value
 * typed over). A station whose row was deleted in the form has none. Null for a lateral image (its
 * values come placed at their levels).
 */
export function stationRows(marks: ImageMarks, written: readonly LinkedValue[], draft: CaseDraft): Map<string, number> | null {
  if (marks.plane === 'Lat') return null
  const caseRows = ((draft.bone?.stations ?? []) as unknown[]).map((r) => (r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : {}))
  const fields = new Map<string, { i: number; held: [string, number][] }>()
  for (const v of written) {
    const m = STATION_PATH.exec(v.path)
    const id = stationOfKey(v.key)
    if (!m || id === null) continue
    const f = fields.get(id) ?? { i: Number(m[1]), held: [] }
    f.held.push([m[2]!, v.value])
    fields.set(id, f)
  }
  const pairs: { id: string; i: number; j: number; score: number }[] = []
  for (const [id, { i, held }] of fields)
    caseRows.forEach((row, j) => {
      const score = held.reduce((n, [f, x]) => n + (row[f] === x ? (f === 'fromDistalEnd' ? 2 : 1) : 0), 0)
      if (score > 0) pairs.push({ id, i, j, score })
    })
  pairs.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.i - b.i)
  const rows = new Map<string, number>()
  const taken = new Set<number>()
  for (const { id, j } of pairs) {
    if (rows.has(id) || taken.has(j)) continue
    rows.set(id, j)
    taken.add(j)
  }
  for (const [id, { i }] of fields) {
    if (rows.has(id) || i >= caseRows.length || taken.has(i)) continue
    rows.set(id, i)
    taken.add(i)
  }
  return rows
}

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
