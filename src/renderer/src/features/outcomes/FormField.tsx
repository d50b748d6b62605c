// One labelled text field of an outcome form (text, date, number-as-text or a choice).
import { FieldShell, fieldAria } from '../../components/FieldShell'
import type { OutcomeForm } from './use-outcome-form'

interface Props {
  form: OutcomeForm
  /** Form key; also the element id with the prefix. */
  name: string
  idPrefix: string
  label: string
  error?: string | undefined
  hint?: string
  type?: 'text' | 'date' | 'decimal' | 'textarea'
  choices?: readonly { value: string; label: string }[]
  wide?: boolean
}

export function FormField({ form, name, idPrefix, label, error, hint, type = 'text', choices, wide }: Props) {
  const id = `${idPrefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
  const value = form.values[name] ?? ''
  const aria = fieldAria(id, error, null, hint)
  return (
    <FieldShell id={id} label={label} error={error ?? null} hint={hint} wide={wide}>
      {choices ? (
        <select id={id} value={value} onChange={(e) => form.set(name, e.target.value)} {...aria}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : type === 'textarea' ? (
        <textarea id={id} value={value} rows={3} onChange={(e) => form.set(name, e.target.value)} {...aria} />
      ) : (
        <input
          id={id}
          type={type === 'date' ? 'date' : 'text'}
          inputMode={type === 'decimal' ? 'decimal' : undefined}
          autoComplete="off"
          value={value}
          onChange={(e) => form.set(name, e.target.value)}
          {...aria}
        />
      )}
    </FieldShell>
  )
}
