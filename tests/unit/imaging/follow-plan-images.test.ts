// The editor's start for a plan with measured radiographs (follow-plan-images.ts): they follow a
// typed magnification, and when they cannot be read the editor is told (was: silently not followed).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CalibrationInput, ImageMarks } from '../../../src/shared/imaging'
import type { CaseDraft } from '../../../src/shared/case/types'
import { createEditorStore } from '../../../src/renderer/src/features/editor/editor-store'
import { applyImageEdit, imageSideKey, type ImageEditState } from '../../../src/renderer/src/features/imaging/image-edit'
import { followPlanImages } from '../../../src/renderer/src/features/imaging/follow-plan-images'
import { truth } from './phantoms'

const detector = { id: 'imager-pixel-spacing' as const, plane: 'detector' as const, rowMm: truth.detectorPixelMm, colMm: truth.detectorPixelMm, label: 'IPS' }
const FILE_CAL: CalibrationInput = { kind: 'file', spacing: { ...detector, id: 'imager-ermf', plane: 'corrected', rowMm: truth.detectorPixelMm / 1.15, colMm: truth.detectorPixelMm / 1.15, ermf: 1.15 } }
const marks: ImageMarks = { axis: truth.axis, stations: [0, 4].map((i) => ({ id: `s${i}`, t: truth.stations[i]!.zMm / truth.residualMm, edges: { ...truth.stations[i]!.edges }, accepted: true })), skin: truth.skin, plane: 'single', unlinked: [] }

/** A plan whose image wrote its values at ERMF 1.15, as stored. */
function measuredPlan(): { draft: CaseDraft; row: { id: string; calibration: CalibrationInput; marks: ImageMarks } } {
  const base = JSON.parse(readFileSync('resources/cases/transfemoral.json', 'utf8')) as CaseDraft
  delete base.prosthesis!.soundSideLength
  const r = applyImageEdit(base, { marks, calibration: null }, { marks, calibration: FILE_CAL }, 'AP-1')
  return { draft: r.draft, row: { id: 'img-1', calibration: FILE_CAL, marks: r.state.marks } }
}

describe('followPlanImages', () => {
  it('registers the measured images: a magnification typed afterwards keeps their true size', async () => {
    const { draft, row } = measuredPlan()
    const store = createEditorStore(draft, () => 0)
    expect(await followPlanImages(store, async () => [row], draft, () => true)).toBe('followed')
    const residual = draft.bone!.residualLength as number
    store.set('imaging.magnification', 1.1)
    expect(store.draft().bone!.residualLength).toBeCloseTo((residual * 1.1) / 1.15, 1)
    expect((store.side(imageSideKey('img-1')) as ImageEditState).marks.writtenAt).toEqual({ source: 'xray', magnification: 1.1 })
  })

  it('says when the images cannot be read, and changes nothing', async () => {
    const { draft } = measuredPlan()
    const store = createEditorStore(draft, () => 0)
    expect(await followPlanImages(store, () => Promise.reject(new Error('IndexedDB read failed')), draft, () => true)).toBe('failed')
    expect(store.sideEntries()).toEqual([])
    expect(store.canUndo()).toBe(false)
  })

  it('a plan without measured images, or an editor closed meanwhile, registers nothing', async () => {
    const { draft, row } = measuredPlan()
    const store = createEditorStore(draft, () => 0)
    expect(await followPlanImages(store, async () => [{ ...row, calibration: null as never }], draft, () => true)).toBe('none')
    expect(await followPlanImages(store, async () => [row], draft, () => false)).toBe('closed')
    expect(store.sideEntries()).toEqual([])
  })
})
