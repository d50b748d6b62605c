/**
 * R-SOFT: bone-to-skin distance. reduction = max(0, measured − target). BMI ≥ obesity
 * threshold → warning R-SOFT-OBESITY [S30]. Adapter transcutaneous length shorter than the
 * planned thickness → warning R-SOFT-ADAPTER.
 */
import type { NormalizedCase } from '../case/types'
import { formatBmi, formatMmApart, formatSize } from '../format'
import type { SoftTissuePlan } from '../result'
import { EPS, inp, type PlanContext } from './context'

export function bmiOf(weightKg: number, heightCm: number): number {
  const h = heightCm / 100
  return weightKg / (h * h)
}

export function ruleSoft(c: NormalizedCase, ctx: PlanContext, measuredMm: number, softM: number): SoftTissuePlan {
  const target = ctx.profile.params['soft.targetMm']
  const obesity = ctx.profile.params['soft.obesityBmi']
  const reductionMm = Math.max(0, measuredMm - target.value)
  const plannedMm = measuredMm - reductionMm
  const bmi = bmiOf(c.patient.weightKg, c.patient.heightCm)
  const b = ctx.make(
    'R-SOFT',
    'reduction = max(0, measured distal soft-tissue thickness − target); planned thickness = measured − reduction',
    {
      measured: inp(measuredMm, 'mm'),
      asEntered: inp(c.softTissue.distalThicknessMm, 'mm'),
      magnification: inp(softM, '×'),
      method: inp(c.softTissue.method, ''),
      target: inp(target.value, 'mm'),
      reduction: inp(reductionMm, 'mm')
    },
    [target],
    ['S9']
  )
  ctx.basis['softTissue.measuredMm'] = b
  ctx.basis['softTissue.targetMm'] = b
  ctx.basis['softTissue.reductionMm'] = b
  ctx.basis['softTissue.plannedMm'] = b
  const bb = ctx.make('R-SOFT', 'BMI = weight ÷ height²', { weight: inp(c.patient.weightKg, 'kg'), height: inp(c.patient.heightCm, 'cm'), bmi: inp(bmi, 'kg/m²') }, [])
  ctx.basis['softTissue.bmi'] = bb
  if (reductionMm > EPS)
    ctx.find(
      'R-SOFT-REDUCTION',
      'info',
      `Reduce the distal soft tissue by ${formatMmApart(reductionMm, 0)} (measured ${formatMmApart(measuredMm, target.value)}, target ${formatSize(target.value)}).`,
      b,
      ['softTissue.distalThickness']
    )
  if (bmi >= obesity.value - EPS)
    ctx.find(
      'R-SOFT-OBESITY',
      'warning',
      `BMI ${formatBmi(bmi)} is at or above ${formatBmi(obesity.value)}: the odds of soft-tissue infection are about 3 times higher (OR 3.1) [S30].`,
      ctx.make('R-SOFT', 'warn when BMI ≥ the obesity threshold', { bmi: inp(bmi, 'kg/m²') }, [obesity], ['S30']),
      ['patient.weight', 'patient.height']
    )
  const adapter = c.prosthesis.adapterTranscutaneousLengthMm
  if (adapter !== null && adapter < plannedMm - EPS)
    ctx.find(
      'R-SOFT-ADAPTER',
      'warning',
      `The adapter's transcutaneous length (${formatMmApart(adapter, plannedMm)}) is shorter than the planned soft-tissue thickness (${formatMmApart(plannedMm, adapter)}): reduce the soft tissue further or choose a longer adapter.`,
      ctx.make(
        'R-SOFT',
        'warn when the adapter transcutaneous length < planned soft-tissue thickness',
        { adapterTranscutaneousLength: inp(adapter, 'mm'), plannedThickness: inp(plannedMm, 'mm') },
        [target]
      ),
      ['prosthesis.adapterTranscutaneousLength']
    )
  return { measuredMm, targetMm: target.value, reductionMm, plannedMm, bmi }
}
