/**
 * R-LEN: implant length. Lmax = residual length − tipMargin; length = the longest catalogue
 * length ≤ Lmax. None fits → block R-LEN-SHORT-BONE stating the shortest residual length that
 * would fit. Canal stations not covering [0, L] → warning R-LEN-PROFILE-INCOMPLETE.
 */
import type { ImplantSystem } from '../catalog/types'
import { formatMagnification, formatMmApart, formatMmAtLeast, formatSize } from '../format'
import type { Basis, CorrectedStation } from '../result'
import { coverage } from './canal'
import { EPS, inp, type PlanContext } from './context'
import type { Sizing } from './sizing'

export const LEN_FORMULA =
  'Lmax = corrected residual bone length − tip margin; implant length = the longest catalogue length ≤ Lmax'

export function lengthBasis(ctx: PlanContext, sys: ImplantSystem, s: Sizing): Basis {
  return ctx.make(
    'R-LEN',
    LEN_FORMULA,
    { residualLength: inp(s.residualMm, 'mm'), maxLength: inp(s.maxLengthMm, 'mm'), length: inp(s.lengthMm, 'mm') },
    [sys.tipMarginMm, sys.lengthsMm],
    ['S36']
  )
}

export function ruleLength(ctx: PlanContext, sys: ImplantSystem, s: Sizing, st: readonly CorrectedStation[], m: number): Basis {
  const b = lengthBasis(ctx, sys, s)
  ctx.basis['implant.lengthMm'] = b
  ctx.basis['implant.maxLengthMm'] = b
  if (s.lengthMm === null) {
    const shortest = sys.lengthsMm.value[0] as number
    const need = shortest + sys.tipMarginMm.value
    const asMeasured = m !== 1 ? ` (${formatMmAtLeast(need * m)} as measured on the radiograph at ${formatMagnification(m)})` : ''
    // Both residual lengths printed apart from the needed one: never "80 mm … at least 80 mm would fit".
    const residual =
      m !== 1
        ? `${formatMmApart(s.residualMm, need)} after correction, ${formatMmApart(s.residualMm * m, need * m)} as measured`
        : formatMmApart(s.residualMm, need)
    ctx.find(
      'R-LEN-SHORT-BONE',
      'block',
      `The residual bone (${residual}) is too short for the shortest ${sys.name} length (${formatSize(shortest)}) with a ${formatSize(sys.tipMarginMm.value)} tip margin: a residual length of at least ${formatSize(need)}${asMeasured} would fit.`,
      b,
      ['bone.residualLength']
    )
    return b
  }
  const L = s.lengthMm
  const cov = coverage(st, L)
  if (cov.from > EPS || cov.to < L - EPS) {
    const gaps: string[] = []
    if (cov.to <= cov.from) gaps.push(`none of the implant zone 0–${formatSize(L)} is measured`)
    else {
      if (cov.from > EPS) gaps.push(`0–${formatMmApart(cov.from, 0)}`)
      if (cov.to < L - EPS) gaps.push(`${formatMmApart(cov.to, L)}–${formatSize(L)}`)
    }
    ctx.find(
      'R-LEN-PROFILE-INCOMPLETE',
      'warning',
      `The canal stations do not cover the whole implant zone (0–${formatSize(L)} from the distal end); unmeasured: ${gaps.join(' and ')}. The contact length counts the measured part only: add stations.`,
      ctx.make(
        'R-LEN',
        'the implant zone [0, L] should lie within the measured stations; contact is counted on the measured part only',
        { length: inp(L, 'mm'), measuredFrom: inp(cov.from, 'mm'), measuredTo: inp(cov.to, 'mm') },
        []
      ),
      ['bone.stations']
    )
  }
  return b
}
