// A value typed over an image's value belongs to the image's station mark, not to a row of the
// case: rows move when stations are added or removed (on this image, on another one, or in the
// form), and a typed-over entry kept as a list position then names another station.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CalibrationInput, ImageMarks, StationMark } from '../../../src/shared/imaging'
import type { CaseDraft } from '../../../src/shared/case/types'
import { createEditorStore } from '../../../src/renderer/src/features/editor/editor-store'
import { getAt } from '../../../src/renderer/src/features/editor/draft-path'
import { applyImageEdit, imageSideKey, imageValuesOf, type ImageEditState } from '../../../src/renderer/src/features/imaging/image-edit'
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

function twoImages() {
  const store = createEditorStore(baseCase(), () => 0)
  store.setFollower(followImaging)
  const img = (id: string, change: (s: ImageEditState) => ImageEditState) =>
    store.edit((draft, side) => {
      const before = side(imageSideKey(id)) as ImageEditState
      const r = applyImageEdit(draft, before, change(before), id)
      return { draft: r.draft, side: { [imageSideKey(id)]: r.state } }
    })
  store.initSide(imageSideKey('AP'), { marks: mk('AP', [0, 2, 4, 12]), calibration: null } satisfies ImageEditState)
  store.initSide(imageSideKey('LAT'), { marks: mk('Lat', [0, 2, 4, 12]), calibration: null } satisfies ImageEditState)
  img('AP', (s) => ({ ...s, calibration: FILE_CAL }))
  img('LAT', (s) => ({ ...s, calibration: KNOWN }))
  const side = (id: string) => store.side(imageSideKey(id)) as ImageEditState
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
})
