/**
 * One hand-worked plan per level, on the documented example files in resources/cases.
 * Notation: z = distance from the distal end (corrected), e = endosteal Ø, r = D − engagement,
 * C = contact length over [0, L].
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { planFromRaw, type PlanResult } from '../../../src/shared/index'

const dir = fileURLToPath(new URL('../../../resources/cases/', import.meta.url))

function planOf(name: string): PlanResult {
  const r = planFromRaw(JSON.parse(readFileSync(dir + name, 'utf8')))
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  expect(r.warnings).toEqual([])
  return r.result
}
const C = (x: number | undefined | null) => (x == null ? x : Math.round(x * 1000) / 1000)
const ids = (p: PlanResult) => p.findings.map((f) => `${f.severity}:${f.id}`)

describe('transfemoral (OPRA, X-ray with marker)', () => {
  const p = planOf('transfemoral.json')
  it('corrects by m = 28.75 / 25 = 1.15', () => {
    expect(p.corrected.magnification).toBeCloseTo(1.15, 12)
    expect(p.corrected.residualLengthMm).toBeCloseTo(220, 9) // 253 / 1.15
    // stations ÷ 1.15: z 0/40/80/120/160/200, e 22/18/15/14/16/20, peri 30/28/27/28/30/34
    expect(p.corrected.stations.map((s) => C(s.endostealMm))).toEqual([22, 18, 15, 14, 16, 20])
  })
  it('sizes Ø 18.5 × 80 mm', () => {
    // Lmax = 220 − 20 = 200 → L = 80 (the only OPRA length); required min(30, 80) = 30
    // 40–80: e = 18 − 3(z − 40)/40.  D 18 → r 17: z ≥ 53.33 → C 26.67 < 30
    //                                 D 18.5 → r 17.5: z ≥ 46.67 → C 33.33 ≥ 30
    //                                 D 19 → r 18: z ≥ 40 → C 40
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm, i.preparedDiameterMm, C(i.contactLengthMm)]).toEqual([18.5, 80, 17.5, 33.333])
    expect([i.smaller?.diameterMm, C(i.smaller?.contactLengthMm)]).toEqual([18, 26.667])
    expect([i.larger?.diameterMm, C(i.larger?.contactLengthMm)]).toEqual([19, 40])
    // cortex: z0 (30 − 22)/2 = 4; z40 (28 − 18)/2 = 5; z80 (27 − 17.5)/2 = 4.75
    expect([i.minCortexMm, i.minCortexAtMm]).toEqual([4, 0])
    // at m × 0.95 everything × 1/0.95: 40–80 becomes 42.1–84.2 with e 18.95 → 15.79;
    //   r 18.5: z ≥ 48.07 → C 31.9 → Ø 19.5;  at m × 1.05: r 16.5 → C 33.3 → Ø 17.5
    expect(i.atMagnificationMinus5.diameterMm).toBe(19.5)
    expect(i.atMagnificationPlus5.diameterMm).toBe(17.5)
  })
  it('soft tissue, build height, stages, rehab', () => {
    expect(p.softTissue).toMatchObject({ measuredMm: 30, targetMm: 15, reductionMm: 15 }) // ultrasound: not corrected
    // sound side 471.5 / 1.15 = 410; available 410 − 220 = 190; required 40 + 30 + 100 = 170
    expect(C(p.buildHeight?.availableMm)).toBe(190)
    expect(C(p.buildHeight?.clearanceMm)).toBe(20)
    expect(p.stages).toMatchObject({ count: 2, stage2AfterDays: { min: 182, max: 182 } })
    expect(p.rehab.protocolId).toBe('opra')
    expect(p.status).toBe('ok')
    expect(ids(p)).toEqual(['info:R-DIA-MAGNIFICATION-SENSITIVE', 'info:R-CORTEX-TIP', 'info:R-SOFT-REDUCTION', 'info:R-BUILD-CLEARANCE', 'info:R-STAGE-PLAN', 'info:PROFILE-SITE-DEFAULTS'])
  })
})

describe('transtibial (generic press-fit, CT, two planes, units)', () => {
  const p = planOf('transtibial.json')
  it('sizes Ø 12 × 140 mm', () => {
    // smaller plane: z0 15/24, z30 12/22, z60 10/21, z100 11/23, z140 17/30; Lmax 160 − 20 = 140 → L 140
    // D 12 → r 11: 30–60 z ≥ 45 (15) + 60–100 all (40) + 100–140 only z = 100 → C 55
    // D 11 → r 10: only the point z = 60 → 0
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm, C(i.contactLengthMm)]).toEqual([12, 140, 55])
    expect(C(i.larger?.contactLengthMm)).toBe(76.667) // r 12: 30 + 40 + 6.67
    expect([i.minCortexMm, i.minCortexAtMm]).toEqual([4.5, 0]) // (24 − 15)/2
    expect([i.atMagnificationMinus5.diameterMm, i.atMagnificationPlus5.lengthMm]).toEqual([13, 120]) // 160/1.05 − 20 = 132.4
  })
  it('slow loading for T-score −2.7; smoking is a relative contraindication', () => {
    expect(p.rehab.protocolId).toBe('radboud-slow')
    expect(p.rehab.schedule.at(-1)?.loadKg).toBeCloseTo(74.843, 3) // 165 lb × 0.45359237
    expect(p.softTissue.bmi).toBeCloseTo(26.517, 3) // 74.843 / 2.8224 (1.68²)
    expect(p.buildHeight?.clearanceMm).toBe(175) // 480 − 160 − 145
    expect(p.status).toBe('warnings')
    expect(ids(p).filter((x) => !x.startsWith('info'))).toEqual(['warning:SYSTEM-TEMPLATE', 'warning:R-ELIG-SMOKING'])
  })
})

describe('transhumeral (system in the case file, factor 1.10)', () => {
  const p = planOf('transhumeral.json')
  it('sizes Ø 10 × 100 mm', () => {
    // ÷ 1.1: residual 180; z 0/30/60/100, e 12/10/9/10, peri 20/19/19/21; Lmax 160 → L 100; required 25
    // D 10 → r 9.5: 30–60 z ≥ 45 (15) + 60–100 z ≤ 80 (20) = 35 ≥ 25; D 9 → r 8.5: 0
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm, C(i.contactLengthMm), i.requiredContactMm]).toEqual([10, 100, 35, 25])
    expect(C(i.larger?.contactLengthMm)).toBe(77.5) // r 10.5: 7.5 + 30 + 40
    expect(C(i.minCortexMm)).toBe(4) // (20 − 12)/2
  })
  it('build height to the elbow, two stages 42–56 days, Relimb capped at 1.8 kg', () => {
    expect(C(p.buildHeight?.availableMm)).toBe(120) // 330/1.1 − 180
    expect(p.stages).toMatchObject({ count: 2, stage2AfterDays: { min: 42, max: 56 } })
    expect(p.rehab.schedule.map((r) => [r.day, r.loadKg])).toEqual([
      [42, 1],
      [45, 1.5],
      [48, 1.8]
    ])
    expect(p.eligibility.find((e) => e.item === 'HUMERUS-LENGTH')?.outcome).toBe('pass') // 180 ≥ 100
    expect(p.status).toBe('ok')
  })
})

describe('transradial (radius, calibrated, forearm template)', () => {
  const p = planOf('transradial.json')
  it('sizes Ø 7 × 100 mm', () => {
    // Lmax 140 − 15 = 125 → L 100; required min(20, 100) = 20
    // D 7 → r 6.5: 30–60 z ≥ 45 (15) + 60–100 all (40) = 55; D 6.5 → r 6: only z = 60
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm, C(i.contactLengthMm)]).toEqual([7, 100, 55])
    expect([i.minCortexMm, i.minCortexAtMm]).toEqual([2.75, 60]) // (12 − 6.5)/2
    expect(p.rehab.schedule.map((r) => [r.day, r.loadKg])).toEqual([
      [42, 1],
      [45, 1.2]
    ])
  })
})

describe('thumb (first metacarpal, CT, digit template)', () => {
  const p = planOf('thumb.json')
  it('sizes Ø 4.5 × 35 mm', () => {
    // Lmax 42 − 5 = 37 → L 35; required 10
    // D 4 → r 3.7: 10–25 z ≥ 19 (6) + 25–35 z ≤ 27 (2) = 8 < 10
    // D 4.5 → r 4.2: 0–10 z ≥ 8 (2) + 15 + 25–35 z ≤ 32 (7) = 24
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm, C(i.contactLengthMm), C(i.smaller?.contactLengthMm)]).toEqual([4.5, 35, 24, 8])
    expect([C(i.minCortexMm), i.minCortexAtMm]).toEqual([2.4, 10]) // (9 − 4.2)/2
    expect(ids(p)).toContain('warning:R-ELIG-DIABETES')
    expect(p.buildHeight).toBeNull()
  })
})

describe('finger (uncalibrated X-ray: default 1.15)', () => {
  const p = planOf('finger.json')
  it('sizes Ø 3.5 × 25 mm and flags the calibration and the short canal profile', () => {
    // 1.5 in = 38.1 mm; ÷ 1.15 = 33.13; Lmax 28.13 → L 25; stations z 0/10/20, e 4/3/3
    // D 3.5 → r 3.2: 0–10 z ≥ 8 (2) + 10–20 (10) = 12 ≥ 10; stations stop at 20 < 25
    const i = p.implant!
    expect([i.diameterMm, i.lengthMm, C(i.contactLengthMm)]).toEqual([3.5, 25, 12])
    expect(C(p.corrected.residualLengthMm)).toBe(33.13)
    expect(C(p.softTissue.measuredMm)).toBe(5) // 5.75 / 1.15, measured on X-ray
    expect(ids(p).filter((x) => x.startsWith('warning'))).toEqual([
      'warning:SYSTEM-TEMPLATE',
      'warning:R-MAG-UNCALIBRATED',
      'warning:R-LEN-PROFILE-INCOMPLETE',
      // The 80 g digit prosthesis is below Relimb's 1 kg start load: no published progression applies.
      'warning:R-REHAB-NO-PROGRESSION'
    ])
  })
})
