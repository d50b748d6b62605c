// One image's measurements and calibration, kept in the editor's history beside the draft
// (image-edit.ts): every change also writes the linked case values, in the same undo step.
import { useCallback, useState, useSyncExternalStore } from 'react'
import type { CalibrationInput, ImageMarks } from '../../../../shared/imaging'
import type { ImageRow } from '../../db/image-types'
import { useEditorStore } from '../editor/form-context'
import { applyImageEdit, imageSideKey, stationsOfOtherImages, type ImageEditState } from './image-edit'
import { followImaging, storedImageState } from './image-follow'

type Update<T> = T | ((current: T) => T)
const resolve = <T,>(u: Update<T>, current: T): T => (typeof u === 'function' ? (u as (c: T) => T)(current) : u)

export interface ImageEdits {
  marks: ImageMarks
  calInput: CalibrationInput | null
  /** `gesture`: the id of a drag; its moves make one undo step. */
  setMarks: (u: Update<ImageMarks>, gesture?: string | null) => void
  setCalInput: (u: Update<CalibrationInput | null>, gesture?: string | null) => void
  /** Takes the image's value with this key again (after it was typed over). */
  relink: (key: string) => void
}

export function useImageEdits(row: Pick<ImageRow, 'id' | 'label' | 'marks' | 'calibration'>): ImageEdits {
  const store = useEditorStore()
  const key = imageSideKey(row.id)
  // The stored measurements start the image's history; once known, the history's value wins
  // (switching images and back keeps undo working).
  useState(() => {
    store.initSide(key, storedImageState(row, store.draft()))
    store.setFollower(followImaging)
  })
  const state = useSyncExternalStore(store.subscribe, () => store.side(key) as ImageEditState)

  const edit = useCallback(
    (change: (s: ImageEditState) => ImageEditState, gesture: string | null = null, relink: readonly string[] = []) => {
      if (store.meta().readOnly) return
      store.edit((draft, side) => {
        const before = side(key) as ImageEditState
        const after = change(before)
        if (after === before && relink.length === 0) return null
        const r = applyImageEdit(draft, before, after, row.label, relink, false, stationsOfOtherImages(store.sideEntries(), key, draft))
        return { draft: r.draft, side: { [key]: r.state } }
      }, gesture)
    },
    [store, key, row.label]
  )
  const setMarks = useCallback(
    (u: Update<ImageMarks>, gesture?: string | null) =>
      edit((s) => {
        const marks = resolve(u, s.marks)
        return marks === s.marks ? s : { ...s, marks }
      }, gesture),
    [edit]
  )
  const setCalInput = useCallback(
    (u: Update<CalibrationInput | null>, gesture?: string | null) =>
      edit((s) => {
        const calibration = resolve(u, s.calibration)
        return calibration === s.calibration ? s : { ...s, calibration }
      }, gesture),
    [edit]
  )
  const relink = useCallback((key: string) => edit((s) => s, null, [key]), [edit])
  return { marks: state.marks, calInput: state.calibration, setMarks, setCalInput, relink }
}
