/**
 * Issue #12 item 6: rounding never crosses a limit — on screen, in `plan --text` and in print, all
 * through one module (plan-format.ts / format.ts). The cases, then properties.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatBeside, formatParamValue, formatSize } from '../../../src/shared/format'
import { planToText } from '../../../src/shared/plan-format'
import { buildSummary, type SummaryRow } from '../../../src/shared/summary'
import { baseRaw, parseOk } from '../core/helpers'
import { computePlan, type PlanResult } from '../../../src/shared/index'
import { makeMeta } from './summary-fixtures'
import { buildTheatreSheet } from '../../../src/renderer/src/features/print/theatre-sheet'

const value = (rows: SummaryRow[], label: string) => rows.find((r) => r.label === label)?.value

function summaryOf(raw: Record<string, any>) {
  const c = parseOk(raw)
  const r = computePlan(c)
  return { r, s: buildSummary(c, r, makeMeta()), text: planToText(r) }
}

/** The number at the start of a displayed value ("1.96 mm" → 1.96, "−2.46" → −2.46). */
const num = (s: string | undefined) => Number(/-?\d+(\.\d+)?/.exec((s ?? '').replace('−', '-'))?.[0])

describe('the issue #12 cases', () => {
  it('thinnest cortex 1.96 mm beside a 2 mm minimum is not "2 mm"; 0.04 mm beside 0 is not "0 mm"', () => {
    // z 100: periosteal 14.92 → t = (14.92 − 11)/2 = 1.96
    const a = baseRaw()
    a.bone.stations[2].periosteal = 14.92
    const { s, text } = summaryOf(a)
    expect(value(s.canal, 'Thinnest remaining cortex')).toBe('1.96 mm')
    expect(text).toContain('thinnest cortex 1.96 mm')
    // t = 0.04 needs periosteal 11.08 < Ø 12: a breach now; the cortex is still shown apart from 0
    const b = baseRaw()
    b.implant.system.engagementMm = 1
    b.bone.stations[2].periosteal = 11.08
    b.implant.system.diametersMm = [10, 11, 11.05, 12]
    const q = summaryOf(b)
    const shown = value(q.s.canal, 'Thinnest remaining cortex')
    expect(shown).not.toBe('0 mm')
  })
  it("the rejected smaller size's contact of 29.97 mm is not \"30 mm\" beside the required 30 mm", () => {
    // D 11 (r 10) contact: station 2 endosteal 10 → shape the canal so C(10) = 29.97
    const r = baseRaw()
    r.bone.stations = [
      { fromDistalEnd: 0, endosteal: 16, periosteal: 28 },
      { fromDistalEnd: 50, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 79.97, endosteal: 10, periosteal: 26 },
      { fromDistalEnd: 100, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 150, endosteal: 12, periosteal: 28 }
    ]
    const { r: p, s, text } = summaryOf(r)
    expect(p.implant?.smaller?.contactLengthMm).toBeCloseTo(29.97, 9)
    expect(s.implant.sizes[0]?.contact).toBe('29.97 mm')
    expect(text).toContain('contact 29.97 mm')
  })
  it('catalogue Ø 15.25 (reamer 14.25) is printed exactly, in mm', () => {
    const r = baseRaw()
    r.implant.system.diametersMm = [10, 11, 12.25, 13]
    const { r: p, s, text } = summaryOf(r)
    expect(p.implant?.diameterMm).toBe(12.25)
    expect(value(s.implant.rows, 'Diameter')).toBe('Ø 12.25 mm')
    expect(value(s.canal, 'Prepared canal')).toBe('Ø 11.25 mm')
    expect(text).toContain('Implant: Ø 12.25 mm × 120 mm')
    expect(formatSize(15.25, 'in')).toBe('15.25 mm (0.6 in)')
    expect(formatSize(15.25, 'cm')).toBe('15.25 mm')
  })
  it('patient rows: age 17.6, socket rehabilitation 5.6 months, hip flexion 15.4°, T-score −2.46', () => {
    const r = baseRaw()
    Object.assign(r.patient, { ageYears: 17.6, socketRehabMonths: 5.6, hipFlexionContractureDeg: 15.4, tScore: -2.46 })
    const { s } = summaryOf(r)
    expect(value(s.inputs.patient, 'Age')).toBe('17.6 years')
    expect(value(s.inputs.patient, 'Socket rehabilitation')).toBe('5.6 months')
    expect(value(s.inputs.patient, 'Hip flexion contracture')).toBe('15.4°')
    expect(value(s.inputs.patient, 'DEXA T-score')).toBe('-2.46')
  })
})

describe('properties', () => {
  it('formatBeside: the displayed value is on the same side of every limit as the value', () => {
    const v = fc.double({ min: -1000, max: 1000, noNaN: true })
    fc.assert(
      fc.property(v, fc.array(v, { maxLength: 3 }), fc.integer({ min: 0, max: 2 }), (x, limits, d) => {
        const shown = formatBeside(x, limits, d, '')
        if (shown.startsWith('just')) return
        const y = Number(shown)
        for (const l of limits) {
          if (x < l) expect(y).toBeLessThan(l)
          if (x > l) expect(y).toBeGreaterThan(l)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('every displayed value of a plan compared with a threshold is on the same side as the value', { timeout: 120_000 }, () => {
    const side = (x: number, l: number | null, shown: string | undefined) => {
      if (l === null || shown === undefined || shown.startsWith('just')) return
      const y = num(shown)
      if (x < l) expect(y, `${shown} vs ${l}`).toBeLessThan(l)
      if (x > l) expect(y, `${shown} vs ${l}`).toBeGreaterThan(l)
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 14, max: 40 }).chain((p) => fc.tuple(fc.constant(p), fc.integer({ min: 0, max: 999 }))),
        fc.integer({ min: 100, max: 300 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -400, max: 100 }),
        ([peri, frac], age10, socket10, hip10, t100) => {
          const r = baseRaw()
          r.bone.stations[2].periosteal = peri * 0.5 + frac / 1000 + 4 // 11 … 24.5 mm around Ø 12
          Object.assign(r.patient, { ageYears: age10 / 10, socketRehabMonths: socket10 / 10, hipFlexionContractureDeg: hip10 / 10, tScore: t100 / 100 })
          const { r: p, s } = summaryOf(r)
          const i = p.implant as NonNullable<PlanResult['implant']>
          if (i.minCortexMm !== null) {
            side(i.minCortexMm, i.cortexMinimumMm, value(s.canal, 'Thinnest remaining cortex'))
            side(i.minCortexMm, 0, value(s.canal, 'Thinnest remaining cortex'))
          }
          side(i.contactLengthMm, i.requiredContactMm, value(s.canal, 'Cortical contact length'))
          side(age10 / 10, 18, value(s.inputs.patient, 'Age'))
          side(socket10 / 10, 6, value(s.inputs.patient, 'Socket rehabilitation'))
          side(hip10 / 10, 15, value(s.inputs.patient, 'Hip flexion contracture'))
          side(t100 / 100, -2.5, value(s.inputs.patient, 'DEXA T-score'))
          side(p.softTissue.bmi, 35, value(s.inputs.patient, 'Body-mass index'))
          side(p.softTissue.bmi, 30, value(s.inputs.patient, 'Body-mass index'))
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('the magnification check (issue #12 item 7, issue #13 item 11)', () => {
  it("labels the rows with the profile's fraction, not a fixed ± 5 %", () => {
    const r = baseRaw()
    r.imaging = { source: 'xray', magnification: 1.15 }
    r.profile = { 'mag.sensitivityFraction': 0.02 }
    const { s, text } = summaryOf(r)
    expect(s.implant.sensitivity.map((x) => [x.label, x.note])).toEqual([
      ['Magnification − 2 %', 'at 1.127×'],
      ['Magnification + 2 %', 'at 1.173×']
    ])
    expect(text).toContain('Magnification ± 2 %: 1.127×')
  })
  it('CT and calibrated cases do not show it as if it applied', () => {
    for (const source of ['ct', 'calibrated']) {
      const r = baseRaw()
      r.imaging = { source }
      const { r: p, s, text } = summaryOf(r)
      expect(p.implant?.sensitivity.applies).toBe(false)
      expect(s.implant.sensitivity).toEqual([{ label: 'Magnification check', value: 'not applicable', note: 'the measurements are true size (no X-ray magnification)' }])
      expect(text).not.toContain('1.05×')
      expect(p.findings.map((f) => f.id)).not.toContain('R-DIA-MAGNIFICATION-SENSITIVE')
    }
  })
})

describe('every display of a value beside its limit, and of a catalogue size (2026-12-01 audit)', () => {
  const sheetOf = (raw: Record<string, any>) => {
    const c = parseOk(raw)
    const r = computePlan(c)
    return buildTheatreSheet(c, r, buildSummary(c, r, makeMeta()), makeMeta().units)
  }
  const item = (items: { label: string; value: string; note?: string }[], label: string) => items.find((i) => i.label === label)
  it('the theatre sheet prints catalogue sizes exactly and a 0.04 mm resection as such', () => {
    const raw = baseRaw()
    raw.implant.system.diametersMm = [10, 11, 12.25, 13] // r 11.25 reaches the contact (canal ≤ 11.25 from z 81.25)
    raw.prosthesis.soundSideLength = 379.96 // available 179.96, required 180: resect 0.04 mm
    const sheet = sheetOf(raw)
    expect(item(sheet.implant, 'Implant')?.value).toBe('Ø 12.25 × 120 mm')
    expect(item(sheet.implant, 'Canal preparation')?.value).toBe('Ream to 11.25 mm')
    expect(sheet.shelf.find((s) => s.planned)?.prepared).toBe('canal 11.25 mm')
    expect(item(sheet.implant, 'Resection level')?.value).toBe('Resect 0.04 mm')
    expect(item(sheet.implant, 'Resection level')?.note).toContain('residual bone 199.96 mm')
  })
  it('the summary: available beside required, the residual after the resection beside the short-bone length, the resection in the length note', () => {
    const raw = baseRaw()
    raw.bone.residualLength = 160
    raw.bone.stations = [
      { fromDistalEnd: 0, endosteal: 12, periosteal: 26 },
      { fromDistalEnd: 160, endosteal: 12, periosteal: 26 }
    ]
    raw.prosthesis.soundSideLength = 339.96 // available 179.96, required 180: resect 0.04 → 159.96
    const { s } = summaryOf(raw)
    expect(value(s.buildHeight.rows, 'Available')).toBe('179.96 mm')
    expect(value(s.buildHeight.rows, 'Required')).toBe('180 mm')
    expect(s.implant.rows.find((r) => r.label === 'Length')?.note).toContain('on the bone shortened by the proposed 0.04 mm resection')
    const short = baseRaw()
    short.bone = { ...raw.bone }
    short.prosthesis.soundSideLength = 329.96 // resect 10.04 → 149.96, under the 150 mm short femur
    expect(value(summaryOf(short).s.buildHeight.rows, 'Residual length after resection')).toBe('149.96 mm')
  })
  it("the summary's basis gives a catalogue size exactly (Ø 12.25, prepared canal 11.25)", () => {
    const raw = baseRaw()
    raw.implant.system.diametersMm = [10, 11, 12.25, 13]
    const inputs = summaryOf(raw).s.basis.flatMap((g) => g.numbers.flatMap((n) => n.inputs))
    expect(inputs.filter((i) => /12\.25 mm/.test(i)).length).toBeGreaterThan(0)
    expect(inputs.filter((i) => /11\.25 mm/.test(i)).length).toBeGreaterThan(0)
    expect(inputs.some((i) => /\b12\.3 mm|\b11\.3 mm/.test(i))).toBe(false)
  })
  it('the summary: body weight beside the implant limit, the adapter beside the planned thickness', () => {
    const raw = baseRaw()
    raw.implant.system.maxBodyWeightKg = 120
    raw.patient.weight = 120.04
    raw.prosthesis.adapterTranscutaneousLength = 14.96 // planned thickness 15
    const { s } = summaryOf(raw)
    expect(value(s.inputs.patient, 'Body weight')).toBe('120.04 kg')
    expect(value(s.inputs.prosthesis, 'Adapter transcutaneous length')).toBe('14.96 mm')
  })
  it('parameters in the basis exactly as stated (a 1.75 mm minimum cortex, a 2.5 % sensitivity)', () => {
    const raw = baseRaw()
    raw.implant.system.minCortexMm = 1.75
    raw.profile = { 'mag.sensitivityFraction': 0.025 }
    const { s, text } = summaryOf(raw)
    expect(s.siteDefaults.find((d) => d.key === 'system.test-stem.minCortexMm')?.value).toBe('1.75 mm')
    expect(s.siteDefaults.find((d) => d.key === 'mag.sensitivityFraction')?.value).toBe('2.5 %')
    expect(text).toContain('system.test-stem.minCortexMm = 1.75 mm')
    // the screen's basis pop-up (BasisValue.tsx) uses the same
    expect([formatParamValue(1.75, 'mm'), formatParamValue(0.025, 'fraction'), formatParamValue(12.5, 'deg'), formatParamValue([13.25, 14.25], 'mm')]).toEqual(['1.75 mm', '2.5 %', '12.5 deg', '13.25, 14.25 mm'])
  })
})
