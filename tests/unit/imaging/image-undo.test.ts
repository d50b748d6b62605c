// Image edits in the editor's undo history (editor-store.ts side states + image-edit.ts): a handle
// drag, a station added or removed, a calibration line — each one undo step together with the case
// values it wrote; undo/redo interleave with typed edits; a value typed over stays unlinked.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CalibrationInput, ImageMarks, StationMark } from '../../../src/shared/imaging'
import type { CaseDraft } from '../../../src/shared/case/types'
import { createEditorStore, type EditorStore } from '../../../src/renderer/src/features/editor/editor-store'
import { getAt } from '../../../src/renderer/src/features/editor/draft-path'
import { applyImageEdit, imageSideKey, imageValuesOf, type ImageEditState } from '../../../src/renderer/src/features/imaging/image-edit'
import { truth } from './phantoms'

const KEY = imageSideKey('img-1')
const LABEL = 'AP-1'
const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }
const FILE_CAL: CalibrationInput = { kind: 'file', spacing: { ...detector, id: 'imager-ermf', plane: 'corrected', rowMm: truth.detectorPixelMm / 1.15, colMm: truth.detectorPixelMm / 1.15, ermf: 1.15 } }
const MARKER_CAL: CalibrationInput = { kind: 'marker', trueSizeMm: 25, from: truth.marker.from, to: truth.marker.to, detector }

const station = (i: number): StationMark => ({ id: `s${i}`, t: truth.stations[i]!.zMm / truth.residualMm, edges: { ...truth.stations[i]!.edges }, accepted: true })
const marks = (n: number): ImageMarks => ({ axis: truth.axis, stations: Array.from({ length: n }, (_, i) => station(i)), skin: truth.skin, plane: 'single', unlinked: [] })
/** The example case with nothing radiographic but what the image measures (no sound-side length):
 *  the image's calibration becomes the case's (case-frame.test.ts covers a case with more). */
function baseCase(): CaseDraft {
  const c = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  delete c.prosthesis!.soundSideLength
  return c
}

/** What ImageWorkspace does for one edit (use-image-edits.ts without React). */
function imageEdit(store: EditorStore, change: (s: ImageEditState) => ImageEditState, gesture: string | null = null, relink: string[] = []) {
  store.edit((draft, side) => {
    const before = side(KEY) as ImageEditState
    const r = applyImageEdit(draft, before, change(before), LABEL, relink)
    return { draft: r.draft, side: { [KEY]: r.state } }
  }, gesture)
}
const state = (store: EditorStore) => store.side(KEY) as ImageEditState
const at = (store: EditorStore, path: string) => getAt(store.draft(), path)

function setup(n = 3, calibration: CalibrationInput | null = FILE_CAL) {
  let clock = 0
  const store = createEditorStore(baseCase(), () => (clock += 10))
  store.initSide(KEY, { marks: marks(n), calibration: null } satisfies ImageEditState)
  // The calibration is the first image edit: it writes the image's values into the case.
  if (calibration) imageEdit(store, (s) => ({ ...s, calibration }))
  return store
}

/** A case with a sound side at ×1.15; an image (ERMF 1.15) wrote its values, then was switched to
 *  the detector spacing alone, which is refused: its values stay in the case. Follower on. */
async function refusedRecalibration(): Promise<EditorStore> {
  const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
  const typed = { ...baseCase(), imaging: { source: 'xray' as const, magnification: 1.15 }, prosthesis: { ...baseCase().prosthesis, soundSideLength: 400 } }
  const store = createEditorStore(typed, () => 0)
  store.setFollower(followImaging)
  store.initSide(KEY, { marks: marks(3), calibration: null } satisfies ImageEditState)
  imageEdit(store, (s) => ({ ...s, calibration: FILE_CAL }))
  imageEdit(store, (s) => ({ ...s, calibration: { kind: 'file', spacing: detector } }))
  return store
}

async function correctedResidual(d: CaseDraft): Promise<number> {
  const { planFromRaw } = await import('../../../src/shared/plan')
  const p = planFromRaw(d)
  if (!p.ok) throw new Error(JSON.stringify(p.errors))
  return p.result.corrected.residualLengthMm
}

const moveEndosteal = (s: ImageEditState, dx: number): ImageEditState => ({
  ...s,
  marks: { ...s.marks, stations: s.marks.stations.map((st, i) => (i === 1 ? { ...st, edges: { ...st.edges, endostealA: { x: truth.stations[1]!.edges.endostealA.x + dx, y: truth.stations[1]!.edges.endostealA.y } } } : st)) }
})

describe('image edits in the editor history', () => {
  it('registering an image is not an undo step, and calibrating writes its values in one step', () => {
    const store = setup(3, null)
    expect(store.canUndo()).toBe(false)
    const before = at(store, 'bone.residualLength')
    imageEdit(store, (s) => ({ ...s, calibration: FILE_CAL }))
    const values = imageValuesOf(state(store), LABEL, store.draft())!.result
    expect(at(store, 'bone.residualLength')).toBe(values.values.find((v) => v.path === 'bone.residualLength')!.value)
    expect(at(store, 'imaging.magnification')).toBe(1.15)
    store.undo()
    expect(state(store).calibration).toBeNull()
    expect(at(store, 'bone.residualLength')).toBe(before)
    expect(store.canUndo()).toBe(false)
  })

  it('a drag writes the case on every move and is one undo step, however long it lasts', () => {
    const store = setup()
    const start = at(store, 'bone.stations[1].endosteal') as number
    const seen: number[] = []
    for (let k = 1; k <= 20; k++) {
      imageEdit(store, (s) => moveEndosteal(s, -k / 2), 'drag-1')
      seen.push(at(store, 'bone.stations[1].endosteal') as number)
    }
    // Live: each move changed the case value (the canal widens as the edge moves out).
    expect(new Set(seen).size).toBeGreaterThan(10)
    expect(seen.at(-1)).toBeGreaterThan(start)
    store.undo()
    expect(at(store, 'bone.stations[1].endosteal')).toBe(start)
    expect(state(store).marks.stations[1]!.edges.endostealA).toEqual(truth.stations[1]!.edges.endostealA)
    store.redo()
    expect(at(store, 'bone.stations[1].endosteal')).toBe(seen.at(-1))
    expect(state(store).marks.stations[1]!.edges.endostealA!.x).toBe(truth.stations[1]!.edges.endostealA.x - 10)
  })

  it('a drag is open from its first move to its release (the autosaves wait for it); any other edit ends one left open', () => {
    const store = setup()
    let notified = 0
    store.subscribe(() => void notified++)
    expect(store.gesture()).toBeNull()
    imageEdit(store, (s) => moveEndosteal(s, -2), 'drag-1')
    imageEdit(store, (s) => moveEndosteal(s, -4), 'drag-1')
    expect(store.gesture()).toBe('drag-1')
    const moves = notified
    store.endGesture()
    expect(store.gesture()).toBeNull()
    expect(notified).toBe(moves + 1)
    store.endGesture()
    expect(notified).toBe(moves + 1)
    // A release that never came: the next typed edit, undo or step without a gesture ends it.
    imageEdit(store, (s) => moveEndosteal(s, -6), 'drag-2')
    store.set('patient.weight', 81)
    expect(store.gesture()).toBeNull()
    imageEdit(store, (s) => moveEndosteal(s, -7), 'drag-3')
    store.undo()
    expect(store.gesture()).toBeNull()
    imageEdit(store, (s) => moveEndosteal(s, -8), 'drag-4')
    imageEdit(store, (s) => moveEndosteal(s, -9))
    expect(store.gesture()).toBeNull()
  })

  it('two drags are two steps', () => {
    const store = setup()
    imageEdit(store, (s) => moveEndosteal(s, -3), 'a')
    const after1 = at(store, 'bone.stations[1].endosteal')
    imageEdit(store, (s) => moveEndosteal(s, -9), 'b')
    store.undo()
    expect(at(store, 'bone.stations[1].endosteal')).toBe(after1)
  })

  it('adding and removing a station are undone with the case stations they made', () => {
    const store = setup(3)
    expect((at(store, 'bone.stations') as unknown[]).length).toBe(3)
    imageEdit(store, (s) => ({ ...s, marks: { ...s.marks, stations: [...s.marks.stations, station(3)] } }))
    expect((at(store, 'bone.stations') as unknown[]).length).toBe(4)
    imageEdit(store, (s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.filter((x) => x.id !== 's0') } }))
    expect((at(store, 'bone.stations') as unknown[]).length).toBe(3)
    expect(state(store).marks.stations.map((s) => s.id)).toEqual(['s1', 's2', 's3'])
    store.undo()
    expect(state(store).marks.stations.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3'])
    expect((at(store, 'bone.stations') as unknown[]).length).toBe(4)
    store.undo()
    expect((at(store, 'bone.stations') as unknown[]).length).toBe(3)
    store.redo()
    store.redo()
    expect(state(store).marks.stations.map((s) => s.id)).toEqual(['s1', 's2', 's3'])
  })

  it('a calibration line dragged is one step and changes the magnification the case carries', () => {
    const store = setup(3, null)
    imageEdit(store, (s) => ({ ...s, calibration: MARKER_CAL }))
    const measured = at(store, 'imaging.marker.measuredSize')
    for (let k = 1; k <= 5; k++) imageEdit(store, (s) => ({ ...s, calibration: { ...MARKER_CAL, to: { x: truth.marker.to.x + k, y: truth.marker.to.y } } }), 'line')
    expect(at(store, 'imaging.marker.measuredSize')).not.toBe(measured)
    store.undo()
    expect(at(store, 'imaging.marker.measuredSize')).toBe(measured)
    expect(state(store).calibration).toEqual(MARKER_CAL)
  })

  it('image and typed edits share one history, undone in order', () => {
    const store = setup()
    store.set('patient.weight', 70)
    imageEdit(store, (s) => moveEndosteal(s, -5), 'd')
    const moved = at(store, 'bone.stations[1].endosteal')
    store.set('notes', 'checked')
    store.undo()
    expect(at(store, 'notes')).not.toBe('checked')
    expect(at(store, 'bone.stations[1].endosteal')).toBe(moved)
    store.undo()
    expect(at(store, 'bone.stations[1].endosteal')).not.toBe(moved)
    expect(at(store, 'patient.weight')).toBe(70)
    store.undo()
    expect(at(store, 'patient.weight')).not.toBe(70)
  })

  it('a value typed over is kept and unlinked at the next image edit; Use the image value takes it back; undo relinks', () => {
    const store = setup()
    store.set('bone.stations[1].endosteal', 99)
    imageEdit(store, (s) => moveEndosteal(s, -4), 'e')
    expect(at(store, 'bone.stations[1].endosteal')).toBe(99)
    // Kept by the image station's key, not by the case row.
    expect(state(store).marks.unlinked).toEqual(['station:s1.endosteal'])
    // Other values still follow the image.
    expect(at(store, 'bone.stations[1].periosteal')).toBe(imageValuesOf(state(store), LABEL, store.draft())!.result.values.find((v) => v.path === 'bone.stations[1].periosteal')!.value)
    imageEdit(store, (s) => s, null, ['station:s1.endosteal'])
    expect(state(store).marks.unlinked).toEqual([])
    expect(at(store, 'bone.stations[1].endosteal')).toBe(imageValuesOf(state(store), LABEL, store.draft())!.result.values.find((v) => v.path === 'bone.stations[1].endosteal')!.value)
    store.undo()
    expect(at(store, 'bone.stations[1].endosteal')).toBe(99)
    store.undo()
    store.undo()
    // Back before the typing: linked, the image's value.
    expect(state(store).marks.unlinked).toEqual([])
    expect(at(store, 'bone.stations[1].endosteal')).toBe(imageValuesOf(state(store), LABEL, store.draft())!.result.values.find((v) => v.path === 'bone.stations[1].endosteal')!.value)
  })

  it('an edit that changes no case value keeps the untouched sections identical (their fields do not re-render)', () => {
    const store = setup()
    const draft = store.draft()
    imageEdit(store, (s) => ({ ...s, marks: { ...s.marks, stations: s.marks.stations.map((st) => ({ ...st })) } }))
    expect(store.draft().bone).toBe(draft.bone)
    expect(store.draft().imaging).toBe(draft.imaging)
    expect(store.draft().patient).toBe(draft.patient)
  })
})

describe('a magnification typed in the form (audit 2026-12-01, F2)', () => {
  it("places the image's values again at it in the same undo step: they keep the true size the image measured (was: re-corrected, residual 243.5 for 280)", async () => {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const { planFromRaw } = await import('../../../src/shared/plan')
    const residual = (d: CaseDraft) => {
      const p = planFromRaw(d)
      if (!p.ok) throw new Error(JSON.stringify(p.errors))
      return p.result.corrected.residualLengthMm
    }
    const store = setup(3, FILE_CAL)
    store.setFollower(followImaging)
    expect(residual(store.draft())).toBeCloseTo(truth.residualMm, 0)
    const written = at(store, 'bone.residualLength')
    store.set('imaging.magnification', 1.1)
    expect(at(store, 'bone.residualLength')).not.toBe(written)
    expect(residual(store.draft())).toBeCloseTo(truth.residualMm, 0)
    expect(state(store).marks.writtenAt).toEqual({ source: 'xray', magnification: 1.1 })
    expect(state(store).marks.unlinked).toEqual([])
    // A value typed over stays as typed.
    store.set('bone.stations[1].endosteal', 20)
    imageEdit(store, (s) => s)
    store.set('imaging.magnification', 1.2)
    expect(at(store, 'bone.stations[1].endosteal')).toBe(20)
    // One undo takes the factor and the values it moved back together.
    store.undo()
    expect(at(store, 'imaging.magnification')).toBe(1.1)
    expect(residual(store.draft())).toBeCloseTo(truth.residualMm, 0)
  })
})

describe('a magnification typed with two images, or with an image being recalibrated (third read, 2026-12-01)', () => {
  const KNOWN: CalibrationInput = { kind: 'known-distance', trueLengthMm: 25, from: truth.marker.from, to: truth.marker.to, detector }
  const mk = (plane: ImageMarks['plane'], n: number[]): ImageMarks => ({ axis: truth.axis, stations: n.map(station), skin: plane === 'Lat' ? null : truth.skin, plane, unlinked: [] })
  async function twoImages() {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const store = createEditorStore(baseCase(), () => 0)
    store.setFollower(followImaging)
    const keyOf = (id: string) => imageSideKey(id)
    const img = (id: string, change: (s: ImageEditState) => ImageEditState) =>
      store.edit((draft, side) => {
        const before = side(keyOf(id)) as ImageEditState
        const r = applyImageEdit(draft, before, change(before), id)
        return { draft: r.draft, side: { [keyOf(id)]: r.state } }
      })
    store.initSide(keyOf('AP'), { marks: mk('AP', [0, 2, 4, 12]), calibration: null } satisfies ImageEditState)
    store.initSide(keyOf('LAT'), { marks: mk('Lat', [0, 2, 4, 12]), calibration: null } satisfies ImageEditState)
    img('AP', (s) => ({ ...s, calibration: FILE_CAL }))
    img('LAT', (s) => ({ ...s, calibration: KNOWN }))
    return { store, img, side: (id: string) => store.side(keyOf(id)) as ImageEditState }
  }
  const plan = async (d: CaseDraft) => {
    const { planFromRaw } = await import('../../../src/shared/plan')
    const p = planFromRaw(d)
    if (!p.ok) throw new Error(JSON.stringify(p.errors))
    return p.result
  }

  it('a lateral value typed over stays when the factor is typed, whichever image is placed first (was: replaced by the image’s)', async () => {
    const { store, side } = await twoImages()
    store.set('bone.stations[1].endostealLat', 12)
    store.set('imaging.magnification', 1.05)
    expect(at(store, 'bone.stations[1].endostealLat')).toBe(12)
    expect(side('LAT').marks.unlinked).toEqual(['station:s2.endostealLat'])
    const r = await plan(store.draft())
    expect(r.corrected.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
    expect(r.corrected.stations[1]!.planes!.find((p) => p.plane === 'Lat')!.endostealMm).toBeCloseTo(12 / 1.05, 9)
  })

  it('a factor typed while a calibration is being changed (a marker without its line) is followed with the last one (was: re-corrected, 268.3 for 280)', async () => {
    const { store, img } = await twoImages()
    img('AP', (s) => ({ ...s, calibration: { ...MARKER_CAL, from: { x: 0, y: 0 }, to: { x: 0, y: 0 } } }))
    store.set('imaging.magnification', 1.2)
    expect((await plan(store.draft())).corrected.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
  })

  it('xray → CT → xray: nothing flagged typed over, the soft tissue stays the image’s (was: 43.2 for 45)', async () => {
    const { store, side } = await twoImages()
    store.set('imaging', { source: 'ct' })
    store.set('imaging', { source: 'xray', magnification: 1.15 })
    store.set('imaging.magnification', 1.2)
    expect(side('AP').marks.unlinked).toEqual([])
    expect((await plan(store.draft())).corrected.softTissueMm).toBeCloseTo(truth.softTissueMm, 0)
  })

  it('an image whose values were refused has nothing typed over when they are accepted later (was: every value flagged)', async () => {
    const typed = { ...baseCase(), imaging: { source: 'xray' as const }, prosthesis: { ...baseCase().prosthesis, soundSideLength: 400 } }
    const first = applyImageEdit(typed, { marks: mk('single', [0, 1, 2]), calibration: null }, { marks: mk('single', [0, 1, 2]), calibration: MARKER_CAL }, 'AP-1')
    expect(first.draft).toBe(typed)
    const factor = { ...typed, imaging: { source: 'xray' as const, magnification: 1.15 } }
    const next = applyImageEdit(factor, first.state, { ...first.state, marks: { ...first.state.marks, stations: [...first.state.marks.stations, station(3)] } }, 'AP-1')
    expect(next.state.marks.unlinked).toEqual([])
    expect((await plan(next.draft)).corrected.residualLengthMm).toBeCloseTo(truth.residualMm, 0)
  })

  it('a station added in the form after the image’s is kept when a factor is typed and at the next image edit (fourth read: was deleted, Ø18 for Ø16)', async () => {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const store = setup(3, FILE_CAL)
    store.setFollower(followImaging)
    store.set('bone.stations[3]', { fromDistalEnd: 300, endosteal: 15, periosteal: 23 })
    store.set('imaging.magnification', 1.1)
    expect(at(store, 'bone.stations[3]')).toEqual({ fromDistalEnd: 300, endosteal: 15, periosteal: 23 })
    imageEdit(store, (s) => moveEndosteal(s, -2))
    expect(at(store, 'bone.stations[3]')).toEqual({ fromDistalEnd: 300, endosteal: 15, periosteal: 23 })
    expect((store.draft().bone!.stations as unknown[]).length).toBe(4)
  })

  it('a factor typed while the image’s new calibration is refused places again the values already in the case (fourth read: 292.7 for 280)', async () => {
    const store = await refusedRecalibration()
    store.set('imaging.magnification', 1.1)
    expect(await correctedResidual(store.draft())).toBeCloseTo(truth.residualMm, 0)
  })

  it('a deleted image no longer follows a typed factor', async () => {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const store = setup(3, FILE_CAL)
    store.setFollower(followImaging)
    store.forgetSide(KEY)
    const residual = at(store, 'bone.residualLength')
    store.set('imaging.magnification', 1.1)
    expect(at(store, 'bone.residualLength')).toBe(residual)
    expect(store.sideEntries()).toEqual([])
  })

  it('a station added in the form is the case’s own: recalibrating the image converts its values instead of re-correcting that station (fifth read: Ø18.5 for Ø16)', () => {
    const store = setup(3, MARKER_CAL)
    store.set('bone.stations[3]', { fromDistalEnd: 300, endosteal: 12, periosteal: 27 })
    imageEdit(store, (s) => ({ ...s, calibration: { kind: 'known-distance', trueLengthMm: 25, from: truth.marker.from, to: truth.marker.to, detector } }))
    expect((store.draft().imaging as Record<string, unknown>).source).toBe('xray')
    expect(at(store, 'bone.stations[3]')).toEqual({ fromDistalEnd: 300, endosteal: 12, periosteal: 27 })
  })

  it('two factors typed while the image’s new calibration is refused: both placed with the calibration the values were written with (fifth read: 256.7 for 280)', async () => {
    const store = await refusedRecalibration()
    store.set('imaging.magnification', 1.1)
    store.set('imaging.magnification', 1.2)
    expect(state(store).marks.writtenWith).toEqual(FILE_CAL)
    expect(await correctedResidual(store.draft())).toBeCloseTo(truth.residualMm, 0)
  })

  it('a row of the image deleted in the form is not made again, blank, when a factor is typed (fifth read)', async () => {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const store = setup(3, FILE_CAL)
    store.setFollower(followImaging)
    store.set('bone.stations', (store.draft().bone!.stations as unknown[]).slice(0, 2))
    store.set('imaging.magnification', 1.1)
    expect((store.draft().bone!.stations as unknown[]).length).toBe(2)
  })

  it('a second one-plane image does not replace the first image’s stations: refused, and said (sixth read: Ø20 for Ø18)', async () => {
    const { stationsOfOtherImages, replacesOthersStations, OTHERS_STATIONS_NOTE } = await import('../../../src/renderer/src/features/imaging/image-edit')
    const store = createEditorStore(baseCase(), () => 0)
    const edit = (id: string, change: (s: ImageEditState) => ImageEditState) =>
      store.edit((draft, side) => {
        const key = imageSideKey(id)
        const before = side(key) as ImageEditState
        const r = applyImageEdit(draft, before, change(before), id, [], false, stationsOfOtherImages(store.sideEntries(), key, draft))
        return { draft: r.draft, side: { [key]: r.state } }
      })
    store.initSide(imageSideKey('A'), { marks: marks(3), calibration: null } satisfies ImageEditState)
    store.initSide(imageSideKey('B'), { marks: { ...marks(3), stations: [station(0), station(4), station(8)] }, calibration: null } satisfies ImageEditState)
    edit('A', (s) => ({ ...s, calibration: MARKER_CAL }))
    const afterA = store.draft()
    edit('B', (s) => ({ ...s, calibration: MARKER_CAL }))
    expect(store.draft()).toBe(afterA)
    expect(OTHERS_STATIONS_NOTE).toMatch(/^This image's stations are not written: the case's stations were measured on another radiograph/)
    expect(replacesOthersStations((store.side(imageSideKey('B')) as ImageEditState).marks, [{ path: 'bone.stations[0].endosteal', key: 'station:s0.endosteal', value: 1, label: '' }], undefined, true)).toBe(true)
  })

  it('a row of the image removed in the form: the rows after it are still the image’s when a factor is typed (sixth read, F1: re-corrected, Ø18.5 for Ø18)', async () => {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const { planFromRaw } = await import('../../../src/shared/plan')
    const store = createEditorStore(baseCase(), () => 0)
    store.setFollower(followImaging)
    store.initSide(KEY, { marks: { ...marks(3), stations: [0, 2, 4, 6].map(station) }, calibration: null } satisfies ImageEditState)
    imageEdit(store, (s) => ({ ...s, calibration: FILE_CAL }))
    store.replace('bone.stations', (store.draft().bone!.stations as unknown[]).filter((_, j) => j !== 1))
    store.set('imaging.magnification', 1.1)
    const p = planFromRaw(store.draft())
    if (!p.ok) throw new Error(JSON.stringify(p.errors))
    const byZ = p.result.corrected.stations.map((st) => [Math.round(st.fromDistalEndMm), Math.round(st.endostealMm * 10) / 10])
    expect(byZ.map(([z]) => z)).toEqual([truth.stations[0]!.zMm, truth.stations[4]!.zMm, truth.stations[6]!.zMm])
    byZ.forEach(([, e], k) => expect(Math.abs(e! - truth.stations[[0, 4, 6][k]!]!.endostealMm)).toBeLessThanOrEqual(0.3))
  })

  it('an image refused for the site default is written once the magnification its note asks for is typed (seventh read: stayed unwritten, shown as typed over)', async () => {
    const { followImaging } = await import('../../../src/renderer/src/features/imaging/image-follow')
    const typed = { ...baseCase(), imaging: { source: 'xray' as const }, prosthesis: { ...baseCase().prosthesis, soundSideLength: 400 } }
    const store = createEditorStore(typed, () => 0)
    store.setFollower(followImaging)
    store.initSide(KEY, { marks: marks(3), calibration: null } satisfies ImageEditState)
    imageEdit(store, (s) => ({ ...s, calibration: MARKER_CAL }))
    expect(state(store).marks.writtenAt).toBeUndefined()
    store.set('imaging.magnification', 1.15)
    expect(state(store).marks.writtenAt).toEqual({ source: 'xray', magnification: 1.15 })
    expect(await correctedResidual(store.draft())).toBeCloseTo(truth.residualMm, 0)
    // One undo takes the factor and the values back.
    store.undo()
    expect(store.draft()).toEqual(typed)
  })
})
