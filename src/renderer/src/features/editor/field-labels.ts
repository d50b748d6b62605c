// Clinical names of the form's fields, as the form labels them, for every list a surgeon reads
// ("Still needed", "Input to fix"): "Station 3 — endosteal Ø", never 'bone.stations[2].endosteal'.
const LABELS: Record<string, string> = {
  patient: 'Patient details',
  'patient.code': 'Patient code',
  'patient.ageYears': 'Age',
  'patient.sex': 'Sex',
  'patient.weight': 'Body weight',
  'patient.height': 'Body height',
  'patient.conditions': 'Conditions screened',
  'patient.socketRehabMonths': 'Socket rehabilitation',
  'patient.hipFlexionContractureDeg': 'Hip flexion contracture',
  'patient.kneeFlexionContractureDeg': 'Knee flexion contracture',
  'patient.tScore': 'DEXA T-score',
  limb: 'Level and side',
  'limb.level': 'Level',
  'limb.side': 'Side',
  'limb.bone': 'Bone',
  imaging: 'Imaging',
  'imaging.source': 'Measurements taken on',
  'imaging.magnification': 'Magnification factor',
  'imaging.marker': 'Calibration marker',
  'imaging.marker.trueSize': 'Marker true size',
  'imaging.marker.measuredSize': 'Marker measured size',
  bone: 'Bone measurements',
  'bone.residualLength': 'Residual bone length',
  'bone.landmark': 'Proximal landmark',
  'bone.stations': 'Canal stations',
  softTissue: 'Soft tissue',
  'softTissue.distalThickness': 'Distal soft-tissue thickness',
  'softTissue.method': 'Soft tissue measured by',
  prosthesis: 'Prosthesis',
  'prosthesis.soundSideLength': 'Sound-side length',
  'prosthesis.adapterTranscutaneousLength': 'Adapter transcutaneous length',
  'prosthesis.weight': 'Prosthesis weight',
  'prosthesis.components': 'Component stack',
  implant: 'Implant system',
  'implant.systemId': 'Implant system',
  protocolId: 'Loading protocol',
  notes: 'Notes'
}

const STATION_COLUMNS: Record<string, string> = {
  fromDistalEnd: 'distance from distal end',
  endosteal: 'endosteal Ø',
  periosteal: 'periosteal Ø',
  endostealAP: 'endosteal Ø AP',
  endostealLat: 'endosteal Ø lateral',
  periostealAP: 'periosteal Ø AP',
  periostealLat: 'periosteal Ø lateral'
}

/** The fields a section's whole object stands for when the core reports it missing. */
export const SECTION_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  patient: ['patient.code', 'patient.ageYears', 'patient.weight', 'patient.height', 'patient.conditions'],
  limb: ['limb.level', 'limb.side'],
  imaging: ['imaging.source'],
  bone: ['bone.residualLength', 'bone.landmark', 'bone.stations'],
  softTissue: ['softTissue.distalThickness', 'softTissue.method'],
  implant: ['implant.systemId']
}

/** The clinical label of a field path. */
export function fieldLabel(path: string): string {
  const own = LABELS[path]
  if (own) return own
  const station = /^bone\.stations\[(\d+)\](?:\.(\w+))?$/.exec(path)
  if (station) {
    const n = Number(station[1]) + 1
    return station[2] ? `Station ${n} — ${STATION_COLUMNS[station[2]] ?? station[2]}` : `Station ${n}`
  }
  const component = /^prosthesis\.components\[(\d+)\](?:\.(\w+))?$/.exec(path)
  if (component) {
    const n = Number(component[1]) + 1
    const what = component[2] === 'name' ? 'name' : component[2] === 'buildHeight' ? 'build height' : ''
    return what ? `Component ${n} — ${what}` : `Component ${n}`
  }
  const condition = /^patient\.conditions\[(\d+)\]$/.exec(path)
  if (condition) return 'Conditions screened'
  // Unknown paths (a newer case file): words, not code.
  return path
    .replace(/\[(\d+)\]/g, (_m, i: string) => ` ${Number(i) + 1}`)
    .replace(/\./g, ' — ')
    .replace(/([a-z])([A-Z])/g, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase())
}
