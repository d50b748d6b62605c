// CSV export of the outcome tables: one row per operation, per visit, per event (columns
// documented in docs/outcomes-csv.md). RFC 4180 quoting; text that a spreadsheet would run as a
// formula (=, +, -, @ first) gets a leading apostrophe (OWASP CSV injection advice). Numbers are
// written with a decimal point and no thousands separator.
import { compareSizes } from '../stats'
import type { CohortPatient, PatientHead } from './cohort'
import { DAYS_PER_YEAR, daysBetween } from './dates'
import { EVENT_LABELS } from './types'

type Cell = string | number | undefined | null

function cell(v: Cell): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d

export const OPERATION_COLUMNS = [
  'plan_id', 'patient_code', 'level', 'surgeon', 'revision_id', 'stage1_date', 'stage1_surgeon', 'stage2_date', 'stage2_surgeon',
  'system_id', 'planned_diameter_mm', 'implanted_diameter_mm', 'diameter_agreement', 'planned_length_mm', 'implanted_length_mm', 'length_agreement',
  'lot', 'serial', 'final_reamer_mm', 'canal_preparation', 'intraop_changes', 'complications', 'calibration', 'imaging_source'
] as const

export function operationsCsv(patients: readonly PatientHead[]): string {
  return toCsv(
    OPERATION_COLUMNS,
    patients.map((p) => {
      const op = p.operation
      const d = p.planned ? compareSizes(p.planned.diameterMm, op.implant.diameterMm, p.catalogue?.diametersMm ?? []).agreement : ''
      const l = p.planned ? compareSizes(p.planned.lengthMm, op.implant.lengthMm, p.catalogue?.lengthsMm ?? []).agreement : ''
      return [
        p.planId, p.patientCode, p.level, p.surgeon, op.revisionId, op.stages[0]?.date, op.stages[0]?.surgeon, op.stages[1]?.date, op.stages[1]?.surgeon,
        op.implant.systemId, p.planned?.diameterMm, op.implant.diameterMm, d, p.planned?.lengthMm, op.implant.lengthMm, l,
        op.implant.lot, op.implant.serial, op.canal?.finalReamerMm, op.canal?.note, op.changes.map((c) => `${c.change}: ${c.reason}`).join('; '), op.complications.join('; '), p.calibration, p.imagingSource
      ]
    })
  )
}

export const VISIT_COLUMNS = [
  'plan_id', 'patient_code', 'visit_date', 'visit_kind', 'months_since_surgery', 'wear_hours_per_day', 'wear_days_per_week', 'k_level',
  'six_minute_walk_m', 'tug_s', 'qtfa_prosthetic_use', 'qtfa_mobility', 'qtfa_problem', 'qtfa_global', 'quickdash', 'pain_0_10', 'falls', 'notes'
] as const

export function visitsCsv(patients: readonly CohortPatient[]): string {
  const rows: Cell[][] = []
  for (const p of patients) {
    const surgery = p.operation.stages[0]!.date
    for (const v of [...p.visits].sort((a, b) => a.date.localeCompare(b.date)))
      rows.push([
        p.planId, p.patientCode, v.date, v.kind, round(daysBetween(surgery, v.date) / (DAYS_PER_YEAR / 12), 1), v.wearHoursPerDay, v.wearDaysPerWeek, v.kLevel,
        v.sixMinuteWalkM, v.tugS, v.qtfa?.prostheticUse, v.qtfa?.mobility, v.qtfa?.problem, v.qtfa?.global, v.quickDash, v.pain, v.falls, v.notes
      ])
  }
  return toCsv(VISIT_COLUMNS, rows)
}

export const EVENT_COLUMNS = ['plan_id', 'patient_code', 'event_date', 'event', 'infection_grade', 'infection_scale', 'years_since_surgery', 'note'] as const

export function eventsCsv(patients: readonly CohortPatient[]): string {
  const rows: Cell[][] = []
  for (const p of patients) {
    const surgery = p.operation.stages[0]!.date
    for (const e of [...p.events].sort((a, b) => a.date.localeCompare(b.date)))
      rows.push([p.planId, p.patientCode, e.date, EVENT_LABELS[e.type], e.infectionGrade, e.infectionScaleId, round(daysBetween(surgery, e.date) / DAYS_PER_YEAR, 2), e.note])
  }
  return toCsv(EVENT_COLUMNS, rows)
}
