import { describe, expect, it } from 'vitest'
import {
  BUILTIN_SYSTEMS,
  caseCompleteness,
  migrateCase,
  parseCase,
  planFromRaw,
  toCaseFile,
  type CaseMigration
} from '../../../src/shared/index'
import { baseRaw, clone, errorsOf, parseOk } from './helpers'

type Mut = (r: Record<string, any>) => void

/** [what, mutation, expected path, expected message (substring)] */
const REJECTIONS: [string, Mut, string, string][] = [
  ['missing patient', (r) => delete r.patient, 'patient', 'is required'],
  ['patient not an object', (r) => (r.patient = 'x'), 'patient', 'must be an object'],
  ['missing code', (r) => delete r.patient.code, 'patient.code', 'is required'],
  ['empty code', (r) => (r.patient.code = '  '), 'patient.code', 'must not be empty'],
  ['age as text', (r) => (r.patient.ageYears = '40'), 'patient.ageYears', 'must be a number'],
  ['age negative', (r) => (r.patient.ageYears = -1), 'patient.ageYears', 'must be at least 0 years'],
  ['age NaN', (r) => (r.patient.ageYears = Number.NaN), 'patient.ageYears', 'must be a finite number'],
  ['age Infinity', (r) => (r.patient.ageYears = Infinity), 'patient.ageYears', 'must be a finite number'],
  ['sex unknown', (r) => (r.patient.sex = 'x'), 'patient.sex', 'must be one of "female", "male", "other"'],
  ['weight below 20 kg', (r) => (r.patient.weight = 19.9), 'patient.weight', 'must be at least 20 kg'],
  ['weight above 400 kg', (r) => (r.patient.weight = '401 kg'), 'patient.weight', 'must be at most 400 kg'],
  ['weight given as a length', (r) => (r.patient.weight = '80 cm'), 'patient.weight', 'is a length; expected a mass'],
  ['height below 100 cm', (r) => (r.patient.height = '0.99 m'), 'patient.height', 'must be at least 100 cm'],
  ['height decimal comma', (r) => (r.patient.height = '1,8 m'), 'patient.height', 'write "1.8 m"'],
  // 20 kg at 250 cm: 20 / 2.5² = 3.2 kg/m² < 10
  ['implausible BMI (weight)', (r) => ((r.patient.weight = 20), (r.patient.height = 250)), 'patient.weight', 'a BMI of 3.2 kg/m², outside the plausible 10–80'],
  ['implausible BMI (height)', (r) => ((r.patient.weight = 20), (r.patient.height = 250)), 'patient.height', 'with a weight of 20 kg gives a BMI of 3.2'],
  // 400 kg at 150 cm: 400 / 1.5² = 177.8 > 80
  ['implausible BMI (high)', (r) => ((r.patient.weight = 400), (r.patient.height = 150)), 'patient.weight', 'a BMI of 177.8'],
  ['conditions missing', (r) => delete r.patient.conditions, 'patient.conditions', 'is required'],
  ['conditions not a list', (r) => (r.patient.conditions = 'diabetes'), 'patient.conditions', 'must be a list'],
  ['unknown condition', (r) => (r.patient.conditions = ['diabetes', 'flu']), 'patient.conditions[1]', 'unknown condition "flu"'],
  ['socket rehab negative', (r) => (r.patient.socketRehabMonths = -1), 'patient.socketRehabMonths', 'must be at least 0 months'],
  ['hip flexion above 180', (r) => (r.patient.hipFlexionContractureDeg = 181), 'patient.hipFlexionContractureDeg', 'must be at most 180 °'],
  ['T-score out of range', (r) => (r.patient.tScore = -11), 'patient.tScore', 'must be at least -10'],
  ['T-score decimal comma', (r) => (r.patient.tScore = '-2,5'), 'patient.tScore', 'use a decimal point: -2.5'],
  ['level missing', (r) => delete r.limb.level, 'limb.level', 'is required ("transfemoral"'],
  ['level upper case', (r) => (r.limb.level = 'Transfemoral'), 'limb.level', 'must be written "transfemoral" (lower case)'],
  ['side unknown', (r) => (r.limb.side = 'both'), 'limb.side', 'must be one of "left", "right"'],
  ['bone of another level', (r) => (r.limb.bone = 'tibia'), 'limb.bone', '"tibia" is not a bone of a transfemoral level; use "femur"'],
  ['transradial without bone', (r) => (r.limb = { level: 'transradial', side: 'left' }), 'limb.bone', 'is required for transradial: "radius", "ulna"'],
  ['imaging source unknown', (r) => (r.imaging.source = 'mri'), 'imaging.source', 'must be one of "xray", "ct", "calibrated"'],
  ['magnification 0.99', (r) => (r.imaging = { source: 'xray', magnification: 0.99 }), 'imaging.magnification', 'must be at least 1'],
  ['magnification 1.31', (r) => (r.imaging = { source: 'xray', magnification: 1.31 }), 'imaging.magnification', 'must be at most 1.3'],
  ['magnification as percent text', (r) => (r.imaging = { source: 'xray', magnification: '115%' }), 'imaging.magnification', 'must be a number'],
  ['magnification with CT', (r) => (r.imaging = { source: 'ct', magnification: 1.1 }), 'imaging.magnification', 'applies to X-ray only; the imaging source is "ct"'],
  ['marker with calibrated', (r) => (r.imaging = { source: 'calibrated', marker: { trueSize: 25, measuredSize: 28 } }), 'imaging.marker', 'applies to X-ray only'],
  ['marker true size zero', (r) => (r.imaging = { source: 'xray', marker: { trueSize: 0, measuredSize: 28 } }), 'imaging.marker.trueSize', 'must be greater than 0'],
  ['marker measured missing', (r) => (r.imaging = { source: 'xray', marker: { trueSize: 25 } }), 'imaging.marker.measuredSize', 'is required'],
  // 23.75 / 25 = 0.95
  ['marker gives 0.95', (r) => (r.imaging = { source: 'xray', marker: { trueSize: 25, measuredSize: 23.75 } }), 'imaging.marker.measuredSize', 'gives a magnification of 0.95'],
  // 33 / 25 = 1.32
  ['marker gives 1.32', (r) => (r.imaging = { source: 'xray', marker: { trueSize: 25, measuredSize: 33 } }), 'imaging.marker.measuredSize', 'gives a magnification of 1.32'],
  ['marker in kg', (r) => (r.imaging = { source: 'xray', marker: { trueSize: '25 kg', measuredSize: 28 } }), 'imaging.marker.trueSize', 'is a mass'],
  ['residual length zero', (r) => (r.bone.residualLength = 0), 'bone.residualLength', 'must be greater than 0'],
  ['residual length negative string', (r) => (r.bone.residualLength = '-20 cm'), 'bone.residualLength', 'must be greater than 0'],
  ['residual length in kg', (r) => (r.bone.residualLength = '12 kg'), 'bone.residualLength', '"12 kg" is a mass; expected a length'],
  ['landmark missing', (r) => delete r.bone.landmark, 'bone.landmark', 'is required'],
  ['stations missing', (r) => delete r.bone.stations, 'bone.stations', 'is required'],
  ['one station only', (r) => (r.bone.stations = r.bone.stations.slice(0, 1)), 'bone.stations', 'needs at least 2 stations'],
  ['station not an object', (r) => (r.bone.stations[1] = 5), 'bone.stations[1]', 'must be an object'],
  ['station distance missing', (r) => delete r.bone.stations[2].fromDistalEnd, 'bone.stations[2].fromDistalEnd', 'is required'],
  ['station distance negative', (r) => (r.bone.stations[2].fromDistalEnd = -1), 'bone.stations[2].fromDistalEnd', 'must not be negative'],
  ['station beyond the bone', (r) => (r.bone.stations[3].fromDistalEnd = 201), 'bone.stations[3].fromDistalEnd', 'must not exceed the residual bone length (200 mm)'],
  ['duplicate station distance', (r) => (r.bone.stations[2].fromDistalEnd = '5 cm'), 'bone.stations[2].fromDistalEnd', 'same distance from the distal end as station 2 (50 mm)'],
  ['endosteal missing', (r) => delete r.bone.stations[2].endosteal, 'bone.stations[2].endosteal', 'is required (or its AP and lateral values)'],
  ['lateral diameters measured 5.04 mm from their station', (r) => (r.bone.stations[1] = { fromDistalEnd: 50, endostealAP: 12, endostealLat: 13, periosteal: 26, lateralFromDistalEnd: 55.04 }), 'bone.stations[1].endostealLat', 'was measured on the lateral radiograph 55.04 mm from the distal end, 5.04 mm from this station (50 mm); the two views\' values may lie at most 5 mm apart'],
  ['a lateral periosteal diameter alone measured 154 mm away', (r) => (r.bone.stations[1] = { fromDistalEnd: 46, endosteal: 12, periostealAP: 26, periostealLat: 24, lateralFromDistalEnd: 200 }), 'bone.stations[1].periostealLat', 'was measured on the lateral radiograph 200 mm from the distal end, 154 mm from this station (46 mm)'],
  ['lateral level not a length', (r) => (r.bone.stations[1] = { fromDistalEnd: 50, endostealAP: 12, endostealLat: 13, periosteal: 26, lateralFromDistalEnd: '5 kg' }), 'bone.stations[1].lateralFromDistalEnd', 'is a mass; expected a length'],
  ['half a plane pair', (r) => (r.bone.stations[1] = { fromDistalEnd: 50, endosteal: 12, periostealAP: 26 }), 'bone.stations[1].periostealLat', 'is required: with the AP value given, the periosteal diameter needs both planes (AP and lateral), or one value for both'],
  ['endosteal zero', (r) => (r.bone.stations[2].endosteal = 0), 'bone.stations[2].endosteal', 'must be greater than 0'],
  ['endosteal equals periosteal', (r) => (r.bone.stations[2].endosteal = 26), 'bone.stations[2].endosteal', 'must be smaller than the periosteal diameter (26 mm)'],
  ['endosteal above periosteal', (r) => (r.bone.stations[2] = { fromDistalEnd: 100, endosteal: 27, periosteal: 25 }), 'bone.stations[2].endosteal', 'must be smaller than the periosteal diameter (25 mm)'],
  ['one plane and two planes', (r) => (r.bone.stations[1].endostealAP = 11), 'bone.stations[1].endosteal', 'give either one endosteal Ø (one plane) or its AP and lateral values (two planes), not both'],
  ['AP endosteal ≥ AP periosteal', (r) => (r.bone.stations[1] = { fromDistalEnd: 50, endostealAP: 20, endostealLat: 12, periostealAP: 20, periostealLat: 26 }), 'bone.stations[1].endostealAP', 'must be smaller than the periosteal AP diameter (20 mm)'],
  // One periosteal Ø stands for both planes: each plane's endosteal Ø is checked against it.
  ['AP endosteal ≥ the one periosteal Ø', (r) => (r.bone.stations[1] = { fromDistalEnd: 50, endostealAP: 13, endostealLat: 9, periosteal: 12.5 }), 'bone.stations[1].endostealAP', 'must be smaller than the periosteal AP diameter (12.5 mm)'],
  ['one endosteal Ø ≥ the lateral periosteal', (r) => (r.bone.stations[1] = { fromDistalEnd: 50, endosteal: 21, periostealAP: 30, periostealLat: 20 }), 'bone.stations[1].endosteal', 'must be smaller than the periosteal lateral diameter (20 mm)'],
  ['diameter wrong kind', (r) => (r.bone.stations[0].periosteal = '28 lb'), 'bone.stations[0].periosteal', 'is a mass'],
  ['soft tissue negative', (r) => (r.softTissue.distalThickness = -1), 'softTissue.distalThickness', 'must not be negative'],
  ['soft tissue method', (r) => (r.softTissue.method = 'mri'), 'softTissue.method', 'must be one of "xray", "ct", "ultrasound", "clinical"'],
  ['sound side zero', (r) => (r.prosthesis.soundSideLength = 0), 'prosthesis.soundSideLength', 'must be greater than 0'],
  ['component height negative', (r) => (r.prosthesis.components[1].buildHeight = -3), 'prosthesis.components[1].buildHeight', 'must not be negative'],
  ['component name missing', (r) => delete r.prosthesis.components[0].name, 'prosthesis.components[0].name', 'is required'],
  ['adapter zero', (r) => (r.prosthesis.adapterTranscutaneousLength = 0), 'prosthesis.adapterTranscutaneousLength', 'must be greater than 0'],
  ['prosthesis weight as a length', (r) => (r.prosthesis.weight = '5 cm'), 'prosthesis.weight', 'is a length'],
  ['implant missing', (r) => delete r.implant, 'implant', 'is required'],
  ['implant empty', (r) => (r.implant = {}), 'implant.systemId', 'is required (or implant.system'],
  ['implant both', (r) => (r.implant.systemId = 'opra-femur'), 'implant', 'give either systemId'],
  ['system diameters empty', (r) => (r.implant.system.diametersMm = []), 'implant.system.diametersMm', 'must list at least one size'],
  ['system diameter negative', (r) => (r.implant.system.diametersMm = [10, -1]), 'implant.system.diametersMm[1]', 'must be greater than 0 mm'],
  ['system diameter repeated', (r) => (r.implant.system.diametersMm = [10, 11, 10]), 'implant.system.diametersMm', 'lists 10 mm twice'],
  ['system engagement above 10 mm', (r) => (r.implant.system.engagementMm = 11), 'implant.system.engagementMm', 'must be at most 10 mm'],
  ['system engagement = smallest diameter', (r) => ((r.implant.system.engagementMm = 5), (r.implant.system.diametersMm = [5, 6])), 'implant.system.engagementMm', 'must be smaller than the smallest diameter (5 mm)'],
  ['system fixation', (r) => (r.implant.system.fixation = 'glued'), 'implant.system.fixation', 'must be one of "press-fit", "threaded"'],
  ['system bone unknown', (r) => (r.implant.system.bones = ['femur', 'skull']), 'implant.system.bones[1]', 'must be one of'],
  ['system id characters', (r) => (r.implant.system.id = 'a b'), 'implant.system.id', 'may contain only letters'],
  ['system minContact zero', (r) => (r.implant.system.minContactMm = 0), 'implant.system.minContactMm', 'must be greater than 0 mm'],
  ['system stage interval reversed', (r) => (r.implant.system.stage2IntervalDays = { min: 56, max: 42 }), 'implant.system.stage2IntervalDays.max', 'must not be smaller than min (56 days)'],
  ['system protocol unknown', (r) => (r.implant.system.protocolId = 'fast'), 'implant.system.protocolId', 'unknown protocol "fast"'],
  ['protocol unknown', (r) => (r.protocolId = 'fast'), 'protocolId', 'unknown protocol "fast"; known: "radboud-standard"'],
  ['profile unknown key', (r) => (r.profile = { 'soft.target': 10 }), 'profile["soft.target"]', 'unknown profile parameter "soft.target"'],
  ['profile value out of range', (r) => (r.profile = { 'mag.defaultFactor': 1.5 }), 'profile["mag.defaultFactor"]', 'must be between 1 and 1.3 ×'],
  ['profile severity unknown', (r) => (r.profile = { 'elig.severity.SMOKING': 'never' }), 'profile["elig.severity.SMOKING"]', 'must be one of "absolute", "relative"'],
  ['profile length in kg', (r) => (r.profile = { 'soft.targetMm': '1 kg' }), 'profile["soft.targetMm"]', 'is a mass'],
  ['profile not an object', (r) => (r.profile = 5), 'profile', 'must be an object of profile parameters'],
  ['notes not text', (r) => (r.notes = 5), 'notes', 'must be text']
]

describe('parseCase rejects invalid input with the field path and a plain message', () => {
  it('accepts the base case', () => {
    const r = parseCase(baseRaw())
    expect(r.ok).toBe(true)
    expect(r.warnings).toEqual([])
  })
  it.each(REJECTIONS)('%s', (_what, mutate, path, message) => {
    const raw = clone(baseRaw())
    mutate(raw)
    const errors = errorsOf(raw)
    const hit = errors.find((e) => e.path === path)
    expect(hit, `errors were ${JSON.stringify(errors)}`).toBeDefined()
    expect(hit?.message).toContain(message)
  })
  it('reports every missing field of a section, one error per path', () => {
    const raw = baseRaw()
    raw.patient = {}
    const paths = errorsOf(raw).map((e) => e.path)
    expect(paths).toEqual(['patient.code', 'patient.ageYears', 'patient.weight', 'patient.height', 'patient.conditions'])
  })
})

describe('format, version and migration', () => {
  it('rejects non-objects and wrong formats', () => {
    expect(errorsOf(null)).toEqual([{ path: '', message: 'is not a case file: expected a JSON object' }])
    expect(errorsOf([1, 2])).toEqual([{ path: '', message: 'is not a case file: expected a JSON object' }])
    const r = baseRaw()
    r.format = 'other'
    expect(errorsOf(r)[0]).toMatchObject({ path: 'format', message: 'must be "osseoplan.case" (this is not an OsseoPlan case file)' })
    delete r.format
    expect(errorsOf(r)[0]).toMatchObject({ path: 'format', code: 'required' })
  })
  it('rejects missing, fractional and newer versions', () => {
    const r = baseRaw()
    delete r.version
    expect(errorsOf(r)[0]).toMatchObject({ path: 'version', message: 'is required (current version: 1)' })
    r.version = 1.5
    expect(errorsOf(r)[0]).toMatchObject({ path: 'version', message: 'must be a whole number (1 or later)' })
    r.version = 0
    expect(errorsOf(r)[0]).toMatchObject({ path: 'version', message: 'must be a whole number (1 or later)' })
    r.version = 2
    expect(errorsOf(r)[0]?.message).toBe('is 2: the file was written by a newer OsseoPlan; this version reads case files up to version 1')
  })
  it('runs the migration chain (hook tested with a fictitious version 0 → 1 → 2)', () => {
    const migrations: Record<number, CaseMigration> = {
      1: (raw) => ({ ...raw, renamed: raw.old, old: undefined })
    }
    const r = migrateCase({ format: 'osseoplan.case', version: 1, old: 'x' }, migrations, 2)
    expect(r).toEqual({ ok: true, value: { format: 'osseoplan.case', version: 2, renamed: 'x', old: undefined }, migratedFrom: 1 })
    const missing = migrateCase({ format: 'osseoplan.case', version: 1 }, {}, 2)
    expect(missing).toEqual({ ok: false, errors: [{ path: 'version', message: 'version 1 cannot be upgraded (no migration to version 2)' }] })
    // the current version needs no migration
    const cur = migrateCase({ format: 'osseoplan.case', version: 1 })
    expect(cur.ok && cur.migratedFrom).toBe(null)
  })
})

describe('unknown and dangerous keys', () => {
  it('warns about unknown keys (top level and inside) and ignores them', () => {
    const r = baseRaw()
    r.extra = 1
    r.imaging.magnificaton = 1.1 // typo: must not pass silently
    const p = parseCase(r)
    expect(p.ok).toBe(true)
    expect(p.warnings).toEqual([
      { path: 'extra', message: 'unknown field "extra", ignored' },
      { path: 'imaging.magnificaton', message: 'unknown field "magnificaton", ignored' }
    ])
  })
  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere', (key) => {
    const text = JSON.stringify(baseRaw()).replace('"side":"left"', `"side":"left","${key}":{"polluted":true}`)
    const raw = JSON.parse(text) as unknown
    const errors = errorsOf(raw)
    expect(errors).toEqual([{ path: `limb.${key}`, message: `the key "${key}" is not allowed`, code: 'invalid' }])
    const top = JSON.parse(`{"${key}": {"x": 1}, "format": "osseoplan.case", "version": 1}`) as unknown
    expect(errorsOf(top)[0]?.path).toBe(key)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
  it('rejects objects with a non-plain prototype and absurd nesting', () => {
    const r = baseRaw()
    r.patient = Object.create({ evil: true }) as Record<string, unknown>
    expect(errorsOf(r)[0]).toMatchObject({ path: 'patient', message: 'must be a plain JSON object' })
    let deep: Record<string, unknown> = {}
    const root = baseRaw()
    root.meta = deep
    for (let i = 0; i < 30; i++) deep = deep.x = {}
    expect(errorsOf(root)[0]?.message).toBe('is nested too deeply')
  })
})

describe('normalisation', () => {
  it('converts units once, uses the smaller of two planes, keeps file order', () => {
    const r = baseRaw()
    r.patient.weight = '176.37 lb'
    r.patient.height = '1.8 m'
    r.bone.residualLength = '20 cm'
    r.bone.stations[1] = { fromDistalEnd: '5 cm', endostealAP: 13, endostealLat: 12, periostealAP: 26, periostealLat: 27 }
    const c = parseOk(r)
    expect(c.patient.weightKg).toBeCloseTo(80, 2) // 176.37 × 0.45359237 = 79.9999
    expect(c.patient.heightCm).toBe(180)
    expect(c.bone.residualLengthMm).toBe(200)
    expect(c.bone.stations[1]).toEqual({
      index: 1,
      fromDistalEndMm: 50,
      endostealMm: 12,
      periostealMm: 26,
      twoPlane: true,
      planes: [
        { plane: 'AP', endostealMm: 13, periostealMm: 26 },
        { plane: 'Lat', endostealMm: 12, periostealMm: 27 }
      ]
    })
    expect(c.limb.bone).toBe('femur') // default bone of the level
    expect(c.patient.socketRehabMonths).toBe(12)
  })
  it('checks catalogue ids only when given a catalogue (planFromRaw always does)', () => {
    const r = baseRaw()
    r.implant = { systemId: 'nope' }
    expect(parseCase(r).ok).toBe(true)
    const p = parseCase(r, { systems: BUILTIN_SYSTEMS })
    expect(!p.ok && p.errors[0]).toMatchObject({ path: 'implant.systemId', message: expect.stringContaining('unknown implant system "nope"; known: "opra-femur"') })
    const q = planFromRaw(r)
    expect(q.ok).toBe(false)
  })
  it('round-trips through toCaseFile', () => {
    const c = parseOk(baseRaw())
    const again = parseOk(toCaseFile(c))
    expect(again).toEqual(c)
    const r = baseRaw()
    r.profile = { 'soft.targetMm': { value: 10, source: 'S9' }, 'stage.preferred': 2 }
    r.protocolId = 'royal-free-lower'
    r.notes = 'n'
    const c2 = parseOk(r)
    expect(parseOk(toCaseFile(c2))).toEqual(c2)
  })
})

describe('caseCompleteness (what the editor still needs)', () => {
  it('lists missing required fields by section, filling in format and version', () => {
    const res = caseCompleteness({ patient: { code: 'A', ageYears: 50 }, limb: { level: 'transradial', side: 'left' } })
    expect(res.complete).toBe(false)
    expect(res.missing).toEqual([
      'patient.weight',
      'patient.height',
      'patient.conditions',
      'limb.bone',
      'imaging',
      'bone',
      'softTissue',
      'implant'
    ])
    const patient = res.sections.find((s) => s.section === 'patient')
    expect(patient?.missing).toEqual(['patient.weight', 'patient.height', 'patient.conditions'])
    expect(res.sections.find((s) => s.section === 'prosthesis')?.complete).toBe(true)
  })
  it('separates invalid values from missing ones', () => {
    const r = baseRaw()
    r.patient.ageYears = -3
    const res = caseCompleteness(r)
    expect(res.missing).toEqual([])
    expect(res.errors).toEqual([{ path: 'patient.ageYears', message: 'must be at least 0 years', code: 'invalid' }])
  })
  it('is complete for a valid case', () => {
    expect(caseCompleteness(baseRaw()).complete).toBe(true)
  })
})
