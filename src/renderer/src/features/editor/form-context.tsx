// What every editor section needs: read and write the draft by path, the field's messages,
// the display units and whether the plan is read-only.
import { createContext, useContext } from 'react'
import type { LengthUnit, MassUnit } from '../../../../shared/units'
import { fieldId } from '../../components/field-id'
import { getAt } from './draft-path'
import type { FormErrors } from './field-errors'
import type { CaseDraft } from '../../../../shared/case/types'

export interface EditorForm {
  draft: CaseDraft
  /** Writes one field; keystrokes in the same field merge into one undo step. */
  set: (path: string, value: unknown) => void
  /** Replaces a whole subtree in one undo step (add/remove rows, paste). */
  replace: (path: string, value: unknown) => void
  errors: FormErrors
  units: { length: LengthUnit; mass: MassUnit }
  readOnly: boolean
}

export const EditorFormContext = createContext<EditorForm | null>(null)

export function useEditorForm(): EditorForm {
  const form = useContext(EditorFormContext)
  if (!form) throw new Error('useEditorForm outside the editor')
  return form
}

/** Props for a field component bound to `path`. */
export function useField(path: string) {
  const form = useEditorForm()
  return {
    id: fieldId(path),
    path,
    value: getAt(form.draft, path),
    onChange: (v: unknown) => form.set(path, v),
    error: form.errors.byPath.get(path) ?? null,
    missing: form.errors.required.get(path) ?? null,
    disabled: form.readOnly
  }
}
