import { describe, expect, it } from 'vitest'
import { computePlan, ENGINE_VERSION } from '../../../src/shared/plan'
import { DEFAULT_PROFILE } from '../../../src/shared/profile/defaults'
import { compareWithCurrent, computedWith, planDrift, readStoredPlan, versionsDiffer } from '../../../src/renderer/src/features/settings/plan-drift'
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
    const strict = profileWith(changeParam(shippedProfileRecord(), 'elig.severity.SMOKING', 'absolute', 'A', 1))
    const smoker = { ...c, patient: { ...c.patient, conditions: ['smoking'] } } as typeof c
    const diff = compareWithCurrent(computePlan(smoker, { profile: DEFAULT_PROFILE }), computePlan(smoker, { profile: strict }))
    expect(diff.some((d) => d.path === 'eligibility.SMOKING')).toBe(true)
  })
})

describe('a difference is shown with the decimals that tell it apart', () => {
  it('+0.004 → −0.004 mm of clearance is not "0 mm → 0 mm"; a catalogue size is exact', () => {
    const c = transfemoralCase()
    const base = computePlan(c, { profile: DEFAULT_PROFILE })
    const tweak = (r: typeof base, clearanceMm: number, diameterMm: number) =>
      ({ ...r, buildHeight: { ...r.buildHeight!, clearanceMm }, implant: { ...r.implant!, diameterMm } }) as typeof base
    const diff = compareWithCurrent(tweak(base, 0.004, 12.125), tweak(base, -0.004, 12.5))
    expect(diff.find((d) => d.path === 'buildHeight.clearanceMm')).toMatchObject({ before: '0.004 mm', after: '-0.004 mm' })
    expect(diff.find((d) => d.path === 'implant.diameterMm')).toMatchObject({ before: '12.125 mm', after: '12.5 mm' })
  })
})

describe('planDrift and stored revisions', () => {
  const c = transfemoralCase()
  const stored = computePlan(c, { profile: DEFAULT_PROFILE })

  it('is null with the same settings, and null when only a version changed but nothing shown would', () => {
    expect(planDrift(c, stored, { profile: DEFAULT_PROFILE })).toBeNull()
    const renamedOnly = { ...DEFAULT_PROFILE, version: '1.0.7' }
    expect(versionsDiffer(stored, computePlan(c, { profile: renamedOnly }))).toBe(true)
    expect(planDrift(c, stored, { profile: renamedOnly })).toBeNull()
  })

  it('lists the differences and the current result when the numbers change', () => {
    const profile = profileWith(changeParam(shippedProfileRecord(), 'soft.targetMm', 10, 'A', 1))
    const drift = planDrift(c, stored, { profile })
    expect(drift?.current.profileVersion).toBe('1.0.1')
    expect(drift?.differences.map((d) => d.path)).toEqual(expect.arrayContaining(['softTissue.targetMm', 'softTissue.reductionMm']))
  })

  it('a protocol parameter change is reported as a schedule difference', () => {
    const slow = { ...c, protocolId: 'radboud-slow' }
    const before = computePlan(slow, { profile: DEFAULT_PROFILE })
    const profile = profileWith(changeParam(shippedProfileRecord(), 'protocol.radboud-slow.startLoadKg', 15, 'A', 1))
    expect(planDrift(slow, before, { profile })?.differences).toContainEqual({ path: 'rehab.schedule', label: 'Loading schedule rows', before: 'earlier schedule', after: 'changed schedule' })
  })

  it('an engine version change alone counts as different versions', () => {
    expect(versionsDiffer(stored, { ...stored, engineVersion: '0.9.0' })).toBe(true)
    expect(computedWith(stored)).toBe(`profile “default” v1.0.0, catalogue v1.0.0, Generic press-fit stem (template) v1, engine ${ENGINE_VERSION}`)
  })

  it('reads a stored revision only when both its case and result are readable', () => {
    const caseFile = JSON.parse(JSON.stringify(caseFileOf()))
    expect(readStoredPlan(caseFile, stored, {})?.result).toBe(stored)
    expect(readStoredPlan(caseFile, { nonsense: true }, {})).toBeNull()
    expect(readStoredPlan({ format: 'osseoplan.case', version: 1 }, stored, {})).toBeNull()
  })
})

function caseFileOf() {
  return {
    format: 'osseoplan.case',
    version: 1,
    patient: { code: 'TF-1', ageYears: 47, sex: 'male', weight: 82, height: 180, conditions: [], socketRehabMonths: 12 },
    limb: { level: 'transfemoral', side: 'left' },
    imaging: { source: 'ct' },
    bone: { residualLength: 200, landmark: 'tip of greater trochanter', stations: [{ fromDistalEnd: 0, endosteal: 16, periosteal: 28 }, { fromDistalEnd: 100, endosteal: 12, periosteal: 26 }] },
    softTissue: { distalThickness: 20, method: 'ct' },
    implant: { systemId: 'generic-press-fit' }
  }
}
