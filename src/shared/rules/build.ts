/**
 * R-BUILD: length and build height. available = sound-side length (same landmark to the
 * knee centre / ankle / elbow centre / wrist / digit tip) − residual bone length;
 * required = Σ component build heights; clearance = available − required.
 * clearance ≥ 0 → info; < 0 → propose resecting |clearance|. R-LEN, R-DIA and R-CORTEX are then
 * re-run on the shortened bone (plan.ts); any block there → block R-BUILD-NO-ROOM naming which
 * and why. The shortened-bone sizes are the plan's sizes; the unresected ones are reported as
 * what they would have been.
 */
import type { ImplantSystem } from '../catalog/types'
import { LOWER_LIMB_LEVELS, type Level, type NormalizedCase } from '../case/types'
import { formatMm, formatMmApart, formatSize } from '../format'
import type { Basis, BasisInput, BuildHeightPlan } from '../result'
import { EPS, inp, type PlanContext } from './context'

const TARGET: Record<Level, BuildHeightPlan['target']> = {
  transfemoral: 'knee centre',
  transtibial: 'floor',
  transhumeral: 'elbow centre',
  transradial: 'wrist',
  thumb: 'digit tip',
  finger: 'digit tip'
}

/** What sits too low (too far distally) when the clearance is negative: the joint, never "the floor". */
const JOINT: Record<Level, BuildHeightPlan['joint']> = {
  transfemoral: 'knee centre',
  transtibial: 'ankle',
  transhumeral: 'elbow centre',
  transradial: 'wrist',
  thumb: 'digit tip',
  finger: 'digit tip'
}

/** ", after the proposed 10 mm resection" when a resection is proposed: the rules that read the
 *  residual length (eligibility, loading) read the bone the implant goes into. */
export function afterResection(resectionMm: number): string {
  return resectionMm > 0 ? `, after the proposed ${formatMmApart(resectionMm, 0)} resection` : ''
}

/** The build-height arithmetic, before any sizing (the resection decides which bone is sized). */
export interface BuildGeometry {
  target: BuildHeightPlan['target']
  joint: BuildHeightPlan['joint']
  lower: boolean
  availableMm: number
  requiredMm: number
  clearanceMm: number
  /** |clearance| when negative, else 0. */
  resectionMm: number
  inputs: Record<string, BasisInput>
}

export function buildGeometry(c: NormalizedCase, soundSideMm: number | null, residualMm: number): BuildGeometry | null {
  if (soundSideMm === null) return null
  const level = c.limb.level
  const comps = c.prosthesis.components
  let requiredMm = 0
  for (const k of comps) requiredMm += k.buildHeightMm
  const availableMm = soundSideMm - residualMm
  const clearanceMm = availableMm - requiredMm
  return {
    target: TARGET[level],
    joint: JOINT[level],
    lower: LOWER_LIMB_LEVELS.includes(level),
    availableMm,
    requiredMm,
    clearanceMm,
    resectionMm: clearanceMm > -EPS ? 0 : -clearanceMm,
    inputs: {
      soundSideLength: inp(soundSideMm, 'mm'),
      residualLength: inp(residualMm, 'mm'),
      components: inp(comps.map((k) => k.buildHeightMm), 'mm'),
      available: inp(availableMm, 'mm'),
      required: inp(requiredMm, 'mm'),
      clearance: inp(clearanceMm, 'mm')
    }
  }
}

/** What R-LEN, R-DIA and R-CORTEX gave on the shortened bone, and without the resection. */
export interface ShortenedBone {
  residualAfterMm: number
  lengthMm: number | null
  diameterMm: number | null
  /** Why the shortened bone takes no implant as planned (empty when it does). */
  blocks: string[]
  withoutResection: { lengthMm: number | null; diameterMm: number | null }
}

export function ruleBuild(c: NormalizedCase, ctx: PlanContext, g: BuildGeometry | null, sys: ImplantSystem | null, after: ShortenedBone | null): BuildHeightPlan | null {
  if (!g) {
    ctx.find(
      'R-BUILD-NOT-CHECKED',
      'info',
      `The sound-side length is not recorded: the level of the ${TARGET[c.limb.level]} was not checked.`,
      ctx.make('R-BUILD', 'needs the sound-side length (same landmark to the target)', { soundSideLength: inp(null, 'mm') }, []),
      ['prosthesis.soundSideLength']
    )
    return null
  }
  const { target, joint, lower, availableMm, requiredMm, clearanceMm, resectionMm } = g
  const comps = c.prosthesis.components
  const b = ctx.make(
    'R-BUILD',
    `available = sound-side length (landmark to ${target}) − corrected residual bone length; required = sum of the component build heights; clearance = available − required`,
    g.inputs,
    [],
    lower ? ['S32'] : []
  )
  ctx.basis['buildHeight.availableMm'] = b
  ctx.basis['buildHeight.requiredMm'] = b
  ctx.basis['buildHeight.componentCount'] = b
  ctx.basis['buildHeight.clearanceMm'] = b
  ctx.basis['buildHeight.resectionMm'] = b
  if (lower && comps.length === 0)
    ctx.find(
      'R-BUILD-NO-COMPONENTS',
      'warning',
      `No prosthetic components are listed: the required build height was taken as 0 mm, so the ${joint} level is not really checked.`,
      b,
      ['prosthesis.components']
    )
  if (resectionMm === 0) {
    // Upper limb without components: nothing to fit, so say what is known and no more.
    const message =
      comps.length === 0
        ? `No components were entered: ${formatMm(availableMm)} is available from the bone end to the ${target}.`
        : `Clearance ${formatMmApart(clearanceMm, 0)}: the components fit and the ${lower ? 'pylon/tube' : 'prosthesis'} takes up the remaining length (available ${formatMm(availableMm)}, required ${formatMm(requiredMm)}).`
    ctx.find('R-BUILD-CLEARANCE', 'info', message, b)
    return { target, joint, availableMm, requiredMm, componentCount: comps.length, clearanceMm, resectionMm: 0, afterResection: null }
  }
  const residualAfter = after ? after.residualAfterMm : (g.inputs.residualLength?.value as number) - resectionMm
  const lengthMm = after?.lengthMm ?? null
  const diameterMm = after?.diameterMm ?? null
  const rb: Basis = ctx.make(
    'R-BUILD',
    'resection = |clearance|; R-LEN, R-DIA and R-CORTEX re-run on the bone shortened by the resection (stations re-measured from the new distal end); any block there → no room',
    {
      ...g.inputs,
      resection: inp(resectionMm, 'mm'),
      residualAfter: inp(residualAfter, 'mm'),
      lengthAfter: inp(lengthMm, 'mm'),
      diameterAfter: inp(diameterMm, 'mm'),
      lengthWithoutResection: inp(after?.withoutResection.lengthMm ?? null, 'mm'),
      diameterWithoutResection: inp(after?.withoutResection.diameterMm ?? null, 'mm')
    },
    sys ? [sys.tipMarginMm, sys.lengthsMm, sys.diametersMm, sys.engagementMm, sys.minContactMm, sys.minCortexMm] : [],
    lower ? ['S32'] : []
  )
  ctx.basis['buildHeight.afterResection'] = rb
  const res = formatMmApart(resectionMm, 0)
  const low = `The ${joint} would sit ${res} ${lower ? 'low' : 'too far distally'}`
  const paths = ['prosthesis.components', 'prosthesis.soundSideLength', 'bone.residualLength']
  const without = after?.withoutResection
  const wouldHave =
    without && without.lengthMm !== null && without.diameterMm !== null
      ? ` Without the resection the implant would have been Ø ${formatSize(without.diameterMm)} × ${formatSize(without.lengthMm)}.`
      : ''
  if (after && after.blocks.length > 0) {
    ctx.find(
      'R-BUILD-NO-ROOM',
      'block',
      `${low}, and after resecting ${res} the shortened bone (${formatMm(Math.max(0, residualAfter))}) takes no ${sys?.name ?? 'implant'} as planned: ${after.blocks.join('; ')}. There is no room for the components: consider lower-profile components.${wouldHave}`,
      rb,
      paths
    )
  } else {
    const sized = !sys
      ? 'the implant could not be sized on the shortened bone (no implant system)'
      : `the shortened bone (${formatMm(residualAfter)}) takes Ø ${formatSize(diameterMm as number)} × ${formatSize(lengthMm as number)}, the plan's implant`
    ctx.find('R-BUILD-RESECTION', 'warning', `${low}: proposed bone resection ${res}; ${sized}.${wouldHave}`, rb, paths.slice(0, 2))
  }
  return {
    target,
    joint,
    availableMm,
    requiredMm,
    componentCount: comps.length,
    clearanceMm,
    resectionMm,
    afterResection: {
      resectionMm,
      residualLengthAfterMm: residualAfter,
      lengthMm,
      diameterMm,
      withoutResection: after ? { ...after.withoutResection } : { lengthMm: null, diameterMm: null }
    }
  }
}
