/**
 * R-BUILD's resection carried through every rule that reads the bone (hand-worked): the station
 * made at the cut keeps each plane (R-CORTEX), the ±5 % sizes re-plan the resection at their own
 * magnification (R-DIA), and eligibility and loading read the bone left after the resection.
 * Also R-CANAL's per-plane check where one periosteal Ø stands for both planes, and R-CORTEX's
 * block when no cortex is left.
 */
import { describe, expect, it } from 'vitest'
import { computePlan, parseCase } from '../../../src/shared/index'
import { resectStations } from '../../../src/shared/rules/canal'
import { baseRaw, finding, parseOk, plan, testSystem } from './helpers'

describe('the station at the cut keeps each plane', () => {
  const st = [
    { fromDistalEndMm: 0, endostealMm: 10, periostealMm: 21, index: 0, planes: [{ plane: 'AP' as const, endostealMm: 20, periostealMm: 21 }, { plane: 'Lat' as const, endostealMm: 10, periostealMm: 30 }] },
    { fromDistalEndMm: 20, endostealMm: 10, periostealMm: 26, index: 1 }
  ]
  it('interpolates each plane at the cut (a one-plane station stands for both planes)', () => {
    // cut at 2 mm: a tenth of the way from z 0 to z 20
    const [cut] = resectStations(st, 2)
    expect(cut?.fromDistalEndMm).toBe(0)
    expect(cut?.endostealMm).toBeCloseTo(10, 12) // smaller of each, linear: 10 → 10
    expect(cut?.periostealMm).toBeCloseTo(21.5, 12) // 21 → 26
    expect(cut?.planes?.map((p) => [p.plane, +p.endostealMm.toFixed(9), +p.periostealMm.toFixed(9)])).toEqual([
      ['AP', 19, 21.5], // 20 → 10, 21 → 26
      ['Lat', 10, 29.6] // 10 → 10, 30 → 26
    ])
  })
  it('a plane thin at the cut is found on the shortened bone (R-CORTEX-THIN)', () => {
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endostealAP: 20, endostealLat: 10, periostealAP: 21, periostealLat: 30 },
      { fromDistalEnd: 20, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 150, endosteal: 12, periosteal: 28 }
    ]
    r.prosthesis.soundSideLength = 378 // available 178, required 180: resection 2 mm
    const p = plan(r)
    expect(p.buildHeight?.resectionMm).toBeCloseTo(2, 9)
    // shortened bone 198 → L 120; canal 10 from the cut to z 98 → D 11 (r 10) with C = 98
    expect(p.implant).toMatchObject({ diameterMm: 11, lengthMm: 120, preparedDiameterMm: 10 })
    // AP at the cut: (21.5 − max(19, 10)) ÷ 2 = 1.25 mm < 2 (the smaller-of-each values gave 5.75)
    expect(p.implant?.minCortexMm).toBeCloseTo(1.25, 9)
    expect(p.implant?.minCortexAtMm).toBe(0)
    const thin = finding(p, 'R-CORTEX-THIN')
    expect(thin?.severity).toBe('warning')
    expect(thin?.message).toContain('1.3 mm at 0 mm from the new distal end (after the resection) in the AP plane')
  })
})

describe('the ±5 % sizes re-plan the resection at their own magnification', () => {
  // X-ray at m 1.15: residual 230 → 200 mm, sound side 437 → 380 mm; components 185 mm.
  //   at m:        available 180, clearance −5 → resection 5 → bone 195 → Lmax 175 → L 170
  //   at m × 0.95: residual 210.53, sound 400.00 → clearance +4.47, no resection → Lmax 190.53 → L 190
  //                (the shortened bone rescaled would give 195 ÷ 0.95 = 205.3 → L 180)
  //   at m × 1.05: residual 190.48, sound 361.90 → clearance −13.57 → bone 176.90 → Lmax 156.9 → L 150
  //                (rescaled: 195 ÷ 1.05 = 185.7 → L 160)
  // Canal 12 mm measured everywhere: 10.43 at m → D 12; 10.98 at m × 0.95 → D 12; 9.94 at m × 1.05 → D 11.
  function xrayCase() {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.15 }
    r.bone.residualLength = 230
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 12, periosteal: 30 },
      { fromDistalEnd: 115, endosteal: 12, periosteal: 30 },
      { fromDistalEnd: 230, endosteal: 12, periosteal: 30 }
    ]
    r.prosthesis.soundSideLength = 437
    r.prosthesis.components = [{ name: 'adapter', buildHeight: 55 }, { name: 'safety device', buildHeight: 30 }, { name: 'knee', buildHeight: 100 }]
    r.implant = { system: testSystem({ lengthsMm: [100, 150, 160, 170, 180, 190] }) }
    return r
  }
  it('names the sizes each magnification would really give', () => {
    const p = plan(xrayCase())
    expect(p.buildHeight?.resectionMm).toBeCloseTo(5, 9)
    expect(p.implant).toMatchObject({ diameterMm: 12, lengthMm: 170 })
    expect(p.implant?.atMagnificationMinus5).toMatchObject({ diameterMm: 12, lengthMm: 190 })
    expect(p.implant?.atMagnificationMinus5.magnification).toBeCloseTo(1.0925, 12)
    expect(p.implant?.atMagnificationPlus5).toMatchObject({ diameterMm: 11, lengthMm: 150 })
    expect(finding(p, 'R-DIA-MAGNIFICATION-SENSITIVE')?.message).toContain('at 1.092× it would be 12 mm × 190 mm, at 1.208× 11 mm × 150 mm (planned 12 mm × 170 mm)')
  })
  it('without a resection at m, the ±5 % sizes still add the one their magnification needs', () => {
    const r = xrayCase()
    r.prosthesis.components[0].buildHeight = 45 // required 175: clearance +5 at m, +14.47 at m × 0.95, −3.57 at m × 1.05
    const p = plan(r)
    expect(p.buildHeight?.resectionMm).toBe(0)
    expect(p.implant?.lengthMm).toBe(180) // 200 − 20
    // m × 1.05: 190.48 − 3.57 = 186.90 → Lmax 166.90 → L 160 (unresected: Lmax 170.48 → L 170)
    expect(p.implant?.atMagnificationPlus5.lengthMm).toBe(160)
  })
})

describe('eligibility and loading read the bone left after the resection', () => {
  it('a transhumeral bone shortened below 100 mm fails the humerus criterion, and says why', () => {
    const r = baseRaw()
    r.limb = { level: 'transhumeral', side: 'left' }
    r.bone.residualLength = 105
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 9, periosteal: 18 },
      { fromDistalEnd: 105, endosteal: 9, periosteal: 18 }
    ]
    r.prosthesis = { soundSideLength: 300, components: [{ name: 'elbow', buildHeight: 205 }] } // available 195: resection 10
    const p = plan(r)
    expect(p.buildHeight?.resectionMm).toBeCloseTo(10, 9)
    const item = p.eligibility.find((e) => e.item === 'HUMERUS-LENGTH')
    expect(item?.outcome).toBe('fail')
    expect(finding(p, 'R-ELIG-HUMERUS-LENGTH')?.message).toContain('Residual humerus 95 mm (corrected, after the proposed 10 mm resection) is shorter than 100 mm')
  })
  it('a femur shortened below the short-bone length suggests slow loading', () => {
    const r = baseRaw()
    r.bone.residualLength = 160
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 160, endosteal: 12, periosteal: 26 }
    ]
    r.prosthesis.soundSideLength = 330 // available 170
    r.prosthesis.components[2].buildHeight = 101 // required 181: resection 11 → 149 mm, under the 150 mm site default
    const p = plan(r)
    expect(p.buildHeight?.resectionMm).toBeCloseTo(11, 9)
    expect(p.rehab.slowSuggested).toBe(true)
    expect(p.rehab.slowReasons[0]).toContain('short residual femur (149 mm, after the proposed 11 mm resection < 150 mm)')
  })
})

describe('R-CANAL and R-CORTEX: a canal as wide as the bone', () => {
  it('one periosteal Ø stands for both planes: an endosteal Ø at or above it in either plane is invalid input', () => {
    const r = baseRaw()
    r.bone.stations[1] = { fromDistalEnd: 50, endostealAP: 13, endostealLat: 9, periosteal: 12.5 }
    const parsed = parseCase(r)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors).toContainEqual(expect.objectContaining({ path: 'bone.stations[1].endostealAP', message: expect.stringContaining('must be smaller than the periosteal AP diameter (12.5 mm)') }))
  })
  it('R-CORTEX blocks where no cortex is left, even with the implant narrower than the bone', () => {
    // A station parseCase would refuse (AP endosteal 27 ≥ periosteal 26), given to the engine directly.
    const c = parseOk(baseRaw())
    const station = c.bone.stations[2]!
    station.twoPlane = true
    station.planes = [{ plane: 'AP', endostealMm: 27, periostealMm: 26 }, { plane: 'Lat', endostealMm: 10, periostealMm: 26 }]
    const p = computePlan(c)
    const breach = finding(p, 'R-CORTEX-BREACH')
    expect(breach?.severity).toBe('block')
    expect(breach?.message).toContain('No cortex would remain at the station 100 mm from the distal end in the AP plane')
    expect(breach?.paths).toEqual(['bone.stations[2]'])
    expect(p.status).toBe('blocked')
  })
})
