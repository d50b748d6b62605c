// A hand-built normalised case and PlanResult for the summary-model tests. The numbers are
// chosen to exercise rounding (e.g. 16.25 mm), not computed: the summary only formats.
import type { NormalizedCase } from '../../../src/shared/case/types'
import type { Basis, ParamRef, PlanResult } from '../../../src/shared/result'
import type { SummaryMeta } from '../../../src/shared/summary'

export function makeCase(): NormalizedCase {
  return {
    format: 'osseoplan.case',
    version: 1,
    patient: {
      code: 'TF-042',
      ageYears: 47,
      sex: 'male',
      weightKg: 82.46,
      heightCm: 180,
      conditions: [],
      socketRehabMonths: 12,
      hipFlexionContractureDeg: null,
      kneeFlexionContractureDeg: null,
      tScore: -1.2
    },
    limb: { level: 'transfemoral', side: 'left', bone: 'femur' },
    imaging: { source: 'xray', magnification: 1.15, marker: null },
    bone: {
      residualLengthMm: 276,
      landmark: 'tip of greater trochanter',
      stations: [
        {
          index: 0,
          fromDistalEndMm: 23,
          endostealMm: 17.25,
          periostealMm: 32.2,
          twoPlane: true,
          planes: [
            { plane: 'AP', endostealMm: 17.25, periostealMm: 32.2 },
            { plane: 'Lat', endostealMm: 19.55, periostealMm: 34.5 }
          ]
        },
        { index: 1, fromDistalEndMm: 92, endostealMm: 14.95, periostealMm: 29.9, twoPlane: false }
      ]
    },
    softTissue: { distalThicknessMm: 38, method: 'ultrasound' },
    prosthesis: {
      soundSideLengthMm: 517.5,
      components: [
        { name: 'Adapter', buildHeightMm: 60 },
        { name: 'Knee', buildHeightMm: 150 }
      ],
      adapterTranscutaneousLengthMm: null,
      weightKg: null
    },
    implant: { systemId: 'generic-press-fit', system: null },
    profile: {},
    protocolId: null,
    notes: null
  }
}

const siteDefault = (key: string, value: number, unit: string, label: string, confirmed: boolean): ParamRef => ({
  key,
  value,
  unit,
  label,
  confirmed,
  provenance: { kind: 'site-default', basedOn: ['S9'] }
})

export const TARGET_PARAM = siteDefault('soft.targetMm', 15, 'mm', 'Target distal soft-tissue thickness (bone to skin)', false)
export const TIP_PARAM = siteDefault('system.generic-press-fit.tipMarginMm', 20, 'mm', 'Distance kept between implant tip and proximal landmark', true)

const basis = (rule: Basis['rule'], formula: string, parameters: ParamRef[] = [], sources: string[] = []): Basis => ({
  rule,
  formula,
  inputs: { 'residual length': { value: 240, unit: 'mm' } },
  parameters,
  sources
})

export function makeResult(): PlanResult {
  return {
    engineVersion: '1.0.0',
    profileId: 'default',
    profileVersion: '1.0.0',
    profileOverrides: [],
    catalogVersion: '2025.1',
    system: { id: 'generic-press-fit', name: 'Generic press-fit stem (template)', version: '1', template: true },
    caseCode: 'TF-042',
    level: 'transfemoral',
    side: 'left',
    bone: 'femur',
    status: 'warnings',
    corrected: {
      magnification: 1.15,
      magnificationSource: 'factor',
      residualLengthMm: 240,
      stations: [
        {
          index: 0,
          fromDistalEndMm: 20,
          endostealMm: 15,
          periostealMm: 28,
          planes: [
            { plane: 'AP', endostealMm: 15, periostealMm: 28 },
            { plane: 'Lat', endostealMm: 17, periostealMm: 30 }
          ]
        },
        { index: 1, fromDistalEndMm: 80, endostealMm: 13, periostealMm: 26 }
      ],
      soundSideLengthMm: 450,
      softTissueMagnification: 1,
      softTissueMm: 38
    },
    implant: {
      systemId: 'generic-press-fit',
      systemName: 'Generic press-fit stem (template)',
      fixation: 'press-fit',
      diameterMm: 16.25,
      lengthMm: 140,
      preparedDiameterMm: 15.25,
      contactLengthMm: 61.04,
      requiredContactMm: 30,
      maxLengthMm: 220,
      minCortexMm: 5.375,
      minCortexAtMm: 80,
      cortexMinimumMm: 2,
      tipCortexMm: 6.1,
      tipFromLandmarkMm: 100,
      resectionMm: 0,
      smaller: { diameterMm: 15, preparedDiameterMm: 14, contactLengthMm: 12.5 },
      larger: { diameterMm: 17, preparedDiameterMm: 16, contactLengthMm: 95 },
      atMagnificationMinus5: { magnification: 1.0925, lengthMm: 140, diameterMm: 17 },
      atMagnificationPlus5: { magnification: 1.2075, lengthMm: null, diameterMm: null },
      sensitivity: { fraction: 0.05, applies: true }
    },
    softTissue: { measuredMm: 38, targetMm: 15, reductionMm: 23, plannedMm: 15, bmi: 25.45 },
    buildHeight: { target: 'knee centre', joint: 'knee centre', availableMm: 210, requiredMm: 210, componentCount: 3, clearanceMm: 0, resectionMm: 0, afterResection: null },
    eligibility: [
      { item: 'AGE', outcome: 'pass', severity: 'absolute', sources: ['S24', 'S25'] },
      { item: 'HIP-FLEXION', outcome: 'unknown', severity: 'relative', sources: ['S15'] }
    ],
    rehab: {
      protocolId: 'radboud-standard',
      protocolName: 'Radboud standard',
      source: 'S11',
      dayZero: 'day of the surgery that fits the adapter',
      slowSuggested: false,
      slowReasons: [],
      targetLoadKg: 82.46,
      schedule: [
        { day: 3, loadKg: 10, activity: 'axial loading on a scale', interpolated: false },
        { day: 7, loadKg: 28.62, activity: 'axial loading on a scale', interpolated: true },
        { day: 10, loadKg: 41.23, activity: '50 % weight bearing', interpolated: false },
        { day: 42, loadKg: 82.46, activity: 'full weight bearing', interpolated: false }
      ],
      notes: ['Loads between published anchor points are interpolated linearly.']
    },
    stages: {
      count: 1,
      stage2AfterDays: null,
      rationale: 'The system allows one or two stages; the profile prefers one.',
      evidence: { source: 'S60', rows: [{ outcome: 'osteomyelitis', oneStage: 'fewer', twoStage: 'more' }] }
    },
    findings: [
      { id: 'R-MAG-INFO', severity: 'info', message: 'Magnification 1.15× entered.', basis: basis('R-MAG', 'm entered') },
      {
        id: 'PROFILE-UNCONFIRMED',
        severity: 'warning',
        message: 'The plan uses site defaults nobody has confirmed.',
        basis: basis('PROFILE', 'site defaults', [TARGET_PARAM])
      }
    ],
    basis: {
      'implant.diameterMm': basis('R-DIA', 'smallest D with C(D − engagement) ≥ min contact', [TIP_PARAM], ['S66']),
      'softTissue.targetMm': basis('R-SOFT', 'target from the profile', [TARGET_PARAM], ['S9', 'S39'])
    },
    siteDefaultsUsed: [TARGET_PARAM, TIP_PARAM, TARGET_PARAM]
  }
}

export function makeMeta(over: Partial<SummaryMeta> = {}): SummaryMeta {
  return {
    surgeon: 'Dr A. Surgeon',
    status: 'draft',
    revisionNumber: null,
    dateMs: new Date(2025, 2, 14, 10, 30).getTime(),
    contentHash: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
    units: { length: 'mm', mass: 'kg' },
    ...over
  }
}
