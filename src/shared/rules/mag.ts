/**
 * R-MAG: magnification correction. m = marker measured ÷ true size; else the entered
 * factor; CT / calibrated values m = 1; X-ray without either: profile default with warning
 * R-MAG-UNCALIBRATED. m outside the warning range raises R-MAG-RANGE. Soft tissue is
 * corrected only when it was measured on X-ray.
 */
import type { NormalizedCase } from '../case/types'
import { formatApart, formatMagnification } from '../format'
import type { CorrectedMeasurements } from '../result'
import { inp, type PlanContext } from './context'

export interface MagResult {
  m: number
  source: CorrectedMeasurements['magnificationSource']
  softM: number
  softSource: CorrectedMeasurements['magnificationSource']
}

const RATIO_EPS = 1e-12

export function ruleMag(c: NormalizedCase, ctx: PlanContext): MagResult {
  const img = c.imaging
  const def = ctx.profile.params['mag.defaultFactor']
  const lo = ctx.profile.params['mag.warnBelow']
  const hi = ctx.profile.params['mag.warnAbove']
  let m = 1
  let source: MagResult['source'] = 'none'
  if (img.source === 'xray') {
    if (img.marker) {
      m = img.marker.measuredSizeMm / img.marker.trueSizeMm
      source = 'marker'
      const b = ctx.make(
        'R-MAG',
        'm = marker size measured on the radiograph ÷ true marker size',
        { markerMeasured: inp(img.marker.measuredSizeMm, 'mm'), markerTrue: inp(img.marker.trueSizeMm, 'mm'), m: inp(m, '×') },
        [],
        ['A3', 'A-thieme']
      )
      ctx.basis['corrected.magnification'] = b
      if (img.magnification !== null)
        ctx.find(
          'R-MAG-FACTOR-IGNORED',
          'info',
          `The calibration marker gives ${formatMagnification(m)}; the entered factor ${formatMagnification(img.magnification)} was not used.`,
          b,
          ['imaging.magnification']
        )
    } else if (img.magnification !== null) {
      m = img.magnification
      source = 'factor'
      ctx.basis['corrected.magnification'] = ctx.make('R-MAG', 'm = the magnification factor entered for the radiograph', { m: inp(m, '×') }, [], ['A3'])
    } else {
      m = def.value
      source = 'profile-default'
      const b = ctx.make('R-MAG', 'X-ray with no marker and no factor: m = the profile default', { m: inp(m, '×') }, [def], ['A3'])
      ctx.basis['corrected.magnification'] = b
      ctx.find(
        'R-MAG-UNCALIBRATED',
        'warning',
        `The radiograph has no calibration marker and no magnification factor: the default ${formatMagnification(m)} was assumed. Sizes may be off by one or two steps; calibrate before relying on them.`,
        b,
        ['imaging.marker', 'imaging.magnification']
      )
    }
    if (m < lo.value - RATIO_EPS || m > hi.value + RATIO_EPS) {
      ctx.find(
        'R-MAG-RANGE',
        'warning',
        `Magnification ${formatApart(m, m < lo.value ? lo.value : hi.value, 3, '×')} is outside the usual ${formatMagnification(lo.value)}–${formatMagnification(hi.value)} of radiographs: check the calibration.`,
        ctx.make('R-MAG', 'warn when m < lower limit or m > upper limit', { m: inp(m, '×') }, [lo, hi], ['A3']),
        source === 'marker' ? ['imaging.marker'] : ['imaging.magnification']
      )
    }
  } else {
    ctx.basis['corrected.magnification'] = (
      ctx.make('R-MAG', `${img.source === 'ct' ? 'CT' : 'already calibrated'} measurements are true size: m = 1`, { m: inp(1, '×') }, [])
    )
  }

  let softM = 1
  let softSource: MagResult['source'] = 'none'
  if (c.softTissue.method === 'xray') {
    if (img.source === 'xray') {
      softM = m
      softSource = source
      ctx.basis['corrected.softTissueMagnification'] = (
        ctx.make('R-MAG', 'soft tissue measured on the same radiograph: the same m', { m: inp(m, '×') }, source === 'profile-default' ? [def] : [])
      )
    } else if (img.source === 'calibrated') {
      // Measured on the calibrated radiographs: already true size. Dividing again would
      // under-state the thickness, the planned reduction and the adapter check.
      ctx.basis['corrected.softTissueMagnification'] = (
        ctx.make('R-MAG', 'soft tissue measured on the already calibrated radiographs: true size (m = 1)', { m: inp(1, '×') }, [])
      )
    } else {
      softM = def.value
      softSource = 'profile-default'
      const b = ctx.make(
        'R-MAG',
        'soft tissue measured on X-ray while the bone imaging is CT: m = the profile default',
        { m: inp(softM, '×') },
        [def],
        ['A3']
      )
      ctx.basis['corrected.softTissueMagnification'] = b
      ctx.find(
        'R-MAG-UNCALIBRATED',
        'warning',
        `The soft-tissue thickness was measured on X-ray but the bones on CT: the default ${formatMagnification(softM)} was assumed for the radiograph.`,
        b,
        ['softTissue.method']
      )
    }
  } else {
    ctx.basis['corrected.softTissueMagnification'] = (
      ctx.make('R-MAG', `soft tissue measured by ${c.softTissue.method}: not corrected (m = 1)`, { m: inp(1, '×') }, [])
    )
  }
  return { m, source, softM, softSource }
}
