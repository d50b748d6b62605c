// Numbers typed in Settings, read exactly as the plan editor reads them: a decimal comma gets the
// editor's message ("use a decimal point, not a comma: write "17.5"") instead of "must be a number".

import { commaAdvice } from '../../../../shared/comma-advice'

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/
const DECIMAL_COMMA = /^([+-]?\d+),(\d+)$/

export type NumberText = { ok: true; value: number } | { ok: false; message: string }

/** The typed text as a number, or why not (`what`: "a number in mm"). */
export function readNumberText(text: string, what: string): NumberText {
  const t = text.trim()
  if (NUMBER.test(t)) return { ok: true, value: Number(t) }
  const comma = DECIMAL_COMMA.exec(t)
  if (comma) return { ok: false, message: commaAdvice(comma[1]!, comma[2]!) }
  return { ok: false, message: `must be ${what}` }
}

/**
 * An id for a new implant system made from its name ("Site press-fit stem" → "site-press-fit-stem"),
 * unique among `taken` (a number appended when needed). Surgeons never type an id.
 */
export function systemIdFromName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'system'
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}
