// A date typed as yyyy-mm-dd, the one date format of the app (a browser date picker shows the
// computer's locale, e.g. mm/dd/yyyy). The filter changes only for a real date or an empty box;
// anything else gets a message under the field and leaves the filter as it was.
import { useId, useState } from 'react'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export function IsoDateField({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  const id = useId()
  // Holds what is typed (possibly not a date yet); `value` is only the starting text.
  const [text, setText] = useState(value)
  const [error, setError] = useState('')

  function change(next: string) {
    setText(next)
    const t = next.trim()
    if (t === '' || isIsoDate(t)) {
      setError('')
      onChange(t)
    } else {
      setError(ISO.test(t) ? 'There is no such date.' : 'Enter the date as yyyy-mm-dd, e.g. 2026-11-29.')
    }
  }

  return (
    <div className="filter date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="yyyy-mm-dd"
        size={11}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  )
}
