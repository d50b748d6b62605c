/**
 * Display formatting shared by the UI, the print-out and the command line.
 * Display rounding only: never feed a formatted value back into a calculation.
 * Output is locale-independent (decimal point, no grouping).
 */
import { convertLength, convertMass, type LengthUnit, type MassUnit } from './units'

/** Round to `decimals` places, drop trailing zeros, never print "-0". */
export function formatNumber(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return '—'
  const f = 10 ** decimals
  let r = Math.round(Math.abs(x) * f) / f
  if (x < 0) r = -r
  if (Object.is(r, -0) || r === 0) return '0'
  return String(r)
}

const LENGTH_DECIMALS: Record<LengthUnit, number> = { mm: 1, cm: 2, in: 2 }

/** "16.5 mm", "1.65 cm", "0.65 in". */
export function formatMm(mm: number, unit: LengthUnit = 'mm', decimals?: number): string {
  return `${formatNumber(convertLength(mm, unit), decimals ?? LENGTH_DECIMALS[unit])} ${unit}`
}

/**
 * `x` for a message that compares it with the threshold `ref`: printed with the fewest decimals
 * (from `decimals` up to 3, or one more than `decimals`) at which it no longer prints the same as `ref`, so that display
 * rounding never produces "2 mm is below the 2 mm minimum" or "BMI 35 is above the limit of 35".
 * If they still print the same at the most decimals: "just under 2 mm" / "just over 35 kg/m²".
 * `unit` is appended as given (include its leading space: " mm", " kg/m²"; "×" and "°" without).
 */
export function formatApart(x: number, ref: number, decimals: number, unit: string): string {
  if (x === ref || !Number.isFinite(x) || !Number.isFinite(ref)) return `${formatNumber(x, decimals)}${unit}`
  const most = Math.max(3, decimals + 1)
  for (let d = decimals; d <= most; d++) {
    const a = formatNumber(x, d)
    if (a !== formatNumber(ref, d)) return `${a}${unit}`
  }
  return `just ${x < ref ? 'under' : 'over'} ${formatNumber(ref, most)}${unit}`
}

/**
 * A maximum length, rounded DOWN at the display precision: a limit is never shown above its true
 * value (Lmax 179.9996 mm prints as "179.9 mm", not "180 mm" beside a chosen 160 mm implant
 * when the 180 mm one does not fit).
 */
export function formatMmAtMost(mm: number, unit: LengthUnit = 'mm'): string {
  const d = LENGTH_DECIMALS[unit]
  const f = 10 ** d
  const x = convertLength(mm, unit)
  return `${formatNumber(Math.floor(x * f + 1e-9) / f, d)} ${unit}`
}

/** A length in mm for a message comparing it with `refMm` (see formatApart). */
export function formatMmApart(mm: number, refMm: number): string {
  return formatApart(mm, refMm, 1, ' mm')
}

/** "82.5 kg", "181.9 lb". */
export function formatKg(kg: number, unit: MassUnit = 'kg', decimals = 1): string {
  return `${formatNumber(convertMass(kg, unit), decimals)} ${unit}`
}

/** Body height: "180 cm". */
export function formatCm(cm: number, decimals = 1): string {
  return `${formatNumber(cm, decimals)} cm`
}

/** Magnification: "1.15×". */
export function formatMagnification(m: number): string {
  return `${formatNumber(m, 3)}×`
}

/** A fraction as a percentage: 0.5 → "50 %". */
export function formatPercent(fraction: number, decimals = 0): string {
  return `${formatNumber(fraction * 100, decimals)} %`
}

/** BMI: "31.2 kg/m²". */
export function formatBmi(bmi: number): string {
  return `${formatNumber(bmi, 1)} kg/m²`
}

export function formatDays(days: number): string {
  return `day ${formatNumber(days, 0)}`
}

export function formatDeg(deg: number): string {
  return `${formatNumber(deg, 0)}°`
}

/** Value with the unit it is stored in (for basis display). */
export function formatValue(value: number | string | boolean | null | number[], unit: string): string {
  if (value === null) return '—'
  if (Array.isArray(value)) return `${value.map((v) => formatNumber(v, 2)).join(', ')}${unit ? ' ' + unit : ''}`
  if (typeof value === 'number') {
    if (unit === 'mm') return formatMm(value)
    if (unit === 'kg') return formatKg(value)
    if (unit === '×') return formatMagnification(value)
    if (unit === 'fraction' || unit === 'fraction of body weight') return formatPercent(value)
    return `${formatNumber(value, 2)}${unit ? ' ' + unit : ''}`
  }
  return String(value)
}

/** Plain-text summary of a plan (command line, logs). Uses display rounding only. */
export function planToText(r: import('./result').PlanResult): string {
  const L: string[] = []
  const sev = { block: 'BLOCK', warning: 'WARNING', info: 'info' } as const
  L.push(`OsseoPlan plan: ${r.caseCode} — ${r.level}, ${r.side} (${r.bone})`)
  L.push(`Status: ${r.status.toUpperCase()}`)
  L.push(`Engine ${r.engineVersion} · profile ${r.profileId} ${r.profileVersion} · catalogue ${r.catalogVersion}`)
  L.push('')
  const c = r.corrected
  L.push(`Magnification: ${formatMagnification(c.magnification)} (${c.magnificationSource})`)
  L.push(`Residual bone (corrected): ${formatMm(c.residualLengthMm)}`)
  if (r.system) L.push(`Implant system: ${r.system.name}${r.system.template ? ' [template]' : ''}`)
  const i = r.implant
  if (i) {
    L.push(`Implant: Ø ${formatMm(i.diameterMm)} × ${formatMm(i.lengthMm)} (max length ${formatMmAtMost(i.maxLengthMm)})`)
    L.push(`  prepared canal ${formatMm(i.preparedDiameterMm)}; cortical contact ${formatMm(i.contactLengthMm)} of ${formatMm(i.requiredContactMm)} required`)
    if (i.minCortexMm !== null && i.minCortexAtMm !== null)
      L.push(`  thinnest cortex ${formatMm(i.minCortexMm)} at ${formatMm(i.minCortexAtMm)} from the distal end`)
    const opt = (o: import('./result').SizeOption | null) =>
      o ? `Ø ${formatMm(o.diameterMm)} (contact ${formatMm(o.contactLengthMm)})` : 'none'
    L.push(`  one size smaller: ${opt(i.smaller)}; one size larger: ${opt(i.larger)}`)
    const w = (x: import('./result').MagnificationWhatIf) =>
      `${formatMagnification(x.magnification)} → ${x.diameterMm === null ? 'no diameter' : 'Ø ' + formatMm(x.diameterMm)} × ${x.lengthMm === null ? 'no length' : formatMm(x.lengthMm)}`
    L.push(`  if the magnification were ${w(i.atMagnificationMinus5)}; ${w(i.atMagnificationPlus5)}`)
  } else L.push('Implant: not sized (see findings)')
  const s = r.softTissue
  L.push(`Soft tissue: measured ${formatMm(s.measuredMm)}, target ${formatMm(s.targetMm)}, reduce by ${formatMm(s.reductionMm)}; BMI ${formatBmi(s.bmi)}`)
  const b = r.buildHeight
  if (b) {
    L.push(`Build height (to ${b.target}): available ${formatMm(b.availableMm)}, required ${formatMm(b.requiredMm)}, clearance ${formatMm(b.clearanceMm)}`)
    if (b.afterResection)
      L.push(
        `  proposed resection ${formatMm(b.resectionMm)} → residual ${formatMm(b.afterResection.residualLengthAfterMm)}, implant ${b.afterResection.lengthMm === null ? 'none fits' : formatMm(b.afterResection.lengthMm)}`
      )
  } else L.push('Build height: not checked (no sound-side length)')
  const st = r.stages
  L.push(
    `Stages: ${st.count}${st.stage2AfterDays ? ` (stage 2 after ${st.stage2AfterDays.min === st.stage2AfterDays.max ? formatNumber(st.stage2AfterDays.min, 0) : `${formatNumber(st.stage2AfterDays.min, 0)}–${formatNumber(st.stage2AfterDays.max, 0)}`} days)` : ''}`
  )
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
    for (const p of unconf) L.push(`  ${p.key} = ${formatValue(p.value, p.unit)}${p.label ? ` — ${p.label}` : ''}`)
  }
  return L.join('\n')
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Local calendar date "YYYY-MM-DD" (the surgeon's date, not UTC); "—" for an invalid time. */
export function formatDate(ms: number): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return '—'
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`
}

/** Local date and time "YYYY-MM-DD HH:MM", one format on every screen. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return '—'
  return `${formatDate(ms)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`
}
