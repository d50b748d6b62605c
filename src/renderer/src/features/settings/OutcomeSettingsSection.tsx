// After surgery: the site's follow-up schedule (it decides who is due or overdue on the Audit
// screen) and the infection grading scale. Both ship as site defaults to confirm; edited as text,
// checked field by field on Save (nothing stored on error), confirmed with the user's name.
import { useEffect, useState } from 'react'
import { FieldShell, fieldAria } from '../../components/FieldShell'
import { outcomeSettingsRepo } from '../../db/outcome-settings-binding'
import {
  confirmSettings,
  formToSettings,
  provenanceLabel,
  scheduleText,
  settingsToForm,
  type OutcomeSettings,
  type OutcomeSettingsForm
} from '../../../../shared/outcomes/site-settings'
import { usePlanningContext } from './planning-context'

const LABELS: Record<keyof OutcomeSettingsForm, string> = {
  intervals: 'Follow-up visits in the first years (after surgery, ± window in days)',
  yearlyUntil: 'Then a yearly visit up to year',
  yearlyWindowDays: 'Yearly visit window (± days)',
  scaleName: 'Infection scale — name',
  scaleSource: 'Infection scale — source',
  grades: 'Infection grades, one per line: code | label | description'
}

export function OutcomeSettingsSection() {
  const { userName } = usePlanningContext()
  const [settings, setSettings] = useState<OutcomeSettings | null>(null)
  const [form, setForm] = useState<OutcomeSettingsForm | null>(null)
  const [errors, setErrors] = useState<Partial<Record<keyof OutcomeSettingsForm, string>>>({})
  const [message, setMessage] = useState('')

  useEffect(() => {
    void outcomeSettingsRepo()
      .get()
      .then((s) => {
        setSettings(s)
        setForm(settingsToForm(s))
      })
  }, [])

  async function store(next: OutcomeSettings, done: string) {
    try {
      const saved = await outcomeSettingsRepo().save(next)
      setSettings(saved)
      setForm(settingsToForm(saved))
      setErrors({})
      setMessage(done)
    } catch {
      setMessage('The settings could not be saved (storage unavailable). Nothing was changed.')
    }
  }

  function save() {
    if (!settings || !form) return
    const checked = formToSettings(form, settings, userName || 'unnamed user', Date.now())
    if (!checked.ok) {
      const byField: Partial<Record<keyof OutcomeSettingsForm, string>> = {}
      for (const e of checked.errors) byField[e.path as keyof OutcomeSettingsForm] ??= e.message
      setErrors(byField)
      setMessage('Not saved: correct the fields marked below.')
      return
    }
    void store(checked.value, 'Outcome settings saved. They are site values to confirm.')
  }

  async function reset() {
    if (!window.confirm('Go back to the shipped follow-up schedule and infection scale? Events already graded keep the scale they were graded on.')) return
    const shipped = await outcomeSettingsRepo().reset()
    setSettings(shipped)
    setForm(settingsToForm(shipped))
    setErrors({})
    setMessage('Shipped outcome settings restored (site defaults to confirm).')
  }

  const field = (key: keyof OutcomeSettingsForm, multiline = false, hint?: string) => {
    const id = `outcome-settings-${key}`
    const aria = fieldAria(id, errors[key], null, hint)
    return (
      <FieldShell id={id} label={LABELS[key]} error={errors[key] ?? null} hint={hint} wide={multiline || key === 'intervals'}>
        {multiline ? (
          <textarea id={id} rows={5} value={form?.[key] ?? ''} onChange={(e) => form && setForm({ ...form, [key]: e.target.value })} {...aria} />
        ) : (
          <input id={id} type="text" autoComplete="off" value={form?.[key] ?? ''} onChange={(e) => form && setForm({ ...form, [key]: e.target.value })} {...aria} />
        )}
      </FieldShell>
    )
  }

  return (
    <section aria-labelledby="outcome-settings-title" className="settings-section" id="settings-outcomes">
      <h2 id="outcome-settings-title">After surgery (audit)</h2>
      {!settings || !form ? (
        <p className="empty">Loading…</p>
      ) : (
        <>
          <p>
            Follow-up schedule: {scheduleText(settings.schedule)} — <strong>{provenanceLabel(settings.schedule.provenance)}</strong>. It decides who is due or overdue on the Audit screen. NICE (IPG270) asks for
            complete follow-up but sets no intervals; the shipped rhythm follows osseointegration cohorts.
          </p>
          <p>
            Infection scale: {settings.scale.name} ({settings.scale.source || 'no source given'}) — <strong>{provenanceLabel(settings.scaleProvenance)}</strong>. Events keep the scale they were graded on.
          </p>
          <div className="outcome-settings-grid">
            {field('intervals', false, 'e.g. 6 weeks ±14, 3 months ±28, 6 months ±42, 12 months ±61')}
            {field('yearlyUntil', false, '1 = no yearly visits')}
            {field('yearlyWindowDays')}
            {field('scaleName')}
            {field('scaleSource')}
            {field('grades', true)}
          </div>
          <div className="outcome-settings-actions">
            <button type="button" className="primary" onClick={save}>
              Save outcome settings
            </button>
            {!(settings.schedule.provenance.confirmed && settings.scaleProvenance.confirmed) && (
              <button type="button" onClick={() => void store(confirmSettings(settings, userName || 'unnamed user', Date.now()), 'Outcome settings confirmed.')}>
                Confirm schedule and scale
              </button>
            )}
            <button type="button" onClick={() => void reset()}>
              Restore shipped
            </button>
          </div>
          <p role="status">{message}</p>
        </>
      )}
    </section>
  )
}
