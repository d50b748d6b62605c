// A labelled text input or select bound to one case-file path.
import { FieldShell, fieldAria } from './FieldShell'

interface Common {
  id: string
  label: string
  error?: string | null
  missing?: string | null
  warning?: string | null
  hint?: string
  disabled?: boolean
  path?: string
}

export function TextInput(props: Common & { value: unknown; onChange: (v: string | undefined) => void; list?: string; wide?: boolean; multiline?: boolean }) {
  const { id, label, error, missing, hint, disabled, path, value, onChange, list, wide, multiline } = props
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
  if (multiline)
    // Several lines (notes): Enter starts a new line here; Tab moves on.
    return (
      <FieldShell id={id} label={label} error={error} missing={missing} hint={hint} wide={wide}>
        <textarea
          id={id}
          data-path={path}
          rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
          value={text}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          {...fieldAria(id, error, missing, hint)}
        />
      </FieldShell>
    )
  return (
    <FieldShell id={id} label={label} error={error} missing={missing} hint={hint} wide={wide}>
      <input
        id={id}
        data-path={path}
        autoComplete="off"
        list={list}
        value={text}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        {...fieldAria(id, error, missing, hint)}
      />
    </FieldShell>
  )
}

export interface Choice {
  value: string
  label: string
}

export function SelectInput(props: Common & { value: unknown; onChange: (v: string | undefined) => void; choices: readonly Choice[]; placeholder?: string }) {
  const { id, label, error, missing, hint, disabled, path, value, onChange, choices, placeholder } = props
  const current = value === undefined || value === null ? '' : String(value)
  return (
    <FieldShell id={id} label={label} error={error} missing={missing} hint={hint}>
      <select id={id} data-path={path} value={current} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} {...fieldAria(id, error, missing, hint)}>
        <option value="">{placeholder ?? '— choose —'}</option>
        {current !== '' && !choices.some((c) => c.value === current) && <option value={current}>{current} (not recognised)</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}
