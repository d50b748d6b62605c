// Amputation levels as a surgeon reads them ("Transfemoral, left (femur)"). Small on purpose: the
// library's first screen needs these words without loading the whole printable summary model.
import type { Level } from './case/types'

export const LEVEL_LABELS: Record<Level, string> = {
  transfemoral: 'Transfemoral',
  transtibial: 'Transtibial',
  transhumeral: 'Transhumeral',
  transradial: 'Transradial',
  thumb: 'Thumb',
  finger: 'Finger'
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** "Transfemoral, left (femur)". */
export function levelSideText(level: string, side: string, bone?: string): string {
  const l = (LEVEL_LABELS as Record<string, string>)[level] ?? (level ? capitalise(level) : 'Level not recorded')
  const s = side ? `, ${side}` : ''
  return `${l}${s}${bone ? ` (${bone})` : ''}`
}
