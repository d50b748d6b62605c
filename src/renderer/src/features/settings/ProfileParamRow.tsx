// One parameter of the planning profile: value with unit, provenance, explanation, who last
// changed or confirmed it, and the actions (save a new value, confirm a site default, reset).
import { useState } from 'react'
import { PROTOCOL_IDS, PROTOCOLS } from '../../../../shared/profile/protocols'
import type { ParamScalar, ParamValue } from '../../../../shared/result'
import { inputSpec, isUnconfirmed, type EditableKey, type ParamChange } from './profile-record'
import { formatDateTime } from '../../../../shared/format'
import { provenanceText } from './provenance-text'

export interface ParamRowProps {
  paramKey: EditableKey
  param: ParamValue<ParamScalar>
  /** What the parameter belongs to when its label alone is ambiguous (a protocol's name). */
  context?: string
  isShipped: boolean
  last: ParamChange | undefined
  error: string
  onSave: (key: EditableKey, text: string) => void
  onConfirm: (key: EditableKey) => void
  onReset: (key: EditableKey) => void
}

const ACTION_TEXT: Record<ParamChange['action'], string> = { changed: 'set', confirmed: 'confirmed', reset: 'reset to the shipped value' }

function domId(key: string): string {
  return `param-${key.replace(/[^A-Za-z0-9]/g, '-')}`
}

export function ProfileParamRow({ paramKey, param, context, isShipped, last, error, onSave, onConfirm, onReset }: ParamRowProps) {
  const spec = inputSpec(paramKey)
  const [text, setText] = useState(String(param.value))
  const [shownValue, setShownValue] = useState(param.value)
  // A saved or reset value replaces what is typed.
  if (shownValue !== param.value) {
    setShownValue(param.value)
    setText(String(param.value))
  }
  const id = domId(paramKey)
  const dirty = text !== String(param.value)
  const unconfirmed = isUnconfirmed(param)
  const shortLabel = param.label ?? paramKey
  // Accessible name of the field and its buttons: unique even where labels repeat across protocols.
  const label = context ? `${context}: ${shortLabel}` : shortLabel
  const unit = spec.kind === 'number' ? spec.unit : ''

  return (
    <tr className={unconfirmed ? 'param-row unconfirmed' : 'param-row'} data-key={paramKey}>
      <th scope="row">
        <label htmlFor={id}>
          {context && <span className="visually-hidden">{context}: </span>}
          {shortLabel}
        </label>
        <div className="param-key">{paramKey}</div>
      </th>
      <td className="param-value">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (dirty) onSave(paramKey, text)
          }}
        >
          {spec.kind === 'number' ? (
            <input id={id} inputMode="decimal" value={text} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setText(e.target.value)} />
          ) : (
            <select id={id} value={text} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setText(e.target.value)}>
              {(spec.kind === 'enum' ? spec.values.map(String) : PROTOCOL_IDS).map((v) => (
                <option key={v} value={v}>
                  {spec.kind === 'protocol' ? `${PROTOCOLS[v as keyof typeof PROTOCOLS]?.name ?? v}` : v}
                </option>
              ))}
            </select>
          )}
          {unit && <span className="unit">{unit}</span>}
          {dirty && (
            <button type="submit" className="primary" aria-label={`Save ${label}`}>
              Save
            </button>
          )}
        </form>
        {error && (
          <div className="error" id={`${id}-error`} role="alert">
            {error}
          </div>
        )}
      </td>
      <td className="param-provenance">
        {unconfirmed && <span className="flag">unconfirmed</span>} {provenanceText(param)}
        {param.provenance.note && <div className="param-note">{param.provenance.note}</div>}
        {last && (
          <div className="param-change">
            {ACTION_TEXT[last.action]} by {last.by || 'an unnamed user'} on {formatDateTime(last.at)} (v{last.version})
          </div>
        )}
      </td>
      <td className="param-actions">
        {unconfirmed && (
          <button type="button" onClick={() => onConfirm(paramKey)} aria-label={`Confirm ${label}`}>
            Confirm
          </button>
        )}
        {!isShipped && (
          <button type="button" onClick={() => onReset(paramKey)} aria-label={`Reset ${label} to the shipped value`}>
            Reset
          </button>
        )}
      </td>
    </tr>
  )
}
