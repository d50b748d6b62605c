/**
 * R-BUILD: length and build height. available = sound-side length (same landmark to the
 * knee centre / floor / elbow centre / wrist / digit tip) − residual bone length;
 * required = Σ component build heights; clearance = available − required.
 * clearance ≥ 0 → info; < 0 → propose resecting |clearance| and re-run R-LEN (and R-DIA)
 * on the shortened bone; no length fits → block R-BUILD-NO-ROOM.
 */
import type { ImplantSystem } from '../catalog/types'
import { LOWER_LIMB_LEVELS, type Level, type NormalizedCase } from '../case/types'
import { formatMm, formatMmApart } from '../format'
import type { BuildHeightPlan, CorrectedStation } from '../result'
import { resectStations } from './canal'
import { EPS, inp, type PlanContext } from './context'
import { sizeImplant } from './sizing'

const TARGET: Record<Level, BuildHeightPlan['target']> = {
  transfemoral: 'knee centre',
  transtibial: 'floor',
  transhumeral: 'elbow centre',
  transradial: 'wrist',
  thumb: 'digit tip',
  finger: 'digit tip'
}

export function ruleBuild(
  c: NormalizedCase,
  ctx: PlanContext,
  soundSideMm: number | null,
  residualMm: number,
  st: readonly CorrectedStation[],
  sys: ImplantSystem | null
): BuildHeightPlan | null {
  const level = c.limb.level
  const target = TARGET[level]
  const lower = LOWER_LIMB_LEVELS.includes(level)
  const joint = lower ? (level === 'transfemoral' ? 'knee' : 'ankle') : target
  if (soundSideMm === null) {
    ctx.find(
      'R-BUILD-NOT-CHECKED',
      'info',
      `The sound-side length is not recorded: the level of the ${target} was not checked.`,
      ctx.make('R-BUILD', 'needs the sound-side length (same landmark to the target)', { soundSideLength: inp(null, 'mm') }, []),
      ['prosthesis.soundSideLength']
    )
    return null
  }
  const comps = c.prosthesis.components
  let requiredMm = 0
  for (const k of comps) requiredMm += k.buildHeightMm
  const availableMm = soundSideMm - residualMm
  const clearanceMm = availableMm - requiredMm
  const inputs = {
    soundSideLength: inp(soundSideMm, 'mm'),
    residualLength: inp(residualMm, 'mm'),
    components: inp(comps.map((k) => k.buildHeightMm), 'mm'),
    available: inp(availableMm, 'mm'),
    required: inp(requiredMm, 'mm'),
    clearance: inp(clearanceMm, 'mm')
  }
  const b = ctx.make(
    'R-BUILD',
    `available = sound-side length (landmark to ${target}) − corrected residual bone length; required = sum of the component build heights; clearance = available − required`,
    inputs,
    [],
    lower ? ['S32'] : []
  )
  ctx.basis['buildHeight.availableMm'] = b
  ctx.basis['buildHeight.requiredMm'] = b
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
  if (clearanceMm > -EPS) {
    ctx.find(
      'R-BUILD-CLEARANCE',
      'info',
      `Clearance ${formatMm(clearanceMm)}: the components fit and the ${lower ? 'pylon/tube' : 'prosthesis'} takes up the remaining length (available ${formatMm(availableMm)}, required ${formatMm(requiredMm)}).`,
      b
    )
    return { target, availableMm, requiredMm, clearanceMm, resectionMm: 0, afterResection: null }
  }
  const resectionMm = -clearanceMm
  const residualAfter = residualMm - resectionMm
  let lengthMm: number | null = null
  let diameterMm: number | null = null
  if (sys && residualAfter > 0) {
    const s = sizeImplant(resectStations(st, resectionMm), residualAfter, sys)
    lengthMm = s.lengthMm
    diameterMm = s.diameterIndex === null ? null : (sys.diametersMm.value[s.diameterIndex] as number)
  }
  const rb = ctx.make(
    'R-BUILD',
    'resection = |clearance|; R-LEN (and R-DIA) re-run on the bone shortened by the resection; no length fits → no room',
    { ...inputs, resection: inp(resectionMm, 'mm'), residualAfter: inp(residualAfter, 'mm'), lengthAfter: inp(lengthMm, 'mm'), diameterAfter: inp(diameterMm, 'mm') },
    sys ? [sys.tipMarginMm, sys.lengthsMm, sys.diametersMm, sys.engagementMm, sys.minContactMm] : [],
    lower ? ['S32'] : []
  )
  ctx.basis['buildHeight.afterResection'] = rb
  const res = formatMmApart(resectionMm, 0)
  const low = `The ${joint === 'knee' ? 'knee centre' : joint === 'ankle' ? 'ankle' : target} would sit ${res} ${lower ? 'low' : 'too far distally'}`
  if (sys && lengthMm === null) {
    ctx.find(
      'R-BUILD-NO-ROOM',
      'block',
      `${low}, and after resecting ${res} the shortened bone (${formatMm(Math.max(0, residualAfter))}) takes no ${sys.name} length: there is no room for the components. Consider lower-profile components.`,
      rb,
      ['prosthesis.components', 'prosthesis.soundSideLength', 'bone.residualLength']
    )
  } else {
    const after = !sys
      ? 'the implant could not be sized on the shortened bone (no implant system)'
      : `the shortened bone (${formatMm(residualAfter)}) takes a ${formatMm(lengthMm as number)} implant${diameterMm === null ? ', but no catalogue diameter reaches the contact length' : ` of ${formatMm(diameterMm)}`}`
    ctx.find('R-BUILD-RESECTION', 'warning', `${low}: proposed bone resection ${res}; ${after}.`, rb, [
      'prosthesis.components',
      'prosthesis.soundSideLength'
    ])
  }
  return {
    target,
    availableMm,
    requiredMm,
    clearanceMm,
    resectionMm,
    afterResection: { resectionMm, residualLengthAfterMm: residualAfter, lengthMm, diameterMm }
  }
}
