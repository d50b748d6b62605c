// Clinical dates are calendar days ("YYYY-MM-DD"), not instants: an operation on 3 March is on
// 3 March wherever the laptop's clock is. Arithmetic is done on whole days since 1970-01-01 (UTC).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000
/** The Gregorian mean year, for implant-years and "years since surgery". */
export const DAYS_PER_YEAR = 365.25

/** Day number of a valid "YYYY-MM-DD" date; null when the text is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const check = new Date(ms)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null
  return Math.round(ms / DAY_MS)
}

export function isCalendarDate(date: unknown): date is string {
  return typeof date === 'string' && dayNumber(date) !== null
}

/** "YYYY-MM-DD" of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Days from `from` to `to` (negative when `to` is earlier). Both must be valid dates. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumber(from)
  const b = dayNumber(to)
  if (a === null || b === null) throw new RangeError('daysBetween needs two calendar dates')
  return b - a
}

/** Today's local calendar date. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}
