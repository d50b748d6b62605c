/** R-ELIG: every item, its severity from the profile, its source, and boundaries. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE, type PlanningProfile } from '../../../src/shared/index'
import { baseRaw, finding, plan } from './helpers'

type Mut = (r: Record<string, any>) => void

/** [item, mutation making it fail, expected severity with the default profile, sources] */
const ITEMS: [string, Mut, 'block' | 'warning', string[]][] = [
  ['AGE', (r) => (r.patient.ageYears = 17.9), 'block', ['S24', 'S25', 'S4', 'S18']],
  ['INFECTION', (r) => r.patient.conditions.push('active-infection'), 'block', ['S24']],
  ['MALIGNANCY', (r) => r.patient.conditions.push('chemotherapy'), 'block', ['S24', 'S4', 'S18']],
  ['IMMUNOSUPPRESSION', (r) => r.patient.conditions.push('immunosuppression'), 'block', ['S4', 'S18']],
  ['PREGNANCY', (r) => r.patient.conditions.push('pregnancy'), 'block', ['S4', 'S18']],
  ['DIABETES', (r) => r.patient.conditions.push('diabetes'), 'warning', ['S4', 'S18', 'S24', 'S26']],
  ['PVD', (r) => r.patient.conditions.push('peripheral-vascular-disease'), 'warning', ['S4', 'S18', 'S24', 'S26']],
  ['SMOKING', (r) => r.patient.conditions.push('smoking'), 'warning', []],
  // 113.5 kg at 180 cm = 35.03 > 35
  ['BMI', (r) => (r.patient.weight = 113.5), 'warning', ['S18']],
  ['SOCKET-REHAB', (r) => (r.patient.socketRehabMonths = 5.9), 'warning', ['S15']],
  ['HIP-FLEXION', (r) => (r.patient.hipFlexionContractureDeg = 15.1), 'warning', ['S15']]
]

describe('R-ELIG items with the default profile', () => {
  it('passes the base case', () => {
    const p = plan(baseRaw())
    expect(p.findings.filter((f) => f.id.startsWith('R-ELIG'))).toEqual([])
    expect(p.eligibility.find((e) => e.item === 'BODY-WEIGHT')?.outcome).toBe('not-applicable')
    expect(p.eligibility.find((e) => e.item === 'HUMERUS-LENGTH')?.outcome).toBe('not-applicable')
    expect(p.eligibility.find((e) => e.item === 'AGE')?.outcome).toBe('pass')
  })
  it.each(ITEMS)('R-ELIG-%s', (item, mutate, severity, sources) => {
    const r = baseRaw()
    mutate(r)
    const p = plan(r)
    const f = finding(p, `R-ELIG-${item}`)
    expect(f?.severity).toBe(severity)
    expect(f?.basis.rule).toBe('R-ELIG')
    for (const s of sources) expect(f?.basis.sources).toContain(s)
    for (const s of sources) expect(f?.message).toContain(`[${s}]`)
    expect(p.status).toBe(severity === 'block' ? 'blocked' : 'warnings')
    expect(p.eligibility.find((e) => e.item === item)?.outcome).toBe('fail')
  })
  it('open physes fail the AGE item even at 18', () => {
    const r = baseRaw()
    r.patient.ageYears = 18
    r.patient.conditions = ['open-physes']
    expect(finding(plan(r), 'R-ELIG-AGE')?.message).toContain('open physes recorded')
  })
  it.each([
    ['age 18', (r: any) => (r.patient.ageYears = 18)],
    ['BMI exactly 35 (113.4 kg at 180 cm)', (r: any) => (r.patient.weight = 113.4)],
    ['socket rehabilitation exactly 6 months', (r: any) => (r.patient.socketRehabMonths = 6)],
    ['hip flexion exactly 15°', (r: any) => (r.patient.hipFlexionContractureDeg = 15)]
  ])('passes exactly at the threshold: %s', (_w, mutate) => {
    const r = baseRaw()
    mutate(r)
    expect(plan(r).findings.filter((f) => f.id.startsWith('R-ELIG'))).toEqual([])
  })
  it('reports unrecorded items as info, and applies items by level', () => {
    const r = baseRaw()
    r.patient.socketRehabMonths = null
    delete r.patient.hipFlexionContractureDeg
    const p = plan(r)
    expect(finding(p, 'R-ELIG-SOCKET-REHAB')).toMatchObject({ severity: 'info', message: expect.stringContaining('Not recorded, so not checked') })
    expect(finding(p, 'R-ELIG-HIP-FLEXION')?.severity).toBe('info')
    const t = baseRaw()
    t.limb = { level: 'transtibial', side: 'left' }
    t.patient.hipFlexionContractureDeg = 40 // hip flexion applies to transfemoral only
    expect(finding(plan(t), 'R-ELIG-HIP-FLEXION')).toBeUndefined()
    const th = baseRaw()
    th.limb = { level: 'thumb', side: 'left' }
    // A thumb's bone (a femur's would be refused as implausible at this level).
    th.bone.residualLength = 40
    th.bone.stations = [
      { fromDistalEnd: 0, endosteal: 4, periosteal: 9 },
      { fromDistalEnd: 30, endosteal: 4, periosteal: 9 }
    ]
    th.patient.socketRehabMonths = 0 // no socket for digits
    expect(finding(plan(th), 'R-ELIG-SOCKET-REHAB')).toBeUndefined()
  })
  it.each([
    [100, false],
    [99.9, true]
  ])('transhumeral residual humerus %s mm → R-ELIG-HUMERUS-LENGTH %s', (len, fail) => {
    const r = baseRaw()
    r.limb = { level: 'transhumeral', side: 'left' }
    r.bone.residualLength = len
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 9, periosteal: 18 },
      { fromDistalEnd: len, endosteal: 9, periosteal: 18 }
    ]
    const f = finding(plan(r), 'R-ELIG-HUMERUS-LENGTH')
    expect(f?.severity).toBe(fail ? 'warning' : undefined)
    if (fail) expect(f?.basis.sources).toEqual(['S18'])
  })
  it.each([
    [100, undefined],
    [100.1, 'block']
  ])("body weight %s kg vs the system's 100 kg limit → %s", (w, sev) => {
    const r = baseRaw()
    r.implant.system.maxBodyWeightKg = 100
    r.patient.weight = w
    expect(finding(plan(r), 'R-ELIG-BODY-WEIGHT')?.severity).toBe(sev)
  })
})

describe('R-ELIG severities come from the programme profile', () => {
  it('a case override makes an item stricter; a site profile changes absolute/relative', () => {
    const r = baseRaw()
    r.patient.conditions = ['diabetes', 'smoking']
    r.profile = { 'elig.severity.DIABETES': 'absolute', 'elig.severity.SMOKING': 'relative' }
    const p = plan(r)
    expect(finding(p, 'R-ELIG-DIABETES')?.severity).toBe('block')
    expect(finding(p, 'R-ELIG-SMOKING')?.severity).toBe('warning')
    expect(p.eligibility.find((e) => e.item === 'SMOKING')).toMatchObject({ outcome: 'fail', severity: 'relative' })

    const site: PlanningProfile = {
      ...DEFAULT_PROFILE,
      id: 'site',
      version: '7',
      params: { ...DEFAULT_PROFILE.params, 'elig.maxBmi': { ...DEFAULT_PROFILE.params['elig.maxBmi'], value: 30 } }
    }
    const b = baseRaw()
    b.patient.weight = 100 // BMI 30.9 > 30
    const q = plan(b, { profile: site })
    expect(finding(q, 'R-ELIG-BMI')?.message).toContain('above the limit of 30 kg/m²')
    expect(q.profileId).toBe('site')
    expect(q.profileVersion).toBe('7')
  })
})
