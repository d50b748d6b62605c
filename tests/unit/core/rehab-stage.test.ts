/** R-REHAB and R-STAGE: schedules worked by hand, protocol choice, slow loading, stages. */
import { describe, expect, it } from 'vitest'
import { PROTOCOLS, basisFor } from '../../../src/shared/index'
import { baseRaw, finding, ids, plan } from './helpers'

const rows = (p: ReturnType<typeof plan>) => p.rehab.schedule.map((r) => [r.day, Math.round(r.loadKg * 1000) / 1000, r.interpolated])

describe('R-REHAB schedules', () => {
  it('Radboud standard, 80 kg: 10 kg day 3 → 40 kg day 10 (linear) → hold → 80 kg day 42', () => {
    const r = baseRaw()
    r.implant.system.stages = 1
    r.protocolId = 'radboud-standard'
    const p = plan(r)
    // day 4: 10 + (40 − 10) × 1/7 = 14.286; day 36: 40 + 40 × 1/7 = 45.714
    expect(rows(p)).toEqual([
      [3, 10, false],
      [4, 14.286, true],
      [5, 18.571, true],
      [6, 22.857, true],
      [7, 27.143, true],
      [8, 31.429, true],
      [9, 35.714, true],
      [10, 40, false],
      [35, 40, false],
      [36, 45.714, true],
      [37, 51.429, true],
      [38, 57.143, true],
      [39, 62.857, true],
      [40, 68.571, true],
      [41, 74.286, true],
      [42, 80, false]
    ])
    expect(p.rehab.targetLoadKg).toBe(80)
    expect(p.rehab.notes.join(' ')).toContain('interpolated linearly')
    expect(p.rehab.dayZero).toBe('day of surgery (implant, stoma and adapter)')
    expect(basisFor(p, 'rehab.schedule[3].loadKg')?.sources).toContain('S11')
  })
  it('Royal Free, 80 kg: 5 kg + 5 kg every 3 days up to min(40, 50) = 40, then crutches', () => {
    const r = baseRaw()
    r.protocolId = 'royal-free-lower'
    const p = plan(r)
    expect(rows(p)).toEqual([
      [3, 5, false],
      [6, 10, false],
      [9, 15, false],
      [12, 20, false],
      [15, 25, false],
      [18, 30, false],
      [21, 35, false],
      [24, 40, false], // cap 50 % × 80
      [24, 40, false], // two crutches for 6 weeks
      [66, 40, false], // 24 + 42: one crutch
      [108, 80, false] // 24 + 84: full weight bearing
    ])
  })
  it('Royal Free, 120 kg: the 50 kg cap applies (50 % BW would be 60)', () => {
    const r = baseRaw()
    r.patient.weight = 120
    r.protocolId = 'royal-free-lower'
    const p = plan(r)
    const capRow = p.rehab.schedule[9]
    expect(capRow).toMatchObject({ day: 30, loadKg: 50 }) // 5 + 9 × 5 = 50 at day 3 + 27
  })
  it('Relimb: 1 kg from week 6, + 0.5 kg every 3 days, up to the prosthesis weight', () => {
    const r = baseRaw()
    r.limb = { level: 'transhumeral', side: 'left' }
    r.prosthesis = { weight: 2.2 }
    const p = plan(r)
    expect(p.rehab.protocolId).toBe('relimb-upper')
    expect(rows(p)).toEqual([
      [42, 1, false],
      [45, 1.5, false],
      [48, 2, false],
      [51, 2.2, false] // 2.5 capped at 2.2
    ])
    delete r.prosthesis.weight
    const q = plan(r)
    expect(q.rehab.targetLoadKg).toBe(6) // cap when the prosthesis weight is unknown [S48]
    expect(q.rehab.schedule.at(-1)?.day).toBe(42 + 10 * 3) // (6 − 1)/0.5 = 10 steps
    expect(q.rehab.notes.join(' ')).toContain('Prosthesis weight not recorded')
  })
  it('Relimb with a prosthesis lighter than its 1 kg start load (a digit): one load, no invented progression, said so (#13)', () => {
    const r = baseRaw()
    r.limb = { level: 'transhumeral', side: 'left' }
    r.prosthesis = { weight: '80 g' }
    const p = plan(r)
    expect(p.rehab.protocolId).toBe('relimb-upper')
    // Was a lone "1 kg capped to 0.08 kg" point shown as 0.1 kg with no word that the protocol does not apply.
    expect(rows(p)).toEqual([[42, 0.08, false]])
    expect(p.rehab.schedule[0]?.activity).toContain('no progression')
    expect(p.rehab.notes.join(' ')).toContain('No progression applies: Relimb, upper limb starts at 1 kg [S48], above the cap of 0.08 kg')
    const f = finding(p, 'R-REHAB-NO-PROGRESSION')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toContain('the team sets the loading')
    expect(f?.paths).toEqual(['prosthesis.weight'])
    // A prosthesis at or above the start load keeps the published progression (and no such finding).
    r.prosthesis = { weight: 1 }
    expect(ids(plan(r))).not.toContain('R-REHAB-NO-PROGRESSION')
  })
  it('OPRA (from the system): 10 kg at stage 2 → full weight at 6 months, two-weekly rows', () => {
    const r = baseRaw()
    r.implant = { systemId: 'opra-femur' }
    const p = plan(r)
    expect(p.rehab.protocolId).toBe('opra')
    expect(p.rehab.dayZero).toBe('day of stage 2 (stoma and adapter)')
    expect(p.rehab.schedule).toHaveLength(14) // 0, 14, …, 168, 182
    // day 91 is not a row; day 98: 10 + 70 × 98/182 = 47.692
    expect(p.rehab.schedule[7]).toMatchObject({ day: 98, interpolated: true })
    expect(p.rehab.schedule[7]?.loadKg).toBeCloseTo(47.692, 3)
    expect(p.rehab.schedule.at(-1)).toMatchObject({ day: 182, loadKg: 80, interpolated: false })
  })
})

describe('R-REHAB protocol choice and slow loading', () => {
  it('defaults by limb from the profile', () => {
    expect(plan(baseRaw()).rehab.protocolId).toBe('radboud-standard')
  })
  it.each([
    [-2.5, true], // exactly at the WHO threshold
    [-2.6, true],
    [-2.4, false]
  ])('T-score %s → slow protocol %s', (t, slow) => {
    const r = baseRaw()
    r.patient.tScore = t
    const p = plan(r)
    expect(p.rehab.slowSuggested).toBe(slow)
    expect(p.rehab.protocolId).toBe(slow ? 'radboud-slow' : 'radboud-standard')
    if (slow) expect(finding(p, 'R-REHAB-SLOW')?.severity).toBe('info')
    if (slow) expect(finding(p, 'R-REHAB-SLOW')?.paths).toEqual(['patient.tScore'])
  })
  it.each([
    [150, false], // not shorter than 150
    [149.9, true]
  ])('residual femur %s mm → slow %s', (len, slow) => {
    const r = baseRaw()
    r.bone.residualLength = len
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 11, periosteal: 20 },
      { fromDistalEnd: len, endosteal: 11, periosteal: 20 }
    ]
    delete r.prosthesis.soundSideLength
    const p = plan(r)
    expect(p.rehab.slowSuggested).toBe(slow)
    if (slow) {
      expect(p.rehab.slowReasons[0]).toContain('short residual femur')
      // The finding points at the field behind the reason (the bone length, not the T-score).
      expect(finding(p, 'R-REHAB-SLOW')?.paths).toEqual(['bone.residualLength'])
    }
  })
  it('radboud slow: 50 % BW by week 6, full by week 12', () => {
    const r = baseRaw()
    r.patient.tScore = -3
    const p = plan(r)
    const anchors = p.rehab.schedule.filter((x) => !x.interpolated).map((x) => [x.day, x.loadKg])
    expect(anchors).toEqual([
      [3, 10],
      [42, 40],
      [84, 80]
    ])
  })
  it('warns instead of switching when the case chose the protocol, or no slow variant exists', () => {
    const r = baseRaw()
    r.patient.tScore = -3
    r.protocolId = 'radboud-standard'
    const p = plan(r)
    expect(p.rehab.protocolId).toBe('radboud-standard')
    expect(finding(p, 'R-REHAB-SLOW')?.severity).toBe('warning')
    r.protocolId = 'royal-free-lower'
    expect(finding(plan(r), 'R-REHAB-SLOW')?.message).toContain('has no slow variant')
  })
  it('warns when the protocol does not match the limb; notes a missing T-score', () => {
    const r = baseRaw()
    r.protocolId = 'relimb-upper'
    expect(finding(plan(r), 'R-REHAB-PROTOCOL-LEVEL')?.severity).toBe('warning')
    const t = baseRaw()
    delete t.patient.tScore
    expect(finding(plan(t), 'R-REHAB-TSCORE')?.severity).toBe('info')
  })
  it('every protocol names its source', () => {
    for (const pr of Object.values(PROTOCOLS)) expect(pr.source).toMatch(/^S\d+$/)
  })
})

describe('R-STAGE', () => {
  it('OPRA: two stages, ≈ 6 months [S1]', () => {
    const r = baseRaw()
    r.implant = { systemId: 'opra-femur' }
    const p = plan(r)
    expect(p.stages.count).toBe(2)
    expect(p.stages.stage2AfterDays).toEqual({ min: 182, max: 182 })
    expect(basisFor(p, 'stages.stage2AfterDays')?.sources).toEqual(['S60', 'S1'])
  })
  it("press-fit 'either': the profile's preference; two stages 28–56 days [S4][S10]", () => {
    const r = baseRaw()
    r.implant = { systemId: 'generic-press-fit' }
    const p = plan(r)
    expect(p.stages.count).toBe(1)
    expect(p.stages.stage2AfterDays).toBeNull()
    r.profile = { 'stage.preferred': 2 }
    const q = plan(r)
    expect(q.stages.count).toBe(2)
    expect(q.stages.stage2AfterDays).toEqual({ min: 28, max: 56 })
    expect(q.stages.evidence.rows.find((x) => x.outcome === 'osteomyelitis')).toEqual({ outcome: 'osteomyelitis', oneStage: '0 %', twoStage: '10 %' })
    expect(ids(q)).toContain('R-STAGE-PLAN')
  })
  it("uses the system's own interval", () => {
    const p = plan(baseRaw())
    expect(p.stages).toMatchObject({ count: 2, stage2AfterDays: { min: 42, max: 56 } })
  })
})
