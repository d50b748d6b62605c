/**
 * R-ELIG: eligibility screen. The profile sets each item to absolute (block) or relative
 * (warning); there is no "off". Findings are R-ELIG-<ITEM>; every item names its source.
 * Data not recorded → info "not checked".
 */
import type { ImplantSystem } from '../catalog/types'
import type { Condition, NormalizedCase } from '../case/types'
import { formatApart, formatMmApart, formatNumber, formatSize } from '../format'
import { afterResection } from './build'
import type { BasisInput, EligibilityCheck, EligibilityItem, ParamScalar, ParamValue, SourceKey } from '../result'
import type { EligibilitySeverityKey } from '../profile/types'
import { paramSources, published } from '../profile/param'
import { cite, EPS, inp, type PlanContext } from './context'
import { bmiOf } from './soft'

interface Outcome {
  outcome: 'pass' | 'fail' | 'unknown' | 'not-applicable'
  message?: string
  inputs: Record<string, BasisInput>
  params: (ParamValue<ParamScalar> | null)[]
  paths: string[]
  criterion: string
}

interface Env {
  c: NormalizedCase
  ctx: PlanContext
  /** The residual bone the implant goes into: after the resection R-BUILD proposes, if any. */
  residualMm: number
  resectionMm: number
  sys: ImplantSystem | null
}

const has = (c: NormalizedCase, x: Condition) => c.patient.conditions.includes(x)
const NO_INPUTS: Record<string, BasisInput> = {}

function conditionItem(conds: Condition[], text: string, criterion: string): (e: Env) => Outcome {
  return ({ c }) => {
    let present: Condition[] | null = null
    for (const x of conds) if (has(c, x)) (present ??= []).push(x)
    if (present === null) return { outcome: 'pass', inputs: NO_INPUTS, params: [], paths: [], criterion }
    return {
      outcome: 'fail',
      message: `${present.map((x) => x.replace(/-/g, ' ')).join(' and ')} recorded: ${text}`,
      inputs: { conditions: inp(c.patient.conditions.join(', '), '') },
      params: [],
      paths: ['patient.conditions'],
      criterion
    }
  }
}

/** The BMI limit of [S18], published for the OPRA transhumeral programme it comes from. */
export const OPRA_TRANSHUMERAL_MAX_BMI = published('elig.maxBmi', 35, 'kg/m²', 'BMI above this is a contraindication', 'S18', {
  note: 'BMI > 35 excluded in the OPRA transhumeral programme'
})

/** The profile's BMI limit; at the transhumeral level the shipped value is the published one of [S18]. */
function bmiLimit(c: NormalizedCase, ctx: PlanContext): ParamValue {
  const p = ctx.profile.params['elig.maxBmi']
  const shipped = p.provenance.kind === 'site-default' && p.value === OPRA_TRANSHUMERAL_MAX_BMI.value
  return c.limb.level === 'transhumeral' && shipped ? OPRA_TRANSHUMERAL_MAX_BMI : p
}

const SOCKET_LEVELS = ['transfemoral', 'transtibial', 'transhumeral', 'transradial']

export const ELIGIBILITY_DEFS: readonly { item: EligibilityItem; sources: SourceKey[]; check: (e: Env) => Outcome }[] = [
  {
    item: 'AGE',
    sources: ['S24', 'S25', 'S4', 'S18'],
    check: ({ c, ctx }): Outcome => {
      const min = ctx.profile.params['elig.minAgeYears']
      const young = c.patient.ageYears < min.value - EPS
      const physes = has(c, 'open-physes')
      const why = [young ? `age ${formatApart(c.patient.ageYears, min.value, 1, ' years')} is below ${formatNumber(min.value, 3)}` : '', physes ? 'open physes recorded' : '']
        .filter(Boolean)
        .join(' and ')
      return {
        outcome: young || physes ? 'fail' : 'pass',
        message: `Skeletal immaturity: ${why}`,
        inputs: { ageYears: inp(c.patient.ageYears, 'years'), openPhyses: inp(physes, '') },
        params: [min],
        paths: [young ? 'patient.ageYears' : '', physes ? 'patient.conditions' : ''].filter(Boolean),
        criterion: 'age < minimum age or open physes'
      }
    }
  },
  { item: 'INFECTION', sources: ['S24'], check: conditionItem(['active-infection'], 'contraindicated in every programme', 'active infection') },
  {
    item: 'MALIGNANCY',
    sources: ['S24', 'S4', 'S18'],
    check: conditionItem(['malignancy', 'chemotherapy'], 'malignancy is contraindicated everywhere, chemotherapy in the ILP and OPRA programmes', 'malignancy or chemotherapy')
  },
  { item: 'IMMUNOSUPPRESSION', sources: ['S4', 'S18'], check: conditionItem(['immunosuppression'], 'contraindicated in the ILP and OPRA programmes', 'immunosuppression') },
  { item: 'PREGNANCY', sources: ['S4', 'S18'], check: conditionItem(['pregnancy'], 'contraindicated in the ILP and OPRA programmes', 'pregnancy') },
  {
    item: 'DIABETES',
    sources: ['S4', 'S18', 'S24', 'S26'],
    check: conditionItem(['diabetes'], 'contraindicated in some programmes (ILP, OPRA transhumeral), not in others (OGA)', 'diabetes')
  },
  {
    item: 'PVD',
    sources: ['S4', 'S18', 'S24', 'S26'],
    check: conditionItem(['peripheral-vascular-disease'], 'contraindicated in some programmes (ILP, OPRA transhumeral), not in others (OGA)', 'peripheral vascular disease')
  },
  { item: 'SMOKING', sources: [], check: conditionItem(['smoking'], 'a site criterion (no published source in the reference)', 'smoking') },
  {
    item: 'BMI',
    sources: ['S18'],
    check: ({ c, ctx }): Outcome => {
      const max = bmiLimit(c, ctx)
      const bmi = bmiOf(c.patient.weightKg, c.patient.heightCm)
      return {
        outcome: bmi > max.value + EPS ? 'fail' : 'pass',
        message: `BMI ${formatApart(bmi, max.value, 1, ' kg/m²')} is above the limit of ${formatNumber(max.value, 3)} kg/m²${max.provenance.kind !== 'published' && max.value === OPRA_TRANSHUMERAL_MAX_BMI.value ? ' (the OPRA transhumeral limit [S18], a site default at this level)' : ''}`,
        inputs: { bmi: inp(bmi, 'kg/m²') },
        params: [max],
        paths: ['patient.weight', 'patient.height'],
        criterion: 'BMI > limit'
      }
    }
  },
  {
    item: 'BODY-WEIGHT',
    sources: [],
    check: ({ c, sys }): Outcome => {
      const lim = sys?.maxBodyWeightKg ?? null
      if (!lim)
        return { outcome: 'not-applicable', inputs: {}, params: [], paths: [], criterion: "body weight > the implant's stated limit (none stated)" }
      return {
        outcome: c.patient.weightKg > lim.value + EPS ? 'fail' : 'pass',
        message: `body weight ${formatApart(c.patient.weightKg, lim.value, 1, ' kg')} exceeds the ${sys?.name ?? ''} limit of ${formatNumber(lim.value, 3)} kg`,
        inputs: { weight: inp(c.patient.weightKg, 'kg') },
        params: [lim],
        paths: ['patient.weight'],
        criterion: "body weight > the implant's limit"
      }
    }
  },
  {
    item: 'SOCKET-REHAB',
    sources: ['S15'],
    check: ({ c, ctx }): Outcome => {
      const min = ctx.profile.params['elig.minSocketRehabMonths']
      const v = c.patient.socketRehabMonths
      if (!SOCKET_LEVELS.includes(c.limb.level))
        return { outcome: 'not-applicable', inputs: {}, params: [], paths: [], criterion: 'socket rehabilitation (not applicable to digits)' }
      if (v === null)
        return { outcome: 'unknown', inputs: { socketRehabMonths: inp(null, 'months') }, params: [min], paths: ['patient.socketRehabMonths'], criterion: 'socket rehabilitation < minimum' }
      return {
        outcome: v < min.value - EPS ? 'fail' : 'pass',
        message: `socket rehabilitation of ${formatApart(v, min.value, 1, ' months')} is shorter than ${formatNumber(min.value, 3)} months (ITAP criterion)`,
        inputs: { socketRehabMonths: inp(v, 'months') },
        params: [min],
        paths: ['patient.socketRehabMonths'],
        criterion: 'socket rehabilitation < minimum'
      }
    }
  },
  {
    item: 'HIP-FLEXION',
    sources: ['S15'],
    check: ({ c, ctx }): Outcome => {
      const max = ctx.profile.params['elig.maxHipFlexionDeg']
      const v = c.patient.hipFlexionContractureDeg
      if (c.limb.level !== 'transfemoral')
        return { outcome: 'not-applicable', inputs: {}, params: [], paths: [], criterion: 'hip flexion contracture (transfemoral only)' }
      if (v === null)
        return { outcome: 'unknown', inputs: { hipFlexionContractureDeg: inp(null, 'deg') }, params: [max], paths: ['patient.hipFlexionContractureDeg'], criterion: 'hip flexion contracture > maximum' }
      return {
        outcome: v > max.value + EPS ? 'fail' : 'pass',
        message: `hip flexion contracture of ${formatApart(v, max.value, 0, '°')} is above ${formatNumber(max.value, 3)}° (ITAP criterion)`,
        inputs: { hipFlexionContractureDeg: inp(v, 'deg') },
        params: [max],
        paths: ['patient.hipFlexionContractureDeg'],
        criterion: 'hip flexion contracture > maximum'
      }
    }
  },
  {
    item: 'KNEE-FLEXION',
    sources: [],
    check: ({ c, ctx }): Outcome => {
      const max = ctx.profile.params['elig.maxKneeFlexionDeg']
      const v = c.patient.kneeFlexionContractureDeg
      if (c.limb.level !== 'transtibial')
        return { outcome: 'not-applicable', inputs: {}, params: [], paths: [], criterion: 'knee flexion contracture (transtibial only)' }
      if (v === null)
        return { outcome: 'unknown', inputs: { kneeFlexionContractureDeg: inp(null, 'deg') }, params: [max], paths: ['patient.kneeFlexionContractureDeg'], criterion: 'knee flexion contracture > maximum' }
      return {
        outcome: v > max.value + EPS ? 'fail' : 'pass',
        message: `knee flexion contracture of ${formatApart(v, max.value, 0, '°')} is above ${formatNumber(max.value, 3)}° (site limit)`,
        inputs: { kneeFlexionContractureDeg: inp(v, 'deg') },
        params: [max],
        paths: ['patient.kneeFlexionContractureDeg'],
        criterion: 'knee flexion contracture > maximum'
      }
    }
  },
  {
    item: 'HUMERUS-LENGTH',
    sources: ['S18'],
    check: ({ c, ctx, residualMm, resectionMm }): Outcome => {
      const min = ctx.profile.params['elig.minResidualHumerusMm']
      if (c.limb.level !== 'transhumeral')
        return { outcome: 'not-applicable', inputs: {}, params: [], paths: [], criterion: 'residual humerus length (transhumeral only)' }
      return {
        outcome: residualMm < min.value - EPS ? 'fail' : 'pass',
        message: `residual humerus ${formatMmApart(residualMm, min.value)} (corrected${afterResection(resectionMm)}) is shorter than ${formatSize(min.value)} (OPRA transhumeral criterion)`,
        inputs: resectionMm > 0 ? { residualLength: inp(residualMm, 'mm'), resection: inp(resectionMm, 'mm') } : { residualLength: inp(residualMm, 'mm') },
        params: [min],
        paths: ['bone.residualLength'],
        criterion: 'corrected residual humerus < minimum'
      }
    }
  }
]

const SEVERITY_KEYS: readonly EligibilitySeverityKey[] = ELIGIBILITY_DEFS.map((d) => `elig.severity.${d.item}` as const)

/** `residualMm`: the corrected residual length, after the proposed resection (`resectionMm`) if any. */
export function ruleEligibility(c: NormalizedCase, ctx: PlanContext, residualMm: number, sys: ImplantSystem | null, resectionMm = 0): EligibilityCheck[] {
  const env: Env = { c, ctx, residualMm, resectionMm, sys }
  const checks: EligibilityCheck[] = []
  const all: ParamValue<ParamScalar>[] = []
  const params = ctx.profile.params
  for (let d = 0; d < ELIGIBILITY_DEFS.length; d++) {
    const def = ELIGIBILITY_DEFS[d]!
    const sevParam = params[SEVERITY_KEYS[d]!]
    const severity = sevParam.value
    const o = def.check(env)
    // An item without a source of its own (BODY-WEIGHT) cites the source of its threshold:
    // the implant system's stated limit, when that is published.
    let sources = def.sources
    if (sources.length === 0) for (const prm of o.params) if (prm) for (const k of paramSources(prm)) if (!sources.includes(k)) sources = [...sources, k]
    checks.push({ item: def.item, outcome: o.outcome, severity, sources })
    all.push(sevParam)
    if (o.outcome === 'not-applicable') continue
    for (const prm of o.params) if (prm) all.push(prm)
    if (o.outcome === 'pass') continue
    const b = ctx.make('R-ELIG', `${o.criterion} → ${severity} contraindication (programme profile)`, o.inputs, [...o.params, sevParam], sources)
    const src = sources.length ? ` ${cite(sources)}` : ''
    if (o.outcome === 'fail') {
      const msg = o.message ?? o.criterion
      ctx.find(
        `R-ELIG-${def.item}`,
        severity === 'absolute' ? 'block' : 'warning',
        `${msg.charAt(0).toUpperCase()}${msg.slice(1)}: ${severity === 'absolute' ? 'absolute' : 'relative'} contraindication in this programme profile.${src}`,
        b,
        o.paths
      )
    } else if (o.outcome === 'unknown') {
      ctx.find(`R-ELIG-${def.item}`, 'info', `Not recorded, so not checked: ${o.criterion}.${src}`, b, o.paths)
    }
  }
  ctx.basis['eligibility'] = ctx.make('R-ELIG', 'each item checked against its threshold and the programme profile: absolute → block, relative → warning (there is no "off")', {}, all, [])
  return checks
}
