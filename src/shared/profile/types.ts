/** Planning profile (site settings): every threshold of PLANNING-RULES.md as a parameter with provenance. */
import type { Level } from '../case/types'
import type { EligibilityItem, EligibilitySeverity, ParamValue, SourceKey } from '../result'

/** Numeric profile parameters. */
export const PROFILE_NUMBER_KEYS = [
  'mag.defaultFactor',
  'mag.warnBelow',
  'mag.warnAbove',
  'mag.sensitivityFraction',
  'soft.targetMm',
  'soft.obesityBmi',
  'elig.minAgeYears',
  'elig.maxBmi',
  'elig.minSocketRehabMonths',
  'elig.maxHipFlexionDeg',
  'elig.maxKneeFlexionDeg',
  'elig.minResidualHumerusMm',
  'rehab.osteoporosisTScore',
  'rehab.shortFemurMm',
  'rehab.shortTibiaMm',
  'stage.pressFitMinDays',
  'stage.pressFitMaxDays',
  'stage.threadedDays'
] as const
export type ProfileNumberKey = (typeof PROFILE_NUMBER_KEYS)[number]

export type EligibilitySeverityKey = `elig.severity.${EligibilityItem}`

export type ProfileParams = { [K in ProfileNumberKey]: ParamValue<number> } & {
  [K in EligibilitySeverityKey]: ParamValue<EligibilitySeverity>
} & {
  /** Stages when the system allows either. */
  'stage.preferred': ParamValue<1 | 2>
  /** Default rehabilitation protocol ids by limb (a system or the case may override). */
  'rehab.lowerLimbProtocol': ParamValue<string>
  'rehab.upperLimbProtocol': ParamValue<string>
}
export type ProfileKey = keyof ProfileParams

export interface PlanningProfile {
  id: string
  name: string
  /** Changes whenever a parameter changes (recorded in every PlanResult). */
  version: string
  params: ProfileParams
  /**
   * The site's values and confirmations of loading-protocol parameters, keyed
   * `protocol.<id>.<param>` (see protocol-params.ts); a key not listed keeps the shipped value.
   */
  protocolParams?: ProtocolParamOverrides
}

/** Protocol parameters the site set or confirmed, by key. */
export type ProtocolParamOverrides = Readonly<Record<string, ParamValue<number>>>

/** Validated overrides carried by a case file. */
export type ProfileOverrides = { [K in ProfileKey]?: ProfileParams[K] }

// ---------------------------------------------------------------------------
// Rehabilitation protocols (data with sources)
// ---------------------------------------------------------------------------

export type LoadSpec = { kind: 'kg'; kg: ParamValue } | { kind: 'bw'; fraction: ParamValue }

export interface AnchorPoint {
  day: ParamValue
  load: LoadSpec
  activity: string
}

interface ProtocolBase {
  id: string
  name: string
  source: SourceKey
  limb: 'lower' | 'upper'
  levels: readonly Level[]
  /** Plain-English statement of the published rule. */
  rule: string
  /** The slow variant to suggest when bone is short or poor, if any. */
  slowVariantId: string | null
  isSlow: boolean
}

/** Published anchor points; the load between them is interpolated linearly (stated in the schedule). */
export interface AnchorProtocol extends ProtocolBase {
  kind: 'anchors'
  anchors: AnchorPoint[]
  /** Display granularity of interpolated rows inside ramps (days); not a clinical parameter. */
  rowIntervalDays: number
}

/** Start load, fixed step every interval, up to a cap, then milestones after the cap. */
export interface StepProtocol extends ProtocolBase {
  kind: 'steps'
  startDay: ParamValue
  startLoadKg: ParamValue
  stepKg: ParamValue
  intervalDays: ParamValue
  startActivity: string
  cap: {
    bwFraction: ParamValue | null
    kg: ParamValue | null
    /** Cap at the prosthesis weight when it is recorded (Relimb). */
    prosthesisWeight: boolean
  }
  afterCap: { days: ParamValue; activity: string; load: 'cap' | 'bw' }[]
}

export type RehabProtocol = AnchorProtocol | StepProtocol
