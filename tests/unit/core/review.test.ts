/**
 * Independent clinical-correctness review of the calculation core against PLANNING-RULES.md and
 * REFERENCE.md: the hand-worked checks of the review, rule by rule (arithmetic in the comments),
 * and the discrepancies it found (each marked "review fix").
 *
 * The review case ("xr"): transfemoral, X-ray with factor 1.15, generic press-fit template
 * (Ø 8–24 mm in 1 mm steps, lengths 60–200 mm in 20 mm steps, engagement 1, minContact 30,
 * minCortex 2, tip margin 20). Everything entered as measured = true size × 1.15:
 *   residual 230 → 200;  stations z 0/57.5/115/172.5 → 0/50/100/150;
 *   endosteal 18.4/13.8/11.5/13.8 → 16/12/10/12;  periosteal 32.2/29.9/29.9/32.2 → 28/26/26/28;
 *   sound side 460 → 400;  soft tissue 34.5 on X-ray → 30.
 */
import { describe, expect, it } from 'vitest'
import {
  BUILTIN_SYSTEMS,
  DEFAULT_PROFILE,
  OPRA_FEMUR,
  PROTOCOLS,
  planFromRaw,
  type PlanResult
} from '../../../src/shared/index'
import { formatApart } from '../../../src/shared/format'
import { clone, errorsOf, finding, ids, plan } from './helpers'

function xr(): Record<string, any> {
  return {
    format: 'osseoplan.case',
    version: 1,
    patient: { code: 'REV-1', ageYears: 40, sex: 'female', weight: 80, height: 180, conditions: [], socketRehabMonths: 12, hipFlexionContractureDeg: 5, tScore: 0 },
    limb: { level: 'transfemoral', side: 'left' },
    imaging: { source: 'xray', magnification: 1.15 },
    bone: {
      residualLength: 230,
      landmark: 'tip of greater trochanter',
      stations: [
        { fromDistalEnd: 0, endosteal: 18.4, periosteal: 32.2 },
        { fromDistalEnd: 57.5, endosteal: 13.8, periosteal: 29.9 },
        { fromDistalEnd: 115, endosteal: 11.5, periosteal: 29.9 },
        { fromDistalEnd: 172.5, endosteal: 13.8, periosteal: 32.2 }
      ]
    },
    softTissue: { distalThickness: 34.5, method: 'xray' },
    prosthesis: {
      soundSideLength: 460,
      components: [
        { name: 'adapter', buildHeight: 50 },
        { name: 'safety device', buildHeight: 30 },
        { name: 'knee', buildHeight: 100 }
      ]
    },
    implant: { systemId: 'generic-press-fit' }
  }
}

/** The same bone in true size on CT (m = 1). */
function ct(): Record<string, any> {
  const r = xr()
  r.imaging = { source: 'ct' }
  r.bone.residualLength = 200
  r.bone.stations = [
    { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
    { fromDistalEnd: 50, endosteal: 12, periosteal: 26 },
    { fromDistalEnd: 100, endosteal: 10, periosteal: 26 },
    { fromDistalEnd: 150, endosteal: 12, periosteal: 28 }
  ]
  r.prosthesis.soundSideLength = 400
  r.softTissue = { distalThickness: 30, method: 'ct' }
  return r
}

/** The plan without file-position references and magnification bookkeeping (for "same plan" checks). */
function sizes(p: PlanResult) {
  const i = p.implant
  return {
    implant: i && [i.diameterMm, i.lengthMm, i.preparedDiameterMm, i.contactLengthMm, i.minCortexMm, i.minCortexAtMm],
    minus: i && [i.atMagnificationMinus5.diameterMm, i.atMagnificationMinus5.lengthMm],
    plus: i && [i.atMagnificationPlus5.diameterMm, i.atMagnificationPlus5.lengthMm],
    residual: p.corrected.residualLengthMm,
    clearance: p.buildHeight?.clearanceMm
  }
}

describe('R-MAG (review)', () => {
  it('divides residual, stations, sound side and X-ray soft tissue by m = 1.15', () => {
    const p = plan(xr())
    expect(p.corrected.residualLengthMm).toBeCloseTo(200, 9) // 230 / 1.15
    expect(p.corrected.stations.map((s) => s.fromDistalEndMm)).toEqual([0, 50, 100, 150].map((z) => expect.closeTo(z, 9)))
    expect(p.corrected.stations.map((s) => s.endostealMm)).toEqual([16, 12, 10, 12].map((z) => expect.closeTo(z, 9)))
    expect(p.corrected.soundSideLengthMm).toBeCloseTo(400, 9) // 460 / 1.15
    expect(p.softTissue.measuredMm).toBeCloseTo(30, 9) // 34.5 / 1.15 (method xray)
    const us = xr()
    us.softTissue.method = 'ultrasound'
    expect(plan(us).softTissue.measuredMm).toBe(34.5) // not radiographic: not corrected
  })
  it('marker 28.75 / 25 = 1.15 plans exactly like the factor 1.15; marker + factor → the marker, with info', () => {
    const m = xr()
    m.imaging = { source: 'xray', marker: { trueSize: 25, measuredSize: 28.75 } }
    expect(sizes(plan(m))).toEqual(sizes(plan(xr())))
    const both = xr()
    both.imaging = { source: 'xray', magnification: 1.1, marker: { trueSize: 25, measuredSize: 28.75 } }
    const p = plan(both)
    expect(p.corrected.magnification).toBeCloseTo(1.15, 12)
    expect(finding(p, 'R-MAG-FACTOR-IGNORED')?.severity).toBe('info')
    expect(sizes(p)).toEqual(sizes(plan(xr())))
  })
  it('X-ray without marker or factor: the profile default 1.15 (site default) and R-MAG-UNCALIBRATED', () => {
    const r = xr()
    r.imaging = { source: 'xray' }
    const p = plan(r)
    expect(p.corrected.magnification).toBe(1.15)
    expect(finding(p, 'R-MAG-UNCALIBRATED')?.severity).toBe('warning')
    expect(DEFAULT_PROFILE.params['mag.defaultFactor'].provenance).toMatchObject({ kind: 'site-default', basedOn: ['A3'] })
  })
  it('the CT bone plans like the X-ray bone corrected by 1.15', () => {
    const a = sizes(plan(ct()))
    const b = sizes(plan(xr()))
    expect(a.implant).toEqual(b.implant?.map((x) => expect.closeTo(x as number, 9)))
    expect(a.residual).toBeCloseTo(b.residual, 9)
  })
  it('m outside 1.00–1.30 is invalid input; outside 1.05–1.20 a warning', () => {
    const hi = xr()
    hi.imaging.magnification = 1.31
    expect(errorsOf(hi).map((e) => e.path)).toEqual(['imaging.magnification'])
    const low = xr()
    low.imaging = { source: 'xray', marker: { trueSize: 25, measuredSize: 24 } } // 0.96
    expect(errorsOf(low).map((e) => e.path)).toEqual(['imaging.marker.measuredSize'])
    const warn = xr()
    warn.imaging.magnification = 1.25
    expect(finding(plan(warn), 'R-MAG-RANGE')?.severity).toBe('warning')
  })
  it('review fix: the range warning never prints m as the limit it is outside of', () => {
    // marker 31.49 / 30 = 1.049667 < 1.05; at 3 decimals it prints "1.05×" (before: "1.05× is outside 1.05–1.2")
    const r = xr()
    r.imaging = { source: 'xray', marker: { trueSize: 30, measuredSize: 31.49 } }
    expect(finding(plan(r), 'R-MAG-RANGE')?.message).toContain('Magnification 1.0497× is outside the usual 1.05×–1.2×')
  })
})

describe('R-CANAL (review)', () => {
  it('stations in any order give the same plan', () => {
    const r = xr()
    r.bone.stations = [r.bone.stations[2], r.bone.stations[0], r.bone.stations[3], r.bone.stations[1]]
    expect(sizes(plan(r))).toEqual(sizes(plan(xr())))
  })
  it('two planes: the smaller endosteal and the smaller periosteal diameter', () => {
    const r = ct()
    r.bone.stations = [
      { fromDistalEnd: 0, endostealAP: 16, endostealLat: 17, periostealAP: 28, periostealLat: 29 },
      { fromDistalEnd: 50, endostealAP: 13, endostealLat: 12, periostealAP: 26, periostealLat: 27 },
      { fromDistalEnd: 100, endostealAP: 10, endostealLat: 11, periostealAP: 26.5, periostealLat: 26 },
      { fromDistalEnd: 150, endostealAP: 12.5, endostealLat: 12, periostealAP: 28, periostealLat: 28 }
    ]
    // min of each: e 16/12/10/12, p 28/26/26/28 = the CT base
    expect(sizes(plan(r))).toEqual(sizes(plan(ct())))
  })
  it('rejects endosteal ≥ periosteal (per plane too) and a station beyond the residual length', () => {
    const a = ct()
    a.bone.stations[1] = { fromDistalEnd: 50, endostealAP: 12, endostealLat: 27.5, periostealAP: 26, periostealLat: 27 }
    expect(errorsOf(a).map((e) => e.path)).toEqual(['bone.stations[1].endostealLat'])
    const b = ct()
    b.bone.stations.push({ fromDistalEnd: 200.1, endosteal: 12, periosteal: 28 })
    expect(errorsOf(b).map((e) => e.path)).toEqual(['bone.stations[4].fromDistalEnd'])
  })
})

describe('R-LEN (review)', () => {
  it('base: Lmax = 200 − 20 = 180 → the 180 mm length', () => {
    expect(plan(xr()).implant).toMatchObject({ maxLengthMm: expect.closeTo(180, 9), lengthMm: 180 })
  })
  it('R-LEN-SHORT-BONE states the shortest residual that fits, corrected and as measured — and that number does fit', () => {
    const r = xr()
    r.bone.residualLength = 80 // 80 / 1.15 = 69.57 → Lmax 49.57 < 60
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 18, periosteal: 30 },
      { fromDistalEnd: 60, endosteal: 14, periosteal: 29 }
    ]
    const f = finding(plan(r), 'R-LEN-SHORT-BONE')
    expect(f?.severity).toBe('block')
    // shortest length 60 + tip margin 20 = 80 mm true size = 80 × 1.15 = 92 mm on the radiograph
    expect(f?.message).toContain('(69.6 mm after correction, 80 mm as measured)')
    expect(f?.message).toContain('at least 80 mm (92 mm as measured on the radiograph at 1.15×) would fit')
    r.bone.residualLength = 92 // 92 / 1.15 = 80 → Lmax 60 → 60 mm fits
    expect(plan(r).implant?.lengthMm).toBe(60)
    r.bone.residualLength = 91.9 // 79.91 → Lmax 59.91 → none
    expect(ids(plan(r))).toContain('R-LEN-SHORT-BONE')
  })
  it('review fix: the residual is printed apart from the length it falls short of', () => {
    // before: "The residual bone (80 mm after correction) is too short … at least 80 mm would fit"
    const r = ct()
    r.bone.residualLength = 79.99
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 11, periosteal: 20 },
      { fromDistalEnd: 79.99, endosteal: 11, periosteal: 20 }
    ]
    const msg = finding(plan(r), 'R-LEN-SHORT-BONE')?.message
    expect(msg).toContain('The residual bone (79.99 mm) is too short')
    expect(msg).toContain('a residual length of at least 80 mm would fit')
  })
  it('warns R-LEN-PROFILE-INCOMPLETE when the stations stop short of the tip', () => {
    // last station 150 < L 180
    expect(finding(plan(xr()), 'R-LEN-PROFILE-INCOMPLETE')?.message).toContain('unmeasured: 150 mm–180 mm')
  })
})

describe('R-DIA (review)', () => {
  it('smallest D with C(D − 1) ≥ 30 over [0, 180], with neighbours', () => {
    const i = plan(xr()).implant!
    // D 11 → r 10: e ≤ 10 only at z = 100 → C 0
    // D 12 → r 11: 50–100 e = 12 − 0.04(z − 50) ≤ 11 ⇔ z ≥ 75 (25) + 100–150 e = 10 + 0.04(z − 100) ≤ 11 ⇔ z ≤ 125 (25) = 50
    // D 13 → r 12: 50–150 all (100); 0–50 e = 16 − 0.08 z ≤ 12 only at z = 50 → C 100
    expect([i.diameterMm, i.preparedDiameterMm]).toEqual([12, 11])
    expect(i.contactLengthMm).toBeCloseTo(50, 9)
    expect(i.smaller?.contactLengthMm).toBeCloseTo(0, 9)
    expect(i.larger?.contactLengthMm).toBeCloseTo(100, 9)
  })
  it('magnification check goes the right way: a lower assumed m means a larger bone', () => {
    const i = plan(xr()).implant!
    // m × 0.95 = 1.0925: residual 230 / 1.0925 = 210.5 → L 180; canal × 1/0.95 (e 12.63 → 10.53 over z 52.6–105.3):
    //   r 11: z ≥ 52.63 + 52.63 × 1.63/2.105 = 93.4 → 11.8, + 105.3…117.1 → 11.8: 23.7 < 30 → D 13 (larger)
    expect(i.atMagnificationMinus5.magnification).toBeCloseTo(1.0925, 12)
    expect([i.atMagnificationMinus5.diameterMm, i.atMagnificationMinus5.lengthMm]).toEqual([13, 180])
    // m × 1.05 = 1.2075: residual 190.5 → Lmax 170.5 → L 160 (shorter); canal narrower → D stays 12
    expect(i.atMagnificationPlus5.magnification).toBeCloseTo(1.2075, 12)
    expect([i.atMagnificationPlus5.diameterMm, i.atMagnificationPlus5.lengthMm]).toEqual([12, 160])
  })
  it('blocks R-DIA-CANAL-TOO-WIDE with the largest size when the canal really is too wide', () => {
    const r = ct()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 26, periosteal: 34 },
      { fromDistalEnd: 200, endosteal: 25, periosteal: 34 }
    ]
    const f = finding(plan(r), 'R-DIA-CANAL-TOO-WIDE')
    expect(f?.severity).toBe('block')
    expect(f?.message).toContain('the largest (24 mm, prepared canal 23 mm) gives 0 mm. Consider a custom implant or another system.')
  })
  it('review fix: a canal measured over less than the required contact is not called too wide', () => {
    // Stations only 0–25 mm (canal 12 → 11 mm, narrow), implant 180 mm: C(r) ≤ 25 < 30 for every D.
    // Before: "No … diameter reaches … Consider a custom implant or another system."
    const r = ct()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 25, endosteal: 11, periosteal: 26 }
    ]
    const p = plan(r)
    const f = finding(p, 'R-DIA-CANAL-TOO-WIDE')
    expect(f?.severity).toBe('block') // still no plan: the contact cannot be shown
    expect(f?.message).toContain('the canal stations cover only 25 mm of the implant zone')
    expect(f?.message).toContain('Add canal stations up to 180 mm from the distal end')
    expect(f?.message).not.toContain('custom implant')
    // on X-ray the surgeon is also told the distance as measured: 180 × 1.15 = 207 mm
    const x = xr()
    x.bone.stations = [
      { fromDistalEnd: 0, endosteal: 13.8, periosteal: 29.9 },
      { fromDistalEnd: 28.75, endosteal: 12.65, periosteal: 29.9 }
    ]
    expect(finding(plan(x), 'R-DIA-CANAL-TOO-WIDE')?.message).toContain('up to 180 mm from the distal end (207 mm as measured on the radiograph)')
  })
})

describe('R-CORTEX (review)', () => {
  it('t = (periosteal − max(endosteal, r)) / 2 at the stations within [0, L]', () => {
    const i = plan(xr()).implant!
    // r 11: z0 (28 − 16)/2 = 6; z50 (26 − 12)/2 = 7; z100 (26 − 11)/2 = 7.5; z150 (28 − 12)/2 = 8
    expect(i.minCortexMm).toBeCloseTo(6, 9)
    expect(i.minCortexAtMm).toBe(0)
  })
  it('review fix: the thin warning prints t apart from the minimum and names the station as measured', () => {
    // periosteal 17.2 at 115 mm as measured → 14.957 mm; t = (14.957 − 11)/2 = 1.978 < 2
    // Before: "Remaining cortex 2 mm at the station 100 mm from the distal end is below the 2 mm minimum."
    const r = xr()
    r.bone.stations[2].periosteal = 17.2
    const f = finding(plan(r), 'R-CORTEX-THIN')
    expect(f?.message).toBe(
      'Remaining cortex 1.98 mm at the station 115 mm from the distal end as measured (100 mm after correction) is below the 2 mm minimum.'
    )
    expect(f?.paths).toEqual(['bone.stations[2]'])
  })
  it('breach at t ≤ 0 blocks', () => {
    const r = ct()
    r.bone.stations[2].periosteal = 10.5 // < r 11 → t = (10.5 − 11)/2 = −0.25; endosteal 10 < 10.5 valid
    const p = plan(r)
    expect(finding(p, 'R-CORTEX-BREACH')?.severity).toBe('block')
    expect(finding(p, 'R-CORTEX-BREACH')?.message).toContain('The implant (Ø 12 mm) is wider than the bone at the station 100 mm from the distal end (periosteal Ø 10.5 mm; remaining cortex around the 11 mm prepared canal -0.3 mm)')
    expect(p.status).toBe('blocked')
  })
})

describe('R-CORTEX at two-plane stations (review fix)', () => {
  it('counts each plane\'s own cortex, so smaller values from different planes cannot hide a thin wall', () => {
    // Station at 100 mm: AP endosteal 10 / periosteal 30, lateral endosteal 16 / periosteal 22.
    // Smaller of each: endosteal 10, periosteal 22 → (22 − max(10, 11))/2 = 5.5 (looks safe).
    // Lateral plane on its own: (22 − max(16, 11))/2 = 3; AP: (30 − 11)/2 = 9.5. Thinnest: 3.
    // The plan's minimum elsewhere is 6 (z0), so the station at 100 mm becomes the thinnest.
    const r = ct()
    r.bone.stations[2] = { fromDistalEnd: 100, endostealAP: 10, periostealAP: 30, endostealLat: 16, periostealLat: 22 }
    const i = plan(r).implant!
    expect(i.preparedDiameterMm).toBe(11)
    expect(i.minCortexMm).toBeCloseTo(3, 9)
    expect(i.minCortexAtMm).toBe(100)
  })
  it('warns when only one plane is thin', () => {
    // Lateral: endosteal 12, periosteal 15 → (15 − 12)/2 = 1.5 < 2; AP: 10 / 26 → 7.5.
    // Smaller of each: (15 − max(10, 11))/2 = 2 (exactly the minimum: would pass without the plane check).
    const r = ct()
    r.bone.stations[2] = { fromDistalEnd: 100, endostealAP: 10, periostealAP: 26, endostealLat: 12, periostealLat: 15 }
    const p = plan(r)
    expect(p.implant!.minCortexMm).toBeCloseTo(1.5, 9)
    expect(finding(p, 'R-CORTEX-THIN')?.paths).toEqual(['bone.stations[2]'])
  })
  it('one plane given singly stands for both planes', () => {
    // endosteal 12 (both planes), periosteal AP 26 / Lat 20 → AP (26 − 12)/2 = 7, Lat (20 − 12)/2 = 4,
    // smaller of each (20 − 12)/2 = 4 → 4 either way.
    const r = ct()
    r.bone.stations[2] = { fromDistalEnd: 100, endosteal: 12, periostealAP: 26, periostealLat: 20 }
    expect(plan(r).implant!.minCortexMm).toBeCloseTo(4, 9)
  })
})

describe('R-SOFT (review)', () => {
  const soft = (measured: number, adapter?: number) => {
    const r = ct()
    r.softTissue = { distalThickness: measured, method: 'ultrasound' }
    if (adapter !== undefined) r.prosthesis.adapterTranscutaneousLength = adapter
    return plan(r)
  }
  it('reduction = max(0, measured − 15); the adapter is checked against the thickness after reduction', () => {
    expect(soft(30).softTissue).toMatchObject({ measuredMm: 30, targetMm: 15, reductionMm: 15, plannedMm: 15 })
    expect(soft(10).softTissue).toMatchObject({ reductionMm: 0, plannedMm: 10 })
    // planned 15: adapter 14 < 15 warns; 15 and 16 do not (the measured 30 mm is not the reference)
    expect(ids(soft(30, 14))).toContain('R-SOFT-ADAPTER')
    expect(ids(soft(30, 15))).not.toContain('R-SOFT-ADAPTER')
    expect(ids(soft(30, 16))).not.toContain('R-SOFT-ADAPTER')
    // planned 10 (no reduction): adapter 12 is long enough
    expect(ids(soft(10, 12))).not.toContain('R-SOFT-ADAPTER')
  })
  it('review fix: the adapter length is printed apart from the planned thickness', () => {
    // before: "The adapter's transcutaneous length (15 mm) is shorter than the planned soft-tissue thickness (15 mm)"
    expect(finding(soft(30, 14.96), 'R-SOFT-ADAPTER')?.message).toContain('(14.96 mm) is shorter than the planned soft-tissue thickness (15 mm)')
  })
  it('BMI ≥ 30 warns [S30]: 97.2 kg / 1.8² = 30.0 warns, 97.1 kg (29.97) does not', () => {
    const r = ct()
    r.patient.weight = 97.2
    expect(finding(plan(r), 'R-SOFT-OBESITY')?.basis.sources).toEqual(['S30'])
    r.patient.weight = 97.1
    expect(ids(plan(r))).not.toContain('R-SOFT-OBESITY')
  })
})

describe('R-BUILD (review)', () => {
  it('base: available 400 − 200 = 200, required 50 + 30 + 100 = 180, clearance 20', () => {
    expect(plan(xr()).buildHeight).toMatchObject({ availableMm: expect.closeTo(200, 9), requiredMm: 180, clearanceMm: expect.closeTo(20, 9), resectionMm: 0 })
  })
  it('knee disarticulation-length stump: resection |clearance| and R-LEN/R-DIA re-run on the shorter bone', () => {
    const r = xr()
    r.bone.residualLength = 400 // 347.83 true
    r.bone.stations[3].fromDistalEnd = 300 // 260.87 true
    r.prosthesis.soundSideLength = 520 // 452.17 true
    const b = plan(r).buildHeight!
    // available 452.17 − 347.83 = 104.35; clearance 104.35 − 180 = −75.65 → resect 75.65
    expect(b.clearanceMm).toBeCloseTo(120 / 1.15 - 180, 9)
    expect(b.resectionMm).toBeCloseTo(180 - 120 / 1.15, 9)
    // after: residual 347.83 − 75.65 = 272.17 → Lmax 252.17 → 200 mm.
    // Canal after the cut at 75.65: e(75.65) = 12 − 2 × 25.65/50 = 10.97 at z 0; 10 at z 24.35; 12 at z 185.22.
    //   D 12 → r 11: 0–24.35 all (24.35) + 24.35 … 24.35 + 160.87 × 1/2 = 104.78 (80.43) → 104.78 ≥ 30; D 11 → r 10 → 0
    expect(b.afterResection).toMatchObject({ residualLengthAfterMm: expect.closeTo(272.174, 3), lengthMm: 200, diameterMm: 12 })
  })
  it('no room: block R-BUILD-NO-ROOM when no length fits the shortened bone', () => {
    const r = ct()
    r.prosthesis.soundSideLength = 270 // available 70, clearance −110 → residual 90 → Lmax 70 → 60 mm fits
    expect(plan(r).buildHeight?.afterResection?.lengthMm).toBe(60)
    r.prosthesis.soundSideLength = 259 // clearance −121 → residual 79 → Lmax 59 → none
    expect(finding(plan(r), 'R-BUILD-NO-ROOM')?.severity).toBe('block')
  })
  it('review fix: a tiny shortfall is not printed as "0 mm low: resection 0 mm"', () => {
    const r = ct()
    r.prosthesis.soundSideLength = 379.96 // available 179.96, clearance −0.04
    expect(finding(plan(r), 'R-BUILD-RESECTION')?.message).toContain('The knee centre would sit 0.04 mm low: proposed bone resection 0.04 mm')
  })
})

describe('R-ELIG (review)', () => {
  it('BMI exactly 35 passes (113.4 / 1.8² = 35); above it the message prints BMI apart from the limit (review fix)', () => {
    const r = ct()
    r.patient.weight = 113.4
    expect(ids(plan(r))).not.toContain('R-ELIG-BMI')
    r.patient.weight = 113.53 // 35.04 — before: "BMI 35 kg/m² is above the limit of 35 kg/m²"
    const f = finding(plan(r), 'R-ELIG-BMI')
    expect(f?.severity).toBe('warning')
    expect(f?.message).toContain('BMI 35.04 kg/m² is above the limit of 35 kg/m²')
    expect(f?.message).toContain('[S18]')
  })
  it('review fix: hip flexion 15.4° is printed as 15.4°, not "15° is above 15°"', () => {
    const r = ct()
    r.patient.hipFlexionContractureDeg = 15.4
    expect(finding(plan(r), 'R-ELIG-HIP-FLEXION')?.message).toContain('Hip flexion contracture of 15.4° is above 15°')
    r.patient.hipFlexionContractureDeg = 15
    expect(ids(plan(r))).not.toContain('R-ELIG-HIP-FLEXION')
  })
  it('humerus 115 mm at 1.15 is exactly 100 mm and passes; 114.95 (99.96) fails, printed apart', () => {
    const r = xr()
    r.limb = { level: 'transhumeral', side: 'right' }
    r.bone = {
      residualLength: 115,
      landmark: 'top of humeral head',
      stations: [
        { fromDistalEnd: 0, endosteal: 13, periosteal: 20 },
        { fromDistalEnd: 110, endosteal: 11, periosteal: 21 }
      ]
    }
    expect(plan(r).eligibility.find((e) => e.item === 'HUMERUS-LENGTH')?.outcome).toBe('pass')
    r.bone.residualLength = 114.95
    expect(finding(plan(r), 'R-ELIG-HUMERUS-LENGTH')?.message).toContain('Residual humerus 99.96 mm (corrected) is shorter than 100 mm')
  })
  it('not recorded is unknown (info), never a pass', () => {
    const r = ct()
    delete r.patient.socketRehabMonths
    const p = plan(r)
    expect(p.eligibility.find((e) => e.item === 'SOCKET-REHAB')?.outcome).toBe('unknown')
    expect(finding(p, 'R-ELIG-SOCKET-REHAB')?.severity).toBe('info')
  })
  it('review fix: BODY-WEIGHT names the source of the system’s limit', () => {
    const r = ct()
    r.patient.weight = 101
    r.implant = {
      system: {
        id: 'rev-stem', name: 'Review stem', fixation: 'press-fit', bones: ['femur'],
        diametersMm: [10, 11, 12, 13, 14], lengthsMm: [60, 80, 100, 120], engagementMm: 1, minCortexMm: 2, minContactMm: 30, tipMarginMm: 20,
        maxBodyWeightKg: 100, sources: { maxBodyWeightKg: 'S21' }
      }
    }
    const p = plan(r)
    // before: the check listed no source and the message cited none
    expect(p.eligibility.find((e) => e.item === 'BODY-WEIGHT')).toMatchObject({ outcome: 'fail', sources: ['S21'] })
    expect(finding(p, 'R-ELIG-BODY-WEIGHT')?.message).toContain('Body weight 101 kg exceeds the Review stem limit of 100 kg')
    expect(finding(p, 'R-ELIG-BODY-WEIGHT')?.message).toContain('[S21]')
  })
})

describe('R-REHAB (review)', () => {
  const rows = (p: PlanResult) => p.rehab.schedule.filter((s) => !s.interpolated).map((s) => [s.day, s.loadKg])
  it('Radboud standard at its anchors [S11]: day 3 start, 50 % BW day 10 and 35, full day 42 (BW 80)', () => {
    const p = plan(ct())
    expect(rows(p)).toEqual([
      [3, 10],
      [10, 40],
      [35, 40],
      [42, 80]
    ])
    const interp = p.rehab.schedule.find((s) => s.day === 4)
    expect(interp).toMatchObject({ interpolated: true, loadKg: expect.closeTo(10 + (30 * 1) / 7, 9) }) // linear 10 → 40 over days 3–10
    expect(p.rehab.notes.join(' ')).toContain('interpolated linearly')
  })
  it('T-score −2.5 switches to Radboud slow: 50 % BW at week 6, full at week 12', () => {
    const r = ct()
    r.patient.tScore = -2.5
    const p = plan(r)
    expect(p.rehab.protocolId).toBe('radboud-slow')
    expect(rows(p)).toEqual([
      [3, 10],
      [42, 40],
      [84, 80]
    ])
    r.patient.tScore = -2.4
    expect(plan(r).rehab.protocolId).toBe('radboud-standard')
  })
  it('Royal Free [S29]: 5 kg start, cap min(50 % BW, 50 kg), then 6 + 6 weeks', () => {
    const r = ct()
    r.protocolId = 'royal-free-lower'
    r.patient.weight = 120
    r.patient.height = 190
    // cap min(60, 50) = 50: 5 + 5k ≥ 50 at k = 9 → day 3 + 27 = 30; one crutch +42 = 72; full +84 = 114
    expect(rows(plan(r)).slice(-4)).toEqual([
      [30, 50],
      [30, 50],
      [72, 50],
      [114, 120]
    ])
    r.patient.weight = 70 // cap 35 → k = 6 → day 21
    expect(rows(plan(r))[6]).toEqual([21, 35])
  })
  it('Relimb [S48]: from week 6, 1 kg + 0.5 kg every 3 days up to the prosthesis weight (6 kg if not recorded)', () => {
    const r = xr()
    r.limb = { level: 'transhumeral', side: 'right' }
    r.bone = {
      residualLength: 230,
      landmark: 'top of humeral head',
      stations: [
        { fromDistalEnd: 0, endosteal: 13, periosteal: 20 },
        { fromDistalEnd: 200, endosteal: 11, periosteal: 21 }
      ]
    }
    r.prosthesis = {}
    const p = plan(r)
    // 1 + 0.5k ≥ 6 at k = 10 → day 42 + 30 = 72
    expect(p.rehab.schedule.at(0)).toMatchObject({ day: 42, loadKg: 1 })
    expect(p.rehab.schedule.at(-1)).toMatchObject({ day: 72, loadKg: 6 })
    r.prosthesis = { weight: '3 lb' } // 1.3608 kg: 1 → 1.5 ≥ 1.36 → capped at day 45
    expect(plan(r).rehab.schedule.map((s) => [s.day, s.loadKg])).toEqual([
      [42, 1],
      [45, expect.closeTo(3 * 0.45359237, 9)]
    ])
  })
  it('review fix: the short-bone reason prints the residual apart from the limit', () => {
    const r = ct()
    r.bone.residualLength = 149.96
    r.bone.stations[3].fromDistalEnd = 140
    // before: "short residual femur (150 mm < 150 mm)"
    expect(finding(plan(r), 'R-REHAB-SLOW')?.message).toContain('short residual femur (149.96 mm < 150 mm)')
  })
})

describe('R-STAGE (review)', () => {
  it('OPRA: two stages 182 days apart [S1]; generic press-fit: the profile (1), or 28–56 days when 2 [S4][S10]', () => {
    const o = ct()
    o.implant = { systemId: 'opra-femur' }
    expect(plan(o).stages).toMatchObject({ count: 2, stage2AfterDays: { min: 182, max: 182 } })
    expect(plan(ct()).stages).toMatchObject({ count: 1, stage2AfterDays: null })
    const two = ct()
    two.profile = { 'stage.preferred': 2 }
    expect(plan(two).stages).toMatchObject({ count: 2, stage2AfterDays: { min: 28, max: 56 } })
  })
  it('evidence [S60] exactly as REFERENCE.md §6', () => {
    expect(plan(ct()).stages.evidence).toEqual({
      source: 'S60',
      rows: [
        { outcome: 'superficial infection', oneStage: '38 %', twoStage: '52 %' },
        { outcome: 'osteomyelitis', oneStage: '0 %', twoStage: '10 %' },
        { outcome: 'implant failure', oneStage: '1 %', twoStage: '9 %' },
        { outcome: 'fracture', oneStage: '13 %', twoStage: '12 %' }
      ]
    })
  })
})

describe('provenance (review)', () => {
  const pv = DEFAULT_PROFILE.params
  it('published thresholds carry the source REFERENCE.md gives them', () => {
    expect(pv['mag.warnBelow'].provenance).toMatchObject({ kind: 'published', source: 'A3' })
    expect(pv['mag.warnAbove'].provenance).toMatchObject({ kind: 'published', source: 'A3' })
    // [S18] is an OPRA transhumeral programme: a site default elsewhere (issue #12)
    expect(pv['elig.maxBmi']).toMatchObject({ value: 35, provenance: { kind: 'site-default', basedOn: ['S18'] } })
    expect(pv['elig.minSocketRehabMonths']).toMatchObject({ value: 6, provenance: { kind: 'published', source: 'S15' } })
    expect(pv['elig.maxHipFlexionDeg']).toMatchObject({ value: 15, provenance: { kind: 'published', source: 'S15' } })
    expect(pv['elig.minResidualHumerusMm']).toMatchObject({ value: 100, provenance: { kind: 'published', source: 'S18' } })
    expect(pv['rehab.osteoporosisTScore']).toMatchObject({ value: -2.5, provenance: { kind: 'published', source: 'W1' } })
    expect(pv['soft.obesityBmi']).toMatchObject({ value: 30, provenance: { kind: 'published', source: 'S30' } })
    // each source for what it says: 4 weeks is [S4]'s; Radboud [S10] says 6–8 weeks (issue #12)
    expect(pv['stage.pressFitMinDays']).toMatchObject({ value: 28, provenance: { kind: 'published', source: 'S4' } })
    expect(pv['stage.pressFitMinDays'].provenance).not.toHaveProperty('also')
    expect(pv['stage.pressFitMaxDays']).toMatchObject({ value: 56, provenance: { kind: 'published', source: 'S4', also: ['S10'] } })
    expect(pv['stage.threadedDays']).toMatchObject({ value: 182, provenance: { kind: 'published', source: 'S1' } })
    expect(OPRA_FEMUR.lengthsMm.provenance).toMatchObject({ kind: 'published', source: 'S1' })
    const rf = PROTOCOLS['royal-free-lower']
    const rl = PROTOCOLS['relimb-upper']
    if (rf.kind !== 'steps' || rl.kind !== 'steps') throw new Error('step protocols expected')
    expect([rf.startLoadKg.value, rf.cap.bwFraction?.value, rf.cap.kg?.value]).toEqual([5, 0.5, 50])
    for (const p of [rf.startLoadKg, rf.cap.bwFraction!, rf.cap.kg!]) expect(p.provenance).toMatchObject({ kind: 'published', source: 'S29' })
    expect([rl.startDay.value, rl.startLoadKg.value, rl.stepKg.value, rl.intervalDays.value]).toEqual([42, 1, 0.5, 3])
    for (const p of [rl.startDay, rl.startLoadKg, rl.stepKg, rl.intervalDays]) expect(p.provenance).toMatchObject({ kind: 'published', source: 'S48' })
    const rs = PROTOCOLS['radboud-standard']
    if (rs.kind !== 'anchors') throw new Error('anchor protocol expected')
    expect(rs.anchors.map((a) => [a.day.value, a.day.provenance])).toEqual([3, 10, 35, 42].map((d) => [d, { kind: 'published', source: 'S11' }]))
  })
  it('unpublished values are site defaults: soft-tissue target, default magnification, minContact (from [S66]), tip margin', () => {
    expect(pv['soft.targetMm'].provenance.kind).toBe('site-default')
    expect(pv['mag.defaultFactor'].provenance.kind).toBe('site-default')
    for (const s of BUILTIN_SYSTEMS) {
      expect(s.minContactMm.provenance).toMatchObject({ kind: 'site-default', basedOn: ['S66'] })
      expect(s.tipMarginMm.provenance).toMatchObject({ kind: 'site-default', basedOn: ['S36'] })
    }
    expect(BUILTIN_SYSTEMS.find((s) => s.id === 'generic-press-fit')?.minContactMm.value).toBe(30)
  })
  it('review fix: the forearm and digit templates do not present the femoral 3–4 cm / 2 cm figures as the rationale of 20/10 mm and 15/5 mm', () => {
    for (const id of ['generic-press-fit-forearm', 'generic-press-fit-digit']) {
      const s = BUILTIN_SYSTEMS.find((x) => x.id === id)!
      for (const p of [s.minContactMm, s.tipMarginMm]) {
        const note = p.provenance.kind === 'site-default' ? p.provenance.note : undefined
        expect(note, `${id} ${p.key}`).toMatch(/^scaled down for the .*; no published value$/)
      }
    }
  })
})

describe('units and levels (review)', () => {
  it('pounds and inches give the same plan as kg and mm', () => {
    const a = ct()
    a.patient.weight = 90.718474
    a.bone.residualLength = 228.6
    const b = clone(a)
    b.patient.weight = '200 lb' // × 0.45359237 = 90.718474 kg
    b.patient.height = '1.8 m'
    b.bone.residualLength = '9 in' // 228.6 mm
    b.bone.stations[1].fromDistalEnd = '5 cm'
    const pa = plan(a)
    const pb = plan(b)
    expect(sizes(pb)).toEqual(sizes(pa))
    expect(pb.rehab.schedule).toEqual(pa.rehab.schedule)
    expect(pb.softTissue.bmi).toBe(pa.softTissue.bmi)
  })
  it('transradial needs the bone; finger and thumb plan with the digit template', () => {
    const r = ct()
    r.limb = { level: 'transradial', side: 'right' }
    expect(errorsOf(r).map((e) => e.path)).toEqual(['limb.bone'])
    const f = ct()
    f.limb = { level: 'finger', side: 'right' }
    f.implant = { systemId: 'generic-press-fit-digit' }
    f.bone = {
      residualLength: 30,
      landmark: 'base of proximal phalanx',
      stations: [
        { fromDistalEnd: 0, endosteal: 4, periosteal: 7 },
        { fromDistalEnd: 25, endosteal: 2.6, periosteal: 6.5 }
      ]
    }
    delete f.prosthesis
    const p = plan(f)
    // Lmax 30 − 5 = 25 → 25 mm; D 3.5 → r 3.2: e = 4 − 0.056 z ≤ 3.2 ⇔ z ≥ 14.29 → C 10.71 ≥ 10; D 3 → r 2.7: z ≥ 23.2 → 1.79
    expect([p.implant?.diameterMm, p.implant?.lengthMm]).toEqual([3.5, 25])
    expect(p.implant?.contactLengthMm).toBeCloseTo(25 - (0.8 / 1.4) * 25, 9)
    expect(p.rehab.protocolId).toBe('relimb-upper')
    expect(p.buildHeight).toBeNull()
  })
  it('a plan read through planFromRaw equals computePlan on the parsed case', () => {
    const r = planFromRaw(xr())
    expect(r.ok && sizes(r.result)).toEqual(sizes(plan(xr())))
  })
})

describe('formatApart (review helper)', () => {
  it('prints a value apart from its threshold, never the same number', () => {
    expect(formatApart(1.978, 2, 1, ' mm')).toBe('1.98 mm')
    expect(formatApart(1.9, 2, 1, ' mm')).toBe('1.9 mm')
    expect(formatApart(2, 2, 1, ' mm')).toBe('2 mm')
    expect(formatApart(35.04, 35, 1, ' kg/m²')).toBe('35.04 kg/m²')
    expect(formatApart(1.99999, 2, 1, ' mm')).toBe('just under 2 mm')
    expect(formatApart(15.4, 15, 0, '°')).toBe('15.4°')
  })
})

describe('maximum length display (review note)', () => {
  it('rounds a limit down, so it never prints above its true value', async () => {
    const { formatMmAtMost } = await import('../../../src/shared/format')
    expect(formatMmAtMost(179.9996)).toBe('179.9 mm')
    expect(formatMmAtMost(200)).toBe('200 mm')
    expect(formatMmAtMost(80.06)).toBe('80 mm')
    expect(formatMmAtMost(254, 'in')).toBe('10 in')
    expect(formatMmAtMost(253.9, 'in')).toBe('9.996 in') // three decimals of an inch, as a size's inch equivalent
  })
})
