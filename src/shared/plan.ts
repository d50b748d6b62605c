/**
 * computePlan: the whole plan from a normalised case. Pure and deterministic: the same case,
 * profile, catalogue and engine version give the same result. Clinical problems are findings,
 * never exceptions. Radiographic values are corrected (R-MAG) before any other rule sees them.
 */
import { BUILTIN_SYSTEMS, CATALOG_VERSION } from './catalog/systems'
import type { ImplantSystem } from './catalog/types'
import { findSystem } from './catalog/validate'
import { parseCase } from './case/parse'
import type { FieldError, FieldWarning, NormalizedCase } from './case/types'
import { DEFAULT_PROFILE } from './profile/defaults'
import { protocolParamsOf } from './profile/protocol-params'
import { PROTOCOLS } from './profile/protocols'
import type { PlanningProfile } from './profile/types'
import { applyCaseOverrides, caseRangeErrors } from './profile/validate'
import type { Basis, CorrectedMeasurements, Finding, ImplantPlan, ParamRef, PlanResult, PlanStatus } from './result'
import { correctStations, resectStations } from './rules/canal'
import { EPS, inp, PlanContext, preloadParams } from './rules/context'
import { buildGeometry, ruleBuild, type ShortenedBone } from './rules/build'
import { rescaledBone, type BoneAt } from './rules/diameter'
import { sizeBone } from './rules/implant'
import { OPRA_TRANSHUMERAL_MAX_BMI, ruleEligibility } from './rules/eligibility'
import { ruleMag } from './rules/mag'
import { ruleRehab } from './rules/rehab'
import { ruleSoft } from './rules/soft'
import { ruleStage } from './rules/stage'

preloadParams([...Object.values(DEFAULT_PROFILE.params), OPRA_TRANSHUMERAL_MAX_BMI])
for (const s of BUILTIN_SYSTEMS)
  preloadParams([s.diametersMm, s.lengthsMm, s.engagementMm, s.minCortexMm, s.minContactMm, s.tipMarginMm, s.maxBodyWeightKg, s.stages, s.stage2MinDays, s.stage2MaxDays])
for (const pr of Object.values(PROTOCOLS)) preloadParams(protocolParamsOf(pr))

/** Version of the calculation engine (semver); recorded in every PlanResult. 1.1.0: the resection
 *  carried through every rule (per-plane cortex at the cut, the ±5 % sizes, eligibility and
 *  loading on the shortened bone), per-plane canal checks, no rounding across a limit in findings.
 *  1.2.0: a case file may not widen the magnification warning range; a station's lateral
 *  diameters must be measured within 5 mm of it (bone.stations[i].lateralFromDistalEnd). */
export const ENGINE_VERSION = '1.2.0'

/** Earlier engines whose results a backup may hold (backup-reproduce.ts reads them). */
export const EARLIER_ENGINE_VERSIONS: readonly string[] = ['1.0.0', '1.1.0']

export interface PlanOptions {
  /** Planning profile (site settings); default DEFAULT_PROFILE. Case overrides apply on top. */
  profile?: PlanningProfile
  /** Implant catalogue; default BUILTIN_SYSTEMS. */
  systems?: readonly ImplantSystem[]
}

export type PlanFromRawResult =
  | { ok: true; result: PlanResult; case: NormalizedCase; warnings: FieldWarning[] }
  | { ok: false; errors: FieldError[]; warnings: FieldWarning[] }

function resolveSystem(c: NormalizedCase, ctx: PlanContext, systems: readonly ImplantSystem[]): { sys: ImplantSystem | null; sizing: ImplantSystem | null } {
  const sys = c.implant.system ?? findSystem(systems, c.implant.systemId) ?? null
  const none = ctx.make('SYSTEM', 'the implant system named in the case must be in the catalogue', { systemId: inp(c.implant.systemId, '') }, [])
  if (!sys) {
    ctx.find(
      'SYSTEM-UNKNOWN',
      'block',
      `Implant system "${c.implant.systemId}" is not in the catalogue: choose a catalogue system or carry the system in the case file.`,
      none,
      ['implant.systemId']
    )
    return { sys: null, sizing: null }
  }
  if (!sys.bones.includes(c.limb.bone)) {
    ctx.find(
      'SYSTEM-BONE',
      'block',
      `${sys.name} is made for the ${sys.bones.join(', ')}, not the ${c.limb.bone}: choose a system for this bone.`,
      ctx.make('SYSTEM', "the case's bone must be one of the system's bones", { bone: inp(c.limb.bone, ''), systemBones: inp(sys.bones.join(', '), '') }, []),
      ['implant', 'limb.bone']
    )
    return { sys, sizing: null }
  }
  if (sys.template)
    ctx.find(
      'SYSTEM-TEMPLATE',
      'warning',
      `${sys.name}: ${sys.label ?? 'generic template'}. The sizes are not a manufacturer's catalogue; map the result to your implant's real sizes.`,
      ctx.make('SYSTEM', 'template sizes are site defaults, not a product catalogue', { systemId: inp(sys.id, '') }, [sys.diametersMm, sys.lengthsMm]),
      ['implant']
    )
  return { sys, sizing: sys }
}

function compute(c: NormalizedCase, options: PlanOptions | undefined): PlanResult {
  const applied = applyCaseOverrides(options?.profile ?? DEFAULT_PROFILE, c.profile)
  const profile = applied.profile
  const systems = options?.systems ?? BUILTIN_SYSTEMS
  const ctx = new PlanContext(profile)
  for (const x of applied.refused)
    ctx.find(
      x.reason === 'weaker' ? 'PROFILE-OVERRIDE-WEAKER' : 'PROFILE-OVERRIDE-RANGE',
      'warning',
      x.reason === 'weaker'
        ? `The case file sets “${x.label}” to ${String(x.caseValue)}, less strict than the planning profile's ${String(x.profileValue)}: a case file may make ${x.key.startsWith('mag.') ? 'the magnification warning' : 'eligibility'} stricter, never weaker, so the profile's value is used.`
        : `The case file sets “${x.label}” to ${String(x.caseValue)}, which puts a minimum above its maximum: the planning profile's ${String(x.profileValue)} is used.`,
      ctx.make(
        'PROFILE',
        x.reason === 'weaker'
          ? `case-file overrides of ${x.key.startsWith('mag.') ? 'the magnification warning range' : 'eligibility'} apply only when they are stricter than the planning profile`
          : 'case-file overrides apply only when every range stays ordered (minimum ≤ maximum)',
        { caseValue: inp(x.caseValue, ''), profileValue: inp(x.profileValue, '') },
        [profile.params[x.key]]
      ),
      [`profile["${x.key}"]`]
    )
  const { sys, sizing: sizingSys } = resolveSystem(c, ctx, systems)

  // R-MAG and R-CANAL: correct every radiographic value first.
  const mag = ruleMag(c, ctx)
  const m = mag.m
  const residualMm = c.bone.residualLengthMm / m
  const stations = correctStations(c.bone.stations, m)
  const soundSideLengthMm = c.prosthesis.soundSideLengthMm === null ? null : c.prosthesis.soundSideLengthMm / m
  const softTissueMm = c.softTissue.distalThicknessMm / mag.softM
  const magInputs = { m: inp(m, '×') }
  ctx.basis['corrected.residualLengthMm'] = ctx.make('R-MAG', 'corrected residual length = measured ÷ m', { measured: inp(c.bone.residualLengthMm, 'mm'), ...magInputs }, [])
  ctx.basis['corrected.stations'] = (
    ctx.make(
      'R-CANAL',
      'each station: distance and diameters ÷ m; with two planes the smaller of each; sorted by distance from the distal end; linear between stations',
      { stationCount: inp(stations.length, ''), ...magInputs },
      []
    )
  )
  if (soundSideLengthMm !== null)
    ctx.basis['corrected.soundSideLengthMm'] = ctx.make('R-MAG', 'corrected sound-side length = measured ÷ m', { measured: inp(c.prosthesis.soundSideLengthMm, 'mm'), ...magInputs }, [])
  ctx.basis['corrected.softTissueMm'] = (
    ctx.make('R-MAG', 'corrected soft-tissue thickness = measured ÷ m (m = 1 unless measured on X-ray)', { measured: inp(c.softTissue.distalThicknessMm, 'mm'), m: inp(mag.softM, '×') }, [])
  )
  const corrected: CorrectedMeasurements = {
    magnification: m,
    magnificationSource: mag.source,
    residualLengthMm: residualMm,
    stations,
    soundSideLengthMm,
    softTissueMagnification: mag.softM,
    softTissueMm
  }

  // R-BUILD first decides which bone is sized: with a proposed resection, R-LEN, R-DIA and
  // R-CORTEX run on the shortened bone and those sizes are the plan's; the unresected sizes are
  // computed aside (findings discarded) and reported as what they would have been.
  const geometry = buildGeometry(c, soundSideLengthMm, residualMm)
  const resectionMm = geometry?.resectionMm ?? 0
  const landmark = c.bone.landmark
  const xray = c.imaging.source === 'xray'
  let implant: ImplantPlan | null = null
  let shortened: ShortenedBone | null = null
  // The ±5 % sizes: the whole bone at m × factor, shortened by the resection R-BUILD proposes at
  // that magnification (the sound side and the residual length scale with m; the components do not).
  const at: BoneAt = (factor) => {
    const bone = rescaledBone(stations, residualMm)(factor)
    const cut = buildGeometry(c, soundSideLengthMm === null ? null : soundSideLengthMm / factor, bone.residualMm)?.resectionMm ?? 0
    if (cut <= 0) return bone
    return bone.residualMm - cut > EPS ? { stations: resectStations(bone.stations, cut), residualMm: bone.residualMm - cut } : { stations: [], residualMm: 0 }
  }
  if (sizingSys && resectionMm > 0) {
    const aside = sizeBone(new PlanContext(profile), sizingSys, { stations, residualMm, m, resectionMm: 0, landmark, xray })
    const residualAfterMm = residualMm - resectionMm
    const withoutResection = { lengthMm: aside.lengthMm, diameterMm: aside.diameterMm }
    if (residualAfterMm > EPS) {
      const sized = sizeBone(ctx, sizingSys, { stations: resectStations(stations, resectionMm), residualMm: residualAfterMm, m, resectionMm, landmark, xray, at })
      implant = sized.implant
      shortened = { residualAfterMm, lengthMm: sized.lengthMm, diameterMm: sized.diameterMm, blocks: sized.blocks, withoutResection }
    } else shortened = { residualAfterMm, lengthMm: null, diameterMm: null, blocks: ['nothing of the bone remains'], withoutResection }
  } else if (sizingSys) implant = sizeBone(ctx, sizingSys, { stations, residualMm, m, resectionMm: 0, landmark, xray, at }).implant
  if (implant && resectionMm === 0) ctx.basis['implant.resectionMm'] = ctx.make('R-BUILD', 'no resection proposed: the implant is sized on the bone as measured', { resection: inp(0, 'mm') }, [])

  const softTissue = ruleSoft(c, ctx, softTissueMm, mag.softM)
  const buildHeight = ruleBuild(c, ctx, geometry, sizingSys, shortened)
  if (implant && resectionMm > 0) ctx.basis['implant.resectionMm'] = ctx.basis['buildHeight.resectionMm'] as Basis
  // The bone the implant goes into: the eligibility and loading rules read it after the resection.
  const residualForRulesMm = Math.max(0, residualMm - resectionMm)
  const eligibility = ruleEligibility(c, ctx, residualForRulesMm, sys, resectionMm)
  const stages = ruleStage(ctx, sizingSys ?? sys)
  const rehab = ruleRehab(c, ctx, residualForRulesMm, sizingSys ?? sys, stages.count, resectionMm)

  const siteDefaultsUsed: ParamRef[] = []
  for (const r of ctx.used.values()) if (r.provenance.kind === 'site-default') siteDefaultsUsed.push(r)
  siteDefaultsUsed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const unconfirmed = siteDefaultsUsed.filter((r) => !r.confirmed)
  if (unconfirmed.length > 0)
    ctx.find(
      'PROFILE-SITE-DEFAULTS',
      'info',
      `This plan uses ${unconfirmed.length} site-default parameter${unconfirmed.length === 1 ? '' : 's'} not yet confirmed by the site (listed under "site defaults used").`,
      { rule: 'PROFILE', formula: 'every site-default parameter used by the plan and not confirmed in the settings', inputs: { count: inp(unconfirmed.length, '') }, parameters: unconfirmed, sources: [] }
    )

  return {
    engineVersion: ENGINE_VERSION,
    profileId: profile.id,
    profileVersion: profile.version,
    profileOverrides: Object.keys(c.profile).sort(),
    catalogVersion: CATALOG_VERSION,
    system: sys ? { id: sys.id, name: sys.name, version: sys.version, template: sys.template } : null,
    caseCode: c.patient.code,
    level: c.limb.level,
    side: c.limb.side,
    bone: c.limb.bone,
    status: statusOf(ctx.findings),
    corrected,
    implant,
    softTissue,
    buildHeight,
    eligibility,
    rehab,
    stages,
    findings: ctx.findings,
    basis: ctx.basis,
    siteDefaultsUsed
  }
}

export function statusOf(findings: readonly Finding[]): PlanStatus {
  let warn = false
  for (const f of findings) {
    if (f.severity === 'block') return 'blocked'
    if (f.severity === 'warning') warn = true
  }
  return warn ? 'warnings' : 'ok'
}

/** Last line of defence: an internal error becomes a blocked plan, never an exception. */
function failSafe(c: NormalizedCase, e: unknown): PlanResult {
  const basis: Basis = { rule: 'PROFILE', formula: 'internal error in the calculation engine', inputs: {}, parameters: [], sources: [] }
  const level = c?.limb?.level ?? 'transfemoral'
  return {
    engineVersion: ENGINE_VERSION,
    profileId: '',
    profileVersion: '',
    profileOverrides: [],
    catalogVersion: CATALOG_VERSION,
    system: null,
    caseCode: String(c?.patient?.code ?? ''),
    level,
    side: c?.limb?.side ?? 'left',
    bone: c?.limb?.bone ?? 'femur',
    status: 'blocked',
    corrected: { magnification: 1, magnificationSource: 'none', residualLengthMm: 0, stations: [], soundSideLengthMm: null, softTissueMagnification: 1, softTissueMm: 0 },
    implant: null,
    softTissue: { measuredMm: 0, targetMm: 0, reductionMm: 0, plannedMm: 0, bmi: 0 },
    buildHeight: null,
    eligibility: [],
    rehab: { protocolId: '', protocolName: '', source: '', dayZero: '', slowSuggested: false, slowReasons: [], targetLoadKg: 0, schedule: [], notes: [] },
    stages: { count: 1, stage2AfterDays: null, rationale: '', evidence: { source: 'S60', rows: [] } },
    findings: [
      {
        id: 'ENGINE-ERROR',
        severity: 'block',
        message: `The plan could not be computed (${e instanceof Error ? e.message : String(e)}). Check the case with parseCase; report this case to the developers.`,
        basis
      }
    ],
    basis: {},
    siteDefaultsUsed: []
  }
}

/** The whole plan for a normalised case. Pure, deterministic, never throws. */
export function computePlan(c: NormalizedCase, options?: PlanOptions): PlanResult {
  try {
    return compute(c, options)
  } catch (e) {
    return failSafe(c, e)
  }
}

/** Validate a raw case file and compute its plan. Unknown system ids are validation errors here. */
export function planFromRaw(raw: unknown, options?: PlanOptions): PlanFromRawResult {
  const systems = options?.systems ?? BUILTIN_SYSTEMS
  const parsed = parseCase(raw, { systems })
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: parsed.warnings }
  const inverted = caseRangeErrors(options?.profile ?? DEFAULT_PROFILE, parsed.value.profile)
  if (inverted.length > 0) return { ok: false, errors: inverted, warnings: parsed.warnings }
  return { ok: true, result: computePlan(parsed.value, options), case: parsed.value, warnings: parsed.warnings }
}

/**
 * The basis of a displayed number: `basisFor(result, 'implant.diameterMm')`,
 * `basisFor(result, 'rehab.schedule[3].loadKg')` (falls back to the nearest parent path
 * that has a basis, here 'rehab.schedule').
 */
export function basisFor(result: PlanResult, path: string): Basis | undefined {
  let p = path
  for (;;) {
    const b = result.basis[p]
    if (b) return b
    const dot = p.lastIndexOf('.')
    const br = p.lastIndexOf('[')
    const cut = Math.max(dot, br)
    if (cut <= 0) return undefined
    p = p.slice(0, cut)
  }
}
