// Patient: pseudonymous code, age, sex, weight, height, eligibility conditions and history.
import { CONDITIONS, SEXES, type Condition } from '../../../../../shared/case/types'
import { PlainNumberInput } from '../../../components/PlainNumberInput'
import { SelectInput, TextInput } from '../../../components/TextInput'
import { LookAlikeCodeWarning } from '../../../components/LookAlikeCodeWarning'
import { UnitNumberInput } from '../../../components/UnitNumberInput'
import { useRoute } from '../../../router'
import { useEditorForm, useField } from '../form-context'

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

function Conditions() {
  const form = useEditorForm()
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
  const { units, draft } = useEditorForm()
  const level = draft.limb?.level
  const route = useRoute()
  return (
    <div className="ed-grid">
      <TextInput label="Patient code (no names)" {...useField('patient.code')} />
      <LookAlikeCodeWarning code={draft.patient?.code} planId={route.name === 'editor' ? route.planId : undefined} />
      <PlainNumberInput label="Age" suffix="years" {...useField('patient.ageYears')} />
      <SelectInput label="Sex" {...useField('patient.sex')} choices={SEXES.map((s) => ({ value: s, label: s }))} placeholder="— not recorded —" />
      <UnitNumberInput label="Body weight" kind="mass" defaultUnit={units.mass} {...useField('patient.weight')} />
      <UnitNumberInput label="Body height" kind="height" defaultUnit={units.length === 'in' ? 'in' : 'cm'} {...useField('patient.height')} />
      <PlainNumberInput label="Socket rehabilitation" suffix="months" hint="optional" {...useField('patient.socketRehabMonths')} />
      {level === 'transfemoral' && <PlainNumberInput label="Hip flexion contracture" suffix="°" hint="optional" {...useField('patient.hipFlexionContractureDeg')} />}
      {level === 'transtibial' && <PlainNumberInput label="Knee flexion contracture" suffix="°" hint="optional" {...useField('patient.kneeFlexionContractureDeg')} />}
      <PlainNumberInput label="DEXA T-score" hint="optional" {...useField('patient.tScore')} />
      <Conditions />
    </div>
  )
}
