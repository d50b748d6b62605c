// The buttons under an outcome form: save, cancel (when correcting a saved record), and why the
// last save failed or the draft could not be kept.
import type { SaveFailure } from './save-error'

interface Props {
  saveLabel: string
  onSave: () => void
  /** Shown when a saved record is being corrected. */
  onCancel?: (() => void) | undefined
  failure: SaveFailure | null
  draftError: string
}

export function FormActions({ saveLabel, onSave, onCancel, failure, draftError }: Props) {
  return (
    <div className="oc-actions">
      <button type="button" className="primary" onClick={onSave}>
        {saveLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {failure && (
        <span className="error" role="alert">
          {failure.message}
        </span>
      )}
      {draftError && <span className="error">{draftError}</span>}
    </div>
  )
}
