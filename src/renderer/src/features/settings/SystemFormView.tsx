// The form to add or edit a custom implant system (sizes as a list or a range with a step).
import { useEffect, useRef, useState } from 'react'
import { BONES, FIXATIONS, type Bone } from '../../../../shared/case/types'
import { PROTOCOL_IDS, PROTOCOLS } from '../../../../shared/profile/protocols'
import type { FormField, SizeField, SystemForm } from './system-form'

export interface SystemFormViewProps {
  initial: SystemForm
  /** Editing an existing system: its id cannot change. */
  idLocked: boolean
  title: string
  errors: Partial<Record<FormField | 'form', string>>
  onSubmit: (form: SystemForm) => void
  onCancel: () => void
}

function Err({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <span className="error" id={id} role="alert">
      {text}
    </span>
  ) : null
}

export function SystemFormView({ initial, idLocked, title, errors, onSubmit, onCancel }: SystemFormViewProps) {
  const [form, setForm] = useState(initial)
  // The form opens where it was asked for; focus (and so the view) goes to its first field.
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    const first = formRef.current?.querySelector<HTMLInputElement>('input')
    first?.focus({ preventScroll: true })
    formRef.current?.scrollIntoView({ block: 'nearest' })
  }, [])
  const set = <K extends keyof SystemForm>(key: K, value: SystemForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const invalid = (f: FormField) => (errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': `sys-${f}-error` } : {})

  function text(field: 'id' | 'name' | 'manufacturer' | 'engagementMm' | 'minCortexMm' | 'minContactMm' | 'tipMarginMm' | 'maxBodyWeightKg' | 'stage2MinDays' | 'stage2MaxDays', label: string, unit = '', disabled = false) {
    return (
      <label className="field">
        <span>
          {label}
          {unit ? ` (${unit})` : ''}
        </span>
        <input value={form[field]} disabled={disabled} inputMode={unit ? 'decimal' : undefined} onChange={(e) => set(field, e.target.value)} {...invalid(field)} />
        <Err id={`sys-${field}-error`} text={errors[field]} />
      </label>
    )
  }

  function sizes(field: 'diameters' | 'lengths', label: string) {
    const s = form[field]
    const upd = (patch: Partial<SizeField>) => set(field, { ...s, ...patch })
    return (
      <fieldset className="sizes" {...(errors[field] ? { 'aria-describedby': `sys-${field}-error` } : {})}>
        <legend>{label} (mm)</legend>
        <label>
          <input type="radio" name={`${field}-mode`} checked={s.mode === 'list'} onChange={() => upd({ mode: 'list' })} /> list
        </label>
        <label>
          <input type="radio" name={`${field}-mode`} checked={s.mode === 'range'} onChange={() => upd({ mode: 'range' })} /> range with step
        </label>
        {s.mode === 'list' ? (
          <label className="field">
            <span>{label} list (mm, comma separated)</span>
            <input value={s.list} onChange={(e) => upd({ list: e.target.value })} {...invalid(field)} />
          </label>
        ) : (
          <div className="range-row">
            {(['from', 'to', 'step'] as const).map((k) => (
              <label className="field" key={k}>
                <span>
                  {label} {k} (mm)
                </span>
                <input value={s[k]} inputMode="decimal" onChange={(e) => upd({ [k]: e.target.value })} {...invalid(field)} />
              </label>
            ))}
          </div>
        )}
        <Err id={`sys-${field}-error`} text={errors[field]} />
      </fieldset>
    )
  }

  return (
    <form
      ref={formRef}
      className="system-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit(form)
      }}
    >
      <h3>{title}</h3>
      {idLocked && (
        <p className="muted small-print">
          Identifier in case files: <code>{form.id}</code>
        </p>
      )}
      {errors.id && (
        <p className="error" role="alert">
          {errors.id}
        </p>
      )}
      <div className="form-grid">
        {text('name', 'Name')}
        {text('manufacturer', 'Manufacturer (optional)')}
        <label className="field">
          <span>Fixation</span>
          <select value={form.fixation} onChange={(e) => set('fixation', e.target.value as SystemForm['fixation'])} {...invalid('fixation')}>
            {FIXATIONS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <Err id="sys-fixation-error" text={errors.fixation} />
        </label>
      </div>
      <fieldset className="bones" {...(errors.bones ? { 'aria-describedby': 'sys-bones-error' } : {})}>
        <legend>Bones</legend>
        {BONES.map((b) => (
          <label key={b}>
            <input
              type="checkbox"
              checked={form.bones.includes(b)}
              onChange={(e) => set('bones', e.target.checked ? [...form.bones, b] : form.bones.filter((x: Bone) => x !== b))}
            />{' '}
            {b}
          </label>
        ))}
        <Err id="sys-bones-error" text={errors.bones} />
      </fieldset>
      {sizes('diameters', 'Diameters')}
      {sizes('lengths', 'Lengths')}
      <div className="form-grid">
        {text('engagementMm', 'Engagement: interference or thread (prepared canal = D − this)', 'mm')}
        {text('minCortexMm', 'Minimum remaining cortex', 'mm')}
        {text('minContactMm', 'Minimum cortical contact length', 'mm')}
        {text('tipMarginMm', 'Tip margin to the proximal landmark', 'mm')}
        {text('maxBodyWeightKg', 'Body-weight limit (empty: none stated)', 'kg')}
        <label className="field">
          <span>Stages</span>
          <select value={form.stages} onChange={(e) => set('stages', e.target.value as SystemForm['stages'])} {...invalid('stages')}>
            <option value="1">one stage</option>
            <option value="2">two stages</option>
            <option value="either">either (the profile's preference decides)</option>
          </select>
          <Err id="sys-stages-error" text={errors.stages} />
        </label>
        {text('stage2MinDays', 'Earliest stage 2 (empty: profile)', 'days')}
        {text('stage2MaxDays', 'Latest stage 2 (empty: profile)', 'days')}
        <label className="field">
          <span>Loading protocol</span>
          <select value={form.protocolId} onChange={(e) => set('protocolId', e.target.value)} {...invalid('protocolId')}>
            <option value="">the profile's default</option>
            {PROTOCOL_IDS.map((p) => (
              <option key={p} value={p}>
                {PROTOCOLS[p].name}
              </option>
            ))}
          </select>
          <Err id="sys-protocolId-error" text={errors.protocolId} />
        </label>
      </div>
      <p className="muted">Saving records every value on this form as your site’s, confirmed by you — including site defaults you leave as they are.</p>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save system
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
