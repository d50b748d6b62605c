// Clinical dates are calendar days ("YYYY-MM-DD"), not instants: an operation on 3 March is on
// 3 March wherever the laptop's clock is. Arithmetic is done on whole days since 1970-01-01 (UTC).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** The Gregorian mean year, for implant-years and "years since surgery". */
export const DAYS_PER_YEAR = 365.25

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil: plain
 *  arithmetic, no Date objects, so the Audit screen can convert 20,000 visit dates quickly). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Recent conversions both ways, so the Audit screen's first opening (2,000 patients, 40,000 dates
 *  over a few thousand distinct days) parses and formats each day once. Pure functions: a cache
 *  changes nothing but the time; emptied when it grows past LIMIT. */
const LIMIT = 50_000
const numbers = new Map<string, number | null>()
const dates = new Map<number, string>()

/** Day number of a valid "YYYY-MM-DD" date; null when the text is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const known = numbers.get(date)
  if (known !== undefined) return known
  // Only texts are kept (a hostile record's field may be anything).
  if (typeof date !== 'string') return parseDay(date)
  if (numbers.size >= LIMIT) numbers.clear()
  const day = parseDay(date)
  numbers.set(date, day)
  return day
}

function parseDay(date: string): number | null {
  const m = ISO_DATE.exec(date)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null
  return daysFromCivil(y, mo, d)
}

export function isCalendarDate(date: unknown): date is string {
  return typeof date === 'string' && dayNumber(date) !== null
}

/** "YYYY-MM-DD" of a day number (Hinnant's civil_from_days). */
export function dateOfDay(day: number): string {
  const known = dates.get(day)
  if (known !== undefined) return known
  if (dates.size >= LIMIT) dates.clear()
  const date = formatDay(day)
  dates.set(day, date)
  return date
}

function formatDay(day: number): string {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
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
