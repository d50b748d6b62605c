// The theatre sheet as data: the few facts the theatre team needs on the wall, in large print —
// patient, level and SIDE, the implant (diameter × length), canal preparation, resection level,
// bone-to-skin target, stage, and the sizes to have on the shelf. Formatting only: every number
// is the core's result (the same as the summary's). Implant and canal sizes are manufactured in
// millimetres and always printed in mm, whatever the display unit.
import type { NormalizedCase } from '../../../../shared/case/types'
import { systemDisplayName } from '../../../../shared/catalog/display-name'
import { formatMm, formatMmBeside, formatSize } from '../../../../shared/format'
import type { PlanResult, SizeOption } from '../../../../shared/result'
import { ELIGIBILITY_LABELS, type DisplayUnits, type PlanSummary } from '../../../../shared/summary'

export interface TheatreItem {
  label: string
  value: string
  note?: string
}

export interface TheatreSheet {
  patientCode: string
  /** "LEFT" / "RIGHT", printed largest. */
  side: string
  /** "Transfemoral (femur)". */
  level: string
  /** Status, revision, date, hash: "Approved · Revision 2 · 2026-11-29 · 3f2a…". */
  identity: string
  surgeon: string
  implant: TheatreItem[]
  /** The sizes to have on the shelf: smaller, planned, larger. */
  shelf: { which: string; size: string; prepared: string; planned: boolean }[]
  /** Lines that must be seen before the first cut (blocking findings, unconfirmed defaults). */
  alerts: string[]
  disclaimer: string
  fileName: string
}

/** Catalogue sizes (implant, reamer) in mm, exactly as the catalogue states them (Ø 12.25, never 12.3). */
const mm = (x: number) => formatSize(x)

function sizeText(diameterMm: number, lengthMm: number): string {
  return `Ø ${mm(diameterMm).replace(' mm', '')} × ${mm(lengthMm)}`
}

function shelfRow(which: string, s: SizeOption, lengthMm: number, planned = false): TheatreSheet['shelf'][number] {
  return { which, size: sizeText(s.diameterMm, lengthMm), prepared: `canal ${mm(s.preparedDiameterMm)}`, planned }
}

function resection(c: NormalizedCase, r: PlanResult, u: DisplayUnits): TheatreItem {
  const b = r.buildHeight
  const residual = r.corrected.residualLengthMm
  const from = `from the ${c.bone.landmark}`
  if (b && b.resectionMm > 0) {
    const after = b.afterResection
    return {
      label: 'Resection level',
      // Beside 0 and beside the bone as measured: a 0.04 mm resection is never "Resect 0 mm".
      value: `Resect ${formatMmBeside(b.resectionMm, [0], u.length)}`,
      note: `residual bone ${formatMmBeside(after?.residualLengthAfterMm ?? residual - b.resectionMm, [residual], u.length)} ${from} (true size)`
    }
  }
  return {
    label: 'Resection level',
    value: b ? 'No bone resection' : 'Not calculated (no build height)',
    note: `residual bone ${formatMm(residual, u.length)} ${from} (true size)`
  }
}

function stageText(r: PlanResult): TheatreItem {
  const s = r.stages
  if (s.count === 1) return { label: 'Stage', value: 'One stage' }
  const d = s.stage2AfterDays
  const when = d ? (d.min === d.max ? `${d.min} days` : `${d.min}–${d.max} days`) : ''
  return { label: 'Stage', value: 'Two stages', note: when ? `stage 2 after ${when}` : '' }
}

export function buildTheatreSheet(c: NormalizedCase, r: PlanResult, s: PlanSummary, u: DisplayUnits): TheatreSheet {
  const i = r.implant
  const implant: TheatreItem[] = []
  const shelf: TheatreSheet['shelf'] = []
  if (i) {
    implant.push({ label: 'Implant system', value: systemDisplayName({ name: i.systemName, template: r.system?.template ?? false }), note: i.fixation })
    implant.push({ label: 'Implant', value: sizeText(i.diameterMm, i.lengthMm), note: 'diameter × length' })
    implant.push({ label: 'Canal preparation', value: `Ream to ${mm(i.preparedDiameterMm)}`, note: `over ${mm(i.lengthMm)}` })
    if (i.smaller) shelf.push(shelfRow('One size smaller', i.smaller, i.lengthMm))
    shelf.push({ which: 'Planned', size: sizeText(i.diameterMm, i.lengthMm), prepared: `canal ${mm(i.preparedDiameterMm)}`, planned: true })
    if (i.larger) shelf.push(shelfRow('One size larger', i.larger, i.lengthMm))
  } else {
    implant.push({ label: 'Implant', value: 'No implant recommended', note: s.implant.missing ?? '' })
  }
  implant.push(resection(c, r, u))
  const soft = r.softTissue
  implant.push({
    label: 'Bone-to-skin target',
    value: formatSize(soft.targetMm, u.length),
    note: soft.reductionMm > 0 ? `reduce soft tissue by ${formatMmBeside(soft.reductionMm, [0], u.length)} (now ${formatMmBeside(soft.measuredMm, [soft.targetMm], u.length)})` : `now ${formatMmBeside(soft.measuredMm, [soft.targetMm], u.length)}: no reduction`
  })
  implant.push(stageText(r))

  const alerts: string[] = []
  for (const f of r.findings.filter((x) => x.severity === 'block')) alerts.push(`Blocks approval: ${f.message}`)
  const failed = r.eligibility.filter((e) => e.outcome === 'fail').map((e) => ELIGIBILITY_LABELS[e.item] ?? e.item)
  if (failed.length > 0) alerts.push(`Eligibility: contraindication recorded — ${failed.join(', ')}`)
  if (s.unconfirmedCount > 0) alerts.push(`Uses ${s.unconfirmedCount} site default${s.unconfirmedCount === 1 ? '' : 's'} not confirmed by the site (see the plan summary)`)

  const h = s.header
  return {
    patientCode: h.patientCode,
    side: c.limb.side.toUpperCase(),
    level: `${s.header.levelSide.split(',')[0] ?? ''} (${c.limb.bone})`,
    identity: [h.status, h.revision, h.date, h.hash !== '—' ? `hash ${h.hash}` : ''].filter(Boolean).join(' · '),
    surgeon: h.surgeon,
    implant,
    shelf,
    alerts,
    disclaimer: s.disclaimer,
    fileName: s.fileName.replace(/\.pdf$/, ' theatre sheet.pdf')
  }
}
