// Follow-up visits: the list, and one form to add or edit a visit. Every measure is optional;
// lower-limb levels get Q-TFA, upper-limb levels QuickDASH.
import { useState } from 'react'
import { K_LEVELS, type FollowUpVisit } from '../../../../shared/outcomes'
import { TableHead } from '../../components/TableHead'
import { outcomesRepo } from '../../db/outcomes-binding'
import { FormActions } from './FormActions'
import { FormField } from './FormField'
import { formToVisit, VISIT_FIELDS, VISIT_LABELS, visitToForm, type FormValues } from './form-model'
import { useOutcomeForm } from './use-outcome-form'
import { useRecordRemoval, useRecordSave } from './use-record-writes'
import { visitSummary } from './visit-summary'

interface Props {
  planId: string
  lowerLimb: boolean
  visits: FollowUpVisit[]
  onChanged: () => void
}

const EMPTY: FormValues = { kind: 'follow-up', date: '' }

function VisitForm({ planId, lowerLimb, visit, onDone }: { planId: string; lowerLimb: boolean; visit: FollowUpVisit | null; onDone: () => void }) {
  const form = useOutcomeForm(`visit:${visit?.id ?? `new:${planId}`}`, planId, visit ? visitToForm(visit) : EMPTY)
  const { failure, errors, attempt } = useRecordSave()
  const save = () =>
    attempt(
      () => outcomesRepo().saveVisit(formToVisit(form.values, planId, visit?.id)),
      async () => {
        await form.reset(EMPTY)
        onDone()
      }
    )
  const fields = VISIT_FIELDS.filter((f) => !('lower' in f && f.lower && !lowerLimb) && !('upper' in f && f.upper && lowerLimb))
  return (
    <div className="oc-visit-form" role="group" aria-label={visit ? `Edit visit of ${visit.date}` : 'New visit'}>
      {form.restored && <p className="oc-restored">Restored what you typed earlier (not saved yet).</p>}
      <div className="oc-grid">
        <FormField form={form} name="kind" idPrefix="visit" label={VISIT_LABELS.kind!} error={errors.kind} choices={[{ value: 'follow-up', label: 'Follow-up (after surgery)' }, { value: 'baseline', label: 'Baseline (before surgery)' }]} />
        <FormField form={form} name="date" idPrefix="visit" label={VISIT_LABELS.date!} error={errors.date} type="date" />
        <FormField form={form} name="kLevel" idPrefix="visit" label={VISIT_LABELS.kLevel!} error={errors.kLevel} choices={[{ value: '', label: 'not recorded' }, ...K_LEVELS.map((k) => ({ value: k, label: k }))]} />
        {fields.map((f) => (
          <FormField key={f.key} form={form} name={f.key} idPrefix="visit" label={f.label} error={errors[f.key]} type="decimal" />
        ))}
        <FormField form={form} name="notes" idPrefix="visit" label={VISIT_LABELS.notes!} error={errors.notes} type="textarea" />
      </div>
      <FormActions saveLabel={visit ? 'Save visit' : 'Add visit'} onSave={() => void save()} onCancel={visit ? onDone : undefined} failure={failure} draftError={form.draftError} />
    </div>
  )
}

export function VisitsSection({ planId, lowerLimb, visits, onChanged }: Props) {
  const [editing, setEditing] = useState<FollowUpVisit | null>(null)
  const removal = useRecordRemoval(onChanged)
  const remove = (v: FollowUpVisit) => removal.remove(`Delete the visit of ${v.date}? Its measures are removed from the audit.`, () => outcomesRepo().removeVisit(v.id))
  const error = removal.error
  return (
    <section className="oc-section" aria-labelledby="visits-title">
      <h2 id="visits-title">Follow-up visits ({visits.length})</h2>
      {visits.length === 0 ? (
        <p className="empty">No visits recorded yet. A baseline visit before surgery lets the audit show before/after change.</p>
      ) : (
        <table className="plan-table">
          <caption className="visually-hidden">Visits</caption>
          <TableHead columns={['Date', 'Visit', 'Measures']} actions="Actions" />
          <tbody>
            {visits.map((v) => (
              <tr key={v.id}>
                <td>{v.date}</td>
                <td>{v.kind === 'baseline' ? 'Baseline' : 'Follow-up'}</td>
                <td>{visitSummary(v) || '—'}</td>
                <td className="actions">
                  <button type="button" onClick={() => setEditing(v)} aria-label={`Edit visit of ${v.date}`}>
                    Edit
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(v)} aria-label={`Delete visit of ${v.date}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="error">{error}</p>}
      <h3>{editing ? `Edit visit of ${editing.date}` : 'Add a visit'}</h3>
      <VisitForm
        key={editing?.id ?? 'new'}
        planId={planId}
        lowerLimb={lowerLimb}
        visit={editing}
        onDone={() => {
          setEditing(null)
          onChanged()
        }}
      />
    </section>
  )
}
