import { describe, expect, it } from 'vitest'
import { computePlan } from '../../../src/shared/plan'
import { DEFAULT_PROFILE } from '../../../src/shared/profile/defaults'
import { compareWithCurrent, versionsDiffer } from '../../../src/renderer/src/features/settings/plan-drift'
import { changeParam, confirmParam, shippedProfileRecord } from '../../../src/renderer/src/features/settings/profile-record'
import { transfemoralCase } from './case-fixture'

function profileWith(edit: typeof changeParam extends (...a: infer _A) => infer R ? R : never) {
  if (!edit.ok) throw new Error(JSON.stringify(edit.errors))
  return edit.record.profile
}

describe('plan drift', () => {
  const c = transfemoralCase()
  const stored = computePlan(c, { profile: DEFAULT_PROFILE })

  it('reports nothing when computed with the same settings', () => {
    const again = computePlan(c, { profile: DEFAULT_PROFILE })
    expect(versionsDiffer(stored, again)).toBe(false)
    expect(compareWithCurrent(stored, again)).toEqual([])
  })

  it('reports the soft-tissue target and reduction after the target changes', () => {
    const current = computePlan(c, { profile: profileWith(changeParam(shippedProfileRecord(), 'soft.targetMm', 10, 'A', 1)) })
    expect(versionsDiffer(stored, current)).toBe(true)
    const diff = compareWithCurrent(stored, current)
    expect(diff).toContainEqual({ path: 'softTissue.targetMm', label: 'Soft-tissue target', before: '15 mm', after: '10 mm' })
    expect(diff.find((d) => d.path === 'softTissue.reductionMm')).toMatchObject({ before: '23 mm', after: '28 mm' })
  })

  it('reports fewer unconfirmed site defaults after a confirmation, with the version changed', () => {
    const current = computePlan(c, { profile: profileWith(confirmParam(shippedProfileRecord(), 'soft.targetMm', 'A', 1)) })
    expect(current.profileVersion).toBe('1.0.1')
    const diff = compareWithCurrent(stored, current)
    const before = stored.siteDefaultsUsed.filter((p) => !p.confirmed).length
    expect(diff).toEqual([{ path: 'siteDefaultsUsed', label: 'Unconfirmed site defaults', before: String(before), after: String(before - 1) }])
  })

  it('reports an eligibility severity change', () => {
    const strict = profileWith(changeParam(shippedProfileRecord(), 'elig.severity.SMOKING', 'off', 'A', 1))
    const smoker = { ...c, patient: { ...c.patient, conditions: ['smoking'] } } as typeof c
    const diff = compareWithCurrent(computePlan(smoker, { profile: DEFAULT_PROFILE }), computePlan(smoker, { profile: strict }))
    expect(diff.some((d) => d.path === 'eligibility.SMOKING')).toBe(true)
  })
})
