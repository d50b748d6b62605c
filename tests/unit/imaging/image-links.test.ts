// A value typed over an image's value belongs to the image's station mark, not to a row of the
// case: rows move when stations are added or removed (on this image, on another one, or in the
// form), and a typed-over entry kept as a list position then names another station.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CalibrationInput, ImageMarks, StationMark } from '../../../src/shared/imaging'
import type { CaseDraft } from '../../../src/shared/case/types'
import { createEditorStore } from '../../../src/renderer/src/features/editor/editor-store'
import { getAt } from '../../../src/renderer/src/features/editor/draft-path'
import { applyImageEdit, imageSideKey, imageValuesOf, stationsOfOtherImages, type ImageEditState } from '../../../src/renderer/src/features/imaging/image-edit'
import { followImaging, storedImageState } from '../../../src/renderer/src/features/imaging/image-follow'
import { truth } from './phantoms'

const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }
const FILE_CAL: CalibrationInput = { kind: 'file', spacing: { ...detector, id: 'imager-ermf', plane: 'corrected', rowMm: truth.detectorPixelMm / 1.15, colMm: truth.detectorPixelMm / 1.15, ermf: 1.15 } }
const KNOWN: CalibrationInput = { kind: 'known-distance', trueLengthMm: 25, from: truth.marker.from, to: truth.marker.to, detector }

const station = (i: number): StationMark => ({ id: `s${i}`, t: truth.stations[i]!.zMm / truth.residualMm, edges: { ...truth.stations[i]!.edges }, accepted: true })
const mk = (plane: ImageMarks['plane'], n: number[]): ImageMarks => ({ axis: truth.axis, stations: n.map(station), skin: plane === 'Lat' ? null : truth.skin, plane, unlinked: [] })
function baseCase(): CaseDraft {
  const c = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  delete c.prosthesis!.soundSideLength
  return c
}
/** Station mark `id` with its endosteal A handle moved `dx` pixels. */
const nudge = (s: ImageEditState, id: string, dx: number): ImageEditState => ({
  ...s,
  marks: { ...s.marks, stations: s.marks.stations.map((st) => (st.id === id ? { ...st, edges: { ...st.edges, endostealA: { x: st.edges.endostealA!.x + dx, y: st.edges.endostealA!.y } } } : st)) }
})

/** A plan's editor with these images, the follower on; each image's calibration is then chosen
 *  (its first edit), in order. `img` does what the panel does for one edit (use-image-edits.ts). */
function images(list: { id: string; marks: ImageMarks; cal: CalibrationInput }[], base: CaseDraft = baseCase()) {
  const store = createEditorStore(base, () => 0)
  store.setFollower(followImaging)
  const img = (id: string, change: (s: ImageEditState) => ImageEditState) =>
    store.edit((draft, side) => {
      const before = side(imageSideKey(id)) as ImageEditState
      const r = applyImageEdit(draft, before, change(before), id, [], false, stationsOfOtherImages(store.sideEntries(), imageSideKey(id), draft))
      return { draft: r.draft, side: { [imageSideKey(id)]: r.state } }
    })
  for (const { id, marks } of list) store.initSide(imageSideKey(id), { marks, calibration: null } satisfies ImageEditState)
  for (const { id, cal } of list) img(id, (s) => ({ ...s, calibration: cal }))
  return { store, img, side: (id: string) => store.side(imageSideKey(id)) as ImageEditState }
}

/** One image (one-plane unless said) that wrote stations at truth levels `n`, the follower on. */
function oneImage(n: number[] = [0, 2, 4, 12], plane: ImageMarks['plane'] = 'single', base: CaseDraft = baseCase()) {
  const { store, img: edit, side: sideOf } = images([{ id: 'AP', marks: mk(plane, n), cal: FILE_CAL }], base)
  const img = (change: (s: ImageEditState) => ImageEditState) => edit('AP', change)
  const rows = () => store.draft().bone!.stations as Record<string, unknown>[]
  const side = () => sideOf('AP')
  /** The image's value with this key as the case should hold it. */
  const imageValue = (key: string) => imageValuesOf(side(), 'AP', store.draft())!.result.values.find((v) => v.key === key)!.value
  return { store, img, rows, side, imageValue }
}
const byLevel = (rows: Record<string, unknown>[], i: number, m = 1.15) => rows.find((r) => Math.abs(Number(r.fromDistalEnd) / m - truth.stations[i]!.zMm) < 1)

function twoImages() {
  const { store, img, side } = images([
    { id: 'AP', marks: mk('AP', [0, 2, 4, 12]), cal: FILE_CAL },
    { id: 'LAT', marks: mk('Lat', [0, 2, 4, 12]), cal: KNOWN }
  ])
  const at = (path: string) => getAt(store.draft(), path)
  /** Case row of the station at truth level `i` (the case holds lengths at the AP image's 1.15×). */
  const rowOf = (i: number) => (store.draft().bone!.stations as { fromDistalEnd?: unknown }[]).findIndex((r) => Math.abs(Number(r.fromDistalEnd) / 1.15 - truth.stations[i]!.zMm) < 1)
  return { store, img, side, at, rowOf }
}

describe('typed-over values follow their station, not a list position', () => {
  it('a lateral value typed over stays with its station when the AP image removes a station before it; the lateral image still writes its other stations (F6: the image’s change at another station was not written)', () => {
    const { store, img, side, at, rowOf } = twoImages()
    // Typed over the lateral endosteal Ø at the third station (truth level 4), then an image edit
    // records it as typed over.
    store.set(`bone.stations[${rowOf(4)}].endostealLat`, 12)
    img('LAT', (s) => nudge(s, 's0', 1))
    // The AP image loses its first station: every case row after it moves up by one.
    img('AP', (s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.filter((st) => st.id !== 's0') } }))
    expect(at(`bone.stations[${rowOf(4)}].endostealLat`)).toBe(12)
    // The lateral image's last station is moved: its new value is written at its station.
    const before = at(`bone.stations[${rowOf(12)}].endostealLat`)
    img('LAT', (s) => nudge(s, 's12', -3))
    const placed = imageValuesOf(side('LAT'), 'LAT', store.draft())!.result.values
    const wanted = placed.find((v) => v.path === `bone.stations[${rowOf(12)}].endostealLat`)!.value
    expect(wanted).not.toBe(before)
    expect(at(`bone.stations[${rowOf(12)}].endostealLat`)).toBe(wanted)
    // The typed value is still the surgeon's.
    expect(at(`bone.stations[${rowOf(4)}].endostealLat`)).toBe(12)
  })

  it('a value typed over on the AP image stays with its station when a station is added before it on that image', () => {
    const { store, img, at, rowOf } = twoImages()
    store.set(`bone.stations[${rowOf(4)}].endostealAP`, 14)
    img('AP', (s) => nudge(s, 's12', 1))
    img('AP', (s) => ({ ...s, marks: { ...s.marks, stations: [...s.marks.stations, station(1)] } }))
    expect(rowOf(1)).toBe(1)
    expect(at(`bone.stations[${rowOf(4)}].endostealAP`)).toBe(14)
    expect(at(`bone.stations[${rowOf(2)}].endostealAP`)).not.toBe(14)
  })

  it('an image stored with typed-over entries as case paths reads them as its stations', () => {
    const { store, img, side } = twoImages()
    store.set('bone.stations[2].endostealLat', 12)
    img('LAT', (s) => nudge(s, 's0', 1))
    const keys = side('LAT').marks.unlinked!
    expect(keys).toHaveLength(1)
    // As an earlier version stored it: the case path.
    const stored = { ...side('LAT'), marks: { ...side('LAT').marks, unlinked: ['bone.stations[2].endostealLat'] } }
    expect(storedImageState(stored, store.draft()).marks.unlinked).toEqual(keys)
  })

  it('a station typed over and then its row deleted in the form: the next image edit writes that station afresh, not another station’s typed value (eighth read: 16.3 for 18.3)', () => {
    const { store, img, rows, imageValue } = oneImage()
    store.set('bone.stations[1].endosteal', 17)
    img((s) => nudge(s, 's12', 1))
    store.replace('bone.stations', rows().filter((_, j) => j !== 1))
    img((s) => nudge(s, 's12', 1))
    expect(byLevel(rows(), 2)!.endosteal).toBe(imageValue('station:s2.endosteal'))
    expect(byLevel(rows(), 4)!.endosteal).toBe(imageValue('station:s4.endosteal'))
  })

  it('a row of the image deleted in the form and one of the surgeon’s added: the surgeon’s row is kept at the next image edit (eighth read: lost)', () => {
    const { store, img, rows } = oneImage([0, 2, 4, 12], 'AP')
    store.replace('bone.stations', rows().filter((_, j) => j !== 1))
    store.replace('bone.stations', [...rows(), { fromDistalEnd: 200, endostealAP: 15, periostealAP: 28 }])
    img((s) => nudge(s, 's12', 1))
    expect(rows()).toContainEqual({ fromDistalEnd: 200, endostealAP: 15, periostealAP: 28 })
    expect(rows()).toHaveLength(5)
  })

  it('a row deleted in the form, then the next station’s distance corrected: a typed factor places that station’s diameters again (eighth read: left at the old factor, 13.58 for 14.17)', () => {
    const { store, rows } = oneImage([0, 2, 4, 12], 'AP')
    store.replace('bone.stations', rows().filter((_, j) => j !== 1))
    store.set('bone.stations[1].fromDistalEnd', 116)
    const before = rows()[1]!.endostealAP as number
    store.set('imaging.magnification', 1.2)
    expect(rows()[1]!.fromDistalEnd).toBe(116)
    expect(rows()[1]!.endostealAP).toBeCloseTo((before * 1.2) / 1.15, 1)
  })

  it('a handle moved while the image’s values are refused is written once the magnification is typed back, not flagged typed over (eighth read: 16.3 kept for 18.1)', () => {
    const base = { ...baseCase(), imaging: { source: 'xray' as const, magnification: 1.15 }, prosthesis: { ...baseCase().prosthesis, soundSideLength: 400 } }
    const { store, img, side, imageValue } = oneImage([0, 2, 4, 12], 'single', base)
    store.set('imaging.magnification', '')
    const kept = store.draft().bone!.stations![2] as Record<string, unknown>
    img((s) => nudge(s, 's4', -6))
    expect((store.draft().bone!.stations![2] as Record<string, unknown>).endosteal).toBe(kept.endosteal)
    store.set('imaging.magnification', 1.15)
    expect((store.draft().bone!.stations![2] as Record<string, unknown>).endosteal).toBe(imageValue('station:s4.endosteal'))
    expect(imageValue('station:s4.endosteal')).not.toBe(kept.endosteal)
    expect(side().marks.unlinked).toEqual([])
  })
})

describe('rows deleted or added in the form, and the image’s stations (ninth read)', () => {
  it('the image’s last row deleted and one of the surgeon’s added: the surgeon’s row stays the surgeon’s, also when that station is removed on the image (was: taken as the station’s and deleted with it)', () => {
    const { store, img, rows } = oneImage()
    store.replace('bone.stations', [...rows().filter((_, j) => j !== 3), { fromDistalEnd: 200, endosteal: 14, periosteal: 26 }])
    img((s) => nudge(s, 's0', 1))
    expect(rows()).toContainEqual({ fromDistalEnd: 200, endosteal: 14, periosteal: 26 })
    expect(byLevel(rows(), 12)).toBeDefined()
    img((s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.filter((st) => st.id !== 's12') } }))
    expect(rows()).toContainEqual({ fromDistalEnd: 200, endosteal: 14, periosteal: 26 })
    expect(byLevel(rows(), 12)).toBeUndefined()
  })

  it('a row retyped whole (another modality’s values) and another row deleted: the retyped row stays the station’s, typed over, and the station is not written twice (was: 100 mm twice, flags on the 60 mm station)', () => {
    const { store, img, rows, side } = oneImage()
    const j = rows().findIndex((r) => r === byLevel(rows(), 4))
    store.replace(`bone.stations[${j}]`, { fromDistalEnd: 116, endosteal: 16, periosteal: 29 })
    store.replace('bone.stations', rows().filter((r) => r !== byLevel(rows(), 2)))
    img((s) => nudge(s, 's12', 1))
    expect(rows().filter((r) => Math.abs(Number(r.fromDistalEnd) - 116) <= 1)).toEqual([{ fromDistalEnd: 116, endosteal: 16, periosteal: 29 }])
    expect(byLevel(rows(), 2)).toBeDefined()
    expect([...side().marks.unlinked!].sort()).toEqual(['station:s4.endosteal', 'station:s4.fromDistalEnd', 'station:s4.periosteal'])
  })

  it('two stations with the same endosteal Ø, the first’s row deleted and the second’s distance corrected: the corrected row stays the second station’s (was: taken by the deleted one, the second written twice)', () => {
    const { store, img, rows, side } = oneImage([0, 7, 8, 12])
    expect(rows()[1]!.endosteal).toBe(rows()[2]!.endosteal)
    store.replace('bone.stations', rows().filter((_, j) => j !== 1))
    store.set('bone.stations[1].fromDistalEnd', 208)
    store.set('bone.stations[1].periosteal', 28)
    img((s) => nudge(s, 's12', 1))
    expect(rows().find((r) => r.fromDistalEnd === 208)!.periosteal).toBe(28)
    expect(byLevel(rows(), 7)).toBeDefined()
    // The 180 mm station once (at 208, as corrected), not again at the image's 207.
    expect(rows().filter((r) => Math.abs(Number(r.fromDistalEnd) - 207.5) <= 1)).toHaveLength(1)
    expect([...side().marks.unlinked!].sort()).toEqual(['station:s8.fromDistalEnd', 'station:s8.periosteal'])
  })

  it('AP and lateral images, a row deleted in the form: the AP image writes it again and the lateral image fills its diameters, not flagged typed over (was: left empty, flagged)', () => {
    const { store, img, side, at, rowOf } = twoImages()
    store.replace('bone.stations', (store.draft().bone!.stations as unknown[]).filter((_, j) => j !== rowOf(2)))
    img('AP', (s) => nudge(s, 's12', 1))
    img('LAT', (s) => nudge(s, 's12', 1))
    const lat = imageValuesOf(side('LAT'), 'LAT', store.draft())!.result.values.find((v) => v.key === 'station:s2.endostealLat')!
    expect(at(`bone.stations[${rowOf(2)}].endostealLat`)).toBe(lat.value)
    expect(side('LAT').marks.unlinked).toEqual([])
  })

  it('a station removed on the image whose row holds a value typed over: the row stays with what was typed, without the station’s other values (never dropped with the station, never left to be re-corrected)', async () => {
    const { store, img, rows } = oneImage()
    store.set('bone.stations[2].endosteal', 15)
    img((s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.filter((st) => st.id !== 's4') } }))
    expect(rows()).toHaveLength(4)
    expect(rows()).toContainEqual({ endosteal: 15 })
    // The form says the row has no distance: nothing is computed from it silently.
    const { planFromRaw } = await import('../../../src/shared/plan')
    const p = planFromRaw(store.draft())
    const row = rows().findIndex((r) => r.endosteal === 15)
    expect(p.ok ? [] : p.errors.map((e) => e.path)).toContain(`bone.stations[${row}].fromDistalEnd`)
  })
})

describe('whole workflows (tenth read)', () => {
  it('a one-plane image refused beside a lateral image still follows a typed magnification (was: left at 1.15 under a case at 1.2, 268.3 for 280)', () => {
    const { store } = images([
      { id: 'X', marks: mk('single', [0, 2, 4, 12]), cal: FILE_CAL },
      { id: 'LAT', marks: mk('Lat', [0, 2, 4, 12]), cal: KNOWN }
    ])
    store.set('imaging.magnification', 1.2)
    expect((store.draft().bone!.residualLength as number) / 1.2).toBeCloseTo(truth.residualMm, 0)
    expect((store.draft().softTissue!.distalThickness as number) / 1.2).toBeCloseTo(truth.softTissueMm, 0)
    const st = store.draft().bone!.stations as Record<string, number>[]
    expect(st.map((r) => Math.round(r.fromDistalEnd! / 1.2))).toEqual([0, 2, 4, 12].map((i) => truth.stations[i]!.zMm))
    expect(st[1]!.endosteal! / 1.2).toBeCloseTo(truth.stations[2]!.endostealMm, 0)
  })

  it('a CT case with typed stations stays a CT case when a one-plane radiograph is added: its values are written at true size (was: turned into an X-ray case at 1.15, silently)', async () => {
    const ct = { ...baseCase(), imaging: { source: 'ct' as const } }
    const r = applyImageEdit(ct, { marks: mk('single', [0, 2, 4, 12]), calibration: null }, { marks: mk('single', [0, 2, 4, 12]), calibration: FILE_CAL }, 'AP-1')
    expect(r.draft.imaging).toEqual({ source: 'ct' })
    expect(r.draft.bone!.residualLength).toBeCloseTo(truth.residualMm, 0)
    expect((r.draft.bone!.stations![1] as Record<string, number>).endosteal).toBeCloseTo(truth.stations[2]!.endostealMm, 0)
    const { planFromRaw } = await import('../../../src/shared/plan')
    const p = planFromRaw(r.draft)
    if (!p.ok) throw new Error(JSON.stringify(p.errors))
    expect(p.result.corrected.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
  })
})

describe('after the fixes of the tenth read (eleventh read)', () => {
  const ctCase = () => ({ ...baseCase(), imaging: { source: 'ct' as const } })

  it('a CT case that kept its calibration keeps it when the image is recalibrated (was: became X-ray 1.15 silently, a CT value then read at 1.15)', () => {
    const first = applyImageEdit(ctCase(), { marks: mk('single', [0, 2, 4, 12]), calibration: null }, { marks: mk('single', [0, 2, 4, 12]), calibration: FILE_CAL }, 'X')
    expect(first.draft.imaging).toEqual({ source: 'ct' })
    const MARKER: CalibrationInput = { kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector }
    const again = applyImageEdit(first.draft, first.state, { ...first.state, calibration: MARKER }, 'X')
    expect(again.draft.imaging).toEqual({ source: 'ct' })
    expect(again.draft.bone!.residualLength).toBeCloseTo(truth.residualMm, 0)
  })

  it('a one-plane image refused beside a lateral image, with a station removed meanwhile, still follows a typed magnification (was: every value left at 1.15, 268.3 for 280)', () => {
    const { store, img } = images([
      { id: 'X', marks: mk('single', [0, 2, 4, 12]), cal: FILE_CAL },
      { id: 'LAT', marks: mk('Lat', [0, 2, 4, 12]), cal: KNOWN }
    ])
    img('X', (s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.filter((st) => st.id !== 's4') } }))
    store.set('imaging.magnification', 1.2)
    expect((store.draft().bone!.residualLength as number) / 1.2).toBeCloseTo(truth.residualMm, 0)
    const st = store.draft().bone!.stations as Record<string, number>[]
    expect(st.every((r) => Math.abs(r.fromDistalEnd! / 1.2 - Math.round(r.fromDistalEnd! / 1.2 / 20) * 20) < 0.5)).toBe(true)
  })

  it('the image’s last station removed: its rows leave with it, the surgeon’s stay (was: the last row stayed, nobody’s, re-corrected by a later factor)', () => {
    const { store, img, rows } = oneImage()
    store.replace('bone.stations', [...rows(), { fromDistalEnd: 200, endosteal: 14, periosteal: 26 }])
    img((s) => ({ ...s, marks: { ...s.marks, stations: [] } }))
    expect(rows()).toEqual([{ fromDistalEnd: 200, endosteal: 14, periosteal: 26 }])
  })

  it('the surgeon’s own row within 5 mm of a deleted image row, only partly typed: it stays the surgeon’s as typed, not completed with the image’s value from another level (was: periosteal measured at 69 filled in at 72)', () => {
    const { store, img, rows } = oneImage()
    const deleted = byLevel(rows(), 2)!
    store.replace('bone.stations', [...rows().filter((r) => r !== deleted), { fromDistalEnd: 72, endosteal: 17 }])
    img((s) => nudge(s, 's12', 1))
    expect(rows()).toContainEqual({ fromDistalEnd: 72, endosteal: 17 })
  })

  it('a case at a stated factor switched to CT in the form: the image’s soft tissue, which a CT case does not take, is taken out, not left to the site default (was: 46.96 for 45)', () => {
    const stated = { ...baseCase(), imaging: { source: 'xray' as const, magnification: 1.2 } }
    const { store } = images([{ id: 'X', marks: mk('single', [0, 2, 4, 12]), cal: FILE_CAL }], stated)
    expect(store.draft().softTissue!.distalThickness).toBeDefined()
    store.set('imaging', { source: 'ct' })
    expect(store.draft().softTissue!.distalThickness).toBeUndefined()
  })

  it('the skin point removed on the image: its soft tissue leaves the case with it', () => {
    const { store, img } = oneImage()
    expect(store.draft().softTissue!.distalThickness).toBeDefined()
    img((s) => ({ ...s, marks: { ...s.marks, skin: null } }))
    expect(store.draft().softTissue!.distalThickness).toBeUndefined()
  })
})

describe('twelfth read', () => {
  it('a second one-plane image refused beside the first, with stations added meanwhile, does not replace the first image’s stations when a factor is typed (was: all silently replaced)', () => {
    const { store, img } = images([
      { id: 'A', marks: mk('single', [0, 2, 4, 12]), cal: FILE_CAL },
      { id: 'B', marks: mk('single', []), cal: FILE_CAL }
    ])
    img('B', (s) => ({ ...s, marks: { ...s.marks, stations: [station(7), station(9)] } }))
    store.set('imaging.magnification', 1.2)
    const st = store.draft().bone!.stations as Record<string, number>[]
    expect(st.map((r) => Math.round(r.fromDistalEnd! / 1.2))).toEqual([0, 2, 4, 12].map((i) => truth.stations[i]!.zMm))
  })

  it('a row the surgeon retyped with one value for both planes, found by level by an AP image, keeps those values when the AP image rebuilds its list (was: left with the distance only)', () => {
    const { store, img, rows } = oneImage([0, 2, 4, 12], 'AP')
    const deleted = byLevel(rows(), 2)!
    store.replace('bone.stations', [...rows().filter((r) => r !== deleted), { fromDistalEnd: 72, endosteal: 17, periosteal: 30 }])
    img((s) => ({ ...s, marks: { ...s.marks, stations: [...s.marks.stations, station(7)] } }))
    expect(rows()).toContainEqual({ fromDistalEnd: 72, endosteal: 17, periosteal: 30 })
  })
})

describe('images stored with typed-over entries as case paths (before 2026-12-01)', () => {
  it('an entry left on another station’s row (F6 as stored) is dropped, and the value really typed over is found again at the next edit', () => {
    const { store, img, side, at, rowOf } = twoImages()
    store.set(`bone.stations[${rowOf(4)}].endostealLat`, 12)
    img('LAT', (s) => nudge(s, 's0', 1))
    img('AP', (s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.filter((st) => st.id !== 's0') } }))
    // As the earlier version kept it: the row the typed value was on before the AP image's rows moved.
    const stale = { ...side('LAT'), marks: { ...side('LAT').marks, unlinked: [`bone.stations[${rowOf(4) + 1}].endostealLat`] } }
    const opened = storedImageState(stale, store.draft())
    expect(opened.marks.unlinked).toEqual([])
    const r = applyImageEdit(store.draft(), opened, nudge(opened, 's12', -3), 'LAT')
    const want = imageValuesOf(r.state, 'LAT', r.draft)!.result.values.find((v) => v.key === 'station:s12.endostealLat')!
    expect(getAt(r.draft, want.path)).toBe(want.value)
    expect(getAt(r.draft, `bone.stations[${rowOf(4)}].endostealLat`)).toBe(12)
    expect(r.state.marks.unlinked).toEqual(['station:s4.endostealLat'])
    expect(at(`bone.stations[${rowOf(4)}].endostealLat`)).toBe(12)
  })

  it('an entry stored at the case row of a station after a row was deleted in the form reads as that station (eighth read: the deleted station’s, 12.50 mm for 15.9)', () => {
    const { store, rows, side } = oneImage()
    store.replace('bone.stations', rows().filter((_, j) => j !== 1))
    store.set('bone.stations[1].endosteal', 15)
    const stored = { ...side(), marks: { ...side().marks, unlinked: ['bone.stations[1].endosteal'] } }
    const opened = storedImageState(stored, store.draft())
    expect(opened.marks.unlinked).toEqual(['station:s4.endosteal'])
    const r = applyImageEdit(store.draft(), opened, nudge(opened, 's12', 1), 'AP')
    const after = r.draft.bone!.stations as Record<string, unknown>[]
    expect(byLevel(after, 4)!.endosteal).toBe(15)
    expect(byLevel(after, 2)!.endosteal).toBe(imageValuesOf(r.state, 'AP', r.draft)!.result.values.find((v) => v.key === 'station:s2.endosteal')!.value)
  })
})
