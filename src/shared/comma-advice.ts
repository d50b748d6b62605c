// The one message for a number written with a comma, for the case file, the editor and Settings
// alike (no mathjs here: Settings reads numbers without the units module).

/**
 * What to say about a number written with a comma ("12,5 mm"): write a decimal point. With three
 * digits after the comma ("1,000") the comma may be a thousands separator, so neither reading is
 * offered alone ("1.000" would be one, not a thousand).
 */
export function commaAdvice(whole: string, fraction: string, unit = ''): string {
  const tail = unit ? ` ${unit}` : ''
  if (fraction.length === 3) return `a comma is neither a decimal point nor a thousands separator here: write "${whole}${fraction}${tail}" for ${whole}${fraction}, or "${whole}.${fraction}${tail}" for ${whole}.${fraction}`
  return `use a decimal point, not a comma: write "${whole}.${fraction}${tail}"`
}
