/**
 * Issue #12, clinical safety review: each case below was reported as unsafe (a plan that should
 * block or warn and did not) or as invalid input that was accepted. Hand-worked numbers in the
 * comments; every test here failed before the fix.
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PROFILE,
  GENERIC_PRESS_FIT,
  parseCase,
  planFromRaw,
  validateProfile,
  validateSystem,
  type PlanningProfile
} from '../../../src/shared/index'
import { baseRaw, clone, errorsOf, finding, ids, plan, testSystem } from './helpers'

const paths = (raw: unknown) => errorsOf(raw).map((e) => e.path)

describe('1. eligibility cannot be switched off or weakened by a case file', () => {
  it('rejects "off" and an unknown source key in the case file (field-level errors)', () => {
    const r = baseRaw()
    r.patient.conditions = ['active-infection', 'malignancy', 'pregnancy']
    r.profile = {
      'elig.severity.INFECTION': 'off',
      'elig.severity.MALIGNANCY': { value: 'off', source: 'S9999' },
      'elig.severity.PREGNANCY': 'off'
    }
    const p = paths(r)
    expect(p).toContain('profile["elig.severity.INFECTION"]')
    expect(p).toContain('profile["elig.severity.PREGNANCY"]')
    expect(p.some((x) => x.startsWith('profile["elig.severity.MALIGNANCY"]'))).toBe(true)
  })
  it('an unknown source key is invalid input, never counted as published', () => {
    const r = baseRaw()
    r.profile = { 'soft.targetMm': { value: 10, source: 'S9999' } }
    expect(errorsOf(r)).toContainEqual(expect.objectContaining({ path: 'profile["soft.targetMm"].source' }))
    const s = baseRaw()
    s.implant.system.sources = { minCortexMm: 'S9999' }
    expect(paths(s)).toContain('implant.system.sources.minCortexMm')
  })
  it('a case override that would weaken eligibility is not applied, and the plan says so', () => {
    const r = baseRaw()
    r.patient.conditions = ['active-infection']
    r.profile = { 'elig.severity.INFECTION': 'relative' }
    const p = plan(r)
    expect(finding(p, 'R-ELIG-INFECTION')?.severity).toBe('block')
    expect(p.eligibility.find((e) => e.item === 'INFECTION')?.severity).toBe('absolute')
    expect(p.status).toBe('blocked')
    expect(finding(p, 'PROFILE-OVERRIDE-WEAKER')?.message).toContain('Active infection')
  })
  it('numeric eligibility limits may only be made stricter by a case file', () => {
    const r = baseRaw()
    r.patient.ageYears = 15
    r.patient.weight = 120 // BMI 37
    r.profile = { 'elig.minAgeYears': 10, 'elig.maxBmi': 45 }
    const p = plan(r)
    expect(finding(p, 'R-ELIG-AGE')?.severity).toBe('block')
    expect(finding(p, 'R-ELIG-BMI')).toBeDefined()
    // stricter is applied
    const s = baseRaw()
    s.patient.ageYears = 20
    s.profile = { 'elig.minAgeYears': 21, 'elig.severity.SMOKING': 'absolute' }
    s.patient.conditions = ['smoking']
    const q = plan(s)
    expect(finding(q, 'R-ELIG-AGE')?.severity).toBe('block')
    expect(finding(q, 'R-ELIG-SMOKING')?.severity).toBe('block')
    expect(ids(q)).not.toContain('PROFILE-OVERRIDE-WEAKER')
  })
  it('a case file may narrow the magnification warning range, never widen it (was: widened, R-MAG-RANGE silenced)', () => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.25 }
    r.profile = { 'mag.warnAbove': 1.3 }
    const p = plan(r)
    expect(finding(p, 'R-MAG-RANGE')?.severity).toBe('warning')
    expect(finding(p, 'PROFILE-OVERRIDE-WEAKER')?.message).toBe(
      "The case file sets “Magnification above this raises a warning” to 1.3, less strict than the planning profile's 1.2: a case file may make the magnification warning stricter, never weaker, so the profile's value is used."
    )
    const low = baseRaw()
    low.imaging = { source: 'xray', magnification: 1.02 }
    low.profile = { 'mag.warnBelow': 1 }
    expect(finding(plan(low), 'R-MAG-RANGE')?.severity).toBe('warning')
    // Narrower is applied: 1.18 now warns.
    const narrow = baseRaw()
    narrow.imaging = { source: 'xray', magnification: 1.18 }
    narrow.profile = { 'mag.warnAbove': 1.17 }
    const q = plan(narrow)
    expect(finding(q, 'R-MAG-RANGE')?.severity).toBe('warning')
    expect(ids(q)).not.toContain('PROFILE-OVERRIDE-WEAKER')
  })
  it('profiles: no "off" severity, and every source key must be in the source list', () => {
    const off: PlanningProfile = clone(DEFAULT_PROFILE)
    ;(off.params['elig.severity.INFECTION'] as { value: string }).value = 'off'
    expect(validateProfile(off).map((e) => e.path)).toContain('params["elig.severity.INFECTION"].value')
    const unknown: PlanningProfile = clone(DEFAULT_PROFILE)
    unknown.params['soft.targetMm'].provenance = { kind: 'published', source: 'S9999' }
    expect(validateProfile(unknown).map((e) => e.path)).toContain('params["soft.targetMm"].provenance')
    const based: PlanningProfile = clone(DEFAULT_PROFILE)
    based.params['soft.targetMm'].provenance = { kind: 'site-default', basedOn: ['S9', 'X1'] }
    expect(validateProfile(based).map((e) => e.path)).toContain('params["soft.targetMm"].provenance')
    expect(validateProfile(DEFAULT_PROFILE)).toEqual([])
  })
})

/** Generic press-fit (Ø 8–24, L 60–200 step 20, engagement 1, minCortex 2, contact 30, tip margin 20). */
function generic(stations: unknown[], residual = 230): Record<string, any> {
  const r = baseRaw()
  r.implant = { systemId: GENERIC_PRESS_FIT.id }
  r.bone.residualLength = residual
  r.bone.stations = stations
  delete r.prosthesis.soundSideLength
  return r
}

describe('2. R-CORTEX over the whole implant zone, including the tip', () => {
  // Lmax = 230 − 20 = 210 → L = 200. D 15 (r 14): contact 0; D 16 (r 15): [83.3, 200] → Ø 16.
  // Tip z = 200: endosteal 14 + 0.5·100/130 = 14.385, periosteal 24 − 9·100/130 = 17.077
  // → t = (17.077 − 15)/2 = 1.038 mm, while the stations in [0, 200] give 5 and 4.5.
  const tipThin = () =>
    generic([
      { fromDistalEnd: 0, endosteal: 20, periosteal: 30 },
      { fromDistalEnd: 100, endosteal: 14, periosteal: 24 },
      { fromDistalEnd: 230, endosteal: 14.5, periosteal: 15 }
    ])
  it('a thin cortex at the tip between two stations is found and named', () => {
    const p = plan(tipThin())
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm]).toEqual([16, 200])
    expect(i.minCortexMm).toBeCloseTo((24 - 900 / 130 - 15) / 2, 9)
    expect(i.minCortexAtMm).toBe(200)
    const f = finding(p, 'R-CORTEX-THIN')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toContain('implant tip')
  })
  it('the implant wider than the bone at the tip is a breach', () => {
    // Last station at 210: periosteal at 200 = 24 − 9·100/110 = 15.82 < Ø 16.
    const r = generic([
      { fromDistalEnd: 0, endosteal: 20, periosteal: 30 },
      { fromDistalEnd: 100, endosteal: 14, periosteal: 24 },
      { fromDistalEnd: 210, endosteal: 14.2, periosteal: 15 }
    ])
    const p = plan(r)
    expect(p.implant?.diameterMm).toBe(16)
    expect(finding(p, 'R-CORTEX-BREACH')?.severity).toBe('block')
    expect(p.status).toBe('blocked')
  })
  it('every plan states where the tip lies and the cortex there (fracture counselling)', () => {
    const p = plan(tipThin())
    const f = finding(p, 'R-CORTEX-TIP')
    expect(f?.severity).toBe('info')
    expect(f?.message).toMatch(/200 mm from the distal end/)
    expect(f?.message).toMatch(/30 mm from the tip of greater trochanter/)
    expect(f?.basis.sources).toContain('S36')
  })
  it('checks each plane between stations, not only the smaller of each', () => {
    // Lateral periosteal narrows towards the tip while AP stays wide.
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
      { fromDistalEnd: 50, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 180, endostealAP: 12, endostealLat: 12, periostealAP: 30, periostealLat: 12.5 }
    ]
    // L = 120; tip z = 120: Lat periosteal 26 − 13.5·20/80 = 22.625 → t = (22.625 − 11)/2 = 5.8125
    const i = plan(r).implant!
    expect(i.minCortexMm).toBeCloseTo(5.8125, 9)
    expect(i.minCortexAtMm).toBe(120)
  })
})

describe('3. the implant wider than the bone is a breach whatever the minimum cortex', () => {
  const wide = () => {
    const r = baseRaw()
    r.implant.system = testSystem({ diametersMm: [15, 16, 17] })
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 17, periosteal: 25 },
      { fromDistalEnd: 50, endosteal: 15.8, periosteal: 16.5 },
      { fromDistalEnd: 150, endosteal: 15.8, periosteal: 16.5 }
    ]
    return r
  }
  it('Ø 17 in a bone 16.5 mm wide blocks (remaining cortex 0.25 mm would only warn)', () => {
    const p = plan(wide())
    expect(p.implant?.diameterMm).toBe(17)
    const f = finding(p, 'R-CORTEX-BREACH')
    expect(f?.severity).toBe('block')
    expect(f?.message).toContain('wider than the bone')
  })
  it("a system's minimum cortex must be above 0", () => {
    const r = wide()
    r.implant.system.minCortexMm = 0
    expect(paths(r)).toContain('implant.system.minCortexMm')
    const sys = clone(GENERIC_PRESS_FIT)
    sys.minCortexMm.value = 0
    expect(validateSystem(sys).map((e) => e.path)).toContain('minCortexMm.value')
  })
})

describe('4. half a second plane is invalid input', () => {
  it('a plane given only in part is rejected, not dropped', () => {
    const r = baseRaw()
    r.bone.stations[2] = { fromDistalEnd: 100, endostealAP: 20, endostealLat: 35, periostealAP: 30 }
    expect(paths(r)).toContain('bone.stations[2].periostealLat')
    const s = baseRaw()
    s.bone.stations[2] = { fromDistalEnd: 100, endostealAP: 10, periosteal: 26 }
    expect(paths(s)).toContain('bone.stations[2].endostealLat')
    expect(parseCase(r).ok).toBe(false)
  })
})

describe('5. after a proposed resection R-LEN, R-DIA and R-CORTEX are re-run on the shortened bone', () => {
  it('a thin cortex on the shortened bone is found, and the shortened sizes are the plan', () => {
    // Resection 50 (available 330 − 200 = 130, required 180). Shortened residual 150, L 120,
    // zone = old [50, 170] holds the station at old 150: t = (14.5 − max(12, 11))/2 = 1.25 mm.
    // Unresected zone [0, 120]: thinnest 6 mm at the distal end, no finding.
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
      { fromDistalEnd: 50, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 150, endosteal: 12, periosteal: 14.5 },
      { fromDistalEnd: 200, endosteal: 12, periosteal: 28 }
    ]
    r.prosthesis.soundSideLength = 330
    const p = plan(r)
    expect(p.buildHeight?.resectionMm).toBeCloseTo(50, 9)
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm]).toEqual([12, 120])
    expect(i.minCortexMm).toBeCloseTo(1.25, 9)
    expect(i.minCortexAtMm).toBeCloseTo(100, 9)
    expect(finding(p, 'R-CORTEX-THIN')?.message).toContain('shortened')
    expect(p.buildHeight?.afterResection).toMatchObject({ lengthMm: 120, diameterMm: 12, withoutResection: { lengthMm: 120, diameterMm: 12 } })
  })
  it('no diameter reaching the contact length after the resection blocks R-BUILD-NO-ROOM', () => {
    // Resection 100 → residual 100, L 80; canal 10 → 20 over the first 50 mm: D 14 (r 13) has 15 mm.
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
      { fromDistalEnd: 50, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 150, endosteal: 20, periosteal: 28 },
      { fromDistalEnd: 200, endosteal: 22, periosteal: 30 }
    ]
    r.prosthesis.soundSideLength = 280
    const p = plan(r)
    expect(p.status).toBe('blocked')
    const f = finding(p, 'R-BUILD-NO-ROOM')
    expect(f?.severity).toBe('block')
    expect(f?.message).toMatch(/diameter/)
    expect(p.implant).toBeNull()
    expect(p.buildHeight?.afterResection).toMatchObject({ lengthMm: 80, diameterMm: null, withoutResection: { lengthMm: 120, diameterMm: 12 } })
  })
  it('a breach on the shortened bone blocks R-BUILD-NO-ROOM naming the cortex', () => {
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
      { fromDistalEnd: 50, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 150, endosteal: 10, periosteal: 10.9 }, // shortened bone: Ø 11 ≥ 10.9
      { fromDistalEnd: 200, endosteal: 12, periosteal: 28 }
    ]
    r.prosthesis.soundSideLength = 330
    const p = plan(r)
    expect(finding(p, 'R-BUILD-NO-ROOM')?.message).toMatch(/cortex/)
    expect(p.status).toBe('blocked')
  })
})

describe('9. inverted ranges are invalid input', () => {
  it('both ends in the case file', () => {
    const r = baseRaw()
    r.profile = { 'stage.pressFitMinDays': 60, 'stage.pressFitMaxDays': 30 }
    expect(errorsOf(r)).toContainEqual(expect.objectContaining({ path: 'profile["stage.pressFitMinDays"]', message: 'must not exceed the latest stage 2 (30 days)' }))
  })
  it('one end in the case file, the other from the profile', () => {
    const r = baseRaw()
    r.profile = { 'mag.warnBelow': 1.3 }
    const res = planFromRaw(r)
    expect(!res.ok && res.errors).toEqual([{ path: 'profile["mag.warnBelow"]', message: 'must not exceed the upper warning limit (1.2)', code: 'invalid' }])
    const s = baseRaw()
    s.profile = { 'stage.pressFitMaxDays': 14 }
    const q = planFromRaw(s)
    expect(!q.ok && q.errors.map((e) => e.path)).toEqual(['profile["stage.pressFitMaxDays"]'])
    // planned directly (the editor path): the profile's range is kept, and the plan says so
    delete s.implant.system.stage2IntervalDays // press-fit, two stages: the profile's interval
    const p = plan(s)
    expect(finding(p, 'PROFILE-OVERRIDE-RANGE')?.severity).toBe('warning')
    expect(p.stages.stage2AfterDays).toEqual({ min: 28, max: 56 })
  })
  it('profiles', () => {
    const bad: PlanningProfile = clone(DEFAULT_PROFILE)
    bad.params['stage.pressFitMinDays'].value = 60
    expect(validateProfile(bad).map((e) => e.path)).toEqual(['params["stage.pressFitMinDays"].value'])
  })
})

describe('8. Relimb cap: parameter, number and note agree', () => {
  const upper = (weight: number | null) => {
    const r = baseRaw()
    r.limb = { level: 'transhumeral', side: 'left' }
    r.bone.residualLength = 200
    delete r.prosthesis.soundSideLength
    r.prosthesis.components = []
    if (weight !== null) r.prosthesis.weight = weight
    return plan(r).rehab
  }
  it('an 8 kg prosthesis: the schedule stops at the 6 kg cap and the note says so', () => {
    const r = upper(8)
    expect(r.targetLoadKg).toBe(6)
    expect(r.notes.join(' ')).toContain('capped at 6 kg (site default), below the prosthesis weight (8 kg)')
    expect(r.notes.join(' ')).not.toContain('capped at the prosthesis weight (8 kg)')
  })
  it('a 4 kg prosthesis caps at 4 kg; none recorded caps at 6 kg', () => {
    expect(upper(4).targetLoadKg).toBe(4)
    expect(upper(4).notes.join(' ')).toContain('capped at the prosthesis weight (4 kg)')
    expect(upper(null).notes.join(' ')).toContain('Prosthesis weight not recorded: loading is capped at 6 kg (site default)')
  })
})

describe('11. slow loading has a basis', () => {
  it('rehab.slowSuggested is explained whether or not it is suggested', () => {
    for (const t of [0, -3]) {
      const r = baseRaw()
      r.patient.tScore = t
      const p = plan(r)
      expect(p.basis['rehab.slowSuggested']?.rule).toBe('R-REHAB')
      expect(p.basis['rehab.slowSuggested']?.sources).toContain('W1')
    }
  })
})

describe('10. transtibial: the ankle, and a knee (not hip) flexion contracture', () => {
  const tt = () => {
    const r = baseRaw()
    r.limb = { level: 'transtibial', side: 'left' }
    delete r.patient.hipFlexionContractureDeg
    return r
  }
  it('asks for the knee flexion contracture (site-default limit) and not the hip', () => {
    const p = plan(tt())
    expect(p.eligibility.find((e) => e.item === 'HIP-FLEXION')?.outcome).toBe('not-applicable')
    expect(p.eligibility.find((e) => e.item === 'KNEE-FLEXION')?.outcome).toBe('unknown')
    const r = tt()
    r.patient.kneeFlexionContractureDeg = 20
    const q = plan(r)
    expect(finding(q, 'R-ELIG-KNEE-FLEXION')?.severity).toBe('warning')
    expect(finding(q, 'R-ELIG-KNEE-FLEXION')?.basis.parameters[0]).toMatchObject({ key: 'elig.maxKneeFlexionDeg', value: 15, provenance: { kind: 'site-default' } })
  })
  it('says the ankle would sit low, in the finding and in the summary', () => {
    const r = tt()
    r.prosthesis.soundSideLength = 350 // available 150, required 180 → 30 low
    const c = parseCase(r)
    if (!c.ok) throw new Error('invalid')
    const p = plan(r)
    expect(finding(p, 'R-BUILD-RESECTION')?.message).toContain('The ankle would sit 30 mm low')
    expect(p.buildHeight).toMatchObject({ target: 'floor', joint: 'ankle' })
  })
})
