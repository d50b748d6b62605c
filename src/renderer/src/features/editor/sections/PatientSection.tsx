// Patient: pseudonymous code, age, sex, weight, height, eligibility conditions and history.
import { CONDITIONS, SEXES, type Condition } from '../../../../../shared/case/types'
import { LookAlikeCodeWarning } from '../../../components/LookAlikeCodeWarning'
import { useRoute } from '../../../router'
import { NumberField, SelectField, TextField, UnitField } from '../bound-fields'
import { useDraftAt, useEditorStore, useField } from '../form-context'

const CONDITION_LABELS: Record<Condition, string> = {
  'active-infection': 'Active infection',
  malignancy: 'Malignancy',
  chemotherapy: 'Chemotherapy',
  immunosuppression: 'Immunosuppression',
  pregnancy: 'Pregnancy',
  'open-physes': 'Open physes',
  diabetes: 'Diabetes',
  'peripheral-vascular-disease': 'Peripheral vascular disease',
  smoking: 'Smoking'
}

const SEX_CHOICES = SEXES.map((s) => ({ value: s, label: s }))

function Conditions() {
  const form = useEditorStore()
  const field = useField('patient.conditions')
  const list = Array.isArray(field.value) ? (field.value as Condition[]) : null
  const toggle = (c: Condition, on: boolean) => {
    const base = list ?? []
    form.replace('patient.conditions', on ? [...base.filter((x) => x !== c), c] : base.filter((x) => x !== c))
  }
  return (
    <fieldset className="ed-conditions" aria-describedby={field.missing || field.error ? `${field.id}-msg` : undefined}>
      <legend>Conditions (eligibility screen)</legend>
      <label className="ed-check">
        <input
          type="checkbox"
          id={field.id}
          checked={list !== null}
          disabled={field.disabled}
          onChange={(e) => form.replace('patient.conditions', e.target.checked ? (list ?? []) : undefined)}
        />
        Screened (tick what is present)
      </label>
      {CONDITIONS.map((c) => (
        <label key={c} className="ed-check">
          <input type="checkbox" id={`${field.id}-${c}`} checked={list?.includes(c) ?? false} disabled={field.disabled} onChange={(e) => toggle(c, e.target.checked)} />
          {CONDITION_LABELS[c]}
        </label>
      ))}
      {(field.error || field.missing) && (
        <span id={`${field.id}-msg`} className={field.error ? 'ed-msg ed-msg-error' : 'ed-msg ed-msg-missing'}>
          {field.error ?? 'still needed — tick "Screened" once the patient has been screened'}
        </span>
      )}
    </fieldset>
  )
}

export function PatientSection() {
  const level = useDraftAt('limb.level')
  const lower = level === 'transfemoral' || level === 'transtibial'
  const code = useDraftAt('patient.code')
  const route = useRoute()
  return (
    <div className="ed-grid">
      <TextField label="Patient code (no names)" path="patient.code" />
      <LookAlikeCodeWarning code={code} planId={route.name === 'editor' ? route.planId : undefined} />
      <NumberField label="Age" suffix="years" path="patient.ageYears" />
      <SelectField label="Sex" path="patient.sex" choices={SEX_CHOICES} placeholder="— not recorded —" />
      <UnitField label="Body weight" kind="mass" path="patient.weight" />
      <UnitField label="Body height" kind="height" path="patient.height" />
      <NumberField label="Socket rehabilitation" suffix="months" hint="optional" path="patient.socketRehabMonths" />
      {lower && <NumberField label="Hip flexion contracture" suffix="°" hint="optional" path="patient.hipFlexionContractureDeg" />}
      <NumberField label="DEXA T-score" hint="optional" path="patient.tScore" />
      <Conditions />
    </div>
  )
}
