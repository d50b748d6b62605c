/**
 * PLANNING-RULES' rounding principle in the words a surgeon reads (hand-worked): a value beside
 * the limit it is compared with is never shown on the limit or across it, and catalogue sizes and
 * parameters are shown exactly as stated. Also R-REHAB's notes: which value caps the load, and
 * which schedule values are site defaults.
 */
import { describe, expect, it } from 'vitest'
import { planToText } from '../../../src/shared/index'
import { baseRaw, finding, plan, testSystem } from './helpers'

describe('a value beside its limit keeps its side', () => {
  it('a reduction of 0.04 mm is not "0 mm"', () => {
    const r = baseRaw()
    r.softTissue.distalThickness = 15.04 // target 15
    const p = plan(r)
    expect(finding(p, 'R-SOFT-REDUCTION')?.message).toBe('Reduce the distal soft tissue by 0.04 mm (measured 15.04 mm, target 15 mm).')
    expect(planToText(p)).toContain('Soft tissue: measured 15.04 mm, target 15 mm, reduce by 0.04 mm')
  })
  it('a planned thickness of 12.04 mm is not shown as the 12 mm adapter it exceeds', () => {
    const r = baseRaw()
    r.softTissue.distalThickness = 12.04 // under the 15 mm target: no reduction, planned 12.04
    r.prosthesis.adapterTranscutaneousLength = 12
    expect(finding(plan(r), 'R-SOFT-ADAPTER')?.message).toContain("The adapter's transcutaneous length (12 mm) is shorter than the planned soft-tissue thickness (12.04 mm)")
  })
  it('1.96 mm of cortex at the tip is not "2 mm" beside the 2 mm minimum', () => {
    const r = baseRaw()
    // periosteal 14.92 at the tip (z 120): (14.92 − max(endosteal, r 11)) ÷ 2 = 1.96
    r.bone.stations.splice(3, 0, { fromDistalEnd: 120, endosteal: 10.5, periosteal: 14.92 })
    const p = plan(r)
    expect(p.implant).toMatchObject({ diameterMm: 12, lengthMm: 120 })
    expect(p.implant?.tipCortexMm).toBeCloseTo(1.96, 9)
    expect(finding(p, 'R-CORTEX-TIP')?.message).toContain('remaining cortex there 1.96 mm')
    expect(finding(p, 'R-CORTEX-THIN')?.message).toContain('Remaining cortex 1.96 mm at the implant tip')
  })
  it('a stations gap from 0.04 mm is not "0–0 mm"', () => {
    const r = baseRaw()
    r.bone.stations[0].fromDistalEnd = 0.04
    expect(finding(plan(r), 'R-LEN-PROFILE-INCOMPLETE')?.message).toContain('unmeasured: 0–0.04 mm')
  })
})

describe('limits that are parameters are shown exactly, and values beside them keep their side', () => {
  it('a 12.5° hip limit is not "13°"; a T-score of −2.504 is not "−2.5" beside −2.5', () => {
    const r = baseRaw()
    r.profile = { 'elig.maxHipFlexionDeg': 12.5 }
    r.patient.hipFlexionContractureDeg = 12.7
    r.patient.tScore = -2.504
    const p = plan(r)
    expect(finding(p, 'R-ELIG-HIP-FLEXION')?.message).toContain('Hip flexion contracture of 13° is above 12.5° (ITAP criterion)')
    expect(p.rehab.slowReasons).toContain('T-score -2.504 ≤ -2.5')
  })
  it('Royal Free: 50 % of 100.08 kg is 50.04 kg, not "50 kg" beside the 50 kg limit', () => {
    const r = baseRaw()
    r.protocolId = 'royal-free-lower'
    r.patient.weight = 100.08
    expect(plan(r).rehab.notes).toContain('Loading is capped at the 50 kg limit, below 50 % of the body weight (50.04 kg).')
  })
})

describe('catalogue sizes and parameters exactly as stated', () => {
  const system = testSystem({ diametersMm: [13.25, 14.25, 15.25], minCortexMm: 1.75, minContactMm: 29.95 })
  it('sizes, the minimum cortex and the required contact in the plan text', () => {
    const r = baseRaw()
    r.implant = { system }
    // r 12.25: canal ≤ 12.25 from z 46.875 (16 − 0.08 z) to the tip at 120 → C 73.1 ≥ 29.95 → Ø 13.25
    const text = planToText(plan(r))
    expect(text).toContain('Implant: Ø 13.25 mm × 120 mm')
    expect(text).toContain('of 29.95 mm required')
    expect(text).toContain('(minimum 1.75 mm)')
  })
  it('the largest size and its prepared canal when the canal is too wide', () => {
    const r = baseRaw()
    r.implant = { system }
    r.bone.stations = r.bone.stations.map((s: { fromDistalEnd: number }) => ({ fromDistalEnd: s.fromDistalEnd, endosteal: 20, periosteal: 30 }))
    const f = finding(plan(r), 'R-DIA-CANAL-TOO-WIDE')
    expect(f?.message).toContain('the required 29.95 mm of cortical contact over the 120 mm implant: the largest (15.25 mm, prepared canal 14.25 mm) gives 0 mm')
  })
})

describe('R-REHAB notes', () => {
  it('Royal Free: the note names the value that caps (50 % of 90 kg, under the 50 kg limit)', () => {
    const r = baseRaw()
    r.protocolId = 'royal-free-lower'
    r.patient.weight = 90
    const p = plan(r)
    expect(p.rehab.protocolId).toBe('royal-free-lower')
    expect(p.rehab.schedule.find((row) => row.activity.endsWith('cap reached'))?.loadKg).toBe(45)
    expect(p.rehab.notes).toContain('Loading is capped at 45 kg: 50 % of the body weight (90 kg), at or below the 50 kg limit.')
    r.patient.weight = 120
    expect(plan(r).rehab.notes).toContain('Loading is capped at the 50 kg limit, below 50 % of the body weight (60 kg).')
  })
  it('Royal Free: the milestones its source does not state are labelled site defaults', () => {
    const r = baseRaw()
    r.protocolId = 'royal-free-lower'
    const note = plan(r).rehab.notes.find((n) => n.startsWith('Not stated by [S29]'))
    expect(note).toContain('first loading day 3 days')
    expect(note).toContain('full weight bearing (days after the cap) 84 days')
    expect(note).toMatch(/These are site defaults, to be confirmed in Settings\.$/)
  })
})
