/**
 * Clinical labels for case-file paths: what a surgeon reads wherever a field is named (history,
 * compare, "cannot be printed", audit trail) — "Station 3 — endosteal Ø", never
 * `bone.stations[2].endosteal`. Stations and components are numbered from one. The one place
 * that owns these names; the editor's own field labels say the same words.
 */
import { DEFAULT_PROFILE } from '../profile/defaults'
import { shippedProtocolParam } from '../profile/protocol-params'

const FIELDS: Readonly<Record<string, string>> = {
  '': 'Case file',
  format: 'File format',
  version: 'File format version',
  patient: 'Patient',
  'patient.code': 'Patient code',
  'patient.ageYears': 'Age',
  'patient.sex': 'Sex',
  'patient.weight': 'Body weight',
  'patient.height': 'Body height',
  'patient.conditions': 'Conditions',
  'patient.socketRehabMonths': 'Socket rehabilitation (months)',
  'patient.hipFlexionContractureDeg': 'Hip flexion contracture',
  'patient.kneeFlexionContractureDeg': 'Knee flexion contracture',
  'patient.tScore': 'DEXA T-score',
  limb: 'Level and side',
  'limb.level': 'Level',
  'limb.side': 'Side',
  'limb.bone': 'Bone',
  imaging: 'Imaging',
  'imaging.source': 'Imaging source',
  'imaging.magnification': 'Magnification factor',
  'imaging.marker': 'Calibration marker',
  'imaging.marker.trueSize': 'Calibration marker — true size',
  'imaging.marker.measuredSize': 'Calibration marker — size on the image',
  bone: 'Bone and canal',
  'bone.residualLength': 'Residual bone length',
  'bone.landmark': 'Landmark',
  'bone.stations': 'Canal stations',
  softTissue: 'Soft tissue',
  'softTissue.distalThickness': 'Distal soft-tissue thickness',
  'softTissue.method': 'Soft-tissue measurement method',
  prosthesis: 'Sound side and components',
  'prosthesis.soundSideLength': 'Sound-side length',
  'prosthesis.components': 'Prosthetic components',
  'prosthesis.adapterTranscutaneousLength': 'Transcutaneous adapter length',
  'prosthesis.weight': 'Prosthesis weight',
  implant: 'Implant system',
  'implant.systemId': 'Implant system',
  'implant.system': 'Implant system (carried by the case file)',
  profile: 'Planning parameters of this case',
  protocolId: 'Loading protocol',
  notes: 'Notes',
  // Plan-level fields the audit trail records besides the case file.
  status: 'Plan status',
  revision: 'Revision',
  surgeon: 'Surgeon',
  parentId: 'Revises an earlier approved plan',
  revisedBy: 'Revised by a newer plan',
  supersededBy: 'Superseded by a newer plan',
  duplicatedFrom: 'Duplicated from another plan',
  siteDefaultsAcknowledged: 'Unconfirmed site defaults acknowledged at approval',
  archived: 'Archived'
}

/**
 * The editor's form labels some fields in its own words (the label beside the control); a list
 * that points at a field there ("Still needed", "Input to fix") names it in those words, so the
 * surgeon finds the control it names: `fieldLabel(path, 'form')`. Only where they differ.
 */
const FORM_WORDING: Readonly<Record<string, string>> = {
  patient: 'Patient details',
  'patient.conditions': 'Conditions screened',
  'patient.socketRehabMonths': 'Socket rehabilitation',
  'imaging.source': 'Measurements taken on',
  'imaging.marker.trueSize': 'Marker true size',
  'imaging.marker.measuredSize': 'Marker measured size',
  bone: 'Bone measurements',
  'bone.landmark': 'Proximal landmark',
  'softTissue.method': 'Soft tissue measured by',
  prosthesis: 'Prosthesis',
  'prosthesis.adapterTranscutaneousLength': 'Adapter transcutaneous length',
  'prosthesis.components': 'Component stack'
}

/** The fields a section's whole object stands for when the core reports it missing ('patient'). */
export const SECTION_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  patient: ['patient.code', 'patient.ageYears', 'patient.weight', 'patient.height', 'patient.conditions'],
  limb: ['limb.level', 'limb.side'],
  imaging: ['imaging.source'],
  bone: ['bone.residualLength', 'bone.landmark', 'bone.stations'],
  softTissue: ['softTissue.distalThickness', 'softTissue.method'],
  implant: ['implant.systemId']
}

const STATION_FIELDS: Readonly<Record<string, string>> = {
  fromDistalEnd: 'distance from the distal end',
  endosteal: 'endosteal Ø',
  endostealAP: 'endosteal Ø AP',
  endostealLat: 'endosteal Ø lateral',
  periosteal: 'periosteal Ø',
  periostealAP: 'periosteal Ø AP',
  periostealLat: 'periosteal Ø lateral',
  lateralFromDistalEnd: 'level of the lateral diameters (from the distal end)'
}

const COMPONENT_FIELDS: Readonly<Record<string, string>> = { name: 'name', buildHeight: 'build height' }

const SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  id: 'identifier',
  name: 'name',
  fixation: 'fixation',
  bones: 'bones',
  diametersMm: 'diameters',
  lengthsMm: 'lengths',
  engagementMm: 'cortical engagement',
  minCortexMm: 'minimum remaining cortex',
  minContactMm: 'minimum contact length',
  tipMarginMm: 'tip margin',
  maxBodyWeightKg: 'body-weight limit',
  stages: 'stages',
  stage2IntervalDays: 'stage 2 interval',
  protocolId: 'loading protocol',
  sources: 'sources'
}

/** Paths whose values are internal identifiers (plan ids): show the label, never the value. */
export const IDENTIFIER_PATHS: ReadonlySet<string> = new Set(['parentId', 'revisedBy', 'supersededBy', 'duplicatedFrom'])

/** 'maxLengthMm' → 'max length' (last resort for a field no table names). */
export function words(key: string): string {
  return key
    .replace(/(Mm|Kg|Deg|Days|Months|Years)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .toLowerCase()
    .trim()
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** A planning parameter's own label ('soft.target.…' → 'Bone-to-skin target …'), else its words. */
function parameterLabel(key: string): string {
  const params = DEFAULT_PROFILE.params as Readonly<Record<string, { label?: string } | undefined>>
  return params[key]?.label ?? shippedProtocolParam(key)?.label ?? capitalise(words(key))
}

/**
 * The clinical label of a case-file path (or of a plan field the audit trail records).
 * 'bone.stations[2].endosteal' → 'Station 3 — endosteal Ø'; 'patient.conditions[1]' → 'Conditions'.
 * `wording: 'form'`: as the editor's form labels the field (see FORM_WORDING).
 */
export function fieldLabel(path: string, wording: 'document' | 'form' = 'document'): string {
  if (wording === 'form') {
    const own = FORM_WORDING[path]
    if (own !== undefined) return own
  }
  const exact = FIELDS[path]
  if (exact !== undefined) return exact
  const station = /^bone\.stations\[(\d+)\](?:\.(\w+))?/.exec(path)
  if (station) {
    const n = `Station ${Number(station[1]) + 1}`
    return station[2] ? `${n} — ${STATION_FIELDS[station[2]] ?? words(station[2])}` : n
  }
  const component = /^prosthesis\.components\[(\d+)\](?:\.(\w+))?/.exec(path)
  if (component) {
    const n = `Component ${Number(component[1]) + 1}`
    return component[2] ? `${n} — ${COMPONENT_FIELDS[component[2]] ?? words(component[2])}` : n
  }
  const system = /^implant\.system\.(\w+)/.exec(path)
  if (system?.[1]) return `Implant system (case file) — ${SYSTEM_FIELDS[system[1]] ?? words(system[1])}`
  const profile = /^profile\.(.+?)(?:\.(?:value|source))?$/.exec(path)
  if (profile?.[1]) return `Planning parameter — ${parameterLabel(profile[1])}`
  // A list entry ('patient.conditions[1]') is named by its list.
  const listed = path.replace(/\[\d+\]$/, '')
  if (listed !== path) return fieldLabel(listed, wording)
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : ''
  const last = path.slice(path.lastIndexOf('.') + 1)
  const head = parent ? FIELDS[parent] : undefined
  return head ? `${head} — ${words(last)}` : capitalise(words(path.replace(/\[(\d+)\]/g, (_m, i: string) => ` ${Number(i) + 1}`)))
}

/** The inputs a rule's basis names (shared/rules: `inp(…)` keys), as a surgeon reads them. */
const BASIS_INPUTS: Readonly<Record<string, string>> = {
  m: 'magnification m',
  magnification: 'magnification',
  markerTrue: 'marker true size',
  markerMeasured: 'marker size on the image',
  measured: 'as measured',
  asEntered: 'thickness as entered',
  method: 'measured by',
  residualLength: 'residual bone length',
  residualAfter: 'residual bone length after resection',
  length: 'implant length',
  lengthAfter: 'implant length after resection',
  maxLength: 'longest implant the bone allows',
  diameter: 'implant diameter',
  diameterAfter: 'implant diameter after resection',
  preparedDiameter: 'prepared canal Ø',
  contactLength: 'cortical contact length',
  requiredContact: 'required contact length',
  minCortex: 'thinnest remaining cortex',
  cortexAtStations: 'remaining cortex at the stations',
  stationDistances: 'station distances from the distal end',
  stationCount: 'number of stations',
  measuredFrom: 'stations measured from',
  measuredTo: 'stations measured up to',
  target: 'bone-to-skin target',
  reduction: 'soft-tissue reduction',
  plannedThickness: 'planned soft-tissue thickness',
  adapterTranscutaneousLength: 'transcutaneous adapter length',
  available: 'available build height',
  required: 'required build height',
  clearance: 'build-height clearance',
  resection: 'proposed resection',
  soundSideLength: 'sound-side length',
  components: 'components',
  weight: 'body weight',
  bodyWeight: 'body weight',
  prosthesisWeight: 'prosthesis weight',
  height: 'body height',
  bmi: 'body-mass index',
  ageYears: 'age',
  openPhyses: 'open physes',
  conditions: 'conditions',
  tScore: 'DEXA T-score',
  socketRehabMonths: 'socket rehabilitation',
  hipFlexionContractureDeg: 'hip flexion contracture',
  kneeFlexionContractureDeg: 'knee flexion contracture',
  protocol: 'loading protocol',
  chosenBy: 'chosen by',
  level: 'level',
  bone: 'bone',
  systemId: 'implant system',
  systemBones: "the system's bones",
  count: 'number',
  stage2MinDays: 'stage 2 at the earliest',
  stage2MaxDays: 'stage 2 at the latest'
}

/** 'requiredContact' → 'required contact length' (a basis input's name, never the variable). */
export function basisInputLabel(name: string): string {
  return BASIS_INPUTS[name] ?? words(name)
}
