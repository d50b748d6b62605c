/**
 * The plan's numbers as every output shows them — the editor's result panel, `plan --text` and
 * the print summary — so that they agree and follow the rounding principle of PLANNING-RULES:
 * a value shown beside a limit it is compared with is never displayed on the limit or across it
 * (formatBeside), catalogue sizes exactly as the catalogue states them and always in mm
 * (formatSize). Display only: nothing here feeds a calculation.
 */
import {
  formatBeside,
  formatDays,
  formatKg,
  formatMagnification,
  formatMm,
  formatMmAtMost,
  formatMmBeside,
  formatNumber,
  formatParamValue,
  formatPercent,
  formatSize,
  massDecimals
} from './format'
import type { BuildHeightPlan, ImplantPlan, MagnificationWhatIf, PlanResult, SizeOption, StagePlan } from './result'
import { convertMass, type LengthUnit, type MassUnit } from './units'

export interface DisplayUnits {
  length: LengthUnit
  mass: MassUnit
}

/** The value of the first parameter the plan used whose key passes `is` (searched in its bases), or null. */
function findParam(result: PlanResult, is: (key: string) => boolean): number | null {
  for (const b of Object.values(result.basis))
    for (const p of b.parameters) if (is(p.key) && typeof p.value === 'number') return p.value
  for (const f of result.findings) for (const p of f.basis.parameters) if (is(p.key) && typeof p.value === 'number') return p.value
  return null
}

/** The value of a parameter the plan used (searched in its bases), or null. */
export function usedParam(result: PlanResult, key: string): number | null {
  return findParam(result, (k) => k === key)
}

/** The value of the first parameter whose key ends with `suffix` (a system's own parameter). */
function usedParamEnding(result: PlanResult, suffix: string): number | null {
  return findParam(result, (k) => k.endsWith(suffix))
}

/** "Ø 15.25 mm" (catalogue diameter, exact, mm). */
export function diameterText(mm: number, u: LengthUnit = 'mm'): string {
  return `Ø ${formatSize(mm, u)}`
}

/** "Ø 16 mm × 140 mm". */
export function implantSizeText(diameterMm: number, lengthMm: number, u: LengthUnit = 'mm'): string {
  return `Ø ${formatSize(diameterMm, u)} × ${formatSize(lengthMm, u)}`
}

/** A what-if size: "Ø 17 mm × 140 mm", with words where nothing fits. */
export function whatIfText(w: MagnificationWhatIf, u: LengthUnit = 'mm'): string {
  if (w.lengthMm === null) return 'no length fits'
  if (w.diameterMm === null) return `no diameter reaches the contact length (length ${formatSize(w.lengthMm, u)})`
  return implantSizeText(w.diameterMm, w.lengthMm, u)
}

/** "Magnification ± 5 %": the profile's fraction, never a fixed 5. */
export function sensitivityLabel(i: ImplantPlan, sign?: -1 | 1): string {
  const pct = formatPercent(i.sensitivity.fraction, 1)
  return `Magnification ${sign === undefined ? '±' : sign < 0 ? '−' : '+'} ${pct}`
}

/** Why the magnification check is not shown (CT, calibrated), or null when it applies. */
export function sensitivityNotApplicable(result: PlanResult): string | null {
  const i = result.implant
  if (!i || i.sensitivity.applies) return null
  return 'not applicable: the measurements are true size (no X-ray magnification)'
}

/** A contact length beside the required one: 29.97 mm against 30 is never "30 mm". */
export function contactText(contactMm: number, requiredMm: number, u: LengthUnit = 'mm'): string {
  return formatMmBeside(contactMm, [requiredMm], u)
}

/** A neighbouring size with its contact: "Ø 15 mm (contact 29.97 mm)". */
export function sizeOptionText(o: SizeOption, requiredMm: number, u: LengthUnit = 'mm'): string {
  return `${diameterText(o.diameterMm, u)} (contact ${contactText(o.contactLengthMm, requiredMm, u)})`
}

/** The thinnest cortex beside the system's minimum and 0 (breach). */
export function cortexText(mm: number, i: ImplantPlan, u: LengthUnit = 'mm'): string {
  return formatMmBeside(mm, [i.cortexMinimumMm, 0], u)
}

/** "at the implant tip, 200 mm from the distal end" / "at 50 mm from the distal end". */
export function cortexWhereText(i: ImplantPlan, u: LengthUnit = 'mm'): string {
  if (i.minCortexAtMm === null) return ''
  const end = i.resectionMm > 0 ? 'the new distal end (after the resection)' : 'the distal end'
  const tip = Math.abs(i.minCortexAtMm - i.lengthMm) < 1e-9 ? 'the implant tip, ' : ''
  // The tip lies at the catalogue length: shown as the catalogue states it.
  return `at ${tip}${tip ? formatSize(i.minCortexAtMm, u) : formatMm(i.minCortexAtMm, u)} from ${end}`
}

/** "on the bone shortened by the proposed 20 mm resection" (the implant's sizes are for it), or ''. */
export function shortenedBoneText(i: ImplantPlan, u: LengthUnit = 'mm'): string {
  return i.resectionMm > 0 ? `on the bone shortened by the proposed ${formatMmBeside(i.resectionMm, [0], u)} resection` : ''
}

/** Clearance beside 0: −0.04 mm is never "0 mm". */
export function clearanceText(b: BuildHeightPlan, u: LengthUnit = 'mm'): string {
  return formatMmBeside(b.clearanceMm, [0], u)
}

/** What the components need; "no components entered" rather than "0 mm". Beside the available
 *  length, as the available length is beside it (180.04 needed is not "180 mm" beside 180). */
export function requiredBuildText(b: BuildHeightPlan, u: LengthUnit = 'mm'): string {
  return b.componentCount === 0 ? 'no components entered' : formatMmBeside(b.requiredMm, [b.availableMm], u)
}

/** The length available for the components, beside what they need (179.96 is not "180 mm" beside 180). */
export function availableBuildText(b: BuildHeightPlan, u: LengthUnit = 'mm'): string {
  return formatMmBeside(b.availableMm, b.componentCount === 0 ? [] : [b.requiredMm], u)
}

/** "the knee centre would sit 12 mm low" (transtibial: the ankle, never the floor). */
export function sitsLowText(b: BuildHeightPlan, u: LengthUnit = 'mm'): string {
  const upper = b.joint === 'elbow centre' || b.joint === 'wrist' || b.joint === 'digit tip'
  return `the ${b.joint} would sit ${formatMmBeside(-b.clearanceMm, [0], u)} ${upper ? 'too far distally' : 'low'}`
}

/** The implant on the shortened bone and what it would have been: "Ø 12 mm × 120 mm (without the resection: Ø 12 mm × 140 mm)". */
export function resectedImplantText(b: BuildHeightPlan, u: LengthUnit = 'mm'): string {
  const a = b.afterResection
  if (!a) return ''
  const now = a.diameterMm === null || a.lengthMm === null ? 'no implant fits the shortened bone' : `${implantSizeText(a.diameterMm, a.lengthMm, u)} (the plan's implant)`
  const w = a.withoutResection
  const before = w.diameterMm !== null && w.lengthMm !== null ? `; without the resection it would have been ${implantSizeText(w.diameterMm, w.lengthMm, u)}` : ''
  return `${now}${before}`
}

/** Stage-2 interval: "182 days" when min = max, else "28–56 days". */
export function stageDaysText(d: NonNullable<StagePlan['stage2AfterDays']>): string {
  return d.min === d.max ? `${formatNumber(d.min, 0)} days` : `${formatNumber(d.min, 0)}–${formatNumber(d.max, 0)} days`
}

/** Magnification beside the usual range it is compared with. */
export function magnificationText(result: PlanResult): string {
  const m = result.corrected.magnification
  if (result.corrected.magnificationSource === 'none') return formatMagnification(m)
  return formatBeside(m, [usedParam(result, 'mag.warnBelow'), usedParam(result, 'mag.warnAbove')], 3, '×')
}

/** Patient values beside the eligibility thresholds they are compared with. */
export const patientText = {
  age: (years: number, r: PlanResult) => formatBeside(years, [usedParam(r, 'elig.minAgeYears')], 0, ' years'),
  socketRehab: (months: number, r: PlanResult) => formatBeside(months, [usedParam(r, 'elig.minSocketRehabMonths')], 0, ' months'),
  hipFlexion: (deg: number, r: PlanResult) => formatBeside(deg, [usedParam(r, 'elig.maxHipFlexionDeg')], 0, '°'),
  kneeFlexion: (deg: number, r: PlanResult) => formatBeside(deg, [usedParam(r, 'elig.maxKneeFlexionDeg')], 0, '°'),
  tScore: (t: number, r: PlanResult) => formatBeside(t, [usedParam(r, 'rehab.osteoporosisTScore')], 1, ''),
  bmi: (bmi: number, r: PlanResult) => formatBeside(bmi, [usedParam(r, 'elig.maxBmi'), usedParam(r, 'soft.obesityBmi')], 1, ' kg/m²'),
  /** Beside the implant's body-weight limit, when the system states one. */
  weight: (kg: number, r: PlanResult, u: MassUnit = 'kg') => {
    const limit = usedParamEnding(r, '.maxBodyWeightKg')
    const x = convertMass(kg, u)
    return formatBeside(x, limit === null ? [] : [convertMass(limit, u)], massDecimals(x), ` ${u}`)
  },
  residual: (mm: number, r: PlanResult, u: LengthUnit = 'mm') =>
    formatMmBeside(mm, [usedParam(r, 'elig.minResidualHumerusMm'), usedParam(r, 'rehab.shortFemurMm'), usedParam(r, 'rehab.shortTibiaMm')], u)
}

/** Soft tissue measured beside its target (the reduction is their difference). */
export function softMeasuredText(result: PlanResult, u: LengthUnit = 'mm'): string {
  return formatMmBeside(result.softTissue.measuredMm, [result.softTissue.targetMm], u)
}

/** Plain-text summary of a plan (command line, logs), with the same display as the screen and the print-out. */
export function planToText(r: PlanResult): string {
  const L: string[] = []
  const sev = { block: 'BLOCK', warning: 'WARNING', info: 'info' } as const
  L.push(`OsseoPlan plan: ${r.caseCode} — ${r.level}, ${r.side} (${r.bone})`)
  L.push(`Status: ${r.status.toUpperCase()}`)
  L.push(`Engine ${r.engineVersion} · profile ${r.profileId} ${r.profileVersion} · catalogue ${r.catalogVersion}`)
  L.push('')
  const c = r.corrected
  L.push(`Magnification: ${magnificationText(r)} (${c.magnificationSource})`)
  L.push(`Residual bone (corrected): ${patientText.residual(c.residualLengthMm, r)}`)
  if (r.system) L.push(`Implant system: ${r.system.name}${r.system.template ? ' [template]' : ''}`)
  const i = r.implant
  if (i) {
    const onShort = i.resectionMm > 0 ? ` ${shortenedBoneText(i)}` : ''
    L.push(`Implant: ${implantSizeText(i.diameterMm, i.lengthMm)}${onShort} (max length ${formatMmAtMost(i.maxLengthMm)})`)
    L.push(`  prepared canal ${diameterText(i.preparedDiameterMm)}; cortical contact ${contactText(i.contactLengthMm, i.requiredContactMm)} of ${formatSize(i.requiredContactMm)} required`)
    if (i.minCortexMm !== null)
      L.push(`  thinnest cortex ${cortexText(i.minCortexMm, i)} ${cortexWhereText(i)} (minimum ${formatSize(i.cortexMinimumMm)}); at the tip ${i.tipCortexMm === null ? 'not measured' : cortexText(i.tipCortexMm, i)}`)
    const opt = (o: SizeOption | null) => (o ? sizeOptionText(o, i.requiredContactMm) : 'none')
    L.push(`  one size smaller: ${opt(i.smaller)}; one size larger: ${opt(i.larger)}`)
    const na = sensitivityNotApplicable(r)
    if (na) L.push(`  ${sensitivityLabel(i)}: ${na}`)
    else {
      const w = (x: MagnificationWhatIf) => `${formatMagnification(x.magnification)} → ${whatIfText(x)}`
      L.push(`  ${sensitivityLabel(i)}: ${w(i.atMagnificationMinus5)}; ${w(i.atMagnificationPlus5)}`)
    }
  } else L.push('Implant: not sized (see findings)')
  const s = r.softTissue
  L.push(`Soft tissue: measured ${softMeasuredText(r)}, target ${formatSize(s.targetMm)}, reduce by ${formatMmBeside(s.reductionMm, [0])}; BMI ${patientText.bmi(s.bmi, r)}`)
  const b = r.buildHeight
  if (b) {
    // No components: nothing to fit, so no "required 0 mm" (issue #13).
    if (b.componentCount === 0) L.push(`Build height (to ${b.target}): available ${formatMm(b.availableMm)}; no components entered`)
    else L.push(`Build height (to ${b.target}): available ${formatMm(b.availableMm)}, required ${formatMm(b.requiredMm)}, clearance ${clearanceText(b)}`)
    if (b.afterResection) L.push(`  ${sitsLowText(b)}: proposed resection ${formatMmBeside(b.resectionMm, [0])} → residual ${formatMm(b.afterResection.residualLengthAfterMm)}, implant ${resectedImplantText(b)}`)
  } else L.push('Build height: not checked (no sound-side length)')
  const st = r.stages
  L.push(`Stages: ${st.count}${st.stage2AfterDays ? ` (stage 2 after ${stageDaysText(st.stage2AfterDays)})` : ''}`)
  L.push(`Rehabilitation: ${r.rehab.protocolName} [${r.rehab.source}]; day 0 = ${r.rehab.dayZero}`)
  for (const row of r.rehab.schedule)
    L.push(`  ${formatDays(row.day).padEnd(8)} ${formatKg(row.loadKg).padStart(9)}  ${row.activity}${row.interpolated ? ' (interpolated)' : ''}`)
  for (const n of r.rehab.notes) L.push(`  note: ${n}`)
  L.push('')
  L.push(`Findings (${r.findings.length}):`)
  for (const f of r.findings) L.push(`  [${sev[f.severity]}] ${f.id}: ${f.message}`)
  const unconf = r.siteDefaultsUsed.filter((p) => !p.confirmed)
  if (unconf.length) {
    L.push('')
    L.push(`Site defaults used, not confirmed (${unconf.length}):`)
    for (const p of unconf) L.push(`  ${p.key} = ${formatParamValue(p.value, p.unit)}${p.label ? ` — ${p.label}` : ''}`)
  }
  return L.join('\n')
}
