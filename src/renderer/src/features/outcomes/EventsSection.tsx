// Events: infection (graded on the site's scale), fracture, loosening, revision, removal, death,
// lost to follow-up — each with a date and a note. A saved event can be corrected (date, grade,
// note…); the correction is written to the plan's audit trail with the old and new values.
import { useState } from 'react'
import { EVENT_LABELS, EVENT_TYPES, gradeLabel, type InfectionScale, type OutcomeEvent } from '../../../../shared/outcomes'
import { TableHead } from '../../components/TableHead'
import { outcomesRepo } from '../../db/outcomes-binding'
import { FormActions } from './FormActions'
import { FormField } from './FormField'
import { EVENT_FORM_LABELS, eventToForm, formToEvent, type FormValues } from './form-model'
import { useOutcomeForm } from './use-outcome-form'
import { useRecordRemoval, useRecordSave } from './use-record-writes'

const EMPTY: FormValues = { type: 'infection', date: '', infectionGrade: '', note: '' }

function EventForm({ planId, event, scale, onDone }: { planId: string; event: OutcomeEvent | null; scale: InfectionScale; onDone: () => void }) {
  const form = useOutcomeForm(event ? `event:${event.id}` : `event:new:${planId}`, planId, event ? eventToForm(event) : EMPTY)
  const { failure, errors, attempt } = useRecordSave()
  const save = () =>
    attempt(
      () => outcomesRepo().saveEvent(formToEvent(form.values, planId, event?.id), scale),
      async () => {
        await form.reset(EMPTY)
        onDone()
      }
    )
  const what = event ? `${EVENT_LABELS[event.type]} of ${event.date}` : ''
  return (
    <div role="group" aria-label={event ? `Correct ${what}` : 'New event'}>
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
      <FormActions saveLabel={event ? 'Save correction' : 'Record event'} onSave={() => void save()} onCancel={event ? onDone : undefined} failure={failure} draftError={form.draftError} />
    </div>
  )
}

export function EventsSection({ planId, events, scale, onChanged }: { planId: string; events: OutcomeEvent[]; scale: InfectionScale; onChanged: () => void }) {
  const [editing, setEditing] = useState<OutcomeEvent | null>(null)
  const removal = useRecordRemoval(onChanged)
  const remove = (e: OutcomeEvent) => removal.remove(`Delete the event "${EVENT_LABELS[e.type]}" of ${e.date}?`, () => outcomesRepo().removeEvent(e.id))
  const error = removal.error
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
                  <button type="button" onClick={() => setEditing(e)} aria-label={`Correct ${EVENT_LABELS[e.type]} of ${e.date}`}>
                    Correct
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(e)} aria-label={`Delete ${EVENT_LABELS[e.type]} of ${e.date}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="error">{error}</p>}
      <h3>{editing ? `Correct ${EVENT_LABELS[editing.type]} of ${editing.date}` : 'Record an event'}</h3>
      <EventForm
        key={editing?.id ?? 'new'}
        planId={planId}
        event={editing}
        scale={scale}
        onDone={() => {
          setEditing(null)
          onChanged()
        }}
      />
    </section>
  )
}
