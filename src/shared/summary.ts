/**
 * The printed plan summary as data: every row the print-out shows, already formatted with units
 * and with the same display rounding as the editor (format.ts). Pure: the renderer lays it out,
 * it computes nothing clinical — every number comes from the PlanResult or the case.
 *
 * buildSummary(case, result, meta)        → a printable summary
 * buildIncompleteSummary(raw, errors, meta) → "cannot be printed", with what is missing
 */
import { capitalise, levelSideText } from './level-labels'
import type { Condition, FieldError, NormalizedCase, Side, SoftTissueMethod } from './case/types'
import { SOURCES } from './catalog/sources'
import { formatCm, formatDeg, formatKg, massDecimals, formatDate, formatMagnification, formatMm, formatMmAtMost, formatMmBeside, formatNumber, formatParamValue, formatSize, formatValue } from './format'
import {
  availableBuildText,
  clearanceText,
  contactText,
  cortexText,
  cortexWhereText,
  diameterText,
  implantSizeText,
  magnificationText,
  patientText,
  requiredBuildText,
  sensitivityLabel,
  sensitivityNotApplicable,
  shortenedBoneText,
  sitsLowText,
  softMeasuredText,
  stageDaysText,
  whatIfText
} from './plan-format'

export { formatDate }
import { sanitizeFileName } from './ipc'
import { basisInputLabel, fieldLabel } from './case/field-labels'
import { systemDisplayName } from './catalog/display-name'
import type {
  Basis,
  BasisInput,
  CorrectedMeasurements,
  EligibilityCheck,
  EligibilityItem,
  Finding,
  MagnificationWhatIf,
  ParamRef,
  ParamScalar,
  PlanResult,
  Severity,
  SizeOption,
  SourceKey
} from './result'
import { convertMass, type LengthUnit, type MassUnit } from './units'

export const DISCLAIMER =
  'Decision support for qualified surgeons. OsseoPlan does not replace clinical judgement: check every number against the images and the implant manufacturer’s instructions before surgery.'

export interface DisplayUnits {
  length: LengthUnit
  mass: MassUnit
}

/** What the summary knows about the plan besides its case and result. */
export interface SummaryMeta {
  surgeon: string
  /** Plan or revision status: draft, reviewed, approved, superseded. */
  status: string
  /** Revision number, or null for the current (working) plan. */
  revisionNumber: number | null
  /** Date of the plan's last change or of the revision (ms since epoch). */
  dateMs: number
  /** Full content hash (hex) of the revision (case file + result); printed shortened. */
  contentHash: string
  units: DisplayUnits
}

export interface SummaryRow {
  label: string
  value: string
  /** How it was measured / where it comes from. */
  note?: string
}

export interface SummaryHeader {
  patientCode: string
  /** "Transfemoral, left (femur)". */
  levelSide: string
  surgeon: string
  date: string
  status: string
  revision: string
  hash: string
}

export interface StationRow {
  fromDistalEnd: string
  /** The value the plan uses: with two planes, the smaller of AP and lateral. */
  endosteal: string
  periosteal: string
  planes: string
  /** Two-plane stations: each plane's own corrected pair, as the drawing shows them (AP filled, lateral dotted). */
  ap?: { endosteal: string; periosteal: string }
  lateral?: { endosteal: string; periosteal: string }
}

export interface SizeRow {
  which: string
  diameter: string
  prepared: string
  contact: string
}

export interface FindingRow {
  id: string
  severity: Severity
  severityText: string
  message: string
}

export interface EligibilityRow {
  item: string
  outcome: string
  outcomeKind: EligibilityCheck['outcome']
  severity: string
  sources: string
}

export interface LoadRow {
  day: string
  /** The day number alone ("14"), for the compact table whose row label says "Day". */
  dayValue: string
  load: string
  /** The load without its unit (the unit is in the table's row label), same rounding as `load`. */
  loadValue: string
  activity: string
  interpolated: boolean
}

export interface LoadChart {
  /** Points in display units: x = day, y = load in `unit`. */
  points: { day: number; load: number }[]
  unit: MassUnit
  maxDay: number
  maxLoad: number
}

/** One number (or several sharing the same formula and inputs) explained by a rule. */
export interface BasisNumber {
  /** Result paths this line explains (several numbers often share one basis). */
  keys: string[]
  /** Their labels joined: "Implant diameter; Prepared canal". */
  label: string
  formula: string
  inputs: string[]
}

/** Everything one rule explains: its numbers, then the parameters and sources they share (once). */
export interface BasisGroup {
  rule: string
  numbers: BasisNumber[]
  /** Every published parameter (or site default not in the site-defaults list) the rule's numbers used, with its value and provenance, each once. */
  parameters: string[]
  /** Site defaults the rule used, by name only: their values and whether the site confirmed them are in `siteDefaults` of the summary. */
  siteDefaults: string[]
  /** Source keys ("S66"), each once; their titles are in `sources` of the summary. */
  sources: string[]
}

export interface SiteDefaultRow {
  key: string
  label: string
  value: string
  status: string
  confirmed: boolean
}

export interface SourceRow {
  key: string
  title: string
}

export interface PlanSummary {
  kind: 'plan'
  header: SummaryHeader
  /** One line on the plan's state ("Blocked: …"). */
  statusLine: string
  planStatus: PlanResult['status']
  versions: string
  inputs: {
    patient: SummaryRow[]
    imaging: SummaryRow[]
    bone: SummaryRow[]
    stations: StationRow[]
    stationsNote: string
    softTissue: SummaryRow[]
    prosthesis: SummaryRow[]
  }
  implant: { rows: SummaryRow[]; sizes: SizeRow[]; sensitivity: SummaryRow[]; missing: string | null }
  canal: SummaryRow[]
  softTissue: SummaryRow[]
  buildHeight: { rows: SummaryRow[]; missing: string | null }
  findings: FindingRow[]
  eligibility: EligibilityRow[]
  /**
   * The eligibility screen as findings: items that are not met, not recorded (or otherwise need a
   * look) one by one; the met ones, and the ones that do not apply, each as one compact line.
   */
  eligibilityFindings: { listed: EligibilityRow[]; met: string; notApplicable: string }
  stages: {
    rows: SummaryRow[]
    evidenceSource: string
    evidence: { outcome: string; oneStage: string; twoStage: string }[]
    /** The evidence in one line: "superficial infection 38 % vs 52 %; …" (one stage vs two stages). */
    evidenceLine: string
  }
  loading: {
    rows: SummaryRow[]
    schedule: LoadRow[]
    /** Each activity with the days it applies to, in order: "day 0: …; days 14–168: …". */
    activities: string
    chart: LoadChart
    notes: string[]
    hasInterpolated: boolean
  }
  basis: BasisGroup[]
  siteDefaults: SiteDefaultRow[]
  unconfirmedCount: number
  sources: SourceRow[]
  disclaimer: string
  /** Default name for "Export PDF…": "<patient code> <level> <YYYY-MM-DD>.pdf". */
  fileName: string
}

export interface IncompleteSummary {
  kind: 'incomplete'
  header: SummaryHeader
  /** Every problem that stops the plan from being computed, by field. */
  missing: { field: string; message: string; required: boolean }[]
  disclaimer: string
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

const CONDITION_LABELS: Record<Condition, string> = {
  'active-infection': 'active infection',
  malignancy: 'malignancy',
  chemotherapy: 'chemotherapy',
  immunosuppression: 'immunosuppression',
  pregnancy: 'pregnancy',
  'open-physes': 'open physes',
  diabetes: 'diabetes',
  'peripheral-vascular-disease': 'peripheral vascular disease',
  smoking: 'smoking'
}

export const ELIGIBILITY_LABELS: Record<EligibilityItem, string> = {
  AGE: 'Age / skeletal maturity',
  INFECTION: 'Active infection',
  MALIGNANCY: 'Malignancy or chemotherapy',
  IMMUNOSUPPRESSION: 'Immunosuppression',
  PREGNANCY: 'Pregnancy',
  DIABETES: 'Diabetes',
  PVD: 'Peripheral vascular disease',
  SMOKING: 'Smoking',
  BMI: 'Body-mass index',
  'BODY-WEIGHT': 'Body weight (implant limit)',
  'SOCKET-REHAB': 'Socket rehabilitation',
  'HIP-FLEXION': 'Hip flexion contracture',
  'KNEE-FLEXION': 'Knee flexion contracture',
  'HUMERUS-LENGTH': 'Residual humerus length'
}

const OUTCOME_LABELS: Record<EligibilityCheck['outcome'], string> = {
  pass: 'criterion met',
  fail: 'contraindication present',
  unknown: 'not recorded',
  'not-applicable': 'not applicable'
}

const ELIGIBILITY_SEVERITY_LABELS: Record<EligibilityCheck['severity'], string> = {
  absolute: 'absolute (blocks)',
  relative: 'relative (warning)'
}

const SEVERITY_LABELS: Record<Severity, string> = { block: 'Blocks', warning: 'Warning', info: 'Note' }

const SOFT_METHOD_LABELS: Record<SoftTissueMethod, string> = {
  xray: 'X-ray',
  ct: 'CT',
  ultrasound: 'ultrasound',
  clinical: 'clinical measurement'
}

/** Labels of the numbers a PlanResult's basis map explains (unknown keys fall back to the key). */
const BASIS_LABELS: Record<string, string> = {
  'corrected.magnification': 'Magnification',
  'corrected.residualLengthMm': 'Residual bone length (corrected)',
  'corrected.stations': 'Canal profile (corrected)',
  'corrected.soundSideLengthMm': 'Sound-side length (corrected)',
  'corrected.softTissueMm': 'Soft-tissue thickness (corrected)',
  'corrected.softTissueMagnification': 'Soft-tissue magnification',
  'implant.lengthMm': 'Implant length',
  'implant.maxLengthMm': 'Longest implant the bone allows',
  'implant.diameterMm': 'Implant diameter',
  'implant.preparedDiameterMm': 'Prepared canal',
  'implant.contactLengthMm': 'Cortical contact length',
  'implant.requiredContactMm': 'Required contact length',
  'implant.minCortexMm': 'Thinnest remaining cortex',
  'implant.minCortexAtMm': 'Position of the thinnest cortex',
  'implant.smaller': 'One size smaller',
  'implant.larger': 'One size larger',
  'implant.atMagnificationMinus5': 'Size at the lower magnification',
  'implant.atMagnificationPlus5': 'Size at the higher magnification',
  'implant.sensitivity': 'Magnification check',
  'implant.tipCortexMm': 'Remaining cortex at the implant tip',
  'implant.cortexMinimumMm': 'Minimum remaining cortex',
  'implant.tipFromLandmarkMm': 'Implant tip to the proximal landmark',
  'implant.resectionMm': 'Resection the sizes assume',
  'buildHeight.afterResection': 'Implant on the shortened bone',
  'softTissue.measuredMm': 'Measured soft-tissue thickness',
  'softTissue.targetMm': 'Bone-to-skin target',
  'softTissue.reductionMm': 'Soft-tissue reduction',
  'softTissue.plannedMm': 'Planned soft-tissue thickness',
  'softTissue.bmi': 'Body-mass index',
  'buildHeight.availableMm': 'Available build height',
  'buildHeight.requiredMm': 'Required build height',
  'buildHeight.clearanceMm': 'Build-height clearance',
  'buildHeight.resectionMm': 'Proposed bone resection',
  eligibility: 'Eligibility screen',
  'rehab.schedule': 'Loading schedule',
  'rehab.targetLoadKg': 'Target load',
  'rehab.slowSuggested': 'Slow loading',
  'stages.count': 'Number of stages',
  'stages.stage2AfterDays': 'Stage 2 timing'
}

function humanise(key: string): string {
  const last = key.split('.').pop() ?? key
  const words = last.replace(/(Mm|Kg|Days)$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function basisLabel(key: string): string {
  return BASIS_LABELS[key] ?? humanise(key)
}

export function sourceTitle(key: SourceKey): string {
  return SOURCES[key] ?? 'source not in the reference list'
}

// ---------------------------------------------------------------------------
// Small formatters (display only; format.ts does the rounding)
// ---------------------------------------------------------------------------


/** A parameter or basis value in the user's display units (mm → length unit, kg → mass unit). */
export function formatQuantity(value: ParamScalar | boolean | null, unit: string, units: DisplayUnits): string {
  if (typeof value === 'number') {
    if (unit === 'mm') return formatMm(value, units.length)
    if (unit === 'kg') return formatKg(value, units.mass)
    if (unit === 'deg') return formatDeg(value)
  }
  if (Array.isArray(value) && unit === 'mm' && units.length !== 'mm') return value.map((v) => formatMm(v, units.length)).join(', ')
  return formatValue(value, unit)
}

/** A parameter's value exactly as the catalogue or profile states it, or a basis input to three
 *  decimals: lengths in mm, never rounded to the display precision (a 1.75 mm minimum cortex is
 *  not "1.8 mm", a Ø 12.25 implant not 12.3), with inches in brackets in inch display. */
function exactQuantity(value: ParamScalar | boolean | null, unit: string, units: DisplayUnits): string {
  if (typeof value === 'number' && unit === 'mm') return formatSize(value, units.length)
  if (typeof value === 'number' && unit === 'kg') return formatQuantity(value, unit, units)
  if (typeof value === 'number' && unit === 'deg') return `${formatNumber(value, 3)}°`
  return formatParamValue(value, unit)
}

function daysRange(min: number, max: number): string {
  const weeks = (x: number) => formatNumber(x / 7, 1)
  return `${stageDaysText({ min, max })} (${min === max ? weeks(min) : `${weeks(min)}–${weeks(max)}`} weeks)`
}

function statusText(status: string): string {
  return status ? capitalise(status) : 'Draft'
}

function revisionText(n: number | null): string {
  return n === null ? 'Current plan (not a saved revision)' : `Revision ${n}`
}

/** Default PDF name: "<patient code> <level> <YYYY-MM-DD>.pdf", made safe for a save dialog. */
export function summaryFileName(patientCode: string, level: string, dateMs: number): string {
  const name = [patientCode.trim(), level.trim(), formatDate(dateMs)].filter((p) => p !== '').join(' ')
  return sanitizeFileName(name, 'pdf') ?? 'OsseoPlan summary.pdf'
}

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

/** How the bone measurements were taken, with the magnification applied. */
function imagingNote(c: NormalizedCase, corrected: CorrectedMeasurements): string {
  const m = formatMagnification(corrected.magnification)
  switch (c.imaging.source) {
    case 'ct':
      return 'CT (no magnification correction)'
    case 'calibrated':
      return 'calibrated measurement (no magnification correction)'
    default:
      switch (corrected.magnificationSource) {
        case 'marker':
          return `X-ray, corrected for ${m} magnification (calibration marker)`
        case 'factor':
          return `X-ray, corrected for ${m} magnification (factor entered)`
        case 'profile-default':
          return `X-ray, corrected for ${m} magnification (site default, not calibrated)`
        default:
          return `X-ray at ${m}`
      }
  }
}

/**
 * The same, short, for each bone input: the "Bone imaging" row states where the magnification
 * came from (marker, factor, site default), so each measurement names only the correction.
 */
function imagingShortNote(c: NormalizedCase, corrected: CorrectedMeasurements): string {
  if (c.imaging.source !== 'xray') return imagingNote(c, corrected)
  return corrected.magnificationSource === 'none' ? imagingNote(c, corrected) : `X-ray, corrected for ${formatMagnification(corrected.magnification)}`
}

function softTissueNote(c: NormalizedCase, corrected: CorrectedMeasurements): string {
  const method = SOFT_METHOD_LABELS[c.softTissue.method]
  if (c.softTissue.method === 'xray') return `${method}, corrected for ${formatMagnification(corrected.softTissueMagnification)} magnification`
  return method
}

function measuredNote(measuredMm: number, correctedMm: number, note: string, units: DisplayUnits): string {
  return measuredMm === correctedMm ? note : `${note}; measured ${formatMm(measuredMm, units.length)}`
}

function patientRows(c: NormalizedCase, result: PlanResult, u: DisplayUnits): SummaryRow[] {
  const p = c.patient
  const rows: SummaryRow[] = [
    { label: 'Age', value: patientText.age(p.ageYears, result) },
    { label: 'Sex', value: p.sex ?? 'not recorded' },
    { label: 'Body weight', value: patientText.weight(p.weightKg, result, u.mass) },
    { label: 'Height', value: formatCm(p.heightCm) },
    { label: 'Body-mass index', value: patientText.bmi(result.softTissue.bmi, result) },
    {
      label: 'Conditions',
      value: p.conditions.length === 0 ? 'none present (screened)' : p.conditions.map((x) => CONDITION_LABELS[x]).join(', ')
    },
    { label: 'Socket rehabilitation', value: p.socketRehabMonths === null ? 'not recorded' : patientText.socketRehab(p.socketRehabMonths, result) },
    // Only the contracture the level asks for: the hip for transfemoral, the knee for transtibial.
    ...(c.limb.level === 'transfemoral'
      ? [{ label: 'Hip flexion contracture', value: p.hipFlexionContractureDeg === null ? 'not recorded' : patientText.hipFlexion(p.hipFlexionContractureDeg, result) }]
      : []),
    ...(c.limb.level === 'transtibial'
      ? [{ label: 'Knee flexion contracture', value: p.kneeFlexionContractureDeg === null ? 'not recorded' : patientText.kneeFlexion(p.kneeFlexionContractureDeg, result) }]
      : []),
    { label: 'DEXA T-score', value: p.tScore === null ? 'not recorded' : patientText.tScore(p.tScore, result) }
  ]
  return rows
}

function imagingRows(c: NormalizedCase, result: PlanResult, u: DisplayUnits): SummaryRow[] {
  const corrected = result.corrected
  const source = { xray: 'X-ray', ct: 'CT', calibrated: 'calibrated images' }[c.imaging.source]
  const rows: SummaryRow[] = [{ label: 'Bone imaging', value: source, note: imagingNote(c, corrected) }]
  if (c.imaging.source === 'xray') {
    rows.push({ label: 'Magnification applied', value: magnificationText(result) })
    if (c.imaging.marker)
      rows.push({
        label: 'Calibration marker',
        value: `${formatMm(c.imaging.marker.measuredSizeMm, u.length)} measured, ${formatMm(c.imaging.marker.trueSizeMm, u.length)} true size`
      })
  }
  return rows
}

function boneRows(c: NormalizedCase, result: PlanResult, u: DisplayUnits): SummaryRow[] {
  const corrected = result.corrected
  const note = imagingShortNote(c, corrected)
  return [
    {
      label: 'Residual bone length',
      value: patientText.residual(corrected.residualLengthMm, result, u.length),
      note: `from ${c.bone.landmark}; ${measuredNote(c.bone.residualLengthMm, corrected.residualLengthMm, note, u)}`
    }
  ]
}

function stationRows(c: NormalizedCase, corrected: CorrectedMeasurements, u: DisplayUnits): StationRow[] {
  return corrected.stations.map((s) => {
    const raw = c.bone.stations.find((r) => r.index === s.index)
    const row: StationRow = {
      fromDistalEnd: formatMm(s.fromDistalEndMm, u.length),
      endosteal: formatMm(s.endostealMm, u.length),
      periosteal: formatMm(s.periostealMm, u.length),
      planes: raw?.twoPlane ? 'AP and lateral (smaller used)' : 'one plane'
    }
    // Each plane's own values, not only the smaller one the sizing uses (R-CORTEX checks each plane).
    const pair = (plane: 'AP' | 'Lat') => {
      const p = s.planes?.find((x) => x.plane === plane)
      return p ? { endosteal: formatMm(p.endostealMm, u.length), periosteal: formatMm(p.periostealMm, u.length) } : undefined
    }
    const ap = raw?.twoPlane ? pair('AP') : undefined
    const lateral = raw?.twoPlane ? pair('Lat') : undefined
    if (ap) row.ap = ap
    if (lateral) row.lateral = lateral
    return row
  })
}

function softTissueInputRows(c: NormalizedCase, corrected: CorrectedMeasurements, u: DisplayUnits): SummaryRow[] {
  const note = softTissueNote(c, corrected)
  return [
    {
      label: 'Distal soft-tissue thickness',
      value: formatMm(corrected.softTissueMm, u.length),
      note: measuredNote(c.softTissue.distalThicknessMm, corrected.softTissueMm, note, u)
    }
  ]
}

function prosthesisRows(c: NormalizedCase, result: PlanResult, u: DisplayUnits): SummaryRow[] {
  const corrected = result.corrected
  const p = c.prosthesis
  const rows: SummaryRow[] = []
  rows.push(
    p.soundSideLengthMm === null || corrected.soundSideLengthMm === null
      ? { label: 'Sound-side length', value: 'not recorded' }
      : {
          label: 'Sound-side length',
          value: formatMm(corrected.soundSideLengthMm, u.length),
          note: measuredNote(p.soundSideLengthMm, corrected.soundSideLengthMm, imagingShortNote(c, corrected), u)
        }
  )
  rows.push({
    label: 'Components (build height)',
    value: p.components.length === 0 ? 'not recorded' : p.components.map((comp) => `${comp.name} ${formatMm(comp.buildHeightMm, u.length)}`).join('; ')
  })
  rows.push({
    label: 'Adapter transcutaneous length',
    // Beside the planned soft-tissue thickness it is compared with (R-SOFT-ADAPTER): 14.96 is not "15 mm".
    value: p.adapterTranscutaneousLengthMm === null ? 'not recorded' : formatMmBeside(p.adapterTranscutaneousLengthMm, [result.softTissue.plannedMm], u.length)
  })
  rows.push({ label: 'Prosthesis weight', value: p.weightKg === null ? 'not recorded' : formatKg(p.weightKg, u.mass) })
  return rows
}

/** A size row: catalogue sizes exact and in mm, the contact beside the required contact. */
function sizeRow(which: string, s: SizeOption, requiredMm: number, u: DisplayUnits): SizeRow {
  return {
    which,
    diameter: formatSize(s.diameterMm, u.length),
    prepared: formatSize(s.preparedDiameterMm, u.length),
    contact: contactText(s.contactLengthMm, requiredMm, u.length)
  }
}

function whatIf(label: string, w: MagnificationWhatIf, u: DisplayUnits): SummaryRow {
  return { label, value: whatIfText(w, u.length), note: `at ${formatMagnification(w.magnification)}` }
}

function implantSection(result: PlanResult, u: DisplayUnits): PlanSummary['implant'] {
  const i = result.implant
  if (!i) {
    const blocking = result.findings.filter((f) => f.severity === 'block').map((f) => f.message)
    return {
      rows: result.system ? [{ label: 'Implant system', value: result.system.name }] : [],
      sizes: [],
      sensitivity: [],
      missing: blocking.length > 0 ? `No implant recommended: ${blocking.join(' ')}` : 'No implant recommended.'
    }
  }
  const systemName = systemDisplayName({ name: i.systemName, template: result.system?.template ?? false }, 'generic template — site default sizes, confirm')
  const sizes: SizeRow[] = []
  const req = i.requiredContactMm
  if (i.smaller) sizes.push(sizeRow('One size smaller', i.smaller, req, u))
  sizes.push(sizeRow('Recommended', i, req, u))
  if (i.larger) sizes.push(sizeRow('One size larger', i.larger, req, u))
  const shortened = i.resectionMm > 0 ? `; ${shortenedBoneText(i, u.length)}` : ''
  const na = sensitivityNotApplicable(result)
  return {
    rows: [
      { label: 'Implant system', value: systemName, note: i.fixation },
      { label: 'Diameter', value: diameterText(i.diameterMm, u.length) },
      { label: 'Length', value: formatSize(i.lengthMm, u.length), note: `longest the bone allows: ${formatMmAtMost(i.maxLengthMm, u.length)}${shortened}` }
    ],
    sizes,
    sensitivity: na
      ? [{ label: 'Magnification check', value: 'not applicable', note: na.replace(/^not applicable: /, '') }]
      : [whatIf(sensitivityLabel(i, -1), i.atMagnificationMinus5, u), whatIf(sensitivityLabel(i, 1), i.atMagnificationPlus5, u)],
    missing: null
  }
}

function canalRows(result: PlanResult, u: DisplayUnits): SummaryRow[] {
  const i = result.implant
  if (!i) return []
  return [
    { label: 'Prepared canal', value: diameterText(i.preparedDiameterMm, u.length), note: 'implant diameter − engagement' },
    { label: 'Cortical contact length', value: contactText(i.contactLengthMm, i.requiredContactMm, u.length), note: `required ${formatSize(i.requiredContactMm, u.length)}` },
    i.minCortexMm === null
      ? { label: 'Thinnest remaining cortex', value: 'no station inside the implant zone', note: `implant tip ${formatSize(i.lengthMm, u.length)} from the ${i.resectionMm > 0 ? 'new ' : ''}distal end, ${formatMm(i.tipFromLandmarkMm, u.length)} from the proximal landmark, cortex there ${i.tipCortexMm === null ? 'not measured' : cortexText(i.tipCortexMm, i, u.length)} (fractures cluster within 2 cm of the tip [S36])` }
      : {
          label: 'Thinnest remaining cortex',
          value: cortexText(i.minCortexMm, i, u.length),
          // The tip (fracture counselling) in the same row: the A4 summary stays on two pages.
          note: `${cortexWhereText(i, u.length)}; minimum ${formatSize(i.cortexMinimumMm, u.length)}; ${`implant tip ${formatSize(i.lengthMm, u.length)} from the ${i.resectionMm > 0 ? 'new ' : ''}distal end, ${formatMm(i.tipFromLandmarkMm, u.length)} from the proximal landmark, cortex there ${i.tipCortexMm === null ? 'not measured' : cortexText(i.tipCortexMm, i, u.length)} (fractures cluster within 2 cm of the tip [S36])`}`
        }
  ]
}

function softTissueRows(result: PlanResult, u: DisplayUnits): SummaryRow[] {
  const s = result.softTissue
  return [
    { label: 'Measured thickness', value: softMeasuredText(result, u.length) },
    { label: 'Bone-to-skin target', value: formatSize(s.targetMm, u.length) },
    { label: 'Planned reduction', value: formatMmBeside(s.reductionMm, [0], u.length) },
    { label: 'Thickness after reduction', value: formatMm(s.plannedMm, u.length) }
  ]
}

function buildHeightSection(c: NormalizedCase, result: PlanResult, u: DisplayUnits): PlanSummary['buildHeight'] {
  const b = result.buildHeight
  if (!b) {
    const missing: string[] = []
    if (c.prosthesis.soundSideLengthMm === null) missing.push('the sound-side length')
    if (c.prosthesis.components.length === 0) missing.push('the prosthetic components with their build heights')
    const what = missing.length > 0 ? missing.join('; ') : 'the sound-side length and the components'
    return { rows: [], missing: `Not calculated. Still needed: ${what}.` }
  }
  const rows: SummaryRow[] = [
    { label: 'Target', value: b.target },
    { label: 'Available', value: availableBuildText(b, u.length), note: 'sound-side length − residual bone length' },
    { label: 'Required', value: requiredBuildText(b, u.length), note: 'sum of component build heights' },
    {
      label: 'Clearance',
      value: clearanceText(b, u.length),
      note: b.resectionMm === 0 ? (b.componentCount === 0 ? 'no components to fit' : 'taken up by the pylon / tube') : sitsLowText(b, u.length)
    }
  ]
  if (b.resectionMm > 0) rows.push({ label: 'Proposed bone resection', value: formatMmBeside(b.resectionMm, [0], u.length) })
  const a = b.afterResection
  if (a) {
    rows.push({ label: 'Residual length after resection', value: patientText.residual(a.residualLengthAfterMm, result, u.length) })
    const w = a.withoutResection
    rows.push({
      label: 'Implant on the shortened bone',
      value: a.diameterMm === null || a.lengthMm === null ? 'none fits' : implantSizeText(a.diameterMm, a.lengthMm, u.length),
      note: w.diameterMm !== null && w.lengthMm !== null ? `the plan's implant; without the resection it would have been ${implantSizeText(w.diameterMm, w.lengthMm, u.length)}` : "the plan's implant"
    })
  }
  return { rows, missing: null }
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warning: 1, info: 2 }

function findingRows(findings: Finding[]): FindingRow[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => ({ id: f.id, severity: f.severity, severityText: SEVERITY_LABELS[f.severity], message: f.message }))
}

function eligibilityRows(checks: EligibilityCheck[]): EligibilityRow[] {
  return checks.map((c) => ({
    item: ELIGIBILITY_LABELS[c.item] ?? c.item,
    outcome: OUTCOME_LABELS[c.outcome],
    outcomeKind: c.outcome,
    severity: ELIGIBILITY_SEVERITY_LABELS[c.severity],
    sources: c.sources.join(', ')
  }))
}

/**
 * Eligibility as findings: what is not met or not recorded one by one (with its programme setting
 * and sources); the met items in one line with their sources, the not-applicable ones in another.
 */
function eligibilityFindings(rows: EligibilityRow[]): PlanSummary['eligibilityFindings'] {
  const withSources = (r: EligibilityRow) => (r.sources ? `${r.item} [${r.sources}]` : r.item)
  return {
    listed: rows.filter((r) => r.outcomeKind !== 'pass' && r.outcomeKind !== 'not-applicable'),
    met: rows.filter((r) => r.outcomeKind === 'pass').map(withSources).join('; '),
    notApplicable: rows.filter((r) => r.outcomeKind === 'not-applicable').map(withSources).join('; ')
  }
}

function stageSection(result: PlanResult): PlanSummary['stages'] {
  const s = result.stages
  const rows: SummaryRow[] = [{ label: 'Stages', value: s.count === 1 ? 'one stage' : 'two stages' }]
  if (s.stage2AfterDays) rows.push({ label: 'Stage 2 after stage 1', value: daysRange(s.stage2AfterDays.min, s.stage2AfterDays.max) })
  rows.push({ label: 'Rationale', value: s.rationale })
  return {
    rows,
    evidenceSource: s.evidence.source,
    evidence: s.evidence.rows.map((r) => ({ ...r })),
    evidenceLine: s.evidence.rows.map((r) => `${r.outcome} ${r.oneStage} vs ${r.twoStage}`).join('; ')
  }
}

/** Runs of the same activity with their days: "day 0: start; days 14–168: increasing; day 182: full". */
function activityRuns(schedule: PlanResult['rehab']['schedule']): string {
  const runs: { first: number; last: number; activity: string }[] = []
  for (const s of schedule) {
    const run = runs[runs.length - 1]
    if (run && run.activity === s.activity) run.last = s.day
    else runs.push({ first: s.day, last: s.day, activity: s.activity })
  }
  return runs
    .map((r) => (r.first === r.last ? `day ${formatNumber(r.first, 0)}: ${r.activity}` : `days ${formatNumber(r.first, 0)}–${formatNumber(r.last, 0)}: ${r.activity}`))
    .join('; ')
}

function loadingSection(result: PlanResult, u: DisplayUnits): PlanSummary['loading'] {
  const r = result.rehab
  const rows: SummaryRow[] = [
    { label: 'Protocol', value: r.protocolName, note: `[${r.source}] ${sourceTitle(r.source)}` },
    { label: 'Day 0', value: r.dayZero },
    { label: 'Target load', value: formatKg(r.targetLoadKg, u.mass) }
  ]
  if (r.slowSuggested) rows.push({ label: 'Slow loading suggested', value: r.slowReasons.join('; ') || 'yes' })
  // Chart geometry only; the table carries the rounded numbers. One load (no progression) is no chart.
  const points = r.schedule.length < 2 ? [] : r.schedule.map((s) => ({ day: s.day, load: convertMass(s.loadKg, u.mass) }))
  return {
    rows,
    schedule: r.schedule.map((s) => ({
      day: `day ${formatNumber(s.day, 0)}`,
      dayValue: formatNumber(s.day, 0),
      load: formatKg(s.loadKg, u.mass),
      loadValue: formatNumber(convertMass(s.loadKg, u.mass), massDecimals(convertMass(s.loadKg, u.mass))),
      activity: s.activity,
      interpolated: s.interpolated
    })),
    activities: activityRuns(r.schedule),
    chart: {
      points,
      unit: u.mass,
      maxDay: Math.max(0, ...points.map((p) => p.day)),
      maxLoad: Math.max(0, ...points.map((p) => p.load))
    },
    notes: r.notes.slice(),
    hasInterpolated: r.schedule.some((s) => s.interpolated)
  }
}

/** A basis input to three decimals of a mm (inches in brackets in inch display): the basis is
 *  where a surgeon checks the arithmetic, so a catalogue size in it is exact (Ø 12.25, not 12.3). */
function inputText(name: string, input: BasisInput, u: DisplayUnits): string {
  return `${basisInputLabel(name)}: ${exactQuantity(input.value, input.unit, u)}`
}

function paramText(p: ParamRef, u: DisplayUnits): string {
  // Whether the site confirmed it is in the site-defaults list; the basis only says what it is.
  const prov = p.provenance.kind === 'published' ? `[${[p.provenance.source, ...(p.provenance.also ?? [])].join(', ')}]` : '(site default)'
  return `${p.label ?? p.key}: ${exactQuantity(p.value, p.unit, u)} ${prov}`
}

function pushOnce(list: string[], items: readonly string[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item)
}

/**
 * The bases grouped by rule, in result order: a rule's parameters and sources are printed once
 * for all its numbers, and numbers with the same formula and inputs share one line. A site
 * default that the site-defaults list carries (value and confirmation) is named, not repeated.
 */
function basisGroups(result: PlanResult, u: DisplayUnits): BasisGroup[] {
  const groups = new Map<string, BasisGroup>()
  const listed = new Set(result.siteDefaultsUsed.map((p) => p.key))
  const inList = (p: ParamRef) => p.provenance.kind !== 'published' && listed.has(p.key)
  for (const [key, b] of Object.entries(result.basis) as [string, Basis][]) {
    let group = groups.get(b.rule)
    if (!group) {
      group = { rule: b.rule, numbers: [], parameters: [], siteDefaults: [], sources: [] }
      groups.set(b.rule, group)
    }
    const inputs = Object.entries(b.inputs).map(([name, input]) => inputText(name, input, u))
    const same = JSON.stringify([b.formula, inputs])
    const existing = group.numbers.find((n) => JSON.stringify([n.formula, n.inputs]) === same)
    if (existing) {
      existing.keys.push(key)
      existing.label = `${existing.label}; ${basisLabel(key)}`
    } else group.numbers.push({ keys: [key], label: basisLabel(key), formula: b.formula, inputs })
    pushOnce(group.parameters, b.parameters.filter((p) => !inList(p)).map((p) => paramText(p, u)))
    pushOnce(group.siteDefaults, b.parameters.filter(inList).map((p) => p.label ?? p.key))
    pushOnce(group.sources, b.sources)
  }
  return [...groups.values()]
}

function siteDefaultRows(result: PlanResult, u: DisplayUnits): SiteDefaultRow[] {
  const seen = new Set<string>()
  const rows: SiteDefaultRow[] = []
  for (const p of result.siteDefaultsUsed) {
    if (seen.has(p.key)) continue
    seen.add(p.key)
    rows.push({
      key: p.key,
      label: p.label ?? p.key,
      value: exactQuantity(p.value, p.unit, u),
      status: p.confirmed ? 'site default — confirmed' : 'site default — not confirmed',
      confirmed: p.confirmed
    })
  }
  return rows
}

/** Every source the plan cites, in reference-list order. */
function citedSources(result: PlanResult): SourceRow[] {
  const keys = new Set<string>()
  for (const b of Object.values(result.basis)) b.sources.forEach((s) => keys.add(s))
  for (const f of result.findings) f.basis.sources.forEach((s) => keys.add(s))
  for (const e of result.eligibility) e.sources.forEach((s) => keys.add(s))
  keys.add(result.rehab.source)
  keys.add(result.stages.evidence.source)
  const order = Object.keys(SOURCES)
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length)
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((key) => ({ key, title: sourceTitle(key) }))
}

function statusLine(result: PlanResult): string {
  if (result.status === 'blocked') return 'Blocked: this plan cannot be approved as it stands (see the findings marked “Blocks”).'
  if (result.status === 'warnings') return 'Plan computed with warnings: review each before approval.'
  return 'Plan computed; no warnings.'
}

function header(code: string, level: string, side: string, bone: string | undefined, meta: SummaryMeta): SummaryHeader {
  return {
    patientCode: code || '—',
    levelSide: levelSideText(level, side, bone),
    surgeon: meta.surgeon.trim() || '—',
    date: formatDate(meta.dateMs),
    status: statusText(meta.status),
    revision: revisionText(meta.revisionNumber),
    // Same short form as the library shows (renderer/src/db/content-hash.ts shortHash).
    hash: meta.contentHash ? meta.contentHash.slice(0, 12) : '—'
  }
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

export function buildSummary(c: NormalizedCase, result: PlanResult, meta: SummaryMeta): PlanSummary {
  const u = meta.units
  const corrected = result.corrected
  const siteDefaults = siteDefaultRows(result, u)
  const eligibility = eligibilityRows(result.eligibility)
  const system = result.system ? `; catalogue ${result.catalogVersion}, ${result.system.id} v${result.system.version}` : `; catalogue ${result.catalogVersion}`
  return {
    kind: 'plan',
    header: header(c.patient.code, c.limb.level, c.limb.side, c.limb.bone, meta),
    statusLine: statusLine(result),
    planStatus: result.status,
    versions: `Engine ${result.engineVersion}; profile ${result.profileId} v${result.profileVersion}${system}`,
    inputs: {
      patient: patientRows(c, result, u),
      imaging: imagingRows(c, result, u),
      bone: boneRows(c, result, u),
      stations: stationRows(c, corrected, u),
      stationsNote: `Corrected values (${imagingShortNote(c, corrected)}), sorted from the distal end.`,
      softTissue: softTissueInputRows(c, corrected, u),
      prosthesis: prosthesisRows(c, result, u)
    },
    implant: implantSection(result, u),
    canal: canalRows(result, u),
    softTissue: softTissueRows(result, u),
    buildHeight: buildHeightSection(c, result, u),
    findings: findingRows(result.findings),
    eligibility,
    eligibilityFindings: eligibilityFindings(eligibility),
    stages: stageSection(result),
    loading: loadingSection(result, u),
    basis: basisGroups(result, u),
    siteDefaults,
    unconfirmedCount: siteDefaults.filter((s) => !s.confirmed).length,
    sources: citedSources(result),
    disclaimer: DISCLAIMER,
    fileName: summaryFileName(c.patient.code, c.limb.level, meta.dateMs)
  }
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : ''
}

/** A case that cannot be computed: the summary says so and lists what is missing or wrong. */
export function buildIncompleteSummary(raw: unknown, errors: readonly FieldError[], meta: SummaryMeta): IncompleteSummary {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, Record<string, unknown> | undefined>
  const code = str(r['patient']?.['code'])
  const level = str(r['limb']?.['level'])
  const side = str(r['limb']?.['side']) as Side | ''
  const missing = errors.map((e) => ({ field: fieldLabel(e.path), message: e.message, required: e.code === 'required' }))
  if (missing.length === 0) missing.push({ field: fieldLabel(''), message: 'could not be read', required: false })
  return { kind: 'incomplete', header: header(code, level, side, undefined, meta), missing, disclaimer: DISCLAIMER }
}

export type Summary = PlanSummary | IncompleteSummary

export { levelSideText }
