// Keeps the case linked to the image: values measured on the image are written into the case
// (one undo step per burst of changes); a value the surgeon typed over is left alone and listed
// as unlinked until relinked.
import { useEffect, useRef } from 'react'
import { applyImageValues, type ImageCaseValues, type ImagePlane } from '../../../../shared/imaging'
import type { CaseDraft } from '../../../../shared/case/types'
import { getAt } from '../editor/draft-path'
import type { EditorForm } from '../editor/form-context'

const SECTIONS = ['imaging', 'bone', 'softTissue'] as const

export function useCaseLink(form: EditorForm, values: ImageCaseValues | null, plane: ImagePlane, unlinked: readonly string[], onUnlink: (paths: string[]) => void): void {
  const written = useRef(new Map<string, number>())
  const writtenImaging = useRef<string | null>(null)
  useEffect(() => {
    if (form.readOnly || !values) return
    const draft = form.draft
    const skip = new Set(unlinked)
    const typedOver: string[] = []
    for (const v of values.values) {
      const w = written.current.get(v.path)
      if (!skip.has(v.path) && w !== undefined && getAt(draft, v.path) !== w) typedOver.push(v.path)
    }
    if (typedOver.length > 0) {
      onUnlink(typedOver)
      return
    }
    const next = applyImageValues(draft, values, plane, [...skip]) as Record<string, unknown>
    // The calibration's imaging section is written when the calibration changes, not on every
    // edit (a factor typed into the form afterwards stays).
    const imagingJson = JSON.stringify(values.imaging)
    if (writtenImaging.current === imagingJson) next.imaging = (draft as Record<string, unknown>).imaging
    writtenImaging.current = imagingJson
    for (const v of values.values) if (!skip.has(v.path)) written.current.set(v.path, v.value)
    for (const key of SECTIONS) {
      const before = (draft as Record<string, unknown>)[key]
      if (JSON.stringify(before) !== JSON.stringify(next[key])) form.set(key, next[key] as CaseDraft[typeof key])
    }
  }, [form, values, plane, unlinked, onUnlink])
}
