/**
 * R-STAGE: one or two stages, from the implant system (1, 2 or either → profile preference),
 * with the stage-2 interval (system's own, else press-fit 4–8 weeks [S4][S10] or threaded
 * ≈ 6 months [S1] from the profile) and the one- vs two-stage evidence [S60].
 */
import type { ImplantSystem } from '../catalog/types'
import { formatNumber } from '../format'
import type { ParamScalar, ParamValue, StagePlan } from '../result'
import { inp, type PlanContext } from './context'

export const STAGE_EVIDENCE: StagePlan['evidence'] = {
  source: 'S60',
  rows: [
    { outcome: 'superficial infection', oneStage: '38 %', twoStage: '52 %' },
    { outcome: 'osteomyelitis', oneStage: '0 %', twoStage: '10 %' },
    { outcome: 'implant failure', oneStage: '1 %', twoStage: '9 %' },
    { outcome: 'fracture', oneStage: '13 %', twoStage: '12 %' }
  ]
}

export function ruleStage(ctx: PlanContext, sys: ImplantSystem | null): StagePlan {
  const pref = ctx.profile.params['stage.preferred']
  const params: ParamValue<ParamScalar>[] = []
  let count: 1 | 2
  let why: string
  const sv = sys?.stages.value
  if (sys && (sv === 1 || sv === 2)) {
    count = sv
    params.push(sys.stages)
    why = `${sys.name} is used in ${sv === 1 ? 'one stage' : 'two stages'}`
  } else {
    count = pref.value
    if (sys) params.push(sys.stages)
    params.push(pref)
    why = sys
      ? `${sys.name} can be used in one or two stages; the profile prefers ${count === 1 ? 'one' : 'two'}`
      : `no implant system: the profile's preference (${count === 1 ? 'one stage' : 'two stages'})`
  }
  let stage2AfterDays: StagePlan['stage2AfterDays'] = null
  if (count === 2) {
    if (sys?.stage2MinDays && sys.stage2MaxDays) {
      stage2AfterDays = { min: sys.stage2MinDays.value, max: sys.stage2MaxDays.value }
      params.push(sys.stage2MinDays, sys.stage2MaxDays)
    } else if (sys?.fixation === 'threaded') {
      const d = ctx.profile.params['stage.threadedDays']
      stage2AfterDays = { min: d.value, max: d.value }
      params.push(d)
    } else {
      const a = ctx.profile.params['stage.pressFitMinDays']
      const b = ctx.profile.params['stage.pressFitMaxDays']
      stage2AfterDays = { min: a.value, max: b.value }
      params.push(a, b)
    }
    const iv = stage2AfterDays.min === stage2AfterDays.max ? `${formatNumber(stage2AfterDays.min, 0)}` : `${formatNumber(stage2AfterDays.min, 0)}–${formatNumber(stage2AfterDays.max, 0)}`
    why += `; stage 2 (stoma and adapter) ${iv} days after stage 1`
  }
  const basis = ctx.make(
    'R-STAGE',
    "stages = the system's stage count (or, when it allows either, the profile's preference); stage-2 interval = the system's, else the profile's for its fixation",
    { count: inp(count, 'stages'), stage2MinDays: inp(stage2AfterDays?.min ?? null, 'days'), stage2MaxDays: inp(stage2AfterDays?.max ?? null, 'days') },
    params,
    ['S60']
  )
  ctx.basis['stages.count'] = basis
  ctx.basis['stages.stage2AfterDays'] = basis
  ctx.find('R-STAGE-PLAN', 'info', `${count === 1 ? 'One stage' : 'Two stages'}: ${why}. Evidence, one vs two stages [S60]: osteomyelitis 0 % vs 10 %, implant failure 1 % vs 9 %.`, basis)
  return { count, stage2AfterDays, rationale: why, evidence: STAGE_EVIDENCE }
}
