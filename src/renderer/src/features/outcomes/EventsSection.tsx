// Events: infection (graded on the site's scale), fracture, loosening, revision, removal, death,
// lost to follow-up — each with a date and a note.
import { useState } from 'react'
import { DEFAULT_INFECTION_SCALE, EVENT_LABELS, EVENT_TYPES, gradeLabel, type OutcomeEvent } from '../../../../shared/outcomes'
import { TableHead } from '../../components/TableHead'
import { outcomesRepo } from '../../db/outcomes-binding'
import { FormField } from './FormField'
import { EVENT_FORM_LABELS, formToEvent } from './form-model'
import { saveFailure, type SaveFailure } from './save-error'
import { useOutcomeForm } from './use-outcome-form'

const scale = DEFAULT_INFECTION_SCALE
const EMPTY = { type: 'infection', date: '', infectionGrade: '', note: '' }

export function EventsSection({ planId, events, onChanged }: { planId: string; events: OutcomeEvent[]; onChanged: () => void }) {
  const form = useOutcomeForm(`event:new:${planId}`, planId, EMPTY)
  const [failure, setFailure] = useState<SaveFailure | null>(null)
  const errors = failure?.fields ?? {}
  async function save() {
    try {
      await outcomesRepo().saveEvent(formToEvent(form.values, planId), scale)
      setFailure(null)
      await form.reset(EMPTY)
      onChanged()
    } catch (e) {
      setFailure(saveFailure(e))
    }
  }
  async function remove(e: OutcomeEvent) {
    if (!window.confirm(`Delete the event "${EVENT_LABELS[e.type]}" of ${e.date}?`)) return
    try {
      await outcomesRepo().removeEvent(e.id)
      onChanged()
    } catch (err) {
      setFailure(saveFailure(err))
    }
  }
  return (
    <section className="oc-section" aria-labelledby="events-title">
      <h2 id="events-title">Events ({events.length})</h2>
      {events.length === 0 ? (
        <p className="empty">No events recorded.</p>
      ) : (
        <table className="plan-table">
          <caption className="visually-hidden">Events</caption>
          <TableHead columns={['Date', 'Event', 'Note']} actions="Actions" />
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{e.date}</td>
                <td>
                  {EVENT_LABELS[e.type]}
                  {e.type === 'infection' ? ` — ${gradeLabel(scale, e.infectionGrade)}` : ''}
                </td>
                <td>{e.note ?? ''}</td>
                <td className="actions">
                  <button type="button" className="danger" onClick={() => void remove(e)} aria-label={`Delete ${EVENT_LABELS[e.type]} of ${e.date}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Record an event</h3>
      {form.restored && <p className="oc-restored">Restored what you typed earlier (not saved yet).</p>}
      <div className="oc-grid">
        <FormField form={form} name="type" idPrefix="event" label={EVENT_FORM_LABELS.type!} error={errors.type} choices={EVENT_TYPES.map((t) => ({ value: t, label: EVENT_LABELS[t] }))} />
        <FormField form={form} name="date" idPrefix="event" label={EVENT_FORM_LABELS.date!} error={errors.date} type="date" />
        {form.values.type === 'infection' && (
          <FormField
            form={form}
            name="infectionGrade"
            idPrefix="event"
            label={EVENT_FORM_LABELS.infectionGrade!}
            error={errors.infectionGrade}
            hint={`${scale.name} (${scale.source})${scale.confirmed ? '' : ' — site default to confirm'}`}
            choices={[{ value: '', label: 'not graded' }, ...scale.grades.map((g) => ({ value: g.code, label: g.label }))]}
          />
        )}
        <FormField form={form} name="note" idPrefix="event" label={EVENT_FORM_LABELS.note!} error={errors.note} type="textarea" />
      </div>
      <div className="oc-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Record event
        </button>
        {failure && (
          <span className="error" role="alert">
            {failure.message}
          </span>
        )}
        {form.draftError && <span className="error">{form.draftError}</span>}
      </div>
    </section>
  )
}
