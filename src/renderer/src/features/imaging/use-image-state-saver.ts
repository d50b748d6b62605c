// Every radiograph's measurements and calibration as the editor's history holds them, saved with
// the image — also those changed while the image is not on screen (a magnification typed in the
// form places every image's values again; an undo may take back an edit of an image not shown).
// The image on screen also saves itself with its display window (ImageWorkspace).
import { useEffect } from 'react'
import { imagesRepo } from '../../db'
import type { EditorStore } from '../editor/editor-store'
import type { ImageEditState } from './image-edit'

const IMAGE_KEY = /^image:(.+)$/

export function useImageStateSaver(store: EditorStore, readOnly: boolean): void {
  useEffect(() => {
    if (readOnly) return
    const saved = new Map<string, unknown>()
    let timer: ReturnType<typeof setTimeout> | null = null
    const save = () => {
      timer = null
      if (store.gesture() !== null) return void (timer = setTimeout(save, 400))
      for (const { key, value, initial } of store.sideEntries()) {
        const id = IMAGE_KEY.exec(key)?.[1]
        if (!id || value === (saved.get(key) ?? initial)) continue
        saved.set(key, value)
        const state = value as ImageEditState
        void imagesRepo()
          .update(id, { calibration: state.calibration, marks: state.marks })
          .catch(() => saved.delete(key))
      }
    }
    const unsubscribe = store.subscribe(() => {
      if (timer === null) timer = setTimeout(save, 400)
    })
    // Saved at once when the window is hidden or closed, as the plan's autosave is.
    const now = () => {
      if (timer !== null) clearTimeout(timer)
      save()
    }
    const onHidden = () => document.visibilityState === 'hidden' && now()
    window.addEventListener('pagehide', now)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      unsubscribe()
      window.removeEventListener('pagehide', now)
      document.removeEventListener('visibilitychange', onHidden)
      now()
    }
  }, [store, readOnly])
}
