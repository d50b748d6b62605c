// The site's outcome settings: the follow-up schedule (which drives the due / overdue list) and
// the infection grading scale. Both ship as site defaults to confirm; a site may confirm them or
// replace them in Settings. Edited as text in a form, checked field by field here (pure), stored
// as one settings row; a damaged row reads as the shipped defaults.
import type { FieldError } from '../case/types'
import { DAYS_PER_YEAR } from './dates'
import { DEFAULT_INFECTION_SCALE, type InfectionGrade, type InfectionScale } from './infection-scale'
import type { ScheduledInterval } from './schedule'

export interface IntervalSetting {
  amount: number
  unit: 'weeks' | 'months'
  /** A visit this many days either side of the due day counts. */
  windowDays: number
}

/** Who confirmed or changed a setting, and when (ms); absent for the shipped default. */
export interface SettingProvenance {
  /** 'shipped': the default as delivered; 'site': changed by the site. */
  kind: 'shipped' | 'site'
  confirmed: boolean
  by?: string
  at?: number
}

export interface FollowUpSchedule {
  intervals: IntervalSetting[]
  /** Yearly visits from year 2 up to this year (1 = none). */
  yearlyUntil: number
  yearlyWindowDays: number
  provenance: SettingProvenance
}

export interface OutcomeSettings {
  schedule: FollowUpSchedule
  scale: InfectionScale
  scaleProvenance: SettingProvenance
}

export const SHIPPED_SCHEDULE: FollowUpSchedule = {
  intervals: [
    { amount: 6, unit: 'weeks', windowDays: 14 },
    { amount: 3, unit: 'months', windowDays: 28 },
    { amount: 6, unit: 'months', windowDays: 42 },
    { amount: 12, unit: 'months', windowDays: 61 }
  ],
  yearlyUntil: 10,
  yearlyWindowDays: 91,
  provenance: { kind: 'shipped', confirmed: false }
}

export const SHIPPED_OUTCOME_SETTINGS: OutcomeSettings = {
  schedule: SHIPPED_SCHEDULE,
  scale: DEFAULT_INFECTION_SCALE,
  scaleProvenance: { kind: 'shipped', confirmed: false }
}

function dueDay(i: IntervalSetting): number {
  return i.unit === 'weeks' ? i.amount * 7 : Math.round((i.amount * DAYS_PER_YEAR) / 12)
}

/** The schedule as the audit counts it (the shipped one gives exactly defaultIntervals()). */
export function scheduleIntervals(s: FollowUpSchedule): ScheduledInterval[] {
  const out: ScheduledInterval[] = s.intervals.map((i) => ({ label: `${i.amount} ${i.amount === 1 ? i.unit.slice(0, -1) : i.unit}`, dueDay: dueDay(i), windowDays: i.windowDays }))
  for (let y = 2; y <= s.yearlyUntil; y++) out.push({ label: `year ${y}`, dueDay: Math.round(y * DAYS_PER_YEAR), windowDays: s.yearlyWindowDays })
  return out
}

export function scheduleText(s: FollowUpSchedule): string {
  const first = s.intervals.map((i) => `${i.amount} ${i.amount === 1 ? i.unit.slice(0, -1) : i.unit}`).join(', ')
  return s.yearlyUntil >= 2 ? `${first}, then yearly to year ${s.yearlyUntil}` : first
}

export function provenanceLabel(p: SettingProvenance): string {
  const who = p.by ? ` by ${p.by}` : ''
  const when = p.at ? ` on ${new Date(p.at).toISOString().slice(0, 10)}` : ''
  if (p.kind === 'shipped') return p.confirmed ? `site default, confirmed${who}${when}` : 'site default — to confirm'
  return p.confirmed ? `site value${who}${when} (confirmed)` : `site value${who}${when} — to confirm`
}

// ---------------------------------------------------------------------------------------------
// The form: text per field, checked field by field.

export interface OutcomeSettingsForm {
  intervals: string
  yearlyUntil: string
  yearlyWindowDays: string
  scaleName: string
  scaleSource: string
  grades: string
}

export function settingsToForm(s: OutcomeSettings): OutcomeSettingsForm {
  return {
    intervals: s.schedule.intervals.map((i) => `${i.amount} ${i.unit} ±${i.windowDays}`).join(', '),
    yearlyUntil: String(s.schedule.yearlyUntil),
    yearlyWindowDays: String(s.schedule.yearlyWindowDays),
    scaleName: s.scale.name,
    scaleSource: s.scale.source,
    grades: s.scale.grades.map((g) => `${g.code} | ${g.label}${g.description ? ` | ${g.description}` : ''}`).join('\n')
  }
}

const INTERVAL = /^(\d{1,3})\s*(weeks?|months?)\s*(?:±|\+\/-|\+-)\s*(\d{1,3})(?:\s*days?)?$/i

function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return n >= min && n <= max ? n : null
}

export type SettingsCheck = { ok: true; value: OutcomeSettings } | { ok: false; errors: FieldError[] }

/**
 * The form's text as settings, or an error per field naming the item that is wrong. `previous`
 * gives the provenance: a setting whose value is unchanged keeps it; a changed one becomes the
 * site's, not yet confirmed.
 */
export function formToSettings(form: OutcomeSettingsForm, previous: OutcomeSettings, by: string, at: number): SettingsCheck {
  const errors: FieldError[] = []
  const err = (path: string, message: string) => errors.push({ path, message, code: 'invalid' })

  const intervals: IntervalSetting[] = []
  const items = form.intervals.split(/[,;\n]/).map((x) => x.trim()).filter((x) => x !== '')
  if (items.length === 0) err('intervals', 'needs at least one visit, e.g. “6 weeks ±14, 3 months ±28”')
  if (items.length > 20) err('intervals', 'has more than 20 visits')
  items.forEach((item, n) => {
    const m = INTERVAL.exec(item)
    if (!m) return err('intervals', `visit ${n + 1} “${item.slice(0, 40)}”: write a number, weeks or months, and the window in days, e.g. “3 months ±28”`)
    const unit = m[2]!.toLowerCase().startsWith('week') ? 'weeks' : 'months'
    const setting: IntervalSetting = { amount: Number(m[1]), unit, windowDays: Number(m[3]) }
    if (setting.amount < 1 || (unit === 'weeks' && setting.amount > 104) || (unit === 'months' && setting.amount > 24))
      return err('intervals', `visit ${n + 1} “${item.slice(0, 40)}”: between 1 and 104 weeks or 1 and 24 months (later visits are the yearly ones)`)
    if (setting.windowDays > 183) return err('intervals', `visit ${n + 1} “${item.slice(0, 40)}”: the window is at most ±183 days`)
    const before = intervals[intervals.length - 1]
    if (before && dueDay(setting) <= dueDay(before)) return err('intervals', `visit ${n + 1} “${item.slice(0, 40)}” must come after the visit before it`)
    intervals.push(setting)
  })
  const yearlyUntil = wholeNumber(form.yearlyUntil, 1, 30)
  if (yearlyUntil === null) err('yearlyUntil', 'must be a whole number of years from 1 (no yearly visits) to 30')
  const yearlyWindowDays = wholeNumber(form.yearlyWindowDays, 0, 183)
  if (yearlyWindowDays === null) err('yearlyWindowDays', 'must be a whole number of days from 0 to 183')
  const last = intervals[intervals.length - 1]
  if (last && yearlyUntil !== null && yearlyUntil >= 2 && dueDay(last) >= Math.round(2 * DAYS_PER_YEAR)) err('yearlyUntil', 'the yearly visits start at year 2, which must come after the last visit listed above')

  const name = form.scaleName.trim()
  if (name === '' || name.length > 120) err('scaleName', 'must be the scale’s name (1–120 characters)')
  const source = form.scaleSource.trim()
  if (source.length > 300) err('scaleSource', 'is longer than 300 characters')
  const grades: InfectionGrade[] = []
  const lines = form.grades.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  if (lines.length === 0) err('grades', 'needs at least one grade, one per line: code | label | description')
  if (lines.length > 12) err('grades', 'has more than 12 grades')
  lines.forEach((line, n) => {
    const [code = '', label = '', description = ''] = line.split('|').map((p) => p.trim())
    if (!/^[A-Za-z0-9.+-]{1,16}$/.test(code)) return err('grades', `line ${n + 1}: the code “${code.slice(0, 20)}” must be 1–16 letters or digits (e.g. 1, 2a)`)
    if (label === '' || label.length > 200) return err('grades', `line ${n + 1}: write a label after the code, e.g. “1 | Grade 1 — low-grade soft-tissue infection”`)
    if (description.length > 1000) return err('grades', `line ${n + 1}: the description is longer than 1000 characters`)
    if (grades.some((g) => g.code === code)) return err('grades', `line ${n + 1}: the code ${code} is used twice`)
    grades.push({ code, label, description })
  })
  if (errors.length > 0) return { ok: false, errors }

  const schedule = { intervals, yearlyUntil: yearlyUntil!, yearlyWindowDays: yearlyWindowDays! }
  const { provenance: oldScheduleProvenance, ...oldSchedule } = previous.schedule
  const scheduleSame = JSON.stringify(schedule) === JSON.stringify(oldSchedule)
  const scaleBody = { name, source, grades }
  const old = previous.scale
  const scaleSame = JSON.stringify(scaleBody) === JSON.stringify({ name: old.name, source: old.source, grades: old.grades })
  const changed: SettingProvenance = { kind: 'site', confirmed: false, by, at }
  return {
    ok: true,
    value: {
      schedule: { ...schedule, provenance: scheduleSame ? oldScheduleProvenance : changed },
      // A changed scale is a new scale (new id), so grades recorded on the old one keep their meaning.
      scale: scaleSame ? old : { id: `site-scale-${at}`, ...scaleBody, confirmed: false },
      scaleProvenance: scaleSame ? previous.scaleProvenance : changed
    }
  }
}

/** The settings with both marked confirmed by `by` at `at`. */
export function confirmSettings(s: OutcomeSettings, by: string, at: number): OutcomeSettings {
  return {
    schedule: { ...s.schedule, provenance: { ...s.schedule.provenance, confirmed: true, by, at } },
    scale: { ...s.scale, confirmed: true },
    scaleProvenance: { ...s.scaleProvenance, confirmed: true, by, at }
  }
}

/** A stored row read back: checked again as a form, so a damaged row gives the shipped settings. */
export function readStoredSettings(raw: unknown): OutcomeSettings {
  if (typeof raw !== 'object' || raw === null) return SHIPPED_OUTCOME_SETTINGS
  const r = raw as Partial<OutcomeSettings>
  try {
    const form = settingsToForm(r as OutcomeSettings)
    // Against the shipped settings, so that every value returned is rebuilt from the checked text.
    const checked = formToSettings(form, SHIPPED_OUTCOME_SETTINGS, '', 0)
    if (!checked.ok) return SHIPPED_OUTCOME_SETTINGS
    const okProvenance = (p: unknown): p is SettingProvenance => typeof p === 'object' && p !== null && ((p as SettingProvenance).kind === 'shipped' || (p as SettingProvenance).kind === 'site') && typeof (p as SettingProvenance).confirmed === 'boolean'
    if (!okProvenance(r.schedule?.provenance) || !okProvenance(r.scaleProvenance) || typeof r.scale?.id !== 'string') return SHIPPED_OUTCOME_SETTINGS
    const { name, source, grades } = checked.value.scale
    const provenance = (p: SettingProvenance): SettingProvenance => ({ kind: p.kind, confirmed: p.confirmed, ...(typeof p.by === 'string' ? { by: p.by.slice(0, 80) } : {}), ...(typeof p.at === 'number' && Number.isFinite(p.at) ? { at: p.at } : {}) })
    return {
      schedule: { ...checked.value.schedule, provenance: provenance(r.schedule.provenance) },
      scale: { id: r.scale.id.slice(0, 64), name, source, grades, confirmed: r.scaleProvenance.confirmed },
      scaleProvenance: provenance(r.scaleProvenance)
    }
  } catch {
    return SHIPPED_OUTCOME_SETTINGS
  }
}
