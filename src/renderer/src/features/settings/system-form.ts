// The implant-system form of the catalogue editor: text fields (mm, kg, days) to an ImplantSystem
// and back. Sizes are a list ("16, 16.5, 17") or a range with a step. Values the user did not change
// keep the provenance they had; entered values become site values confirmed by the person entering.
import { sizeRange } from '../../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import type { Bone, FieldError, Fixation } from '../../../../shared/case/types'
import type { ParamScalar, ParamValue } from '../../../../shared/result'
import { readNumberText } from './number-text'
import { isUnconfirmed } from './profile-record'
import { checkCustomSystem, SYSTEM_PARAM_UNITS, type SystemParamName, type SystemResult } from './system-record'

export interface SizeField {
  mode: 'list' | 'range'
  list: string
  from: string
  to: string
  step: string
}

export interface SystemForm {
  id: string
  name: string
  manufacturer: string
  fixation: Fixation
  bones: Bone[]
  diameters: SizeField
  lengths: SizeField
  engagementMm: string
  minCortexMm: string
  minContactMm: string
  tipMarginMm: string
  /** Empty: no limit stated. */
  maxBodyWeightKg: string
  stages: '1' | '2' | 'either'
  /** Both empty: the profile's interval applies. */
  stage2MinDays: string
  stage2MaxDays: string
  /** Empty: the profile's default protocol. */
  protocolId: string
}

/** Form field an error belongs to (the core reports paths such as 'diametersMm.value[2]'). */
export type FormField = keyof SystemForm

export type FormResult = { ok: true; system: ImplantSystem } | { ok: false; errors: Partial<Record<FormField | 'form', string>> }

const MAX_SIZES = 200

const LABELS: Record<SystemParamName, string> = {
  diametersMm: 'Catalogue diameters',
  lengthsMm: 'Catalogue lengths',
  engagementMm: 'Engagement (prepared canal = D − this)',
  minCortexMm: 'Minimum remaining cortex',
  minContactMm: 'Minimum cortical contact length',
  tipMarginMm: 'Distance kept between implant tip and proximal landmark',
  maxBodyWeightKg: 'Body-weight limit',
  stages: 'Stages',
  stage2MinDays: 'Earliest stage 2 after stage 1',
  stage2MaxDays: 'Latest stage 2 after stage 1'
}

function sizeField(values: readonly number[]): SizeField {
  return { mode: 'list', list: values.join(', '), from: '', to: '', step: '' }
}

export function emptySystemForm(): SystemForm {
  return {
    id: '',
    name: '',
    manufacturer: '',
    fixation: 'press-fit',
    bones: [],
    diameters: sizeField([]),
    lengths: sizeField([]),
    engagementMm: '',
    minCortexMm: '',
    minContactMm: '',
    tipMarginMm: '',
    maxBodyWeightKg: '',
    stages: 'either',
    stage2MinDays: '',
    stage2MaxDays: '',
    protocolId: ''
  }
}

export function formFromSystem(system: ImplantSystem): SystemForm {
  return {
    id: system.id,
    name: system.name,
    manufacturer: system.manufacturer ?? '',
    fixation: system.fixation,
    bones: [...system.bones],
    diameters: sizeField(system.diametersMm.value),
    lengths: sizeField(system.lengthsMm.value),
    engagementMm: String(system.engagementMm.value),
    minCortexMm: String(system.minCortexMm.value),
    minContactMm: String(system.minContactMm.value),
    tipMarginMm: String(system.tipMarginMm.value),
    maxBodyWeightKg: system.maxBodyWeightKg ? String(system.maxBodyWeightKg.value) : '',
    stages: String(system.stages.value) as SystemForm['stages'],
    stage2MinDays: system.stage2MinDays ? String(system.stage2MinDays.value) : '',
    stage2MaxDays: system.stage2MaxDays ? String(system.stage2MaxDays.value) : '',
    protocolId: system.protocolId ?? ''
  }
}

function parseNumber(text: string): number | null {
  const r = readNumberText(text, 'a number')
  return r.ok ? r.value : null
}

/** Sizes from a list or a range; an error message when they cannot be read. */
export function parseSizes(field: SizeField, unit: string): number[] | string {
  if (field.mode === 'list') {
    const parts = field.list.split(/[\s,;]+/).filter((p) => p !== '')
    if (parts.length === 0) return 'list at least one size'
    if (parts.length > MAX_SIZES) return `list at most ${MAX_SIZES} sizes`
    const out: number[] = []
    for (const p of parts) {
      const n = parseNumber(p)
      if (n === null) return `"${p.slice(0, 20)}" is not a number in ${unit}`
      out.push(n)
    }
    return out.sort((a, b) => a - b)
  }
  const bounds = [field.from, field.to, field.step].map((t) => readNumberText(t, `a number in ${unit}`))
  const comma = bounds.find((b) => !b.ok && b.message.startsWith('use a decimal point'))
  if (comma && !comma.ok) return comma.message
  const [from, to, step] = bounds.map((b) => (b.ok ? b.value : null))
  if (from == null || to == null || step == null) return `give from, to and step as numbers in ${unit}`
  if (step <= 0) return 'the step must be greater than 0'
  if (to < from) return '"to" must not be smaller than "from"'
  const count = (to - from) / step
  if (Math.abs(count - Math.round(count)) > 1e-6) return `${to} ${unit} is not reached from ${from} ${unit} in steps of ${step} ${unit}`
  if (Math.round(count) + 1 > MAX_SIZES) return `the range gives more than ${MAX_SIZES} sizes`
  return sizeRange(from, to, step)
}

const FIELD_OF: Record<string, FormField> = {
  id: 'id',
  name: 'name',
  fixation: 'fixation',
  bones: 'bones',
  diametersMm: 'diameters',
  lengthsMm: 'lengths',
  engagementMm: 'engagementMm',
  minCortexMm: 'minCortexMm',
  minContactMm: 'minContactMm',
  tipMarginMm: 'tipMarginMm',
  maxBodyWeightKg: 'maxBodyWeightKg',
  stages: 'stages',
  stage2MinDays: 'stage2MinDays',
  stage2MaxDays: 'stage2MaxDays',
  protocolId: 'protocolId'
}

/** Field-level messages from the core's paths ('diametersMm.value[2]' → 'diameters'). */
export function formErrors(errors: readonly FieldError[]): Partial<Record<FormField | 'form', string>> {
  const out: Partial<Record<FormField | 'form', string>> = {}
  for (const e of errors) {
    const head = /^[A-Za-z0-9]+/.exec(e.path)?.[0] ?? ''
    const field = FIELD_OF[head] ?? 'form'
    out[field] ??= field === 'form' ? `${e.path} ${e.message}`.trim() : e.message
  }
  return out
}

export interface FormContext {
  /** The system being edited or duplicated (its unchanged values keep their provenance). */
  base: ImplantSystem | null
  version: string
  by: string
  at: number
}

/**
 * A value the user left as it was keeps its provenance. Saving the form is the site's review of
 * every value on it, so a site default kept as it stands becomes confirmed by the person saving
 * (this is how the site confirms a shipped system's site defaults: duplicate it and save).
 */
function keptParam<T extends ParamScalar>(old: ParamValue<T>, key: string, by: string, date: string): ParamValue<T> {
  if (!isUnconfirmed(old) || old.provenance.kind !== 'site-default') return { ...old, key }
  const note = [old.provenance.note, `confirmed by ${by || 'the site'} on ${date}`].filter(Boolean).join('; ')
  return { ...old, key, provenance: { ...old.provenance, note }, confirmed: true }
}

/** The system the form describes, checked by the core; field-level messages otherwise. */
export function systemFromForm(form: SystemForm, ctx: FormContext): FormResult {
  const errors: Partial<Record<FormField | 'form', string>> = {}
  const id = form.id.trim()
  const date = new Date(ctx.at).toISOString().slice(0, 10)
  const note = `entered by ${ctx.by || 'the site'} on ${date}`

  function param<T extends ParamScalar>(name: SystemParamName, value: T): ParamValue<T> {
    const old = ctx.base?.[name] as ParamValue<ParamScalar> | null | undefined
    if (old && JSON.stringify(old.value) === JSON.stringify(value)) return keptParam(old as ParamValue<T>, `system.${id}.${name}`, ctx.by, date)
    return { key: `system.${id}.${name}`, value, unit: SYSTEM_PARAM_UNITS[name], label: LABELS[name], provenance: { kind: 'site-default', note }, confirmed: true }
  }
  function num(field: FormField, unit: string, optional = false): number | null | undefined {
    const text = String(form[field]).trim()
    if (text === '') {
      if (!optional) errors[field] = 'is required'
      return optional ? null : undefined
    }
    const n = readNumberText(text, `a number in ${unit}`)
    if (!n.ok) errors[field] = n.message
    return n.ok ? n.value : undefined
  }

  const diameters = parseSizes(form.diameters, 'mm')
  if (typeof diameters === 'string') errors.diameters = diameters
  const lengths = parseSizes(form.lengths, 'mm')
  if (typeof lengths === 'string') errors.lengths = lengths
  const engagement = num('engagementMm', 'mm')
  const minCortex = num('minCortexMm', 'mm')
  const minContact = num('minContactMm', 'mm')
  const tipMargin = num('tipMarginMm', 'mm')
  const maxBw = num('maxBodyWeightKg', 'kg', true)
  const s2min = num('stage2MinDays', 'days', true)
  const s2max = num('stage2MaxDays', 'days', true)
  if ((s2min === null) !== (s2max === null)) errors.stage2MaxDays = 'give both the earliest and the latest stage 2, or neither'
  if (form.bones.length === 0) errors.bones = 'choose at least one bone'
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const stages = form.stages === 'either' ? 'either' : (Number(form.stages) as 1 | 2)
  const system = {
    id,
    name: form.name.trim(),
    version: ctx.version,
    manufacturer: form.manufacturer.trim() || null,
    fixation: form.fixation,
    bones: form.bones,
    template: false,
    label: null,
    diametersMm: param('diametersMm', diameters as number[]),
    lengthsMm: param('lengthsMm', lengths as number[]),
    engagementMm: param('engagementMm', engagement as number),
    minCortexMm: param('minCortexMm', minCortex as number),
    minContactMm: param('minContactMm', minContact as number),
    tipMarginMm: param('tipMarginMm', tipMargin as number),
    maxBodyWeightKg: maxBw === null || maxBw === undefined ? null : param('maxBodyWeightKg', maxBw),
    stages: param('stages', stages as number),
    stage2MinDays: s2min === null || s2min === undefined ? null : param('stage2MinDays', s2min),
    stage2MaxDays: s2max === null || s2max === undefined ? null : param('stage2MaxDays', s2max),
    protocolId: form.protocolId.trim() || null
  } as unknown as ImplantSystem
  const checked: SystemResult = checkCustomSystem(system)
  return checked.ok ? checked : { ok: false, errors: formErrors(checked.errors) }
}
