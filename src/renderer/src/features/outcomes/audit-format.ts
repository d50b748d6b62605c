// Text of the Audit screen's figures (shared by the screen, the CSV export and the report).
import { formatBeside, formatNumber } from '../../../../shared/format'
import type { MedianIqr, ShareWithInterval } from '../../../../shared/stats'
import { UNGRADED, type CohortAudit, type IncidenceRow } from '../../../../shared/outcomes'
import { EVENT_LABELS, DEFAULT_INFECTION_SCALE, gradeLabel, type InfectionScale } from '../../../../shared/outcomes'

export function medianText(m: MedianIqr | null, decimals = 1): string {
  if (!m) return '—'
  return `${formatNumber(m.median, decimals)} (IQR ${formatNumber(m.q1, decimals)} to ${formatNumber(m.q3, decimals)})`
}

// Rounding never crosses a limit (PLANNING-RULES): a figure is never shown on a limit it is not on,
// nor beyond it — "0 %" only when exactly 0, "100 %" only when exactly 1 (formatBeside adds decimals
// near them: 1 of 250 is "0.4 %", 249 of 250 "99.6 %") — and an interval's lower limit is rounded
// down, its upper limit up, so a printed interval is never narrower than the computed one. Below 1
// one more decimal is shown.

/** Decimals for `x`: `decimals`, one more below 1. */
function decimalsFor(x: number, decimals: number): number {
  return Math.abs(x) < 1 ? decimals + 1 : decimals
}

/** `x` beside the limits it must not be shown on or across (see formatBeside). */
function valueText(x: number, decimals: number, bounds: readonly number[], unit = ''): string {
  return formatBeside(x, bounds, decimalsFor(x, decimals), unit)
}

/** The most decimals a limit is given to stay off a bound it is not on. */
const MOST_DECIMALS = 8

/**
 * An interval limit rounded outwards (`down` for a lower limit, `up` for an upper one) at `decimals`
 * (one more below 1), with more decimals while the rounded limit would land on a bound it is not on
 * (0.005 is "0.005", not "0"; 99.97 as an upper limit beside 100 is "99.97", not "100").
 */
function limitText(x: number, direction: 'down' | 'up', decimals: number, bounds: readonly number[]): string {
  if (!Number.isFinite(x)) return formatNumber(x)
  for (let d = decimalsFor(x, decimals); d <= MOST_DECIMALS; d++) {
    const f = 10 ** d
    // The tolerance keeps 0.29 × 100 = 28.999999999999996 from rounding down to 28.
    const r = direction === 'down' ? Math.floor(x * f + 1e-9) / f : Math.ceil(x * f - 1e-9) / f
    if (bounds.every((b) => x === b || (x < b ? r < b : r > b))) return formatNumber(r, d)
  }
  // Closer to a bound than MOST_DECIMALS can tell apart (never in practice): the value unrounded.
  return String(x)
}

/** A lower and an upper limit, "27–80" (rounded outwards, off the `bounds` they are not on). */
function intervalText(lower: number, upper: number, decimals: number, bounds: readonly number[]): string {
  return `${limitText(lower, 'down', decimals, bounds)}–${limitText(upper, 'up', decimals, bounds)}`
}

/** A fraction as a percentage beside 0 % and 100 %: 0.996 → "99.6 %", 0.004 → "0.4 %", 1 → "100 %". */
export function percentText(fraction: number, decimals = 0): string {
  return valueText(fraction * 100, decimals, [0, 100], ' %')
}

/** An interval of fractions as percentages, lower limit rounded down, upper up: "0.59–91.1 %". */
export function percentIntervalText(lower: number, upper: number, decimals = 0): string {
  return `${intervalText(lower * 100, upper * 100, decimals, [0, 100])} %`
}

export function shareText(s: ShareWithInterval): string {
  if (s.share === null || !s.interval) return `— (n = 0)`
  return `${percentText(s.share)} (${s.count} of ${s.n}; 95 % CI ${percentIntervalText(s.interval.lower, s.interval.upper)})`
}

/** An incidence row's event; a grade row names its grade on the scale it was graded on (the
 *  site's scale, or another one, by its id), or says the grade was not recorded. */
export function incidenceLabel(row: IncidenceRow, scale: InfectionScale = DEFAULT_INFECTION_SCALE): string {
  if (row.grade === undefined) return EVENT_LABELS[row.type]
  if (row.grade === UNGRADED) return '  grade not recorded'
  if (row.scaleId !== undefined && row.scaleId !== scale.id) return `  grade ${row.grade} on another scale (${row.scaleId})`
  return `  ${gradeLabel(scale, row.grade)}`
}

/** Whose follow-up ended, by what, and how many are still followed (beside the completeness table). */
export function followUpEndedText(c: CohortAudit['completeness']): string {
  const e = c.ended
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  return `Follow-up ended: ${part(e.removal, 'implant removal', 'implant removals')}, ${part(e.death, 'death', 'deaths')}, ${part(e['lost-to-follow-up'], 'loss to follow-up', 'losses to follow-up')}; ${c.followed} of ${c.n} still followed. Those whose follow-up ended are not on the list below (a visit missed before it stays counted as overdue).`
}

/** Recording errors the figures leave out, one line per kind naming the patients (none: empty). */
export function recordsToCorrectText(t: CohortAudit['toCorrect']): string[] {
  const out: string[] = []
  if (t.afterToday.length > 0) out.push(`Dated after today (not counted): ${t.afterToday.join(', ')}. Correct the date of the visit, event or operation stage.`)
  if (t.beforeOperation.length > 0) out.push(`Dated before the operation (not counted): ${t.beforeOperation.join(', ')}. Correct the date of the follow-up visit or event, or of the operation.`)
  if (t.afterDeath.length > 0) out.push(`Dated after the death (not counted): ${t.afterDeath.join(', ')}. Correct the date of the follow-up visit or event, or of the death.`)
  return out
}

export function rateText(row: IncidenceRow): string {
  const r = row.rate
  if (r.rate === null || r.lower === null || r.upper === null) return '— (no follow-up time)'
  return `${valueText(r.rate, 1, [0])} (95 % CI ${intervalText(r.lower, r.upper, 1, [0])})`
}

/** Under the due / overdue list when it is cut at `listed` lines: what is not shown, and how to see it. */
export function dueListRest(more: number, listed: number): string {
  return `… and ${more} more not listed here: the list shows the first ${listed}, earliest due first. Narrow the view with the filters above (level, implant system, stages, year of surgery, surgeon) to list the others.`
}

/** How each figure counts, said under it on the screen and in the printed report. */
export const FIGURE_NOTES = {
  band: 'Band: Greenwood variance, log-log transformation.',
  incidence: 'Follow-up time runs from stage 1 to removal, death or the last contact, never past today. Exact Poisson (Garwood) intervals.',
  paired: 'Only patients with both a baseline value and a value at the 12-month visit (± 2 months) count; n is given per measure.',
  limbs: 'Counts are of limbs (plans), not people: each operated limb has its own plan, so a patient operated on both sides counts twice.',
  notEstimable: 'not estimable (nobody followed this long)'
} as const
