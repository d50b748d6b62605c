// The summary's canal-station table names both planes' values when the stations were measured in
// two planes (AP and lateral, as the drawing shows them: AP filled, lateral dotted), not only the
// smaller one the sizing uses; with one plane it keeps one row per diameter.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { buildSummary } from '../../../src/shared/summary'
import { StationsTable } from '../../../src/renderer/src/features/print/summary-blocks'
import { makeCase, makeMeta, makeResult } from './summary-fixtures'

/** Each table row as "label: cell | cell …" (tags stripped). */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => {
    const cells = [...(m[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1] ?? '')
    return `${cells[0]}: ${cells.slice(1).join(' | ')}`
  })
}

describe('canal stations on paper', () => {
  it('two planes: a row for each plane’s endosteal and periosteal diameter', () => {
    const s = buildSummary(makeCase(), makeResult(), makeMeta())
    expect(rowsOf(renderToStaticMarkup(<StationsTable inputs={s.inputs} />))).toEqual([
      'From distal end: 20 mm | 80 mm',
      'Endosteal Ø, AP: 15 mm | 13 mm',
      'Endosteal Ø, lateral: 17 mm | 13 mm',
      'Periosteal Ø, AP: 28 mm | 26 mm',
      'Periosteal Ø, lateral: 30 mm | 26 mm',
      'Planes: AP and lateral (smaller used) | one plane'
    ])
  })

  it('one plane: one row per diameter', () => {
    const c = makeCase()
    c.bone.stations = c.bone.stations.map((st) => ({ index: st.index, fromDistalEndMm: st.fromDistalEndMm, endostealMm: st.endostealMm, periostealMm: st.periostealMm, twoPlane: false }))
    const s = buildSummary(c, makeResult(), makeMeta())
    expect(rowsOf(renderToStaticMarkup(<StationsTable inputs={s.inputs} />))).toEqual([
      'From distal end: 20 mm | 80 mm',
      'Endosteal Ø: 15 mm | 13 mm',
      'Periosteal Ø: 28 mm | 26 mm',
      'Planes: one plane'
    ])
  })
})
