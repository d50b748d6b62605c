/**
 * Plausible ranges of the case's measurements, per amputation level: a typical range (outside it
 * the field warns: "check the value and its unit") and a hard limit (outside it the value is
 * refused at the field, as no such bone exists). They catch unit slips and typos — 1,000 mm of
 * residual femur, a canal typed in cm as mm — before they become a plan.
 *
 * Provenance: these are screening limits, not clinical rules. Where a figure is published it is
 * cited (REFERENCE.md sources); the rest are site defaults derived from adult bone dimensions with a
 * wide margin for magnified X-ray measurements (up to 1.3×) and for children, and are marked so.
 */
import type { Level } from './types'

export interface PlausibleRange {
  /** Values inside are unremarkable. */
  typical: readonly [number, number]
  /** Values outside are refused. */
  hard: readonly [number, number]
  unit: 'mm' | 'kg' | 'cm' | 'years'
  /** What the figure rests on. */
  provenance: string
}

/** What the value is, in words, for the message ("a residual femur"). */
export interface RangeField {
  what: string
  ranges: Partial<Record<Level, PlausibleRange>> & { all?: PlausibleRange }
}

const ESTIMATE = 'site default: adult bone dimensions with a margin for X-ray magnification (≤ 1.3×) and children; not a published limit'

const r = (typical: [number, number], hard: [number, number], unit: PlausibleRange['unit'], provenance = ESTIMATE): PlausibleRange => ({ typical, hard, unit, provenance })

export const PLAUSIBLE_RANGES = {
  residualLength: {
    what: 'residual bone length',
    ranges: {
      transfemoral: r([100, 420], [30, 600], 'mm'),
      transtibial: r([80, 350], [30, 520], 'mm'),
      // OPRA transhumeral needs a residual humerus of at least 10 cm [S18].
      transhumeral: r([100, 300], [30, 440], 'mm', 'typical minimum: OPRA transhumeral, residual humerus ≥ 10 cm [S18]; other figures: ' + ESTIMATE),
      transradial: r([50, 250], [20, 350], 'mm'),
      thumb: r([10, 70], [3, 130], 'mm'),
      finger: r([5, 70], [2, 130], 'mm')
    }
  },
  endosteal: {
    what: 'endosteal (canal) diameter',
    ranges: {
      // OPRA femur fixtures are Ø 16–20 mm [S1]; press-fit stems Ø 19–21 mm were modelled [S20].
      transfemoral: r([8, 30], [3, 45], 'mm', 'implant diameters Ø 16–20 mm [S1], Ø 19–21 mm [S20]; limits: ' + ESTIMATE),
      transtibial: r([8, 30], [3, 45], 'mm'),
      transhumeral: r([6, 25], [2, 40], 'mm'),
      transradial: r([3, 15], [1, 25], 'mm'),
      thumb: r([1.5, 10], [0.5, 16], 'mm'),
      finger: r([1.5, 10], [0.5, 16], 'mm')
    }
  },
  periosteal: {
    what: 'periosteal (outer) diameter',
    ranges: {
      transfemoral: r([18, 45], [8, 65], 'mm'),
      transtibial: r([18, 45], [8, 65], 'mm'),
      transhumeral: r([14, 35], [6, 50], 'mm'),
      transradial: r([8, 22], [3, 32], 'mm'),
      thumb: r([4, 18], [2, 26], 'mm'),
      finger: r([4, 18], [2, 26], 'mm')
    }
  },
  distalThickness: {
    what: 'distal soft-tissue thickness',
    ranges: {
      all: r([3, 80], [0, 250], 'mm'),
      thumb: r([1, 20], [0, 60], 'mm'),
      finger: r([1, 20], [0, 60], 'mm')
    }
  },
  weight: { what: 'body weight', ranges: { all: r([35, 160], [20, 400], 'kg', 'adult body weight; the hard limits are the case format’s own (docs/case-file.md)') } },
  height: { what: 'body height', ranges: { all: r([140, 210], [100, 250], 'cm', 'adult body height; the hard limits are the case format’s own (docs/case-file.md)') } },
  ageYears: { what: 'age', ranges: { all: r([18, 90], [0, 120], 'years', 'osseointegration is offered to adults (NHS England policy: adults only [N3]); hard limits: the case format’s own') } }
} as const satisfies Record<string, RangeField>

export type PlausibleField = keyof typeof PLAUSIBLE_RANGES

export function rangeFor(field: PlausibleField, level: Level | undefined): PlausibleRange | undefined {
  const ranges = PLAUSIBLE_RANGES[field].ranges as RangeField['ranges']
  return (level ? ranges[level] : undefined) ?? ranges.all
}

export type Plausibility = { kind: 'ok' } | { kind: 'warn' | 'refuse'; message: string }

const num = (x: number) => String(Math.round(x * 100) / 100)

/** How plausible `value` (in the range's unit) is for this field at this level. */
export function checkPlausible(field: PlausibleField, level: Level | undefined, value: number): Plausibility {
  const range = rangeFor(field, level)
  if (!range || !Number.isFinite(value)) return { kind: 'ok' }
  const what = PLAUSIBLE_RANGES[field].what
  const where = level && field !== 'weight' && field !== 'height' && field !== 'ageYears' ? ` at a ${level} level` : ''
  const [lo, hi] = range.hard
  if (value < lo || value > hi)
    return { kind: 'refuse', message: `${num(value)} ${range.unit} is outside any plausible ${what}${where} (${num(lo)}–${num(hi)} ${range.unit}): check the value and its unit` }
  const [tlo, thi] = range.typical
  if (value < tlo || value > thi)
    return { kind: 'warn', message: `${num(value)} ${range.unit} is unusual for a ${what}${where} (typically ${num(tlo)}–${num(thi)} ${range.unit}): check the value and its unit` }
  return { kind: 'ok' }
}
