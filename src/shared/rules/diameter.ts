/**
 * R-DIA: implant diameter. Prepared canal r = D − engagement; C(r) = length of [0, L] where
 * the endosteal Ø ≤ r. Recommended D = the smallest catalogue diameter with
 * C(r) ≥ min(minContact, L); none → block R-DIA-CANAL-TOO-WIDE. Reports the next smaller
 * and larger sizes with their C, and D at m × (1 − f) and m × (1 + f) (f = 5 %).
 */
import type { ImplantSystem } from '../catalog/types'
import { formatMm, formatMmApart, formatSize } from '../format'
import type { Basis, CorrectedStation, MagnificationWhatIf } from '../result'
import { coverage, rescaleStations } from './canal'
import { EPS, inp, type PlanContext } from './context'
import { sizeImplant, type Sizing } from './sizing'

export const DIA_FORMULA =
  'prepared canal r = D − engagement; contact C(r) = length of [0, implant length] where the canal (endosteal Ø, linear between stations) ≤ r; recommended D = the smallest catalogue diameter with C(r) ≥ min(minimum contact, implant length)'

export function diameterBasis(ctx: PlanContext, sys: ImplantSystem, s: Sizing): Basis {
  const i = s.diameterIndex
  const d = i === null ? null : (sys.diametersMm.value[i] as number)
  return ctx.make(
    'R-DIA',
    DIA_FORMULA,
    {
      length: inp(s.lengthMm, 'mm'),
      requiredContact: inp(s.requiredContactMm, 'mm'),
      diameter: inp(d, 'mm'),
      preparedDiameter: inp(d === null ? null : d - sys.engagementMm.value, 'mm'),
      contactLength: inp(i === null ? null : (s.contact[i] as number), 'mm')
    },
    [sys.diametersMm, sys.engagementMm, sys.minContactMm],
    ['S66']
  )
}

export function canalTooWide(ctx: PlanContext, sys: ImplantSystem, s: Sizing, st: readonly CorrectedStation[], m = 1): void {
  const ds = sys.diametersMm.value
  const last = ds.length - 1
  const best = s.contact[last] ?? 0
  const required = s.requiredContactMm ?? 0
  const L = s.lengthMm ?? 0
  const cov = coverage(st, L)
  const measured = Math.max(0, cov.to - cov.from)
  const largest = `the largest (${formatSize(ds[last] as number)}, prepared canal ${formatSize((ds[last] as number) - sys.engagementMm.value)}) gives ${formatMmApart(best, required)}`
  // C(r) counts the measured part of [0, L] only: when that part is shorter than the required
  // contact, no diameter can reach it and the canal is not shown to be too wide; the profile is.
  const message =
    measured < required - EPS
      ? `No ${sys.name} diameter can be shown to reach the required ${formatSize(required)} of cortical contact over the ${formatSize(L)} implant: the canal stations cover only ${formatMmApart(measured, required)} of the implant zone (${measured > 0 ? `${formatMm(cov.from)}–${formatMm(cov.to)}` : 'none of it'}), less than the required contact; ${largest}. Add canal stations up to ${formatSize(L)} from the distal end${m !== 1 ? ` (${formatMm(L * m)} as measured on the radiograph)` : ''} before concluding that the canal is too wide.`
      : `No ${sys.name} diameter reaches the required ${formatSize(required)} of cortical contact over the ${formatSize(L)} implant: ${largest}. Consider a custom implant or another system.`
  ctx.find('R-DIA-CANAL-TOO-WIDE', 'block', message, diameterBasis(ctx, sys, s), ['bone.stations', 'implant'])
}

/** The bone the rules would size at magnification m × factor (plan.ts: with the resection R-BUILD
 *  would propose at that magnification). */
export type BoneAt = (factor: number) => { stations: readonly CorrectedStation[]; residualMm: number }

/** The bone as given, every radiographic measurement divided by m × factor instead of m. */
export function rescaledBone(st: readonly CorrectedStation[], residualMm: number): BoneAt {
  return (factor) => ({ stations: rescaleStations(st, 1 / factor), residualMm: residualMm / factor })
}

/** Sizing re-run at magnification m × factor, on the bone `at` gives for it. */
export function whatIf(at: BoneAt, sys: ImplantSystem, m: number, factor: number): MagnificationWhatIf {
  const bone = at(factor)
  const s = sizeImplant(bone.stations, bone.residualMm, sys)
  return {
    magnification: m * factor,
    lengthMm: s.lengthMm,
    diameterMm: s.diameterIndex === null ? null : (sys.diametersMm.value[s.diameterIndex] as number)
  }
}

export function whatIfBasis(ctx: PlanContext, sys: ImplantSystem, m: number, sign: -1 | 1, w: MagnificationWhatIf): Basis {
  const f = ctx.profile.params['mag.sensitivityFraction']
  return ctx.make(
    'R-DIA',
    `R-LEN and R-DIA re-computed with every radiographic measurement divided by m × (1 ${sign < 0 ? '−' : '+'} ${f.value}) instead of m, on the bone shortened by the resection R-BUILD proposes at that magnification (if any)`,
    { m: inp(m, '×'), magnification: inp(w.magnification, '×'), length: inp(w.lengthMm, 'mm'), diameter: inp(w.diameterMm, 'mm') },
    [f, sys.diametersMm, sys.lengthsMm, sys.engagementMm, sys.minContactMm, sys.tipMarginMm],
    ['A-calib', 'A1']
  )
}
