// Label, input slot and the field's message. Invalid input shows its message in red (the input
// gets aria-invalid); a missing required value shows a quiet "still needed" note.
import type { ReactNode } from 'react'

export interface FieldShellProps {
  id: string
  label: string
  /** Message of an invalid value. */
  error?: string | null
  /** Message of a missing required value. */
  missing?: string | null
  /** An unusual (but accepted) value: check it. */
  warning?: string | null
  hint?: string
  children: ReactNode
  wide?: boolean
}

export function messageId(id: string): string {
  return `${id}-msg`
}

export function FieldShell({ id, label, error, missing, warning, hint, children, wide }: FieldShellProps) {
  const note = error ?? (missing ? `still needed${missing === 'is required' ? '' : ` — ${missing}`}` : (warning ?? hint))
  return (
    <div className={wide ? 'ed-field ed-field-wide' : 'ed-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {note && (
        <span id={messageId(id)} className={error ? 'ed-msg ed-msg-error' : missing ? 'ed-msg ed-msg-missing' : warning ? 'ed-msg ed-msg-warning' : 'ed-msg'}>
          {note}
        </span>
      )}
    </div>
  )
}

/** aria attributes an input needs for its shell's message. */
export function fieldAria(id: string, error?: string | null, missing?: string | null, hint?: string, warning?: string | null) {
  const hasNote = Boolean(error ?? missing ?? warning ?? hint)
  return {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': hasNote ? messageId(id) : undefined
  }
}
