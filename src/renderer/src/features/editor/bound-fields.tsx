// Form fields bound to one case-file path: each subscribes to its own value and messages, so a
// keystroke re-renders only the field typed in (and whatever shows the plan).
import { memo } from 'react'
import { PlainNumberInput, type PlainNumberInputProps } from '../../components/PlainNumberInput'
import { SelectInput, TextInput, type Choice } from '../../components/TextInput'
import { UnitNumberInput, type UnitNumberInputProps } from '../../components/UnitNumberInput'
import type { DisplayUnit } from '../../components/unit-value'
import { useErrorAt, useField, useUnits } from './form-context'

type Bound<P> = Omit<P, 'id' | 'value' | 'onChange' | 'error' | 'missing' | 'disabled' | 'path'> & { path: string }

export const UnitField = memo(function UnitField(props: Omit<Bound<UnitNumberInputProps>, 'defaultUnit'> & { defaultUnit?: DisplayUnit; errorOf?: string }) {
  const field = useField(props.path)
  // A message about the enclosing object (e.g. the whole marker) shown at this field.
  const outer = useErrorAt(props.errorOf ?? '')
  const units = useUnits()
  const fallback = props.kind === 'mass' ? units.mass : props.kind === 'height' ? (units.length === 'in' ? 'in' : 'cm') : units.length
  return <UnitNumberInput {...props} {...field} error={field.error ?? (props.errorOf ? outer : null)} defaultUnit={props.defaultUnit ?? fallback} />
})

export const NumberField = memo(function NumberField(props: Bound<PlainNumberInputProps>) {
  return <PlainNumberInput {...props} {...useField(props.path)} />
})

export const TextField = memo(function TextField(props: { path: string; label: string; hint?: string; list?: string; wide?: boolean; multiline?: boolean }) {
  return <TextInput {...props} {...useField(props.path)} />
})

export const SelectField = memo(function SelectField(props: { path: string; label: string; hint?: string; choices: readonly Choice[]; placeholder?: string; missing?: string | null }) {
  const field = useField(props.path)
  return <SelectInput {...props} {...field} missing={field.missing ?? props.missing ?? null} />
})
