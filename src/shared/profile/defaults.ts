/**
 * The default planning profile. Every threshold used by the rules is here (or in an
 * implant system) with its provenance. Site defaults are starting values that nobody
 * published: the UI labels them "site default — confirm" until the site confirms them.
 */
import type { EligibilityItem, EligibilitySeverity, ParamValue } from '../result'
import { published, siteDefault } from './param'
import type { PlanningProfile, ProfileKey, ProfileParams } from './types'

export const DEFAULT_PROFILE_ID = 'default'
export const DEFAULT_PROFILE_VERSION = '1.0.0'

function severity(
  item: EligibilityItem,
  value: EligibilitySeverity,
  label: string,
  basedOn: string[],
  note?: string
): ParamValue<EligibilitySeverity> {
  return siteDefault(`elig.severity.${item}`, value, '', label, note === undefined ? { basedOn } : { basedOn, note })
}

const params: ProfileParams = {
  'mag.defaultFactor': siteDefault('mag.defaultFactor', 1.15, '×', 'Default X-ray magnification (no marker, no factor)', {
    basedOn: ['A3'],
    note: 'middle of the 105–120 % range of radiographic magnification'
  }),
  'mag.warnBelow': published('mag.warnBelow', 1.05, '×', 'Magnification below this raises a warning', 'A3', {
    note: 'radiographs are magnified 105–120 %'
  }),
  'mag.warnAbove': published('mag.warnAbove', 1.2, '×', 'Magnification above this raises a warning', 'A3', {
    note: 'radiographs are magnified 105–120 %'
  }),
  'mag.sensitivityFraction': siteDefault(
    'mag.sensitivityFraction',
    0.05,
    'fraction',
    'Magnification error for the size sensitivity check (m × (1 ± this))',
    { basedOn: ['A-calib', 'A1'], note: 'a 2–6 % calibration error moves the templated size by up to 2 sizes' }
  ),
  'soft.targetMm': siteDefault('soft.targetMm', 15, 'mm', 'Target distal soft-tissue thickness (bone to skin)', {
    basedOn: ['S9', 'S39'],
    note: 'no published numeric target; sources only say "minimise"'
  }),
  'soft.obesityBmi': published('soft.obesityBmi', 30, 'kg/m²', 'BMI at or above which soft-tissue infection risk is flagged', 'S30', {
    note: 'BMI ≥ 30: soft-tissue infection odds ratio 3.1'
  }),
  'elig.minAgeYears': published('elig.minAgeYears', 18, 'years', 'Minimum age (skeletal maturity)', 'S24', { also: ['S25'] }),
  // [S18] is an OPRA transhumeral programme: its BMI limit is a site default at every level until
  // the site confirms it (R-ELIG), and the finding says where the value comes from.
  'elig.maxBmi': siteDefault('elig.maxBmi', 35, 'kg/m²', 'BMI above this is a contraindication', {
    basedOn: ['S18'],
    note: 'BMI > 35 excluded in the OPRA transhumeral programme [S18]; a site default elsewhere'
  }),
  'elig.minSocketRehabMonths': published('elig.minSocketRehabMonths', 6, 'months', 'Minimum attempted socket rehabilitation', 'S15', {
    note: 'ITAP trial criterion'
  }),
  'elig.maxHipFlexionDeg': published('elig.maxHipFlexionDeg', 15, 'deg', 'Maximum hip flexion contracture', 'S15', {
    note: 'ITAP trial criterion'
  }),
  'elig.minResidualHumerusMm': published('elig.minResidualHumerusMm', 100, 'mm', 'Minimum residual humerus length', 'S18', {
    note: 'OPRA transhumeral criterion (≥ 10 cm)'
  }),
  'rehab.osteoporosisTScore': published('rehab.osteoporosisTScore', -2.5, 'SD', 'T-score at or below which slow loading is suggested', 'W1', {
    note: 'WHO definition of osteoporosis (T-score ≤ −2.5); that bone quality by DEXA sets the loading speed is [S29]'
  }),
  'rehab.shortFemurMm': siteDefault('rehab.shortFemurMm', 150, 'mm', 'Residual femur shorter than this counts as short (slow loading)', {
    basedOn: ['S11', 'S10'],
    note: 'the Radboud slow protocol is for short bone; no length is published'
  }),
  'rehab.shortTibiaMm': siteDefault('rehab.shortTibiaMm', 100, 'mm', 'Residual tibia shorter than this counts as short (slow loading)', {
    basedOn: ['S11'],
    note: 'the Radboud slow protocol is for short bone; no length is published'
  }),
  // Each source for what it says: ILP [S4] 4–8 weeks; Radboud [S10] 6–8 weeks (so only [S4] backs 4 weeks).
  'stage.pressFitMinDays': published('stage.pressFitMinDays', 28, 'days', 'Press-fit: earliest stage 2 after stage 1', 'S4', {
    note: '4 weeks (ILP, 4–8 weeks [S4]); Radboud starts at 6 weeks [S10]'
  }),
  'stage.pressFitMaxDays': published('stage.pressFitMaxDays', 56, 'days', 'Press-fit: latest stage 2 after stage 1', 'S4', {
    also: ['S10'],
    note: '8 weeks (ILP 4–8 weeks [S4], Radboud 6–8 weeks [S10])'
  }),
  'stage.threadedDays': published('stage.threadedDays', 182, 'days', 'Threaded (OPRA): stage 2 after stage 1', 'S1', {
    note: 'about 6 months (26 weeks)'
  }),
  'elig.severity.AGE': severity('AGE', 'absolute', 'Age below minimum or open physes', ['S24', 'S25', 'S4', 'S18']),
  'elig.severity.INFECTION': severity('INFECTION', 'absolute', 'Active infection', ['S24']),
  'elig.severity.MALIGNANCY': severity('MALIGNANCY', 'absolute', 'Malignancy or chemotherapy', ['S24', 'S4', 'S18']),
  'elig.severity.IMMUNOSUPPRESSION': severity('IMMUNOSUPPRESSION', 'absolute', 'Immunosuppression', ['S4', 'S18']),
  'elig.severity.PREGNANCY': severity('PREGNANCY', 'absolute', 'Pregnancy', ['S4', 'S18']),
  'elig.severity.DIABETES': severity('DIABETES', 'relative', 'Diabetes', ['S4', 'S18', 'S24', 'S26'], 'contraindicated in some programmes (ILP, OPRA transhumeral), not in others (OGA)'),
  'elig.severity.PVD': severity('PVD', 'relative', 'Peripheral vascular disease', ['S4', 'S18', 'S24', 'S26'], 'contraindicated in some programmes (ILP, OPRA transhumeral), not in others (OGA)'),
  'elig.severity.SMOKING': severity('SMOKING', 'relative', 'Smoking', [], 'no published criterion; a site decision'),
  'elig.severity.BMI': severity('BMI', 'relative', 'BMI above the limit', ['S18'], 'absolute in the OPRA transhumeral programme'),
  'elig.severity.BODY-WEIGHT': severity('BODY-WEIGHT', 'absolute', "Body weight above the implant's limit", []),
  'elig.severity.SOCKET-REHAB': severity('SOCKET-REHAB', 'relative', 'Socket rehabilitation shorter than the minimum', ['S15']),
  'elig.severity.HIP-FLEXION': severity('HIP-FLEXION', 'relative', 'Hip flexion contracture above the maximum', ['S15']),
  'elig.severity.HUMERUS-LENGTH': severity('HUMERUS-LENGTH', 'relative', 'Residual humerus shorter than the minimum', ['S18'], 'absolute in the OPRA transhumeral programme'),
  'stage.preferred': siteDefault('stage.preferred', 1, '', 'Stages when the implant system allows one or two', {
    basedOn: ['S60'],
    note: 'a review of 19 studies found fewer osteomyelitis and implant failures after one-stage surgery'
  }),
  'rehab.lowerLimbProtocol': siteDefault('rehab.lowerLimbProtocol', 'radboud-standard', '', 'Default lower-limb loading protocol', {
    basedOn: ['S11']
  }),
  'rehab.upperLimbProtocol': siteDefault('rehab.upperLimbProtocol', 'relimb-upper', '', 'Default upper-limb loading protocol', {
    basedOn: ['S48']
  })
}

export const DEFAULT_PROFILE: PlanningProfile = {
  id: DEFAULT_PROFILE_ID,
  name: 'Default profile (site defaults unconfirmed)',
  version: DEFAULT_PROFILE_VERSION,
  params
}

/** Validation spec of every profile parameter (settings screen, case overrides). */
export type ProfileParamSpec =
  | { key: ProfileKey; kind: 'number'; unit: string; min: number; max: number; integer?: boolean; length?: boolean }
  | { key: ProfileKey; kind: 'enum'; values: readonly (string | number)[] }
  | { key: ProfileKey; kind: 'protocol' }

/** No "off": every eligibility item is screened (R-ELIG). */
const SEVERITIES: readonly EligibilitySeverity[] = ['absolute', 'relative']

export const PROFILE_PARAM_SPECS: Readonly<Record<ProfileKey, ProfileParamSpec>> = {
  'mag.defaultFactor': { key: 'mag.defaultFactor', kind: 'number', unit: '×', min: 1, max: 1.3 },
  'mag.warnBelow': { key: 'mag.warnBelow', kind: 'number', unit: '×', min: 1, max: 1.3 },
  'mag.warnAbove': { key: 'mag.warnAbove', kind: 'number', unit: '×', min: 1, max: 1.3 },
  'mag.sensitivityFraction': { key: 'mag.sensitivityFraction', kind: 'number', unit: 'fraction', min: 0, max: 0.2 },
  'soft.targetMm': { key: 'soft.targetMm', kind: 'number', unit: 'mm', min: 0, max: 100, length: true },
  'soft.obesityBmi': { key: 'soft.obesityBmi', kind: 'number', unit: 'kg/m²', min: 15, max: 60 },
  'elig.minAgeYears': { key: 'elig.minAgeYears', kind: 'number', unit: 'years', min: 0, max: 100 },
  'elig.maxBmi': { key: 'elig.maxBmi', kind: 'number', unit: 'kg/m²', min: 15, max: 80 },
  'elig.minSocketRehabMonths': { key: 'elig.minSocketRehabMonths', kind: 'number', unit: 'months', min: 0, max: 120 },
  'elig.maxHipFlexionDeg': { key: 'elig.maxHipFlexionDeg', kind: 'number', unit: 'deg', min: 0, max: 90 },
  'elig.minResidualHumerusMm': { key: 'elig.minResidualHumerusMm', kind: 'number', unit: 'mm', min: 0, max: 400, length: true },
  'rehab.osteoporosisTScore': { key: 'rehab.osteoporosisTScore', kind: 'number', unit: 'SD', min: -6, max: 2 },
  'rehab.shortFemurMm': { key: 'rehab.shortFemurMm', kind: 'number', unit: 'mm', min: 0, max: 600, length: true },
  'rehab.shortTibiaMm': { key: 'rehab.shortTibiaMm', kind: 'number', unit: 'mm', min: 0, max: 500, length: true },
  'stage.pressFitMinDays': { key: 'stage.pressFitMinDays', kind: 'number', unit: 'days', min: 0, max: 730, integer: true },
  'stage.pressFitMaxDays': { key: 'stage.pressFitMaxDays', kind: 'number', unit: 'days', min: 0, max: 730, integer: true },
  'stage.threadedDays': { key: 'stage.threadedDays', kind: 'number', unit: 'days', min: 0, max: 730, integer: true },
  'elig.severity.AGE': { key: 'elig.severity.AGE', kind: 'enum', values: SEVERITIES },
  'elig.severity.INFECTION': { key: 'elig.severity.INFECTION', kind: 'enum', values: SEVERITIES },
  'elig.severity.MALIGNANCY': { key: 'elig.severity.MALIGNANCY', kind: 'enum', values: SEVERITIES },
  'elig.severity.IMMUNOSUPPRESSION': { key: 'elig.severity.IMMUNOSUPPRESSION', kind: 'enum', values: SEVERITIES },
  'elig.severity.PREGNANCY': { key: 'elig.severity.PREGNANCY', kind: 'enum', values: SEVERITIES },
  'elig.severity.DIABETES': { key: 'elig.severity.DIABETES', kind: 'enum', values: SEVERITIES },
  'elig.severity.PVD': { key: 'elig.severity.PVD', kind: 'enum', values: SEVERITIES },
  'elig.severity.SMOKING': { key: 'elig.severity.SMOKING', kind: 'enum', values: SEVERITIES },
  'elig.severity.BMI': { key: 'elig.severity.BMI', kind: 'enum', values: SEVERITIES },
  'elig.severity.BODY-WEIGHT': { key: 'elig.severity.BODY-WEIGHT', kind: 'enum', values: SEVERITIES },
  'elig.severity.SOCKET-REHAB': { key: 'elig.severity.SOCKET-REHAB', kind: 'enum', values: SEVERITIES },
  'elig.severity.HIP-FLEXION': { key: 'elig.severity.HIP-FLEXION', kind: 'enum', values: SEVERITIES },
  'elig.severity.HUMERUS-LENGTH': { key: 'elig.severity.HUMERUS-LENGTH', kind: 'enum', values: SEVERITIES },
  'stage.preferred': { key: 'stage.preferred', kind: 'enum', values: [1, 2] },
  'rehab.lowerLimbProtocol': { key: 'rehab.lowerLimbProtocol', kind: 'protocol' },
  'rehab.upperLimbProtocol': { key: 'rehab.upperLimbProtocol', kind: 'protocol' }
}

export const PROFILE_KEYS = Object.keys(PROFILE_PARAM_SPECS) as ProfileKey[]
