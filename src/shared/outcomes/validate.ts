// Validation of outcome records, field by field, with the case form's toolkit and messages.
// Input is untrusted (a form, a backup, an import): unknown keys are ignored with a warning,
// impossible values are errors naming the field, nothing is coerced silently.
import { Collector, join, scanUnsafe } from '../case/fields'
import { isPlainObject } from '../case/migrations'
import type { FieldError, FieldWarning } from '../case/types'
import { daysBetween, isCalendarDate } from './dates'
import type { InfectionScale } from './infection-scale'
import {
  EVENT_TYPES,
  K_LEVELS,
  VISIT_KINDS,
  type FollowUpVisit,
  type ImplantedDevice,
  type IntraOpChange,
  type OperationRecord,
  type OutcomeEvent,
  type QtfaScores,
  type StageRecord
} from './types'

export type Parsed<T> = { ok: true; value: T; warnings: FieldWarning[] } | { ok: false; errors: FieldError[]; warnings: FieldWarning[] }

/** Ranges of the follow-up measures: wide enough for every real patient, narrow enough to catch a
 *  slipped digit (a 6MWT of 4,500 m, a TUG of 0 s). */
export const VISIT_RANGES = {
  wearHoursPerDay: { min: 0, max: 24, unit: 'h/day' },
  wearDaysPerWeek: { min: 0, max: 7, unit: 'days/week', integer: true },
  sixMinuteWalkM: { min: 0, max: 1000, unit: 'm' },
  tugS: { min: 1, max: 300, unit: 's' },
  qtfa: { min: 0, max: 100, unit: 'points' },
  quickDash: { min: 0, max: 100, unit: 'points' },
  pain: { min: 0, max: 10, unit: 'points', integer: true },
  falls: { min: 0, max: 1000, unit: 'falls', integer: true }
} as const

const IMPLANT_RANGES = {
  diameterMm: { min: 3, max: 40, unit: 'mm' },
  lengthMm: { min: 5, max: 300, unit: 'mm' },
  finalReamerMm: { min: 1, max: 40, unit: 'mm' }
} as const

const ID = /^[A-Za-z0-9_-]{1,64}$/
const NOTE_MAX = 4000
const LIST_MAX = 50

function start(raw: unknown, what: string): { c: Collector; o: Record<string, unknown> } | { errors: FieldError[] } {
  const unsafe = scanUnsafe(raw)
  if (unsafe.length > 0) return { errors: unsafe }
  if (!isPlainObject(raw)) return { errors: [{ path: '', message: `is not ${what}: expected an object`, code: 'invalid' }] }
  return { c: new Collector(), o: raw }
}

function id(c: Collector, o: Record<string, unknown>, key: string): string | undefined {
  const v = c.string(o, key, '', true, 64)
  if (v !== undefined && !ID.test(v)) return c.error(key, 'must be letters, digits, "-" or "_" (at most 64)')
  return v
}

function date(c: Collector, o: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
  const v = o[key]
  const p = join(path, key)
  if (v === undefined || v === null || v === '') return required ? c.required(p, 'is required (a date, YYYY-MM-DD)') : undefined
  if (!isCalendarDate(v)) return c.error(p, 'must be a real calendar date written YYYY-MM-DD')
  if (v < '1950-01-01' || v > '2100-12-31') return c.error(p, 'must be between 1950 and 2100')
  return v
}

function stamps(c: Collector, o: Record<string, unknown>): { createdAt: number; updatedAt: number } {
  const range = { min: 0, max: 8.64e15, integer: true }
  return { createdAt: c.number(o, 'createdAt', '', true, range) ?? 0, updatedAt: c.number(o, 'updatedAt', '', true, range) ?? 0 }
}

function finish<T>(c: Collector, value: T): Parsed<T> {
  return c.ok ? { ok: true, value, warnings: c.warnings } : { ok: false, errors: c.errors, warnings: c.warnings }
}

function optional<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (value !== undefined) (target as Record<keyof T, unknown>)[key] = value
}

const OPERATION_KEYS = ['id', 'planId', 'revisionId', 'stages', 'implant', 'canal', 'changes', 'complications', 'notes', 'createdAt', 'updatedAt']

export function parseOperation(raw: unknown): Parsed<OperationRecord> {
  const s = start(raw, 'an operation record')
  if ('errors' in s) return { ok: false, errors: s.errors, warnings: [] }
  const { c, o } = s
  c.keys(o, '', OPERATION_KEYS)
  const stages: StageRecord[] = []
  const rawStages = c.array(o, 'stages', '', true, 2)
  if (rawStages && rawStages.length === 0) c.required('stages', 'needs the date of at least stage 1')
  rawStages?.forEach((r, i) => {
    const path = `stages[${i}]`
    if (!isPlainObject(r)) return void c.error(path, 'must be an object ({ … })')
    c.keys(r, path, ['stage', 'date', 'surgeon'])
    const stage = c.oneOf(r, 'stage', path, [1, 2] as const, true)
    const d = date(c, r, 'date', path, true)
    const surgeon = c.string(r, 'surgeon', path, false, 120)
    if (stage !== undefined && stage !== i + 1) c.error(join(path, 'stage'), `must be stage ${i + 1} (stages in order)`)
    if (stage !== undefined && d !== undefined) {
      const row: StageRecord = { stage, date: d }
      optional(row, 'surgeon', surgeon)
      stages.push(row)
    }
  })
  if (stages.length === 2 && daysBetween(stages[0]!.date, stages[1]!.date) < 0) c.error('stages[1].date', 'must not be before the stage 1 date')

  const implantRaw = c.object(o, 'implant', '', true)
  let implant: ImplantedDevice | undefined
  if (implantRaw) {
    c.keys(implantRaw, 'implant', ['systemId', 'diameterMm', 'lengthMm', 'lot', 'serial'])
    const systemId = c.string(implantRaw, 'systemId', 'implant', true, 64)
    const diameterMm = c.number(implantRaw, 'diameterMm', 'implant', true, IMPLANT_RANGES.diameterMm)
    const lengthMm = c.number(implantRaw, 'lengthMm', 'implant', true, IMPLANT_RANGES.lengthMm)
    const lot = c.string(implantRaw, 'lot', 'implant', false, 64)
    const serial = c.string(implantRaw, 'serial', 'implant', false, 64)
    if (systemId !== undefined && diameterMm !== undefined && lengthMm !== undefined) {
      implant = { systemId, diameterMm, lengthMm }
      optional(implant, 'lot', lot)
      optional(implant, 'serial', serial)
    }
  }
  const canalRaw = c.object(o, 'canal', '', false)
  let canal: OperationRecord['canal']
  if (canalRaw) {
    c.keys(canalRaw, 'canal', ['finalReamerMm', 'note'])
    canal = {}
    optional(canal, 'finalReamerMm', c.number(canalRaw, 'finalReamerMm', 'canal', false, IMPLANT_RANGES.finalReamerMm))
    optional(canal, 'note', c.string(canalRaw, 'note', 'canal', false, NOTE_MAX))
  }
  const changes: IntraOpChange[] = []
  c.array(o, 'changes', '', false, LIST_MAX)?.forEach((r, i) => {
    const path = `changes[${i}]`
    if (!isPlainObject(r)) return void c.error(path, 'must be an object ({ … })')
    c.keys(r, path, ['change', 'reason'])
    const change = c.string(r, 'change', path, true, 500)
    const reason = c.string(r, 'reason', path, true, 1000)
    if (change !== undefined && reason !== undefined) changes.push({ change, reason })
  })
  const complications: string[] = []
  c.array(o, 'complications', '', false, LIST_MAX)?.forEach((r, i) => {
    if (typeof r !== 'string' || r.trim() === '') return void c.error(`complications[${i}]`, 'must be a description (text)')
    if (r.length > 1000) return void c.error(`complications[${i}]`, 'is too long (at most 1000 characters)')
    complications.push(r.trim())
  })
  const record = {
    id: id(c, o, 'id'),
    planId: id(c, o, 'planId'),
    revisionId: id(c, o, 'revisionId'),
    notes: c.string(o, 'notes', '', false, NOTE_MAX),
    ...stamps(c, o)
  }
  if (!c.ok || !implant) return finish(c, undefined as never)
  const value: OperationRecord = { id: record.id!, planId: record.planId!, revisionId: record.revisionId!, stages, implant, changes, complications, createdAt: record.createdAt, updatedAt: record.updatedAt }
  optional(value, 'canal', canal)
  optional(value, 'notes', record.notes)
  return finish(c, value)
}

const VISIT_KEYS = ['id', 'planId', 'kind', 'date', 'wearHoursPerDay', 'wearDaysPerWeek', 'kLevel', 'sixMinuteWalkM', 'tugS', 'qtfa', 'quickDash', 'pain', 'falls', 'notes', 'createdAt', 'updatedAt']
const NUMERIC_VISIT_FIELDS = ['wearHoursPerDay', 'wearDaysPerWeek', 'sixMinuteWalkM', 'tugS', 'quickDash', 'pain', 'falls'] as const

export function parseVisit(raw: unknown): Parsed<FollowUpVisit> {
  const s = start(raw, 'a follow-up visit')
  if ('errors' in s) return { ok: false, errors: s.errors, warnings: [] }
  const { c, o } = s
  c.keys(o, '', VISIT_KEYS)
  const value = {
    id: id(c, o, 'id'),
    planId: id(c, o, 'planId'),
    kind: c.oneOf(o, 'kind', '', VISIT_KINDS, true),
    date: date(c, o, 'date', '', true)
  } as FollowUpVisit
  for (const key of NUMERIC_VISIT_FIELDS) optional(value, key, c.number(o, key, '', false, VISIT_RANGES[key]))
  optional(value, 'kLevel', c.oneOf(o, 'kLevel', '', K_LEVELS, false))
  const q = c.object(o, 'qtfa', '', false)
  if (q) {
    c.keys(q, 'qtfa', ['prostheticUse', 'mobility', 'problem', 'global'])
    const scores: QtfaScores = {}
    for (const key of ['prostheticUse', 'mobility', 'problem', 'global'] as const) optional(scores, key, c.number(q, key, 'qtfa', false, VISIT_RANGES.qtfa))
    if (Object.keys(scores).length > 0) value.qtfa = scores
  }
  optional(value, 'notes', c.string(o, 'notes', '', false, NOTE_MAX))
  Object.assign(value, stamps(c, o))
  return finish(c, value)
}

export function parseEvent(raw: unknown, scale?: InfectionScale): Parsed<OutcomeEvent> {
  const s = start(raw, 'an event')
  if ('errors' in s) return { ok: false, errors: s.errors, warnings: [] }
  const { c, o } = s
  c.keys(o, '', ['id', 'planId', 'type', 'date', 'infectionGrade', 'infectionScaleId', 'note', 'createdAt', 'updatedAt'])
  const value = {
    id: id(c, o, 'id'),
    planId: id(c, o, 'planId'),
    type: c.oneOf(o, 'type', '', EVENT_TYPES, true),
    date: date(c, o, 'date', '', true)
  } as OutcomeEvent
  const grade = c.string(o, 'infectionGrade', '', false, 16)
  const scaleId = c.string(o, 'infectionScaleId', '', false, 64)
  if (grade !== undefined && value.type !== undefined && value.type !== 'infection') c.error('infectionGrade', 'is only recorded for an infection')
  if (grade !== undefined && scale && (scaleId === undefined || scaleId === scale.id) && !scale.grades.some((g) => g.code === grade))
    c.error('infectionGrade', `must be one of the grades of the ${scale.name} (${scale.grades.map((g) => g.code).join(', ')})`)
  optional(value, 'infectionGrade', grade)
  optional(value, 'infectionScaleId', scaleId)
  optional(value, 'note', c.string(o, 'note', '', false, NOTE_MAX))
  Object.assign(value, stamps(c, o))
  return finish(c, value)
}

/**
 * Dates a record may not have when it is saved (not when a backup is read: what is stored stays
 * readable, and the audit lists it). After today: a record says what happened. Against the
 * operation (stage 1): follow-up visits and events are on or after it, a baseline on or before it;
 * an operation is not dated after the visits and events already recorded for its plan.
 */
export function recordDateErrors(
  record: { kind: 'operation'; stages: readonly { date: string }[] } | { kind: 'visit'; visitKind: 'baseline' | 'follow-up'; date: string } | { kind: 'event'; date: string },
  context: { today: string; surgeryDate: string | null; earliestAfterOperation?: string | null }
): FieldError[] {
  const { today, surgeryDate } = context
  const afterToday = (path: string, date: string): FieldError[] => (date > today ? [{ path, message: `is after today (${today}): record what has happened, on the day it happened`, code: 'invalid' }] : [])
  if (record.kind === 'operation') {
    const errors = record.stages.flatMap((st, i) => afterToday(`stages[${i}].date`, st.date))
    const first = record.stages[0]?.date
    const earliest = context.earliestAfterOperation
    if (first !== undefined && earliest && earliest < first) errors.push({ path: 'stages[0].date', message: `is after a follow-up visit or event already recorded for this plan (${earliest}): check this date, or correct that record first`, code: 'invalid' })
    return errors
  }
  const errors = afterToday('date', record.date)
  if (surgeryDate !== null) {
    if (record.kind === 'event' && record.date < surgeryDate) errors.push({ path: 'date', message: `is before the operation (stage 1 on ${surgeryDate}): an event is recorded on or after it`, code: 'invalid' })
    if (record.kind === 'visit' && record.visitKind === 'follow-up' && record.date < surgeryDate) errors.push({ path: 'date', message: `is before the operation (stage 1 on ${surgeryDate}): a visit before it is a baseline visit`, code: 'invalid' })
    if (record.kind === 'visit' && record.visitKind === 'baseline' && record.date > surgeryDate) errors.push({ path: 'date', message: `is after the operation (stage 1 on ${surgeryDate}): a baseline visit is on or before it`, code: 'invalid' })
  }
  return errors
}
