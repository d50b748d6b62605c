// Clinical labels for the stored result's fields in the revision compare: "One size smaller —
// diameter", "Finding 2", "Station 3 — endosteal Ø (corrected)", never `implant.smaller.diameterMm`
// or `findings[1].basis.inputs.asEntered.value`. The basis trail, internal ids and per-parameter
// records are left out of the compare (its header names the versions; the basis is in the summary).
import { words } from '../../../../shared/case/field-labels'
import { basisLabel, ELIGIBILITY_LABELS } from '../../../../shared/summary'
import type { FlatValue } from '../../db/object-diff'

const TOP: Readonly<Record<string, string>> = {
  status: 'Plan result',
  engineVersion: 'Engine version',
  profileVersion: 'Planning profile version',
  profileId: 'Planning profile',
  catalogVersion: 'Catalogue version',
  caseCode: 'Patient code',
  level: 'Level',
  side: 'Side',
  bone: 'Bone',
  'system.name': 'Implant system',
  'system.version': 'Implant system version',
  'system.template': 'Generic template system',
  'implant.systemName': 'Implant system',
  'implant.fixation': 'Fixation',
  'corrected.magnificationSource': 'Magnification from',
  'softTissue.bmi': 'Body-mass index',
  'buildHeight.target': 'Build height measured to',
  'rehab.protocolName': 'Loading protocol',
  'rehab.dayZero': 'Day 0 is',
  'rehab.targetLoadKg': 'Target load',
  'rehab.slowSuggested': 'Slow loading suggested',
  'stages.count': 'Number of stages',
  'stages.stage2AfterDays.min': 'Stage 2 timing — earliest',
  'stages.stage2AfterDays.max': 'Stage 2 timing — latest',
  'stages.rationale': 'Stage plan rationale'
}

/** Result paths not compared: basis trails, internal ids and keys, per-parameter records, evidence tables. */
const HIDDEN = [
  /^basis\b/,
  /^findings\[\d+\]\.(basis|paths)\b/,
  /^findings\[\d+\]\.id$/,
  /^eligibility\[\d+\]\.(item|sources)\b/,
  /^siteDefaultsUsed\b/,
  /^profileOverrides\b/,
  /^system\.id$/,
  /^implant\.systemId$/,
  /^rehab\.(protocolId|source)$/,
  /^rehab\.schedule\[\d+\]\.interpolated$/,
  /^stages\.evidence\b/,
  /^corrected\.stations\[\d+\]\.(index|planes)\b/
]

const SIZE_PARTS: Readonly<Record<string, string>> = {
  diameterMm: 'diameter',
  preparedDiameterMm: 'prepared canal',
  contactLengthMm: 'contact length',
  lengthMm: 'implant length',
  magnification: 'magnification'
}

const STATION_PARTS: Readonly<Record<string, string>> = {
  fromDistalEndMm: 'distance from the distal end',
  endostealMm: 'endosteal Ø',
  periostealMm: 'periosteal Ø'
}

export function isComparedResultPath(path: string): boolean {
  return !HIDDEN.some((re) => re.test(path))
}

/**
 * The clinical label of a stored result's path. `valueAt` reads another path of the same result
 * (an eligibility row is named by its item).
 */
export function resultFieldLabel(path: string, valueAt: (path: string) => FlatValue | undefined = () => undefined): string {
  const top = TOP[path]
  if (top) return top
  const finding = /^findings\[(\d+)\]\.(\w+)$/.exec(path)
  if (finding) return `Finding ${Number(finding[1]) + 1}${finding[2] === 'message' ? '' : ` — ${words(finding[2] ?? '')}`}`
  const elig = /^eligibility\[(\d+)\]\.(\w+)$/.exec(path)
  if (elig) {
    const item = valueAt(`eligibility[${elig[1]}].item`)
    const name = typeof item === 'string' ? (ELIGIBILITY_LABELS as Record<string, string>)[item] ?? words(item) : `Eligibility item ${Number(elig[1]) + 1}`
    return `Eligibility: ${name} — ${words(elig[2] ?? '')}`
  }
  const station = /^corrected\.stations\[(\d+)\]\.(\w+)$/.exec(path)
  if (station) return `Station ${Number(station[1]) + 1} — ${STATION_PARTS[station[2] ?? ''] ?? words(station[2] ?? '')} (corrected)`
  const schedule = /^rehab\.schedule\[(\d+)\]\.(\w+)$/.exec(path)
  if (schedule) return `Loading schedule, point ${Number(schedule[1]) + 1} — ${schedule[2] === 'loadKg' ? 'load' : words(schedule[2] ?? '')}`
  const listed = /^rehab\.(slowReasons|notes)\[(\d+)\]$/.exec(path)
  if (listed) return `${listed[1] === 'notes' ? 'Loading note' : 'Reason for slow loading'} ${Number(listed[2]) + 1}`
  const size = /^(implant\.(?:smaller|larger|atMagnificationMinus5|atMagnificationPlus5)|buildHeight\.afterResection)\.(\w+)$/.exec(path)
  if (size) {
    const head = size[1] === 'buildHeight.afterResection' ? 'After the proposed resection' : basisLabel(size[1] ?? '')
    const part = size[2] === 'resectionMm' ? 'resection' : size[2] === 'residualLengthAfterMm' ? 'residual bone length' : SIZE_PARTS[size[2] ?? ''] ?? words(size[2] ?? '')
    return `${head} — ${part}`
  }
  return basisLabel(path.replace(/\[(\d+)\]/g, ''))
}
