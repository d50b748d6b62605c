/** R-SOFT and R-BUILD: hand-worked cases and boundaries. */
import { describe, expect, it } from 'vitest'
import { basisFor, planToText } from '../../../src/shared/index'
import { baseRaw, finding, ids, plan } from './helpers'

describe('R-SOFT soft tissue', () => {
  it.each([
    [30, 15], // 30 − 15
    [15.1, 0.1],
    [15, 0], // exactly at the target
    [14.9, 0],
    [0, 0]
  ])('measured %s mm → reduction %s mm (target 15)', (measured, reduction) => {
    const r = baseRaw()
    r.softTissue.distalThickness = measured
    const p = plan(r)
    expect(p.softTissue.reductionMm).toBeCloseTo(reduction, 12)
    expect(p.softTissue.targetMm).toBe(15)
    expect(p.softTissue.plannedMm).toBeCloseTo(Math.min(measured, 15), 12)
    expect(ids(p).includes('R-SOFT-REDUCTION')).toBe(reduction > 0)
    expect(basisFor(p, 'softTissue.reductionMm')?.parameters[0]?.provenance).toMatchObject({ kind: 'site-default' })
  })
  it('uses a profile override of the target', () => {
    const r = baseRaw()
    r.softTissue.distalThickness = 30
    r.profile = { 'soft.targetMm': '1 cm' }
    const p = plan(r)
    expect(p.softTissue.reductionMm).toBe(20) // 30 − 10
    expect(p.profileOverrides).toEqual(['soft.targetMm'])
    expect(p.profileVersion).toBe('1.0.0+case')
  })
  it.each([
    // height 180 cm → BMI = weight / 3.24
    [97.2, true], // 30.0 exactly
    [97.25, true],
    [97.1, false] // 29.97
  ])('weight %s kg at 180 cm → obesity warning %s', (w, warn) => {
    const r = baseRaw()
    r.patient.weight = w
    const p = plan(r)
    expect(ids(p).includes('R-SOFT-OBESITY')).toBe(warn)
    if (warn) expect(finding(p, 'R-SOFT-OBESITY')?.basis.sources).toEqual(['S30'])
  })
  it.each([
    [14.9, true], // planned 15 (measured 15): adapter shorter
    [15, false],
    [20, false]
  ])('adapter %s mm vs planned 15 mm → warning %s', (adapter, warn) => {
    const r = baseRaw()
    r.softTissue.distalThickness = 40
    r.prosthesis.adapterTranscutaneousLength = adapter
    expect(ids(plan(r)).includes('R-SOFT-ADAPTER')).toBe(warn)
  })
})

describe('R-BUILD build height', () => {
  it('clearance ≥ 0: info, nothing resected', () => {
    // available = 400 − 200 = 200; required = 50 + 30 + 100 = 180; clearance 20
    const p = plan(baseRaw())
    expect(p.buildHeight).toMatchObject({ target: 'knee centre', availableMm: 200, requiredMm: 180, clearanceMm: 20, resectionMm: 0, afterResection: null })
    expect(finding(p, 'R-BUILD-CLEARANCE')?.severity).toBe('info')
    expect(basisFor(p, 'buildHeight.clearanceMm')?.rule).toBe('R-BUILD')
  })
  it('clearance exactly 0: no resection', () => {
    const r = baseRaw()
    r.prosthesis.components[2].buildHeight = 120 // required 200 = available
    const p = plan(r)
    expect(p.buildHeight?.clearanceMm).toBe(0)
    expect(p.buildHeight?.resectionMm).toBe(0)
    expect(ids(p)).toContain('R-BUILD-CLEARANCE')
  })
  it('clearance < 0: proposes resection and re-runs R-LEN on the shortened bone', () => {
    const r = baseRaw()
    r.prosthesis.components[2].buildHeight = 140 // required 220; clearance −20
    const p = plan(r)
    expect(p.buildHeight?.clearanceMm).toBe(-20)
    expect(p.buildHeight?.resectionMm).toBe(20)
    // shortened bone 180 → Lmax 160 → L 120; stations shift by −20 with a cut station at 0:
    //   endo at z = 20: 16 − 0.08 × 20 = 14.4; r 11: [55, 80] + [80, 120] → 25 + 40 = 65 → D 12
    expect(p.buildHeight?.afterResection).toEqual({ resectionMm: 20, residualLengthAfterMm: 180, lengthMm: 120, diameterMm: 12, withoutResection: { lengthMm: 120, diameterMm: 12 } })
    // the shortened-bone sizes are the plan's sizes
    expect(p.implant).toMatchObject({ diameterMm: 12, lengthMm: 120, resectionMm: 20, tipFromLandmarkMm: 60 })
    const f = finding(p, 'R-BUILD-RESECTION')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toContain('The knee centre would sit 20 mm low: proposed bone resection 20 mm')
    expect(basisFor(p, 'buildHeight.afterResection.lengthMm')?.rule).toBe('R-BUILD')
  })
  it('blocks R-BUILD-NO-ROOM when no implant fits after the resection', () => {
    const r = baseRaw()
    r.bone.residualLength = 100
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 11, periosteal: 20 },
      { fromDistalEnd: 100, endosteal: 11, periosteal: 20 }
    ]
    r.prosthesis.soundSideLength = 300 // available 200; required 180 + 50 = 230; clearance −30
    r.prosthesis.components.push({ name: 'rotator', buildHeight: 50 })
    const p = plan(r)
    // residual after = 70 → Lmax 50 < 60 (shortest)
    expect(p.buildHeight?.afterResection).toMatchObject({ residualLengthAfterMm: 70, lengthMm: null })
    expect(finding(p, 'R-BUILD-NO-ROOM')?.severity).toBe('block')
    expect(p.status).toBe('blocked')
    // the plan is the shortened bone's, which takes no implant; the bone as it is would take Ø 12 × 80
    expect(p.implant).toBeNull()
    expect(p.buildHeight?.afterResection?.withoutResection).toEqual({ lengthMm: 80, diameterMm: 12 })
    expect(finding(p, 'R-BUILD-NO-ROOM')?.message).toContain('no implant length fits')
  })
  it('transtibial targets the floor; no components is a warning for the lower limb only', () => {
    const r = baseRaw()
    r.limb = { level: 'transtibial', side: 'right' }
    r.prosthesis.components = []
    const p = plan(r)
    expect(p.buildHeight?.target).toBe('floor')
    expect(p.buildHeight?.requiredMm).toBe(0)
    expect(finding(p, 'R-BUILD-NO-COMPONENTS')?.severity).toBe('warning')
    const u = baseRaw()
    u.limb = { level: 'transhumeral', side: 'right' }
    u.prosthesis = { soundSideLength: 300 }
    const q = plan(u)
    expect(q.buildHeight).toMatchObject({ target: 'elbow centre', availableMm: 100, requiredMm: 0, clearanceMm: 100 })
    expect(ids(q)).not.toContain('R-BUILD-NO-COMPONENTS')
  })
  it('is null without a sound-side length; the sound side is corrected by m', () => {
    const r = baseRaw()
    delete r.prosthesis.soundSideLength
    const p = plan(r)
    expect(p.buildHeight).toBeNull()
    expect(finding(p, 'R-BUILD-NOT-CHECKED')?.severity).toBe('info')
    const x = baseRaw()
    x.imaging = { source: 'xray', magnification: 1.25 }
    x.bone.residualLength = 250 // 200 corrected
    x.bone.stations.push({ fromDistalEnd: 250, endosteal: 14, periosteal: 30 })
    x.prosthesis.soundSideLength = 500 // 400 corrected
    expect(plan(x).buildHeight?.availableMm).toBeCloseTo(200, 9)
  })
})

describe('the plan command text with no components (#13)', () => {
  it('says none were entered instead of "required 0 mm"', () => {
    const r = baseRaw()
    r.prosthesis.components = []
    const text = planToText(plan(r))
    expect(text).toMatch(/Build height \(to knee centre\): available \d+(\.\d+)? mm; no components entered/)
    expect(text).not.toContain('required 0 mm')
  })
})
