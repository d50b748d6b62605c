// The operation record of an approved plan: stage dates, the implant actually inserted, canal
// preparation, intra-operative changes with their reason, complications — beside what was planned.
import { useState } from 'react'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import { formatMm } from '../../../../shared/format'
import type { OperationRecord } from '../../../../shared/outcomes'
import type { PlanResult } from '../../../../shared/result'
import { outcomesRepo } from '../../db/outcomes-binding'
import type { RevisionRow } from '../../db/types'
import { FormField } from './FormField'
import { changeRows, formToOperation, OPERATION_LABELS, operationToForm, type FormValues } from './form-model'
import { useOutcomeForm } from './use-outcome-form'
import { useRecordSave } from './use-record-writes'

interface Props {
  planId: string
  revision: RevisionRow
  operation: OperationRecord | undefined
  systems: readonly ImplantSystem[]
  onSaved: (op: OperationRecord) => void
}

function plannedImplant(revision: RevisionRow): PlanResult['implant'] {
  const result = revision.result as Partial<PlanResult> | null
  return result?.implant ?? null
}

export function OperationSection({ planId, revision, operation, systems, onSaved }: Props) {
  const planned = plannedImplant(revision)
  const initial: FormValues = operation ? operationToForm(operation) : { systemId: planned?.systemId ?? '', diameterMm: '', lengthMm: '' }
  // One draft per plan's operation form, so the form keeps its state across the save of a new record.
  const form = useOutcomeForm(`operation:${planId}`, planId, initial)
  const { failure, errors, attempt } = useRecordSave()
  const [saved, setSaved] = useState('')
  const v = form.values

  function save() {
    setSaved('')
    return attempt(
      () => outcomesRepo().saveOperation(formToOperation(v, planId, revision.id, operation?.id)),
      async (op) => {
        await form.reset(operationToForm(op))
        setSaved('Operation record saved.')
        onSaved(op)
      }
    )
  }

  const field = (name: string, type?: 'text' | 'date' | 'decimal' | 'textarea', hint?: string) => (
    <FormField form={form} name={name} idPrefix="op" label={OPERATION_LABELS[name] ?? name} error={errors[name]} type={type} {...(hint ? { hint } : {})} />
  )
  const implantedD = Number(v.diameterMm)
  const implantedL = Number(v.lengthMm)
  const systemName = (id: string) => systems.find((s) => s.id === id)?.name ?? id

  return (
    <section className="oc-section" aria-labelledby="op-title">
      <h2 id="op-title">Operation</h2>
      <p className="oc-note">
        Recorded against approved revision {revision.number} of this plan. The plan itself is not changed.
      </p>
      {form.restored && <p className="oc-restored">Restored what you typed earlier (not saved yet).</p>}
      <table className="oc-compare">
        <caption className="visually-hidden">Planned and implanted implant</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Planned</th>
            <th scope="col">Implanted</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">System</th>
            <td>{planned ? planned.systemName : 'no implant in the plan'}</td>
            <td className={planned && v.systemId && v.systemId !== planned.systemId ? 'oc-diff' : undefined}>{v.systemId ? systemName(v.systemId) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Diameter</th>
            <td>{planned ? formatMm(planned.diameterMm) : '—'}</td>
            <td className={planned && Number.isFinite(implantedD) && v.diameterMm && implantedD !== planned.diameterMm ? 'oc-diff' : undefined}>{v.diameterMm ? `${v.diameterMm} mm` : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Length</th>
            <td>{planned ? formatMm(planned.lengthMm) : '—'}</td>
            <td className={planned && Number.isFinite(implantedL) && v.lengthMm && implantedL !== planned.lengthMm ? 'oc-diff' : undefined}>{v.lengthMm ? `${v.lengthMm} mm` : '—'}</td>
          </tr>
        </tbody>
      </table>
      <h3>Stages</h3>
      <div className="oc-grid">
        {field('stage1Date', 'date')}
        {field('stage1Surgeon')}
        {field('stage2Date', 'date', 'two-stage procedures only')}
        {field('stage2Surgeon')}
      </div>
      <h3>Implant inserted</h3>
      <div className="oc-grid">
        <FormField form={form} name="systemId" idPrefix="op" label={OPERATION_LABELS.systemId!} error={errors.systemId} choices={[{ value: '', label: 'Choose…' }, ...systems.map((s) => ({ value: s.id, label: s.name }))]} />
        {field('diameterMm', 'decimal')}
        {field('lengthMm', 'decimal')}
        {field('lot', 'text', 'optional')}
        {field('serial', 'text', 'optional')}
      </div>
      <h3>Canal preparation</h3>
      <div className="oc-grid">
        {field('finalReamerMm', 'decimal', 'optional')}
        {field('canalNote', 'textarea')}
      </div>
      <h3>Changes during the operation</h3>
      {Array.from({ length: changeRows(v) }, (_, i) => (
        <div className="oc-grid" key={i}>
          <FormField form={form} name={`changes.${i}.change`} idPrefix="op" label={`Change ${i + 1} — what differed from the plan`} error={errors[`changes.${i}.change`]} />
          <FormField form={form} name={`changes.${i}.reason`} idPrefix="op" label={`Change ${i + 1} — reason`} error={errors[`changes.${i}.reason`]} />
        </div>
      ))}
      <div className="oc-grid">
        {field('complications', 'textarea')}
        {field('notes', 'textarea')}
      </div>
      <div className="oc-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {operation ? 'Save operation record' : 'Record operation'}
        </button>
        {failure && (
          <span className="error" role="alert">
            {failure.message}
          </span>
        )}
        {saved && <span role="status">{saved}</span>}
        {form.draftError && <span className="error">{form.draftError}</span>}
      </div>
    </section>
  )
}
