// A unitless number (age, magnification factor, T-score, months, degrees). A plain number is
// stored as a number; anything else is stored as typed so the core names the problem.
import { FieldShell, fieldAria } from './FieldShell'
import { plainTextToRaw } from './unit-value'
import { useTypedText } from './use-typed-text'

export interface PlainNumberInputProps {
  id: string
  label: string
  value: unknown
  onChange: (raw: number | string | undefined) => void
  error?: string | null
  missing?: string | null
  warning?: string | null
  hint?: string
  disabled?: boolean
  suffix?: string
  path?: string
}

const show = (v: unknown): string => (v === undefined || v === null ? '' : String(v))

export function PlainNumberInput({ id, label, value, onChange, error, missing, warning, hint, disabled, suffix, path }: PlainNumberInputProps) {
  const { text, type } = useTypedText(value, show)
  return (
    <FieldShell id={id} label={label} error={error} missing={missing} warning={warning} hint={hint}>
      <span className="ed-unit-input">
        <input
          id={id}
          data-path={path}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          disabled={disabled}
          onChange={(e) => {
            const raw = plainTextToRaw(e.target.value)
            type(e.target.value, raw)
            onChange(raw)
          }}
          {...fieldAria(id, error, missing, hint, warning)}
        />
        {suffix && <span className="ed-suffix" aria-hidden="true">{suffix}</span>}
      </span>
    </FieldShell>
  )
}
