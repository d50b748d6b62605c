// Text of the Audit screen's figures (shared by the screen, the CSV export and the report).
import { formatNumber } from '../../../../shared/format'
import type { MedianIqr, ShareWithInterval } from '../../../../shared/stats'
import type { IncidenceRow } from '../../../../shared/outcomes'
import { EVENT_LABELS, DEFAULT_INFECTION_SCALE, gradeLabel, type InfectionScale } from '../../../../shared/outcomes'

export function medianText(m: MedianIqr | null, decimals = 1): string {
  if (!m) return '—'
  return `${formatNumber(m.median, decimals)} (IQR ${formatNumber(m.q1, decimals)} to ${formatNumber(m.q3, decimals)})`
}

export function shareText(s: ShareWithInterval): string {
  if (s.share === null || !s.interval) return `— (n = 0)`
  return `${formatNumber(s.share * 100, 0)} % (${s.count} of ${s.n}; 95 % CI ${formatNumber(s.interval.lower * 100, 0)}–${formatNumber(s.interval.upper * 100, 0)} %)`
}

export function incidenceLabel(row: IncidenceRow, scale: InfectionScale = DEFAULT_INFECTION_SCALE): string {
  return row.grade === undefined ? EVENT_LABELS[row.type] : `  ${gradeLabel(scale, row.grade)}`
}

export function rateText(row: IncidenceRow): string {
  const r = row.rate
  if (r.rate === null || r.lower === null || r.upper === null) return '— (no follow-up time)'
  return `${formatNumber(r.rate, 1)} (95 % CI ${formatNumber(r.lower, 1)}–${formatNumber(r.upper, 1)})`
}

/** How each figure counts, said under it on the screen and in the printed report. */
export const FIGURE_NOTES = {
  band: 'Band: Greenwood variance, log-log transformation.',
  incidence: 'Follow-up time runs from stage 1 to removal, death or the last contact. Exact Poisson (Garwood) intervals.',
  paired: 'Only patients with both a baseline value and a value at the 12-month visit (± 2 months) count; n is given per measure.'
} as const
