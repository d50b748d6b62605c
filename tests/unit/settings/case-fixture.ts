// A complete normalised transfemoral case, for computing real PlanResults with the core.
import type { NormalizedCase } from '../../../src/shared/case/types'

export function transfemoralCase(): NormalizedCase {
  return {
    format: 'osseoplan.case',
    version: 1,
    patient: { code: 'TF-001', ageYears: 47, sex: 'male', weightKg: 82, heightCm: 180, conditions: [], socketRehabMonths: 12, hipFlexionContractureDeg: null, kneeFlexionContractureDeg: null, tScore: -1.2 },
    limb: { level: 'transfemoral', side: 'left', bone: 'femur' },
    imaging: { source: 'xray', magnification: 1.15, marker: null },
    bone: {
      residualLengthMm: 276,
      landmark: 'tip of greater trochanter',
      stations: [
        { index: 0, fromDistalEndMm: 23, endostealMm: 17.25, periostealMm: 32.2, twoPlane: true },
        { index: 1, fromDistalEndMm: 92, endostealMm: 14.95, periostealMm: 29.9, twoPlane: false },
        { index: 2, fromDistalEndMm: 160, endostealMm: 14, periostealMm: 29, twoPlane: false }
      ]
    },
    softTissue: { distalThicknessMm: 38, method: 'ultrasound' },
    prosthesis: { soundSideLengthMm: 517.5, components: [{ name: 'Knee', buildHeightMm: 150 }], adapterTranscutaneousLengthMm: null, weightKg: null },
    implant: { systemId: 'generic-press-fit', system: null },
    profile: {},
    protocolId: null,
    notes: null
  } as NormalizedCase
}
