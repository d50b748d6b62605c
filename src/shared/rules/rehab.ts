/**
 * R-REHAB: loading schedule (day, target load, activity) from day 0 (the surgery that fits the
 * adapter: the only one, or stage 2) to full weight bearing / the cap. Between published anchor
 * points the load is interpolated linearly, and the rows say so. The slow protocol is suggested
 * when the T-score is at or below the osteoporosis threshold or the residual bone is short.
 */
import { LOWER_LIMB_LEVELS, type NormalizedCase } from '../case/types'
import { formatApart, formatBeside, formatKg, formatMmApart, formatNumber, formatParamValue, formatPercent, formatSize } from '../format'
import { afterResection } from './build'
import { protocolsFor, type ProtocolTable } from '../profile/protocol-params'
import { isProtocolId } from '../profile/protocols'
import type { AnchorProtocol, LoadSpec, RehabProtocol, StepProtocol } from '../profile/types'
import type { ParamScalar, ParamValue, RehabPlan, ScheduleRow } from '../result'
import type { ImplantSystem } from '../catalog/types'
import { EPS, inp, type PlanContext } from './context'

const MAX_ROWS = 400

function loadOf(spec: LoadSpec, bw: number): number {
  return spec.kind === 'kg' ? spec.kg.value : spec.fraction.value * bw
}

function anchorSchedule(p: AnchorProtocol, bw: number, used: ParamValue<ParamScalar>[]): { rows: ScheduleRow[]; interpolated: boolean } {
  const rows: ScheduleRow[] = []
  let interpolated = false
  for (let i = 0; i < p.anchors.length; i++) {
    const a = p.anchors[i]!
    used.push(a.day, a.load.kind === 'kg' ? a.load.kg : a.load.fraction)
    const la = loadOf(a.load, bw)
    rows.push({ day: a.day.value, loadKg: la, activity: a.activity, interpolated: false })
    const b = p.anchors[i + 1]
    if (!b) break
    const lb = loadOf(b.load, bw)
    const d0 = a.day.value
    const d1 = b.day.value
    if (Math.abs(lb - la) <= EPS || d1 <= d0) continue
    const step = p.rowIntervalDays > 0 ? p.rowIntervalDays : 1
    for (let d = d0 + step; d < d1 - EPS && rows.length < MAX_ROWS; d += step) {
      rows.push({ day: d, loadKg: la + ((lb - la) * (d - d0)) / (d1 - d0), activity: `${a.activity} (load increasing)`, interpolated: true })
      interpolated = true
    }
  }
  return { rows, interpolated }
}

function stepSchedule(
  p: StepProtocol,
  bw: number,
  prosthesisKg: number | null,
  used: ParamValue<ParamScalar>[],
  notes: string[]
): { rows: ScheduleRow[]; startAboveCap: boolean } {
  used.push(p.startDay, p.startLoadKg, p.stepKg, p.intervalDays)
  let cap = Infinity
  if (p.cap.bwFraction) {
    cap = Math.min(cap, p.cap.bwFraction.value * bw)
    used.push(p.cap.bwFraction)
  }
  if (p.cap.kg) {
    cap = Math.min(cap, p.cap.kg.value)
    used.push(p.cap.kg)
  }
  // Relimb: min(prosthesis weight, cap); the note names the value that actually caps.
  if (p.cap.prosthesisWeight) {
    const kgCap = p.cap.kg
    const capProv = kgCap ? (kgCap.provenance.kind === 'published' ? `[${kgCap.provenance.source}]` : '(site default)') : ''
    if (prosthesisKg !== null && (!kgCap || prosthesisKg <= kgCap.value + EPS)) {
      cap = Math.min(cap, prosthesisKg)
      notes.push(`Loading is capped at the prosthesis weight (${formatKg(prosthesisKg)}).`)
    } else if (prosthesisKg !== null && kgCap)
      notes.push(`Loading is capped at ${formatKg(kgCap.value)} ${capProv}, below the prosthesis weight (${formatKg(prosthesisKg)}).`)
    else if (kgCap) notes.push(`Prosthesis weight not recorded: loading is capped at ${formatKg(kgCap.value)} ${capProv}.`)
  }
  // Royal Free: min(a fraction of body weight, a fixed load); the note names the one that caps.
  if (p.cap.bwFraction && p.cap.kg && !p.cap.prosthesisWeight) {
    const byWeight = p.cap.bwFraction.value * bw
    const share = `${formatPercent(p.cap.bwFraction.value)} of the body weight`
    notes.push(
      byWeight <= p.cap.kg.value + EPS
        ? `Loading is capped at ${formatApart(byWeight, p.cap.kg.value, 1, ' kg')}: ${share} (${formatKg(bw)}), at or below the ${formatNumber(p.cap.kg.value, 3)} kg limit.`
        : `Loading is capped at the ${formatNumber(p.cap.kg.value, 3)} kg limit, below ${share} (${formatApart(byWeight, p.cap.kg.value, 1, ' kg')}).`
    )
  }
  if (!Number.isFinite(cap)) cap = bw
  const rows: ScheduleRow[] = []
  const start = p.startDay.value
  // A cap below the published start load (a digit prosthesis of 80 g against Relimb's 1 kg): the
  // source gives no progression below its start load, so none is drawn — one load, said so.
  if (cap < p.startLoadKg.value - EPS) {
    rows.push({ day: start, loadKg: cap, activity: `${p.startActivity} at the cap from the first loading day (no progression)`, interpolated: false })
    notes.push(
      `No progression applies: ${p.name} starts at ${formatKg(p.startLoadKg.value)} [${p.source}], above the cap of ${formatKg(cap)}; the source gives no steps below its start load. Any progression for this case is the team's decision.`
    )
    return { rows, startAboveCap: true }
  }
  const interval = p.intervalDays.value
  const stepKg = p.stepKg.value
  let k = 0
  let day = start
  for (;;) {
    const load = p.startLoadKg.value + k * stepKg
    day = start + k * interval
    if (load >= cap - EPS || stepKg <= 0 || interval <= 0 || rows.length >= MAX_ROWS) {
      rows.push({ day, loadKg: Math.min(load, cap), activity: k === 0 ? p.startActivity : `${p.startActivity}: cap reached`, interpolated: false })
      break
    }
    rows.push({ day, loadKg: load, activity: k === 0 ? p.startActivity : `${p.startActivity}: + ${formatKg(stepKg)}`, interpolated: false })
    k++
  }
  const capLoad = Math.min(p.startLoadKg.value + k * stepKg, cap)
  for (const m of p.afterCap) {
    used.push(m.days)
    rows.push({ day: day + m.days.value, loadKg: m.load === 'cap' ? capLoad : bw, activity: m.activity, interpolated: false })
  }
  if (p.afterCap.some((m) => m.load === 'cap'))
    notes.push('The load during the crutch phases is not published; the table shows the static-loading cap until full weight bearing.')
  return { rows, startAboveCap: false }
}

/** The schedule's values its source does not state (site defaults), labelled so; null when none. */
function siteDefaultNote(params: readonly ParamValue<ParamScalar>[], source: string): string | null {
  const seen = new Set<string>()
  const parts: string[] = []
  let unconfirmed = false
  for (const p of params) {
    if (p.provenance.kind !== 'site-default' || seen.has(p.key)) continue
    seen.add(p.key)
    if (!p.confirmed) unconfirmed = true
    const label = p.label ? p.label.charAt(0).toLowerCase() + p.label.slice(1) : p.key
    // Exactly as stated ("84 days", "10 kg"); a share of body weight says so ("50 % of body weight").
    parts.push(`${label} ${formatParamValue(p.value, p.unit)}${p.unit === 'fraction of body weight' ? ' of body weight' : ''}`)
  }
  if (parts.length === 0) return null
  return `Not stated by [${source}]: ${parts.join('; ')}. ${parts.length === 1 ? 'This is a site default' : 'These are site defaults'}${unconfirmed ? ', to be confirmed in Settings' : ', confirmed by the site'}.`
}

function pickFrom(protocols: ProtocolTable, id: string | null | undefined): RehabProtocol | null {
  return id && isProtocolId(id) ? protocols[id] : null
}

/** `residualMm`: the corrected residual length, after the proposed resection (`resectionMm`) if any. */
export function ruleRehab(c: NormalizedCase, ctx: PlanContext, residualMm: number, sys: ImplantSystem | null, stages: 1 | 2, resectionMm = 0): RehabPlan {
  const lower = LOWER_LIMB_LEVELS.includes(c.limb.level)
  const defParam = lower ? ctx.profile.params['rehab.lowerLimbProtocol'] : ctx.profile.params['rehab.upperLimbProtocol']
  const used: ParamValue<ParamScalar>[] = []
  const notes: string[] = []
  // The protocols with the site's confirmed or changed parameters (settings, planning profile).
  const protocols = protocolsFor(ctx.profile)
  const pick = (id: string | null | undefined) => pickFrom(protocols, id)
  let chosenBy: string
  let protocol = pick(c.protocolId)
  if (protocol) chosenBy = 'chosen in the case file'
  else if ((protocol = pick(sys?.protocolId))) chosenBy = `the protocol of ${sys?.name ?? 'the implant system'}`
  else {
    protocol = pick(defParam.value) ?? protocols[lower ? 'radboud-standard' : 'relimb-upper']
    used.push(defParam)
    chosenBy = "the profile's default"
  }
  const explicit = c.protocolId !== null

  // Slow loading?
  const tParam = ctx.profile.params['rehab.osteoporosisTScore']
  const reasons: string[] = []
  const t = c.patient.tScore
  // The case-file fields behind the suggestion, for the editor to highlight.
  const reasonPaths: string[] = []
  if (t !== null && t <= tParam.value + EPS) {
    reasons.push(`T-score ${formatBeside(t, [tParam.value], 1, '')} ≤ ${formatNumber(tParam.value, 3)}`)
    reasonPaths.push('patient.tScore')
  }
  if (lower || t !== null) used.push(tParam)
  const shortParam = c.limb.bone === 'femur' ? ctx.profile.params['rehab.shortFemurMm'] : c.limb.bone === 'tibia' ? ctx.profile.params['rehab.shortTibiaMm'] : null
  if (shortParam) {
    used.push(shortParam)
    if (residualMm < shortParam.value - EPS) {
      reasons.push(`short residual ${c.limb.bone} (${formatMmApart(residualMm, shortParam.value)}${afterResection(resectionMm)} < ${formatSize(shortParam.value)})`)
      reasonPaths.push('bone.residualLength')
    }
  }
  const slowSuggested = reasons.length > 0
  const slowBasisParams: ParamValue<ParamScalar>[] = shortParam ? [tParam, shortParam] : [tParam]
  // Every plan explains whether slow loading is suggested (suggested or not).
  const sb = ctx.make(
    'R-REHAB',
    'slow loading when T-score ≤ threshold or the residual bone is shorter than the profile limit',
    { tScore: inp(t, 'SD'), residualLength: inp(residualMm, 'mm'), ...(resectionMm > 0 ? { resection: inp(resectionMm, 'mm') } : {}), slowSuggested: inp(slowSuggested, '') },
    slowBasisParams,
    ['W1', 'S11', 'S29']
  )
  ctx.basis['rehab.slowSuggested'] = sb
  ctx.basis['rehab.slowReasons'] = sb
  if (slowSuggested && !protocol.isSlow) {
    const slow = protocol.slowVariantId ? pick(protocol.slowVariantId) : null
    if (slow && !explicit) {
      ctx.find('R-REHAB-SLOW', 'info', `Slow loading (${slow.name}) is used instead of ${protocol.name}: ${reasons.join('; ')}.`, sb, reasonPaths)
      protocol = slow
      chosenBy += ', switched to its slow variant'
    } else if (slow) {
      ctx.find('R-REHAB-SLOW', 'warning', `Slow loading (${slow.name}) is advised (${reasons.join('; ')}), but the case file chose ${protocol.name}.`, sb, ['protocolId'])
    } else {
      ctx.find('R-REHAB-SLOW', 'warning', `Slow loading is advised (${reasons.join('; ')}); ${protocol.name} has no slow variant: adapt the schedule.`, sb, reasonPaths)
    }
  }
  if (lower && t === null)
    ctx.find(
      'R-REHAB-TSCORE',
      'info',
      'T-score (DEXA) not recorded: bone quality was not considered for the loading speed [S29].',
      ctx.make('R-REHAB', 'slow loading when T-score ≤ threshold', { tScore: inp(null, 'SD') }, [tParam], ['S29']),
      ['patient.tScore']
    )
  if (!protocol.levels.includes(c.limb.level))
    ctx.find(
      'R-REHAB-PROTOCOL-LEVEL',
      'warning',
      `${protocol.name} is a ${protocol.limb}-limb protocol; this is a ${c.limb.level} case.`,
      ctx.make('R-REHAB', 'the protocol should match the limb', { level: inp(c.limb.level, '') }, [], [protocol.source]),
      ['protocolId']
    )

  const bw = c.patient.weightKg
  let startAboveCap = false
  const scheduleFrom = used.length
  const rows =
    protocol.kind === 'anchors'
      ? (() => {
          const r = anchorSchedule(protocol, bw, used)
          if (r.interpolated)
            notes.push(`Loads between the published points of ${protocol.name} are interpolated linearly (rows marked "interpolated").`)
          return r.rows
        })()
      : (() => {
          const r = stepSchedule(protocol, bw, c.prosthesis.weightKg, used, notes)
          startAboveCap = r.startAboveCap
          return r.rows
        })()
  const defaultsNote = siteDefaultNote(used.slice(scheduleFrom), protocol.source)
  if (defaultsNote) notes.push(defaultsNote)
  const last = rows[rows.length - 1]
  const targetLoadKg = last ? last.loadKg : 0
  const dayZero = stages === 2 ? 'day of stage 2 (stoma and adapter)' : 'day of surgery (implant, stoma and adapter)'
  const b = ctx.make(
    'R-REHAB',
    protocol.kind === 'anchors'
      ? 'load at each published point (kg, or fraction × body weight); linear between points'
      : 'start load + step every interval, up to the cap; then the published milestones',
    { bodyWeight: inp(bw, 'kg'), prosthesisWeight: inp(c.prosthesis.weightKg, 'kg'), protocol: inp(protocol.id, ''), chosenBy: inp(chosenBy, '') },
    used,
    [protocol.source]
  )
  ctx.basis['rehab.schedule'] = b
  ctx.basis['rehab.targetLoadKg'] = b
  if (startAboveCap && protocol.kind === 'steps')
    ctx.find(
      'R-REHAB-NO-PROGRESSION',
      'warning',
      `${protocol.name} gives no loading progression for this case: its start load (${formatKg(protocol.startLoadKg.value)}) is above the cap (${formatKg(targetLoadKg)}), so the schedule is one load from day ${formatNumber(protocol.startDay.value, 0)}. No published protocol covers this: the team sets the loading.`,
      b,
      ['prosthesis.weight']
    )
  return {
    protocolId: protocol.id,
    protocolName: protocol.name,
    source: protocol.source,
    dayZero,
    slowSuggested,
    slowReasons: reasons,
    targetLoadKg,
    schedule: rows,
    notes: [`${protocol.rule} [${protocol.source}]`, ...notes]
  }
}
