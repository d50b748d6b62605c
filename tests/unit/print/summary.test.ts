import { describe, expect, test } from 'vitest'
import { buildIncompleteSummary, buildSummary, DISCLAIMER, formatDate, summaryFileName, type SummaryRow } from '../../../src/shared/summary'
import { makeCase, makeMeta, makeResult } from './summary-fixtures'

const value = (rows: SummaryRow[], label: string) => rows.find((r) => r.label === label)?.value
const note = (rows: SummaryRow[], label: string) => rows.find((r) => r.label === label)?.note

describe('summary of a complete case', () => {
  const s = buildSummary(makeCase(), makeResult(), makeMeta())

  test('header: patient, level and side, surgeon, date, status, revision, short hash', () => {
    expect(s.header).toEqual({
      patientCode: 'TF-042',
      levelSide: 'Transfemoral, left (femur)',
      surgeon: 'Dr A. Surgeon',
      date: '2025-03-14',
      status: 'Draft',
      revision: 'Current plan (not a saved revision)',
      hash: 'ab12cd34ef56'
    })
    expect(buildSummary(makeCase(), makeResult(), makeMeta({ revisionNumber: 3, status: 'approved' })).header).toMatchObject({
      revision: 'Revision 3',
      status: 'Approved'
    })
  })

  test('implant: recommended size with the sizes either side, catalogue sizes exactly as stated (issue #12)', () => {
    // before: "16.3 mm" / prepared "15.3 mm" — neither a catalogue size nor a reamer size
    expect(value(s.implant.rows, 'Diameter')).toBe('Ø 16.25 mm')
    expect(value(s.implant.rows, 'Length')).toBe('140 mm')
    expect(note(s.implant.rows, 'Length')).toBe('longest the bone allows: 220 mm')
    expect(value(s.implant.rows, 'Implant system')).toContain('generic template — site default sizes, confirm')
    expect(s.implant.sizes).toEqual([
      { which: 'One size smaller', diameter: '15 mm', prepared: '14 mm', contact: '12.5 mm' },
      { which: 'Recommended', diameter: '16.25 mm', prepared: '15.25 mm', contact: '61 mm' },
      { which: 'One size larger', diameter: '17 mm', prepared: '16 mm', contact: '95 mm' }
    ])
    expect(s.implant.missing).toBeNull()
  })

  test('magnification sensitivity states both what-ifs, including when nothing fits', () => {
    expect(s.implant.sensitivity).toEqual([
      { label: 'Magnification − 5 %', value: 'Ø 17 mm × 140 mm', note: 'at 1.093×' },
      { label: 'Magnification + 5 %', value: 'no length fits', note: 'at 1.208×' }
    ])
  })

  test('prepared canal, contact length, thinnest cortex and where it is', () => {
    expect(s.canal).toEqual([
      { label: 'Prepared canal', value: 'Ø 15.25 mm', note: 'implant diameter − engagement' },
      { label: 'Cortical contact length', value: '61 mm', note: 'required 30 mm' },
      {
        label: 'Thinnest remaining cortex',
        value: '5.4 mm',
        note: 'at 80 mm from the distal end; minimum 2 mm; implant tip 140 mm from the distal end, 100 mm from the proximal landmark, cortex there 6.1 mm (fractures cluster within 2 cm of the tip [S36])'
      }
    ])
  })

  test('bone-to-skin target and reduction', () => {
    expect(value(s.softTissue, 'Bone-to-skin target')).toBe('15 mm')
    expect(value(s.softTissue, 'Planned reduction')).toBe('23 mm')
    expect(value(s.softTissue, 'Measured thickness')).toBe('38 mm')
  })

  test('inputs say how they were measured: X-ray with its magnification, ultrasound for soft tissue', () => {
    expect(value(s.inputs.bone, 'Residual bone length')).toBe('240 mm')
    // Each bone measurement names its correction; the "Bone imaging" row says where the magnification came from.
    expect(note(s.inputs.bone, 'Residual bone length')).toBe('from tip of greater trochanter; X-ray, corrected for 1.15×; measured 276 mm')
    expect(note(s.inputs.imaging, 'Bone imaging')).toBe('X-ray, corrected for 1.15× magnification (factor entered)')
    expect(s.inputs.stationsNote).toBe('Corrected values (X-ray, corrected for 1.15×), sorted from the distal end.')
    expect(note(s.inputs.softTissue, 'Distal soft-tissue thickness')).toBe('ultrasound')
    expect(value(s.inputs.imaging, 'Magnification applied')).toBe('1.15×')
    // Two planes: each plane's own values (AP and lateral), not only the smaller one the plan uses.
    expect(s.inputs.stations[0]).toEqual({
      fromDistalEnd: '20 mm',
      endosteal: '15 mm',
      periosteal: '28 mm',
      planes: 'AP and lateral (smaller used)',
      ap: { endosteal: '15 mm', periosteal: '28 mm' },
      lateral: { endosteal: '17 mm', periosteal: '30 mm' }
    })
    expect(s.inputs.stations[1]).toEqual({ fromDistalEnd: '80 mm', endosteal: '13 mm', periosteal: '26 mm', planes: 'one plane' })
    expect(value(s.inputs.patient, 'Body weight')).toBe('82.5 kg')
    expect(value(s.inputs.patient, 'Body-mass index')).toBe('25.5 kg/m²')
    expect(value(s.inputs.patient, 'Hip flexion contracture')).toBe('not recorded')
    expect(value(s.inputs.patient, 'Conditions')).toBe('none present (screened)')
    // The components and their build heights in one row.
    expect(value(s.inputs.prosthesis, 'Components (build height)')).toBe('Adapter 60 mm; Knee 150 mm')
  })

  test('a CT case needs no magnification note', () => {
    const c = makeCase()
    c.imaging = { source: 'ct', magnification: null, marker: null }
    const r = makeResult()
    r.corrected = { ...r.corrected, magnification: 1, magnificationSource: 'none', residualLengthMm: 276 }
    const ct = buildSummary(c, r, makeMeta())
    expect(note(ct.inputs.bone, 'Residual bone length')).toBe('from tip of greater trochanter; CT (no magnification correction)')
    expect(value(ct.inputs.imaging, 'Magnification applied')).toBeUndefined()
  })

  test('values follow the display units (inches, pounds) with the editor rounding', () => {
    const us = buildSummary(makeCase(), makeResult(), makeMeta({ units: { length: 'in', mass: 'lb' } }))
    // implant sizes always in mm, the inch equivalent in brackets (issue #13 item 3)
    expect(value(us.implant.rows, 'Diameter')).toBe('Ø 16.25 mm (0.64 in)')
    // a profile length exactly as stated, like a catalogue size (PLANNING-RULES: rounding)
    expect(value(us.softTissue, 'Bone-to-skin target')).toBe('15 mm (0.591 in)')
    expect(value(us.inputs.patient, 'Body weight')).toBe('181.8 lb')
    expect(us.loading.schedule[3]?.load).toBe('181.8 lb')
    expect(us.siteDefaults[0]?.value).toBe('15 mm (0.591 in)')
  })

  test('build height rows when the sound side and components are known', () => {
    expect(value(s.buildHeight.rows, 'Available')).toBe('210 mm')
    expect(value(s.buildHeight.rows, 'Clearance')).toBe('0 mm')
    expect(s.buildHeight.missing).toBeNull()
  })

  test('eligibility checks and findings, blocking first', () => {
    expect(s.eligibility[1]).toEqual({ item: 'Hip flexion contracture', outcome: 'not recorded', outcomeKind: 'unknown', severity: 'relative (warning)', sources: 'S15' })
    expect(s.findings.map((f) => f.id)).toEqual(['PROFILE-UNCONFIRMED', 'R-MAG-INFO'])
    expect(s.statusLine).toMatch(/warnings/)
  })

  test('loading schedule table and chart points, interpolated rows marked', () => {
    expect(s.loading.schedule[1]).toEqual({ day: 'day 7', dayValue: '7', load: '28.6 kg', loadValue: '28.6', activity: 'axial loading on a scale', interpolated: true })
    // Each activity once, with the days it applies to (the compact table prints day and load only).
    expect(s.loading.activities).toBe('days 3–7: axial loading on a scale; day 10: 50 % weight bearing; day 42: full weight bearing')
    expect(s.loading.hasInterpolated).toBe(true)
    expect(s.loading.chart.maxDay).toBe(42)
    expect(s.loading.chart.maxLoad).toBe(82.46)
    expect(value(s.loading.rows, 'Protocol')).toBe('Radboud standard')
    expect(note(s.loading.rows, 'Protocol')).toBe('[S11] Radboudumc rehabilitation protocol (osseointegration.eu)')
  })

  test('eligibility findings: not met / not recorded one by one, met and not-applicable items each in one line with sources', () => {
    expect(s.eligibilityFindings).toEqual({ listed: [s.eligibility[1]], met: 'Age / skeletal maturity [S24, S25]', notApplicable: '' })
    const r = makeResult()
    r.eligibility = [
      ...r.eligibility,
      { item: 'SMOKING', outcome: 'fail', severity: 'relative', sources: ['S4'] },
      { item: 'BMI', outcome: 'pass', severity: 'relative', sources: ['S18'] },
      { item: 'HUMERUS-LENGTH', outcome: 'not-applicable', severity: 'relative', sources: [] }
    ]
    const e = buildSummary(makeCase(), r, makeMeta()).eligibilityFindings
    expect(e.listed.map((x) => [x.item, x.outcome, x.severity])).toEqual([
      ['Hip flexion contracture', 'not recorded', 'relative (warning)'],
      ['Smoking', 'contraindication present', 'relative (warning)']
    ])
    expect(e.met).toBe('Age / skeletal maturity [S24, S25]; Body-mass index [S18]')
    expect(e.notApplicable).toBe('Residual humerus length')
  })

  test('stage plan', () => {
    expect(value(s.stages.rows, 'Stages')).toBe('one stage')
    expect(s.stages.evidenceLine).toBe('osteomyelitis fewer vs more')
    const r = makeResult()
    r.stages = { ...r.stages, count: 2, stage2AfterDays: { min: 28, max: 56 } }
    expect(value(buildSummary(makeCase(), r, makeMeta()).stages.rows, 'Stage 2 after stage 1')).toBe('28–56 days (4–8 weeks)')
  })

  test('basis of each number names its rule, parameters with provenance, and source keys', () => {
    const dia = s.basis.find((g) => g.numbers.some((n) => n.keys.includes('implant.diameterMm')))
    expect(dia?.rule).toBe('R-DIA')
    expect(dia?.numbers[0]).toMatchObject({ label: 'Implant diameter', inputs: ['residual length: 240 mm'] })
    // A site default is named in the basis; its value and confirmation are in the site-defaults list.
    expect(dia?.parameters).toEqual([])
    expect(dia?.siteDefaults).toEqual(['Distance kept between implant tip and proximal landmark'])
    s.basis.flatMap((g) => g.siteDefaults).forEach((name) => expect(s.siteDefaults.map((d) => d.label)).toContain(name))
    expect(dia?.sources).toEqual(['S66'])
    // Every source key a basis cites has its title in the summary's source list.
    const listed = s.sources.map((x) => x.key)
    s.basis.flatMap((g) => g.sources).forEach((key) => expect(listed).toContain(key))
    expect(s.sources.find((x) => x.key === 'S66')?.title).toBe('stem diameter and diaphyseal contact length, PMC1635007')
    expect(listed).toEqual(expect.arrayContaining(['S9', 'S11', 'S15', 'S66', 'S60']))
  })

  test('every site default used is listed once, unconfirmed ones marked', () => {
    expect(s.siteDefaults).toEqual([
      { key: 'soft.targetMm', label: 'Target distal soft-tissue thickness (bone to skin)', value: '15 mm', status: 'site default — not confirmed', confirmed: false },
      {
        key: 'system.generic-press-fit.tipMarginMm',
        label: 'Distance kept between implant tip and proximal landmark',
        value: '20 mm',
        status: 'site default — confirmed',
        confirmed: true
      }
    ])
    expect(s.unconfirmedCount).toBe(1)
  })

  test('disclaimer and default PDF file name', () => {
    expect(s.disclaimer).toBe(DISCLAIMER)
    expect(s.fileName).toBe('TF-042 transfemoral 2025-03-14.pdf')
  })
})

describe('basis grouping', () => {
  test('numbers that share one basis are listed together, once', () => {
    const r = makeResult()
    const { 'implant.diameterMm': dia, 'softTissue.targetMm': target } = r.basis
    if (!dia || !target) throw new Error('fixture lacks a basis')
    r.basis = { 'implant.diameterMm': dia, 'implant.preparedDiameterMm': { ...dia }, 'softTissue.targetMm': target }
    const s = buildSummary(makeCase(), r, makeMeta())
    expect(s.basis.map((g) => g.numbers.map((n) => n.keys))).toEqual([[['implant.diameterMm', 'implant.preparedDiameterMm']], [['softTissue.targetMm']]])
    expect(s.basis[0]?.numbers[0]?.label).toBe('Implant diameter; Prepared canal')
  })

  test('a rule explaining several numbers prints its shared parameters and sources once', () => {
    const r = makeResult()
    const dia = r.basis['implant.diameterMm']
    if (!dia) throw new Error('fixture lacks a basis')
    const published = { key: 'sys.diameters', value: [16, 17], unit: 'mm', provenance: { kind: 'published' as const, source: 'S1' }, confirmed: true, label: 'Fixture diameters' }
    r.basis = {
      'implant.diameterMm': dia,
      'implant.atMagnificationMinus5': { ...dia, formula: 'D at m × 0.95', inputs: {}, parameters: [...dia.parameters, published], sources: ['S66', 'S1'] }
    }
    const [group, ...rest] = buildSummary(makeCase(), r, makeMeta()).basis
    expect(rest).toEqual([])
    expect(group?.numbers.map((n) => n.label)).toEqual(['Implant diameter', 'Size at the lower magnification'])
    expect(group?.numbers[1]).toMatchObject({ formula: 'D at m × 0.95', inputs: [] })
    expect(group?.parameters).toEqual(['Fixture diameters: 16, 17 mm [S1]'])
    expect(group?.siteDefaults).toEqual(['Distance kept between implant tip and proximal landmark'])
    expect(group?.sources).toEqual(['S66', 'S1'])
  })
})

describe('blocked case', () => {
  test('no implant: the summary says why instead of printing a size', () => {
    const r = makeResult()
    r.status = 'blocked'
    r.implant = null
    r.findings = [
      ...r.findings,
      {
        id: 'R-LEN-SHORT-BONE',
        severity: 'block',
        message: 'The residual bone is too short for any catalogue length.',
        basis: { rule: 'R-LEN', formula: 'Lmax = L − tip margin', inputs: {}, parameters: [], sources: ['S36'] }
      }
    ]
    const s = buildSummary(makeCase(), r, makeMeta())
    expect(s.planStatus).toBe('blocked')
    expect(s.statusLine).toMatch(/^Blocked: this plan cannot be approved/)
    expect(s.implant.rows).toEqual([{ label: 'Implant system', value: 'Generic press-fit stem (template)' }])
    expect(s.implant.sizes).toEqual([])
    expect(s.implant.missing).toBe('No implant recommended: The residual bone is too short for any catalogue length.')
    expect(s.canal).toEqual([])
    expect(s.findings[0]).toMatchObject({ id: 'R-LEN-SHORT-BONE', severityText: 'Blocks' })
  })
})

describe('missing build height', () => {
  test('says which inputs are missing', () => {
    const c = makeCase()
    c.prosthesis = { soundSideLengthMm: null, components: [], adapterTranscutaneousLengthMm: null, weightKg: null }
    const r = makeResult()
    r.buildHeight = null
    r.corrected = { ...r.corrected, soundSideLengthMm: null }
    const s = buildSummary(c, r, makeMeta())
    expect(s.buildHeight.rows).toEqual([])
    expect(s.buildHeight.missing).toBe('Not calculated. Still needed: the sound-side length; the prosthetic components with their build heights.')
    expect(value(s.inputs.prosthesis, 'Sound-side length')).toBe('not recorded')
  })

  test('only the components missing', () => {
    const c = makeCase()
    c.prosthesis = { ...c.prosthesis, components: [] }
    const r = makeResult()
    r.buildHeight = null
    expect(buildSummary(c, r, makeMeta()).buildHeight.missing).toBe('Not calculated. Still needed: the prosthetic components with their build heights.')
  })
})

describe('incomplete case', () => {
  test('lists every missing or invalid field and keeps what is known of the header', () => {
    const raw = { format: 'osseoplan.case', version: 1, patient: { code: 'TT-7' }, limb: { level: 'transtibial', side: 'right' } }
    const s = buildIncompleteSummary(
      raw,
      [
        { path: 'bone.residualLength', message: 'is required', code: 'required' },
        { path: 'imaging.magnification', message: 'must be at most 1.3', code: 'invalid' }
      ],
      makeMeta({ surgeon: '' })
    )
    expect(s.kind).toBe('incomplete')
    expect(s.header).toMatchObject({ patientCode: 'TT-7', levelSide: 'Transtibial, right', surgeon: '—' })
    expect(s.missing).toEqual([
      { field: 'Residual bone length', message: 'is required', required: true },
      { field: 'Magnification factor', message: 'must be at most 1.3', required: false }
    ])
    expect(s.disclaimer).toBe(DISCLAIMER)
  })

  test('an empty case file still gives a readable header', () => {
    const s = buildIncompleteSummary({}, [], makeMeta())
    expect(s.header.patientCode).toBe('—')
    expect(s.header.levelSide).toBe('Level not recorded')
    expect(s.missing).toEqual([{ field: 'Case file', message: 'could not be read', required: false }])
  })
})

describe('helpers', () => {
  test('file name is sanitised and falls back when nothing usable is left', () => {
    expect(summaryFileName('TF/042', 'transfemoral', new Date(2025, 0, 2).getTime())).toBe('TF_042 transfemoral 2025-01-02.pdf')
    expect(summaryFileName('', '', Number.NaN)).toBe('OsseoPlan summary.pdf')
  })

  test('date is the local calendar date', () => {
    expect(formatDate(new Date(2024, 11, 31, 23, 59).getTime())).toBe('2024-12-31')
  })
})
