/** Catalogue, profile and protocols: provenance everywhere, validation for the settings screen. */
import { describe, expect, it } from 'vitest'
import {
  BUILTIN_SYSTEMS,
  DEFAULT_PROFILE,
  OPRA_FEMUR,
  PROFILE_KEYS,
  PROTOCOLS,
  SOURCES,
  validateProfile,
  validateSystem,
  type ImplantSystem,
  type ParamValue,
  type PlanningProfile
} from '../../../src/shared/index'

function allParams(s: ImplantSystem): ParamValue<any>[] {
  return [s.diametersMm, s.lengthsMm, s.engagementMm, s.minCortexMm, s.minContactMm, s.tipMarginMm, s.stages, s.maxBodyWeightKg, s.stage2MinDays, s.stage2MaxDays].filter(
    (p): p is ParamValue<any> => p !== null
  )
}

describe('built-in catalogue', () => {
  it('OPRA femur: 80 mm, Ø 16–20 mm in 0.5 mm steps, published [S1]', () => {
    expect(OPRA_FEMUR.lengthsMm.value).toEqual([80])
    expect(OPRA_FEMUR.diametersMm.value).toEqual([16, 16.5, 17, 17.5, 18, 18.5, 19, 19.5, 20])
    expect(OPRA_FEMUR.diametersMm.provenance).toEqual({ kind: 'published', source: 'S1' })
    expect(OPRA_FEMUR.fixation).toBe('threaded')
    expect(OPRA_FEMUR.stages.value).toBe(2)
  })
  it('templates cover every bone and are labelled site defaults', () => {
    const bones = new Set(BUILTIN_SYSTEMS.flatMap((s) => s.bones))
    expect([...bones].sort()).toEqual(['femur', 'humerus', 'metacarpal', 'phalanx', 'radius', 'tibia', 'ulna'])
    for (const s of BUILTIN_SYSTEMS.filter((x) => x.template)) {
      expect(s.label).toContain('site default')
      expect(s.diametersMm.provenance.kind).toBe('site-default')
    }
  })
  it('every built-in system is valid and every parameter has provenance with a known source', () => {
    for (const s of BUILTIN_SYSTEMS) {
      expect(validateSystem(s)).toEqual([])
      for (const p of allParams(s)) {
        expect(['published', 'site-default']).toContain(p.provenance.kind)
        if (p.provenance.kind === 'published') expect(SOURCES[p.provenance.source]).toBeDefined()
        for (const b of p.provenance.kind === 'site-default' ? (p.provenance.basedOn ?? []) : []) expect(SOURCES[b]).toBeDefined()
      }
    }
  })
  it('validateSystem reports problems by path', () => {
    const bad: ImplantSystem = {
      ...OPRA_FEMUR,
      id: '',
      diametersMm: { ...OPRA_FEMUR.diametersMm, value: [16, 15] },
      engagementMm: { ...OPRA_FEMUR.engagementMm, value: -1 },
      minContactMm: { ...OPRA_FEMUR.minContactMm, provenance: { kind: 'published', source: '' } },
      stages: { ...OPRA_FEMUR.stages, value: 3 as never }
    }
    expect(validateSystem(bad).map((e) => e.path)).toEqual(['id', 'diametersMm.value[1]', 'engagementMm.value', 'minContactMm.provenance', 'stages.value'])
    const small = { ...OPRA_FEMUR, diametersMm: { ...OPRA_FEMUR.diametersMm, value: [5, 6] }, engagementMm: { ...OPRA_FEMUR.engagementMm, value: 5 } }
    expect(validateSystem(small)).toEqual([
      { path: 'engagementMm.value', message: 'must be smaller than the smallest diameter (5 mm)', code: 'invalid' }
    ])
    expect(validateSystem({ ...OPRA_FEMUR, stage2MaxDays: null })[0]?.path).toBe('stage2MaxDays')
  })
})

describe('default planning profile', () => {
  it('holds every threshold with provenance; published ones name a known source', () => {
    expect(validateProfile(DEFAULT_PROFILE)).toEqual([])
    for (const k of PROFILE_KEYS) {
      const p = DEFAULT_PROFILE.params[k]
      expect(p.key).toBe(k)
      if (p.provenance.kind === 'published') expect(SOURCES[p.provenance.source], k).toBeDefined()
      expect(p.confirmed).toBeUndefined() // nothing is confirmed out of the box
    }
  })
  it('states the values of PLANNING-RULES.md', () => {
    const v = (k: (typeof PROFILE_KEYS)[number]) => DEFAULT_PROFILE.params[k].value
    expect([v('mag.defaultFactor'), v('mag.warnBelow'), v('mag.warnAbove')]).toEqual([1.15, 1.05, 1.2])
    expect([v('soft.targetMm'), v('soft.obesityBmi'), v('elig.maxBmi')]).toEqual([15, 30, 35])
    expect([v('elig.minAgeYears'), v('elig.minSocketRehabMonths'), v('elig.maxHipFlexionDeg'), v('elig.minResidualHumerusMm')]).toEqual([18, 6, 15, 100])
    expect([v('rehab.osteoporosisTScore'), v('stage.pressFitMinDays'), v('stage.pressFitMaxDays')]).toEqual([-2.5, 28, 56])
    expect(DEFAULT_PROFILE.params['soft.targetMm'].provenance.kind).toBe('site-default')
    expect(DEFAULT_PROFILE.params['soft.obesityBmi'].provenance).toMatchObject({ kind: 'published', source: 'S30' })
  })
  it('validateProfile reports problems by path', () => {
    const bad: PlanningProfile = {
      ...DEFAULT_PROFILE,
      params: {
        ...DEFAULT_PROFILE.params,
        'soft.targetMm': { ...DEFAULT_PROFILE.params['soft.targetMm'], value: -1 },
        'elig.severity.SMOKING': { ...DEFAULT_PROFILE.params['elig.severity.SMOKING'], value: 'sometimes' as 'relative' },
        'rehab.lowerLimbProtocol': { ...DEFAULT_PROFILE.params['rehab.lowerLimbProtocol'], value: 'fast' },
        'elig.maxBmi': { ...DEFAULT_PROFILE.params['elig.maxBmi'], provenance: { kind: 'unknown' } as never }
      }
    }
    expect(validateProfile(bad)).toEqual([
      { path: 'params["soft.targetMm"].value', message: 'must be between 0 and 100 mm', code: 'invalid' },
      { path: 'params["elig.maxBmi"].provenance', message: 'provenance must be "published" (with a source) or "site-default"', code: 'invalid' },
      { path: 'params["elig.severity.SMOKING"].value', message: 'must be one of "absolute", "relative"', code: 'invalid' },
      {
        path: 'params["rehab.lowerLimbProtocol"].value',
        message: 'must be a protocol id: "radboud-standard", "radboud-slow", "royal-free-lower", "relimb-upper", "opra"',
        code: 'invalid'
      }
    ])
    const crossed = { ...DEFAULT_PROFILE, params: { ...DEFAULT_PROFILE.params, 'mag.warnBelow': { ...DEFAULT_PROFILE.params['mag.warnBelow'], value: 1.25 } } }
    expect(validateProfile(crossed)[0]?.path).toBe('params["mag.warnBelow"].value')
    const missing = { ...DEFAULT_PROFILE, params: { ...DEFAULT_PROFILE.params } } as Record<string, any>
    delete missing.params['soft.targetMm']
    expect(validateProfile(missing as PlanningProfile)).toEqual([{ path: 'params["soft.targetMm"]', message: 'is missing', code: 'required' }])
  })
})

describe('protocols', () => {
  it('carry their published numbers with sources (REFERENCE.md §5)', () => {
    const rf = PROTOCOLS['royal-free-lower']
    expect(rf.kind === 'steps' && [rf.startLoadKg.value, rf.cap.kg?.value, rf.cap.bwFraction?.value]).toEqual([5, 50, 0.5])
    const rl = PROTOCOLS['relimb-upper']
    expect(rl.kind === 'steps' && [rl.startDay.value, rl.startLoadKg.value, rl.stepKg.value, rl.intervalDays.value]).toEqual([42, 1, 0.5, 3])
    expect(rl.kind === 'steps' && rl.stepKg.provenance).toEqual({ kind: 'published', source: 'S48' })
    const rs = PROTOCOLS['radboud-standard']
    expect(rs.kind === 'anchors' && rs.anchors.map((a) => a.day.value)).toEqual([3, 10, 35, 42])
    const slow = PROTOCOLS['radboud-slow']
    expect(slow.kind === 'anchors' && slow.anchors.map((a) => a.day.value)).toEqual([3, 42, 84])
  })
})

describe('site defaults used by a plan', () => {
  it('lists every site default used; confirmed ones are marked and not counted as unconfirmed', async () => {
    const { plan, baseRaw, finding } = await import('./helpers')
    const p = plan(baseRaw())
    const keys = p.siteDefaultsUsed.map((x) => x.key)
    expect(keys).toContain('soft.targetMm')
    expect(keys).toContain('system.test-stem.minContactMm')
    expect(keys).not.toContain('soft.obesityBmi') // published
    const n = p.siteDefaultsUsed.filter((x) => !x.confirmed).length
    expect(finding(p, 'PROFILE-SITE-DEFAULTS')?.message).toContain(`uses ${n} site-default parameters`)
    const confirmed: PlanningProfile = {
      ...DEFAULT_PROFILE,
      params: { ...DEFAULT_PROFILE.params, 'soft.targetMm': { ...DEFAULT_PROFILE.params['soft.targetMm'], confirmed: true } }
    }
    const q = plan(baseRaw(), { profile: confirmed })
    expect(q.siteDefaultsUsed.find((x) => x.key === 'soft.targetMm')?.confirmed).toBe(true)
    expect(finding(q, 'PROFILE-SITE-DEFAULTS')?.message).toContain(`uses ${n - 1} site-default parameters`)
  })
})
