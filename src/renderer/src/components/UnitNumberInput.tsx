// A number with a unit selector (mm / cm / in, kg / lb, cm / in for body height). What the
// surgeon types is stored exactly as a raw case-file value (see unit-value.ts).
import { useCallback, useEffect, useRef, useState } from 'react'
import { FieldShell, fieldAria } from './FieldShell'
import { rawToText, textToRaw, unitOfRaw, UNITS, type DisplayUnit, type QuantityKind } from './unit-value'
import { useTypedText } from './use-typed-text'

export interface UnitNumberInputProps {
  id: string
  label: string
  kind: QuantityKind
  value: unknown
  onChange: (raw: number | string | undefined) => void
  defaultUnit: DisplayUnit
  error?: string | null
  missing?: string | null
  warning?: string | null
  hint?: string
  disabled?: boolean
  /** Short form for table cells: no visible label (aria-label instead), no shell. */
  compact?: boolean
  /** The unit chosen for a whole table: shown in, no selector of its own. */
  unit?: DisplayUnit
  path?: string
}

export function UnitNumberInput(props: UnitNumberInputProps) {
  const { id, label, kind, value, onChange, defaultUnit, error, missing, warning, hint, disabled, compact, path } = props
  const tableUnit = props.unit
  const [unit, setUnit] = useState<DisplayUnit>(() => tableUnit ?? unitOfRaw(value, kind) ?? (UNITS[kind].includes(defaultUnit) ? defaultUnit : UNITS[kind][0]!))
  // A value stored with its own unit ("7.5 in") is shown in that unit (in a table: in the table's).
  const format = useCallback((v: unknown) => rawToText(v, kind, tableUnit ?? unitOfRaw(v, kind) ?? unit), [kind, unit, tableUnit])
  const adoptUnit = useCallback(
    (v: unknown) => {
      const own = unitOfRaw(v, kind)
      if (!tableUnit && own && own !== unit) setUnit(own)
    },
    [kind, unit, tableUnit]
  )
  const { text, setText, type: keep } = useTypedText(value, format, adoptUnit)
  // The table's unit changed: show the stored value in it.
  const shownUnit = useRef(tableUnit)
  useEffect(() => {
    if (tableUnit === undefined || tableUnit === shownUnit.current) return
    shownUnit.current = tableUnit
    setUnit(tableUnit)
    setText(rawToText(value, kind, tableUnit))
  }, [tableUnit, value, kind, setText])

  function type(next: string) {
    const raw = textToRaw(next, kind, unit)
    keep(next, raw)
    onChange(raw)
  }

  function changeUnit(next: DisplayUnit) {
    setUnit(next)
    setText(rawToText(value, kind, next))
  }

  const aria = compact ? fieldAria(id, error, missing, undefined, warning) : fieldAria(id, error, missing, hint, warning)
  const control = (
    <span className="ed-unit-input">
      <input
        id={id}
        data-path={path}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        disabled={disabled}
        onChange={(e) => type(e.target.value)}
        {...aria}
        {...(compact ? { 'aria-label': label, title: error ?? warning ?? undefined } : {})}
      />
      {tableUnit === undefined && (
        <select aria-label={`${label} unit`} value={unit} disabled={disabled} onChange={(e) => changeUnit(e.target.value as DisplayUnit)} data-unit-for={path}>
          {UNITS[kind].map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      )}
    </span>
  )
  if (compact) return control
  return (
    <FieldShell id={id} label={label} error={error} missing={missing} warning={warning} hint={hint}>
      {control}
    </FieldShell>
  )
}
