/**
 * R-LEN (implant length) and R-DIA (implant diameter) as pure functions of the corrected
 * bone and one implant system. Used for the plan, the ±5 % magnification check and the
 * resection re-run of R-BUILD.
 */
import type { ImplantSystem } from '../catalog/types'
import type { CorrectedStation, SizeOption } from '../result'
import { contactLength } from './canal'
import { EPS } from './context'

export interface Sizing {
  residualMm: number
  /** Lmax = residual − tip margin. */
  maxLengthMm: number
  lengthMm: number | null
  /** Required contact min(minContact, L); null when no length fits. */
  requiredContactMm: number | null
  /** Index into system.diametersMm of the recommended diameter, null if none reaches the contact. */
  diameterIndex: number | null
  /** C(r) for each catalogue diameter (ascending), computed up to the recommended one. */
  contact: number[]
}

/** R-LEN: the longest catalogue length ≤ residual − tipMargin. */
export function chooseLength(residualMm: number, sys: ImplantSystem): { maxLengthMm: number; lengthMm: number | null } {
  const maxLengthMm = residualMm - sys.tipMarginMm.value
  const lengths = sys.lengthsMm.value
  let lengthMm: number | null = null
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i] as number
    if (l <= maxLengthMm + EPS && (lengthMm === null || l > lengthMm)) lengthMm = l
  }
  return { maxLengthMm, lengthMm }
}

export function sizeImplant(st: readonly CorrectedStation[], residualMm: number, sys: ImplantSystem): Sizing {
  const { maxLengthMm, lengthMm } = chooseLength(residualMm, sys)
  const contact: number[] = []
  if (lengthMm === null) return { residualMm, maxLengthMm, lengthMm, requiredContactMm: null, diameterIndex: null, contact }
  const minContact = sys.minContactMm.value
  const required = minContact < lengthMm ? minContact : lengthMm
  const ds = sys.diametersMm.value
  const e = sys.engagementMm.value
  let diameterIndex: number | null = null
  for (let i = 0; i < ds.length; i++) {
    const c = contactLength(st, lengthMm, (ds[i] as number) - e)
    contact.push(c)
    if (c >= required - EPS) {
      diameterIndex = i
      break
    }
  }
  return { residualMm, maxLengthMm, lengthMm, requiredContactMm: required, diameterIndex, contact }
}

/** A catalogue diameter with its prepared canal and contact length over length L. */
export function sizeOption(st: readonly CorrectedStation[], sys: ImplantSystem, index: number, L: number, known?: number): SizeOption | null {
  const d = sys.diametersMm.value[index]
  if (d === undefined) return null
  const r = d - sys.engagementMm.value
  return { diameterMm: d, preparedDiameterMm: r, contactLengthMm: known ?? contactLength(st, L, r) }
}
