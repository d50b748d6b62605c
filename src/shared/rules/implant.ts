/**
 * R-LEN, R-DIA and R-CORTEX on one bone (as measured, or shortened by the resection R-BUILD
 * proposes): the implant plan with its bases and findings, and why it blocks, if it does.
 */
import type { ImplantSystem } from '../catalog/types'
import { formatMagnification, formatMm, formatMmApart, formatMmBeside, formatSize } from '../format'
import type { CorrectedStation, ImplantPlan, MagnificationWhatIf } from '../result'
import { inp, type PlanContext } from './context'
import { ruleCortex } from './cortex'
import { canalTooWide, diameterBasis, rescaledBone, whatIf, whatIfBasis, type BoneAt } from './diameter'
import { ruleLength } from './length'
import { sizeImplant, sizeOption } from './sizing'

export interface SizedBone {
  implant: ImplantPlan | null
  lengthMm: number | null
  diameterMm: number | null
  /** Plain-English reasons the rules blocked on this bone (empty when none did). */
  blocks: string[]
}

/** Why each rule blocked, in the words R-BUILD-NO-ROOM uses. */
const BLOCK_REASON: Record<string, string> = {
  'R-LEN-SHORT-BONE': 'no implant length fits',
  'R-DIA-CANAL-TOO-WIDE': 'no diameter reaches the required cortical contact',
  'R-CORTEX-BREACH': 'the cortex would be breached'
}

function showSize(w: MagnificationWhatIf): string {
  return `${w.diameterMm === null ? 'no diameter' : formatSize(w.diameterMm)} × ${w.lengthMm === null ? 'no length' : formatSize(w.lengthMm)}`
}

export interface BoneToSize {
  stations: readonly CorrectedStation[]
  residualMm: number
  /** Magnification of the measurements. */
  m: number
  /** 0 for the bone as measured; else the proposed resection (findings then say so). */
  resectionMm: number
  landmark: string
  /** X-ray measurements: the magnification can be wrong, so the size sensitivity applies (not CT or calibrated). */
  xray: boolean
  /** The bone sized at magnification m × factor, for the ±5 % sizes; default: this bone rescaled.
   *  plan.ts gives the whole bone with the resection proposed at that magnification, which a
   *  different m changes (the sound side and residual length scale, the components do not). */
  at?: BoneAt
}

export function sizeBone(ctx: PlanContext, sys: ImplantSystem, bone: BoneToSize): SizedBone {
  const { stations, residualMm, m, resectionMm } = bone
  const shortened = resectionMm > 0
  // Distances on the shortened bone are from its new distal end: "as measured" would mislead.
  const mm = shortened ? 1 : m
  const first = ctx.findings.length
  const s = sizeImplant(stations, residualMm, sys)
  ruleLength(ctx, sys, s, stations, mm)
  let implant: ImplantPlan | null = null
  if (s.lengthMm !== null && s.diameterIndex === null) canalTooWide(ctx, sys, s, stations, mm)
  else if (s.lengthMm !== null && s.diameterIndex !== null) {
    const i = s.diameterIndex
    const L = s.lengthMm
    const chosen = sizeOption(stations, sys, i, L, s.contact[i])
    if (chosen) {
      const f = ctx.profile.params['mag.sensitivityFraction'].value
      const at = bone.at ?? rescaledBone(stations, residualMm)
      const minus = whatIf(at, sys, m, 1 - f)
      const plus = whatIf(at, sys, m, 1 + f)
      const cortex = ruleCortex(ctx, sys, stations, L, chosen.preparedDiameterMm, chosen.diameterMm, { m: mm, resectionMm })
      implant = {
        systemId: sys.id,
        systemName: sys.name,
        fixation: sys.fixation,
        diameterMm: chosen.diameterMm,
        lengthMm: L,
        preparedDiameterMm: chosen.preparedDiameterMm,
        contactLengthMm: chosen.contactLengthMm,
        requiredContactMm: s.requiredContactMm ?? L,
        maxLengthMm: s.maxLengthMm,
        minCortexMm: cortex.minMm,
        cortexMinimumMm: sys.minCortexMm.value,
        minCortexAtMm: cortex.atMm,
        tipCortexMm: cortex.tipCortexMm,
        tipFromLandmarkMm: residualMm - L,
        resectionMm,
        smaller: i > 0 ? sizeOption(stations, sys, i - 1, L, s.contact[i - 1]) : null,
        larger: sizeOption(stations, sys, i + 1, L),
        atMagnificationMinus5: minus,
        atMagnificationPlus5: plus,
        sensitivity: { fraction: f, applies: bone.xray }
      }
      const db = diameterBasis(ctx, sys, s)
      for (const k of ['diameterMm', 'preparedDiameterMm', 'contactLengthMm', 'requiredContactMm', 'smaller', 'larger']) ctx.basis[`implant.${k}`] = db
      ctx.basis['implant.tipFromLandmarkMm'] = ctx.basis['implant.lengthMm'] as NonNullable<(typeof ctx.basis)[string]>
      const minusBasis = whatIfBasis(ctx, sys, m, -1, minus)
      ctx.basis['implant.atMagnificationMinus5'] = minusBasis
      ctx.basis['implant.sensitivity'] = minusBasis
      ctx.basis['implant.atMagnificationPlus5'] = whatIfBasis(ctx, sys, m, 1, plus)
      if (bone.xray && (minus.diameterMm !== chosen.diameterMm || plus.diameterMm !== chosen.diameterMm || minus.lengthMm !== L || plus.lengthMm !== L))
        ctx.find(
          'R-DIA-MAGNIFICATION-SENSITIVE',
          'info',
          `The size depends on the calibration: at ${formatMagnification(minus.magnification)} it would be ${showSize(minus)}, at ${formatMagnification(plus.magnification)} ${showSize(plus)} (planned ${formatSize(chosen.diameterMm)} × ${formatSize(L)}).`,
          minusBasis
        )
      tipFinding(ctx, sys, implant, bone)
    }
  }
  const blocks: string[] = []
  for (let k = first; k < ctx.findings.length; k++) {
    const f = ctx.findings[k]!
    if (shortened) f.message = `On the bone shortened by the proposed ${formatMmApart(resectionMm, 0)} resection: ${f.message.charAt(0).toLowerCase()}${f.message.slice(1)}`
    const why = BLOCK_REASON[f.id]
    if (f.severity === 'block' && why && !blocks.includes(why)) blocks.push(why)
  }
  const d = s.diameterIndex === null ? null : (sys.diametersMm.value[s.diameterIndex] as number)
  return { implant, lengthMm: s.lengthMm, diameterMm: d, blocks }
}

/** Fracture counselling: where the tip lies and the cortex there [S36]. */
function tipFinding(ctx: PlanContext, sys: ImplantSystem, i: ImplantPlan, bone: BoneToSize): void {
  const end = bone.resectionMm > 0 ? 'the new distal end' : 'the distal end'
  const cortex =
    i.tipCortexMm === null
      ? 'the cortex there is not measured (the stations stop short of the tip): add a station at the tip'
      : `remaining cortex there ${formatMmBeside(i.tipCortexMm, [0, sys.minCortexMm.value])}`
  ctx.find(
    'R-CORTEX-TIP',
    'info',
    `The implant tip lies ${formatSize(i.lengthMm)} from ${end} and ${formatMm(i.tipFromLandmarkMm)} from the ${bone.landmark}; ${cortex}. Periprosthetic fractures cluster within 2 cm of the implant tip, after falls [S36]: for counselling.`,
    ctx.make(
      'R-CORTEX',
      'tip position = implant length from the distal end and residual length − implant length from the proximal landmark; cortex at the tip as in R-CORTEX',
      { length: inp(i.lengthMm, 'mm'), residualLength: inp(bone.residualMm, 'mm'), tipFromLandmark: inp(i.tipFromLandmarkMm, 'mm'), tipCortex: inp(i.tipCortexMm, 'mm') },
      [sys.tipMarginMm],
      ['S36']
    )
  )
}
