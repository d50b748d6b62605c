// Outcome forms hold what was typed as text (so a half-typed "41" or "12,5" is never lost or
// silently changed); these functions turn that text into a record for the core's validator and
// map the validator's field paths back to the form's fields and clinical labels.
import type { FieldError } from '../../../../shared/case/types'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../../shared/outcomes'

export type FormValues = Record<string, string>

/** A plain decimal becomes a number; anything else stays text so the validator can say why. */
export function numberOrText(text: string | undefined): number | string | undefined {
  const t = (text ?? '').trim()
  if (t === '') return undefined
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : t
}

function text(v: string | undefined): string | undefined {
  const t = (v ?? '').trim()
  return t === '' ? undefined : t
}

function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}

// ---------------------------------------------------------------------------------------------
// Follow-up visit

export const VISIT_FIELDS = [
  { key: 'wearHoursPerDay', label: 'Prosthesis wear (h/day)' },
  { key: 'wearDaysPerWeek', label: 'Prosthesis wear (days/week)' },
  { key: 'sixMinuteWalkM', label: '6-minute walk (m)' },
  { key: 'tugS', label: 'Timed Up and Go (s)' },
  { key: 'qtfa.prostheticUse', label: 'Q-TFA prosthetic use (0–100)', lower: true },
  { key: 'qtfa.mobility', label: 'Q-TFA mobility (0–100)', lower: true },
  { key: 'qtfa.problem', label: 'Q-TFA problem (0–100)', lower: true },
  { key: 'qtfa.global', label: 'Q-TFA global (0–100)', lower: true },
  { key: 'quickDash', label: 'QuickDASH (0–100, higher = more disability)', upper: true },
  { key: 'pain', label: 'Pain (0–10)' },
  { key: 'falls', label: 'Falls since the last visit' }
] as const

export const VISIT_LABELS: Readonly<Record<string, string>> = {
  date: 'Visit date',
  kind: 'Visit',
  kLevel: 'K-level',
  notes: 'Notes',
  ...Object.fromEntries(VISIT_FIELDS.map((f) => [f.key, f.label]))
}

export function visitToForm(v: FollowUpVisit): FormValues {
  const out: FormValues = { kind: v.kind, date: v.date, kLevel: v.kLevel ?? '', notes: v.notes ?? '' }
  for (const f of VISIT_FIELDS) {
    const [a, b] = f.key.split('.') as [string, string | undefined]
    const value = b ? (v as unknown as Record<string, Record<string, number> | undefined>)[a]?.[b] : (v as unknown as Record<string, number | undefined>)[a]
    out[f.key] = value === undefined ? '' : String(value)
  }
  return out
}

export function formToVisit(values: FormValues, planId: string, id?: string): Omit<FollowUpVisit, 'id' | 'createdAt' | 'updatedAt'> & { id?: string } {
  const qtfa = defined({
    prostheticUse: numberOrText(values['qtfa.prostheticUse']),
    mobility: numberOrText(values['qtfa.mobility']),
    problem: numberOrText(values['qtfa.problem']),
    global: numberOrText(values['qtfa.global'])
  })
  const raw = defined({
    id,
    planId,
    kind: (values.kind || 'follow-up') as FollowUpVisit['kind'],
    date: text(values.date) as string,
    wearHoursPerDay: numberOrText(values.wearHoursPerDay),
    wearDaysPerWeek: numberOrText(values.wearDaysPerWeek),
    kLevel: text(values.kLevel),
    sixMinuteWalkM: numberOrText(values.sixMinuteWalkM),
    tugS: numberOrText(values.tugS),
    qtfa: Object.keys(qtfa).length > 0 ? qtfa : undefined,
    quickDash: numberOrText(values.quickDash),
    pain: numberOrText(values.pain),
    falls: numberOrText(values.falls),
    notes: text(values.notes)
  })
  // Text where a number belongs is passed on as typed: the validator names the field.
  return raw as unknown as Omit<FollowUpVisit, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }
}

// ---------------------------------------------------------------------------------------------
// Event

export const EVENT_FORM_LABELS: Readonly<Record<string, string>> = { type: 'Event', date: 'Date', infectionGrade: 'Infection grade', note: 'Note' }

export function eventToForm(e: OutcomeEvent): FormValues {
  return { type: e.type, date: e.date, infectionGrade: e.infectionGrade ?? '', note: e.note ?? '' }
}

export function formToEvent(values: FormValues, planId: string, id?: string): Omit<OutcomeEvent, 'id' | 'createdAt' | 'updatedAt'> & { id?: string } {
  return defined({
    id,
    planId,
    type: text(values.type) as OutcomeEvent['type'],
    date: text(values.date) as string,
    infectionGrade: values.type === 'infection' ? text(values.infectionGrade) : undefined,
    note: text(values.note)
  })
}

// ---------------------------------------------------------------------------------------------
// Operation

export const OPERATION_LABELS: Readonly<Record<string, string>> = {
  stage1Date: 'Stage 1 — date',
  stage1Surgeon: 'Stage 1 — surgeon',
  stage2Date: 'Stage 2 — date',
  stage2Surgeon: 'Stage 2 — surgeon',
  systemId: 'Implant system',
  diameterMm: 'Implanted diameter (mm)',
  lengthMm: 'Implanted length (mm)',
  lot: 'Lot number',
  serial: 'Serial number',
  finalReamerMm: 'Last reamer Ø (mm)',
  canalNote: 'Canal preparation',
  complications: 'Complications on the table (one per line)',
  notes: 'Notes'
}

/** How many intra-operative change rows the form shows (filled rows plus one empty). */
export function changeRows(values: FormValues): number {
  let n = 0
  while (values[`changes.${n}.change`] || values[`changes.${n}.reason`]) n++
  return n + 1
}

export function operationToForm(op: OperationRecord): FormValues {
  const out: FormValues = {
    stage1Date: op.stages[0]?.date ?? '',
    stage1Surgeon: op.stages[0]?.surgeon ?? '',
    stage2Date: op.stages[1]?.date ?? '',
    stage2Surgeon: op.stages[1]?.surgeon ?? '',
    systemId: op.implant.systemId,
    diameterMm: String(op.implant.diameterMm),
    lengthMm: String(op.implant.lengthMm),
    lot: op.implant.lot ?? '',
    serial: op.implant.serial ?? '',
    finalReamerMm: op.canal?.finalReamerMm === undefined ? '' : String(op.canal.finalReamerMm),
    canalNote: op.canal?.note ?? '',
    complications: op.complications.join('\n'),
    notes: op.notes ?? ''
  }
  op.changes.forEach((c, i) => {
    out[`changes.${i}.change`] = c.change
    out[`changes.${i}.reason`] = c.reason
  })
  return out
}

export function formToOperation(values: FormValues, planId: string, revisionId: string, id?: string): Omit<OperationRecord, 'id' | 'createdAt' | 'updatedAt'> & { id?: string } {
  const stages: unknown[] = [defined({ stage: 1, date: text(values.stage1Date), surgeon: text(values.stage1Surgeon) })]
  if (text(values.stage2Date) || text(values.stage2Surgeon)) stages.push(defined({ stage: 2, date: text(values.stage2Date), surgeon: text(values.stage2Surgeon) }))
  const changes: unknown[] = []
  for (let i = 0; i < changeRows(values) - 1; i++) changes.push(defined({ change: text(values[`changes.${i}.change`]), reason: text(values[`changes.${i}.reason`]) }))
  const canal = defined({ finalReamerMm: numberOrText(values.finalReamerMm), note: text(values.canalNote) })
  const raw = defined({
    id,
    planId,
    revisionId,
    stages,
    implant: defined({ systemId: text(values.systemId), diameterMm: numberOrText(values.diameterMm), lengthMm: numberOrText(values.lengthMm), lot: text(values.lot), serial: text(values.serial) }),
    canal: Object.keys(canal).length > 0 ? canal : undefined,
    changes,
    complications: (values.complications ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    notes: text(values.notes)
  })
  return raw as unknown as Omit<OperationRecord, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }
}

/** Validator path → form key ('stages[1].date' → 'stage2Date', 'implant.lengthMm' → 'lengthMm'). */
export function formKeyOf(path: string): string {
  const stage = /^stages\[(\d)\]\.(date|surgeon|stage)$/.exec(path)
  if (stage) return `stage${Number(stage[1]) + 1}${stage[2] === 'surgeon' ? 'Surgeon' : 'Date'}`
  if (path === 'stages') return 'stage1Date'
  const change = /^changes\[(\d+)\]\.(change|reason)$/.exec(path)
  if (change) return `changes.${change[1]}.${change[2]}`
  if (path.startsWith('complications')) return 'complications'
  if (path === 'canal.finalReamerMm') return 'finalReamerMm'
  if (path === 'canal.note') return 'canalNote'
  if (path.startsWith('implant.')) return path.slice('implant.'.length)
  return path
}

/** Errors keyed by form field; the first message of each field wins. */
export function errorsByField(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) {
    const key = formKeyOf(e.path)
    out[key] ??= e.message
  }
  return out
}

/** A stored outcome record's field path, as the plan's history names it: 'visit.tugS' → "Timed Up
 *  and Go (s)", 'operation.stages[1].date' → "Stage 2 — date". Undefined for any other path. */
export function outcomeFieldLabel(path: string): string | undefined {
  const [kind, ...rest] = path.split('.')
  const field = rest.join('.')
  if (kind === 'visit') return VISIT_LABELS[field]
  // The event form says "Date" beside the event; the history line needs "Event date".
  if (kind === 'event') return field === 'date' ? 'Event date' : EVENT_FORM_LABELS[field]
  if (kind !== 'operation') return undefined
  const stage = /^stages\[(\d+)\]\.(date|surgeon|stage)$/.exec(field)
  if (stage) return `Stage ${Number(stage[1]) + 1} — ${stage[2] === 'stage' ? 'stage number' : stage[2]}`
  const change = /^changes\[(\d+)\]\.(change|reason)$/.exec(field)
  if (change) return `Intra-operative change ${Number(change[1]) + 1} — ${change[2]}`
  if (/^complications\[\d+\]$/.test(field)) return 'Complication on the table'
  if (field === 'canal.note') return OPERATION_LABELS['canalNote']
  if (field === 'revisionId') return 'Approved revision operated on'
  return OPERATION_LABELS[field.replace(/^(implant|canal)\./, '')]
}
