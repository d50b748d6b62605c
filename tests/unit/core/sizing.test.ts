/**
 * R-MAG, R-CANAL, R-LEN, R-DIA, R-CORTEX: hand-worked cases and boundaries.
 * The base case (helpers.ts) has its canal and arithmetic documented there.
 */
import { describe, expect, it } from 'vitest'
import { basisFor, computePlan } from '../../../src/shared/index'
import { contactLength, resectStations } from '../../../src/shared/rules/canal'
import { baseRaw, clone, finding, ids, parseOk, plan } from './helpers'

describe('R-MAG magnification', () => {
  it('uses the marker: m = measured ÷ true', () => {
    const r = baseRaw()
    // 28.75 / 25 = 1.15; residual 230 / 1.15 = 200 → same plan as the CT base case
    r.imaging = { source: 'xray', marker: { trueSize: 25, measuredSize: 28.75 } }
    r.bone.residualLength = 230
    r.bone.stations = r.bone.stations.map((s: any) => ({
      fromDistalEnd: s.fromDistalEnd * 1.15,
      endosteal: s.endosteal * 1.15,
      periosteal: s.periosteal * 1.15
    }))
    r.prosthesis.soundSideLength = 460 // 460 / 1.15 = 400
    const p = plan(r)
    expect(p.corrected.magnification).toBeCloseTo(1.15, 12)
    expect(p.corrected.magnificationSource).toBe('marker')
    expect(p.corrected.residualLengthMm).toBeCloseTo(200, 9)
    expect(p.corrected.soundSideLengthMm).toBeCloseTo(400, 9)
    expect(p.corrected.stations[1]?.endostealMm).toBeCloseTo(12, 9) // 13.8 / 1.15
    expect(p.implant?.diameterMm).toBe(12)
    expect(p.implant?.lengthMm).toBe(120)
    expect(basisFor(p, 'corrected.magnification')?.formula).toContain('marker')
    expect(ids(p)).not.toContain('R-MAG-UNCALIBRATED')
  })
  it('marker wins over an entered factor (info)', () => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.1, marker: { trueSize: 25, measuredSize: 28.75 } }
    const p = plan(r)
    expect(p.corrected.magnification).toBeCloseTo(1.15, 12)
    expect(finding(p, 'R-MAG-FACTOR-IGNORED')?.severity).toBe('info')
  })
  it('uses the entered factor', () => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.1 }
    const p = plan(r)
    expect(p.corrected.magnification).toBe(1.1)
    expect(p.corrected.residualLengthMm).toBeCloseTo(200 / 1.1, 12) // 181.82
    expect(p.corrected.magnificationSource).toBe('factor')
  })
  it('X-ray without marker or factor: profile default 1.15 and R-MAG-UNCALIBRATED', () => {
    const r = baseRaw()
    r.imaging = { source: 'xray' }
    const p = plan(r)
    expect(p.corrected.magnification).toBe(1.15)
    expect(p.corrected.magnificationSource).toBe('profile-default')
    expect(finding(p, 'R-MAG-UNCALIBRATED')?.severity).toBe('warning')
    expect(finding(p, 'R-MAG-UNCALIBRATED')?.basis.parameters.map((x) => x.key)).toEqual(['mag.defaultFactor'])
    expect(p.status).toBe('warnings')
  })
  it('CT and calibrated values: m = 1', () => {
    expect(plan(baseRaw()).corrected.magnification).toBe(1)
    const r = baseRaw()
    r.imaging = { source: 'calibrated' }
    expect(plan(r).corrected.magnificationSource).toBe('none')
  })
  it.each([
    [1.04, true],
    [1.05, false], // exactly at the lower limit: no warning
    [1.06, false],
    [1.19, false],
    [1.2, false], // exactly at the upper limit
    [1.21, true],
    [1.0, true],
    [1.3, true]
  ])('range warning at m = %s: %s', (m, warn) => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: m }
    expect(ids(plan(r)).includes('R-MAG-RANGE')).toBe(warn)
  })
  it.each([
    [31.5, false], // 31.5 / 30 = 1.05 exactly at the limit
    [31.4, true], // 1.0467
    [36, false], // 36 / 30 = 1.2
    [36.1, true] // 1.2033
  ])('marker 30 mm measured %s mm: range warning %s', (measured, warn) => {
    const r = baseRaw()
    r.imaging = { source: 'xray', marker: { trueSize: 30, measuredSize: measured } }
    expect(ids(plan(r)).includes('R-MAG-RANGE')).toBe(warn)
  })
  it('corrects soft tissue only when it was measured on X-ray', () => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.2 }
    r.softTissue = { distalThickness: 36, method: 'xray' }
    expect(plan(r).corrected.softTissueMm).toBeCloseTo(30, 12) // 36 / 1.2
    r.softTissue.method = 'ultrasound'
    expect(plan(r).corrected.softTissueMm).toBe(36)
    const ct = baseRaw()
    ct.softTissue = { distalThickness: 23, method: 'xray' }
    const p = plan(ct)
    expect(p.corrected.softTissueMm).toBeCloseTo(20, 12) // CT bones, X-ray soft tissue: default 1.15 → 23 / 1.15
    expect(finding(p, 'R-MAG-UNCALIBRATED')?.paths).toEqual(['softTissue.method'])
    // Calibrated radiographs: the soft tissue measured on them is true size too (no second division).
    const cal = baseRaw()
    cal.imaging = { source: 'calibrated' }
    cal.softTissue = { distalThickness: 23, method: 'xray' }
    const q = plan(cal)
    expect(q.corrected.softTissueMm).toBe(23)
    expect(q.corrected.softTissueMagnification).toBe(1)
    expect(ids(q)).not.toContain('R-MAG-UNCALIBRATED')
  })
})

describe('R-CANAL contact length C(r)', () => {
  const st = parseOk(baseRaw()).bone.stations.map((s) => ({
    fromDistalEndMm: s.fromDistalEndMm,
    endostealMm: s.endostealMm,
    periostealMm: s.periostealMm,
    index: s.index
  }))
  it('is exact for the piecewise linear canal', () => {
    // r = 11: [75,100] + [100,120] = 45 (see helpers.ts)
    expect(contactLength(st, 120, 11)).toBeCloseTo(45, 12)
    // r = 12: [50,100] + [100,120] = 70 (segment 0–50 touches 12 only at z = 50)
    expect(contactLength(st, 120, 12)).toBeCloseTo(70, 12)
    // r = 14: 0–50: 16 − 0.08 z ≤ 14 ⇔ z ≥ 25 → 25; + 50 + 20 = 95
    expect(contactLength(st, 120, 14)).toBeCloseTo(95, 12)
    // r = 9: canal never that narrow
    expect(contactLength(st, 120, 9)).toBe(0)
    // r = 20: all of [0, 120]
    expect(contactLength(st, 120, 20)).toBe(120)
    // L beyond the last station (150): only [0, 150] is measured
    expect(contactLength(st, 200, 20)).toBe(150)
  })
  it('resection shifts the stations and interpolates one at the cut', () => {
    // cut at 25: station 0 dropped, interpolated endo at z = 25 = 16 − 0.08 × 25 = 14, peri 28 − 0.04 × 25 = 27
    const cut = resectStations(st, 25)
    expect(cut[0]).toEqual({ fromDistalEndMm: 0, endostealMm: 14, periostealMm: 27, index: -1 })
    expect(cut[1]?.fromDistalEndMm).toBe(25)
    expect(cut).toHaveLength(4)
    expect(resectStations(st, 50)[0]).toEqual({ fromDistalEndMm: 0, endostealMm: 12, periostealMm: 26, index: 1 })
  })
})

describe('R-LEN implant length', () => {
  it('takes the longest catalogue length ≤ residual − tip margin', () => {
    const p = plan(baseRaw())
    expect(p.implant?.maxLengthMm).toBe(180) // 200 − 20
    expect(p.implant?.lengthMm).toBe(120)
    expect(basisFor(p, 'implant.lengthMm')?.parameters.map((x) => x.key)).toEqual([
      'system.test-stem.tipMarginMm',
      'system.test-stem.lengthsMm'
    ])
  })
  it.each([
    // residual, expected length: Lmax = residual − 20
    [140, 120], // Lmax 120 = 120 exactly
    [139.99, 100], // Lmax 119.99 < 120
    [100, 80],
    [80, 60] // Lmax 60 = the shortest
  ])('residual %s mm → length %s mm', (residual, length) => {
    const r = baseRaw()
    r.bone.residualLength = residual
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 11, periosteal: 20 },
      { fromDistalEnd: residual, endosteal: 11, periosteal: 20 }
    ]
    expect(plan(r).implant?.lengthMm).toBe(length)
  })
  it('blocks R-LEN-SHORT-BONE one step below, stating the shortest residual length that fits', () => {
    const r = baseRaw()
    r.bone.residualLength = 79.99 // Lmax 59.99 < 60
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 11, periosteal: 20 },
      { fromDistalEnd: 79.99, endosteal: 11, periosteal: 20 }
    ]
    const p = plan(r)
    expect(p.implant).toBeNull()
    expect(p.status).toBe('blocked')
    const f = finding(p, 'R-LEN-SHORT-BONE')
    expect(f?.severity).toBe('block')
    expect(f?.message).toContain('a residual length of at least 80 mm would fit') // 60 + 20
    // On X-ray the measured equivalent is given too: 80 × 1.1 = 88 mm
    r.imaging = { source: 'xray', magnification: 1.1 }
    expect(finding(plan(r), 'R-LEN-SHORT-BONE')?.message).toContain('(88 mm as measured on the radiograph at 1.1×)')
  })
  it('warns R-LEN-PROFILE-INCOMPLETE when the stations stop short of the tip', () => {
    const r = baseRaw()
    r.bone.stations = r.bone.stations.slice(0, 3) // last station at 100 mm, implant 120 mm
    const p = plan(r)
    const f = finding(p, 'R-LEN-PROFILE-INCOMPLETE')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toContain('unmeasured: 100 mm–120 mm')
    // measured part only: r 11 → [75, 100] = 25 < 30; r 12 → [50, 100] = 50 → D = 13
    expect(p.implant?.diameterMm).toBe(13)
    expect(p.implant?.contactLengthMm).toBeCloseTo(50, 12)
  })
  it('warns when the first station is above the distal end', () => {
    const r = baseRaw()
    r.bone.stations[0].fromDistalEnd = 10
    expect(finding(plan(r), 'R-LEN-PROFILE-INCOMPLETE')?.message).toContain('unmeasured: 0–10 mm')
  })
})

describe('R-DIA implant diameter', () => {
  it('recommends the smallest diameter reaching min(minContact, L), with neighbours', () => {
    const p = plan(baseRaw())
    const i = p.implant
    expect(i?.diameterMm).toBe(12)
    expect(i?.preparedDiameterMm).toBe(11) // 12 − 1
    expect(i?.contactLengthMm).toBeCloseTo(45, 12)
    expect(i?.requiredContactMm).toBe(30) // min(30, 120)
    expect(i?.smaller).toEqual({ diameterMm: 11, preparedDiameterMm: 10, contactLengthMm: 0 })
    expect(i?.larger?.diameterMm).toBe(13)
    expect(i?.larger?.contactLengthMm).toBeCloseTo(70, 12)
    expect(basisFor(p, 'implant.diameterMm')?.rule).toBe('R-DIA')
    expect(basisFor(p, 'implant.smaller.contactLengthMm')?.rule).toBe('R-DIA')
    expect(basisFor(p, 'implant.diameterMm')?.sources).toContain('S66')
  })
  it('has no smaller option at the smallest size and no larger at the largest', () => {
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 8, periosteal: 20 },
      { fromDistalEnd: 200, endosteal: 8, periosteal: 20 }
    ]
    expect(plan(r).implant?.smaller).toBeNull()
    expect(plan(r).implant?.diameterMm).toBe(10)
    r.implant.system.diametersMm = [10]
    expect(plan(r).implant?.larger).toBeNull()
  })
  describe('boundary: contact exactly at the minimum', () => {
    // Canal: 0 → 30 mm the endosteal Ø rises 10 → e30, then jumps to 13 at 31 mm and stays.
    const raw = (e30: number) => {
      const r = baseRaw()
      r.bone.stations = [
        { fromDistalEnd: 0, endosteal: 10, periosteal: 24 },
        { fromDistalEnd: 30, endosteal: e30, periosteal: 24 },
        { fromDistalEnd: 31, endosteal: 13, periosteal: 24 },
        { fromDistalEnd: 200, endosteal: 13, periosteal: 24 }
      ]
      return r
    }
    it('C(11) = 30 exactly → D 12', () => {
      // r = 11: 0–30 all ≤ 11 (30 mm); 30–31: 11 + 2(z − 30) ≤ 11 only at z = 30 → C = 30
      const p = plan(raw(11))
      expect(p.implant?.contactLengthMm).toBeCloseTo(30, 12)
      expect(p.implant?.diameterMm).toBe(12)
    })
    it('C(11) just below 30 → D 13', () => {
      // e30 = 11.01: 10 + 1.01 z / 30 ≤ 11 ⇔ z ≤ 29.703 → C = 29.70 < 30
      const p = plan(raw(11.01))
      expect(p.implant?.smaller?.contactLengthMm).toBeCloseTo(29.703, 3)
      expect(p.implant?.diameterMm).toBe(13)
    })
    it('C(11) just above 30 → D 12', () => {
      // e30 = 10.99: 0–30 all (30); 30–31: 10.99 + 2.01 (z − 30) ≤ 11 ⇔ z ≤ 30.005 → C = 30.005
      const p = plan(raw(10.99))
      expect(p.implant?.diameterMm).toBe(12)
      expect(p.implant?.contactLengthMm).toBeCloseTo(30.005, 3)
    })
  })
  it('requires only the implant length when it is shorter than minContact', () => {
    const r = baseRaw()
    r.implant.system.lengthsMm = [20]
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 10.5, periosteal: 20 },
      { fromDistalEnd: 200, endosteal: 10.5, periosteal: 20 }
    ]
    const p = plan(r)
    expect(p.implant?.requiredContactMm).toBe(20) // min(30, 20)
    expect(p.implant?.diameterMm).toBe(12) // r 11 ≥ 10.5 everywhere → C = 20; r 10 → 0
  })
  it('blocks R-DIA-CANAL-TOO-WIDE when no diameter reaches the contact', () => {
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 20, periosteal: 30 },
      { fromDistalEnd: 200, endosteal: 20, periosteal: 30 }
    ]
    const p = plan(r)
    expect(p.implant).toBeNull()
    expect(p.status).toBe('blocked')
    expect(finding(p, 'R-DIA-CANAL-TOO-WIDE')?.message).toContain('the largest (14 mm, prepared canal 13 mm) gives 0 mm')
  })
  it('re-computes the size at m × 0.95 and m × 1.05', () => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.0 }
    // m × 0.95 = 0.95: every value × 1/0.95 (canal wider) → r 11 contact shrinks:
    //   segment 50–100 (scaled 52.6–105.3): 12.63 → 10.53; ≤ 11 from z = 52.63 + 52.63 × (1.63/2.11) …
    const p = plan(r)
    expect(p.implant?.atMagnificationMinus5.magnification).toBeCloseTo(0.95, 12)
    expect(p.implant?.atMagnificationPlus5.magnification).toBeCloseTo(1.05, 12)
    // at 1.05 everything shrinks by 1/1.05: the canal is narrower, D cannot grow
    expect(p.implant?.atMagnificationPlus5.diameterMm).toBeLessThanOrEqual(12)
    expect(p.implant?.atMagnificationMinus5.diameterMm).toBeGreaterThanOrEqual(12)
    // explicit: at m = 0.95, residual 210.5 → Lmax 190.5 → L 120; canal × 1.0526:
    //   z 52.63 endo 12.63, z 105.26 endo 10.53, z 157.9 endo 12.63; r 11 (D 12):
    //   52.63–105.26: ≤ 11 from z = 52.63 + 52.63 × (12.63 − 11)/(12.63 − 10.53) = 93.42 → 11.84
    //   105.26–120: 10.53 + 0.04 (z − 105.26) ≤ 11 ⇔ z ≤ 117.1 → 11.84; total 23.7 < 30 → D 13
    expect(p.implant?.atMagnificationMinus5.diameterMm).toBe(13)
    expect(finding(p, 'R-DIA-MAGNIFICATION-SENSITIVE')?.severity).toBe('info')
    expect(basisFor(p, 'implant.atMagnificationMinus5.diameterMm')?.parameters[0]?.key).toBe('mag.sensitivityFraction')
  })
})

describe('R-CORTEX remaining cortex', () => {
  it('reports the thinnest station inside the implant zone', () => {
    const p = plan(baseRaw())
    // t = (peri − max(endo, 11)) / 2: z0 (28 − 16)/2 = 6; z50 (26 − 12)/2 = 7; z100 (26 − 11)/2 = 7.5;
    // the tip z120 (26.8 − max(10.8, 11))/2 = 7.9; z150 is outside the zone
    expect(p.implant?.minCortexMm).toBe(6)
    expect(p.implant?.minCortexAtMm).toBe(0)
    expect(p.implant?.tipCortexMm).toBeCloseTo(7.9, 9)
    expect(basisFor(p, 'implant.minCortexMm')?.inputs.checkedDistances?.value).toEqual([0, 50, 100, 120])
    expect((basisFor(p, 'implant.minCortexMm')?.inputs.cortexAtDistances?.value as number[]).map((t) => +t.toFixed(9))).toEqual([6, 7, 7.5, 7.9])
  })
  it.each([
    [14.98, 'R-CORTEX-THIN'], // (14.98 − 11)/2 = 1.99 < 2
    [15, null], // (15 − 11)/2 = 2 exactly: no warning
    [15.02, null], // 2.01
    [12.02, 'R-CORTEX-THIN'], // 0.51 > 0, thin, and the Ø 12 implant is narrower than the bone
    [11.02, 'R-CORTEX-BREACH'], // t = 0.01 > 0, but the Ø 12 implant is wider than the 11.02 mm bone
    [11, 'R-CORTEX-BREACH'] // (11 − 11)/2 = 0 → block
  ])('periosteal %s mm at z 100 → %s', (peri, id) => {
    const r = baseRaw()
    r.bone.stations[2].periosteal = peri
    const p = plan(r)
    const found = p.findings.filter((f) => f.id.startsWith('R-CORTEX') && f.severity !== 'info').map((f) => f.id)
    expect(found).toEqual(id ? [id] : [])
    if (id) {
      expect(finding(p, id)?.message).toContain('100 mm from the distal end')
      expect(finding(p, id)?.paths).toEqual(['bone.stations[2]'])
    }
    if (id === 'R-CORTEX-BREACH') expect(p.status).toBe('blocked')
  })
})

describe('implant system selection', () => {
  it('blocks an unknown system and a system made for another bone', () => {
    const r = baseRaw()
    r.implant = { systemId: 'nope' }
    const p = plan(r)
    expect(finding(p, 'SYSTEM-UNKNOWN')?.severity).toBe('block')
    expect(p.implant).toBeNull()
    const t = clone(baseRaw())
    t.limb = { level: 'transtibial', side: 'left' }
    t.implant = { systemId: 'opra-femur' }
    const q = plan(t)
    expect(finding(q, 'SYSTEM-BONE')?.message).toContain('OPRA femur fixture is made for the femur, not the tibia')
    expect(q.implant).toBeNull()
  })
  it('uses a catalogue passed in the options, and flags template systems', () => {
    const r = baseRaw()
    r.implant = { systemId: 'generic-press-fit' }
    const p = plan(r)
    expect(finding(p, 'SYSTEM-TEMPLATE')?.severity).toBe('warning')
    expect(p.system).toEqual({ id: 'generic-press-fit', name: 'Generic press-fit stem (template)', version: '1', template: true })
    const own = parseOk({ ...baseRaw(), implant: { systemId: 'mine' } })
    const sys = parseOk(baseRaw()).implant.system
    const q = computePlan(own, { systems: [{ ...sys!, id: 'mine' }] })
    expect(q.implant?.diameterMm).toBe(12)
  })
})
