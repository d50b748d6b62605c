/**
 * Result types of the calculation core: PlanResult, Finding, Basis, and the
 * provenance-carrying parameter value used by profiles and implant systems.
 *
 * Every number the UI displays from a PlanResult has a Basis, reachable with
 * `basisFor(result, 'implant.diameterMm')` (see plan.ts) or directly via
 * `result.basis['implant.diameterMm']`.
 */
import type { Bone, Level, Side, StationPlane } from './case/types'

/** Keys of the sources listed in REFERENCE.md (e.g. 'S1', 'S66', 'A3', 'W1'). */
export type SourceKey = string

/** Where a parameter value comes from. */
export type Provenance =
  | {
      kind: 'published'
      /** Primary source key, e.g. 'S66'. */
      source: SourceKey
      /** Further sources for the same value. */
      also?: SourceKey[]
      note?: string
    }
  | {
      /** A starting value nobody published: the UI labels it "site default — confirm". */
      kind: 'site-default'
      /** Sources the default was derived from, if any. */
      basedOn?: SourceKey[]
      note?: string
    }

export type ParamScalar = number | string | number[]

/** A parameter (threshold, size list, setting) with its unit and provenance. */
export interface ParamValue<T extends ParamScalar = number> {
  /** Stable key, e.g. 'soft.targetMm' (profile) or 'system.opra-femur.tipMarginMm'. */
  key: string
  value: T
  /** 'mm', 'kg', 'kg/m²', 'deg', 'days', 'months', 'years', '×', 'fraction of body weight', '' … */
  unit: string
  provenance: Provenance
  /** A site default that the site has confirmed (settings screen). Published values ignore it. */
  confirmed?: boolean
  /** Short label for the settings screen and basis display. */
  label?: string
}

/** Reference to a parameter as used by a plan (for `siteDefaultsUsed` and bases). */
export interface ParamRef {
  key: string
  value: ParamScalar
  unit: string
  provenance: Provenance
  /** true when a site default has been confirmed by the site; always true for published values. */
  confirmed: boolean
  label?: string
}

export type RuleId =
  | 'R-MAG'
  | 'R-CANAL'
  | 'R-LEN'
  | 'R-DIA'
  | 'R-CORTEX'
  | 'R-SOFT'
  | 'R-BUILD'
  | 'R-ELIG'
  | 'R-REHAB'
  | 'R-STAGE'
  /** Implant system selection (unknown system, system not made for the bone). */
  | 'SYSTEM'
  /** Planning profile (unconfirmed site defaults). */
  | 'PROFILE'

export interface BasisInput {
  value: number | string | boolean | null | number[]
  unit: string
}

/** Why a number or finding is what it is (FDA CDS criterion 4: the basis can be reviewed). */
export interface Basis {
  rule: RuleId
  /** The formula in words. */
  formula: string
  /** Inputs (already corrected where the rule says so), by name. */
  inputs: Record<string, BasisInput>
  /** Parameters used, with provenance. */
  parameters: ParamRef[]
  /** Source keys supporting the rule (union of parameter sources and rule sources). */
  sources: SourceKey[]
}

export type Severity = 'block' | 'warning' | 'info'

export interface Finding {
  /** e.g. 'R-LEN-SHORT-BONE', 'R-ELIG-SMOKING'. */
  id: string
  severity: Severity
  /** Plain English for a surgeon. */
  message: string
  basis: Basis
  /** Case-file fields the finding concerns (e.g. 'bone.stations[2]'), for the editor to highlight. */
  paths?: string[]
}

export type PlanStatus = 'ok' | 'warnings' | 'blocked'

export interface SizeOption {
  diameterMm: number
  /** Prepared canal diameter r = D − engagement. */
  preparedDiameterMm: number
  /** Cortical contact length C(r) over the implant length. */
  contactLengthMm: number
}

export interface MagnificationWhatIf {
  /** The magnification assumed (m × 0.95 or m × 1.05). */
  magnification: number
  /** Implant length at that magnification, null when none fits. */
  lengthMm: number | null
  /** Recommended diameter at that magnification, null when none reaches the contact length. */
  diameterMm: number | null
}

export interface ImplantPlan {
  systemId: string
  systemName: string
  fixation: 'press-fit' | 'threaded'
  diameterMm: number
  lengthMm: number
  preparedDiameterMm: number
  contactLengthMm: number
  /** Required contact length min(minContact, implant length). */
  requiredContactMm: number
  /** Longest implant the bone allows (residual length − tip margin). */
  maxLengthMm: number
  /** Thinnest remaining cortex over the measured part of the implant zone [0, L], any plane; null if none of it is measured. */
  minCortexMm: number | null
  /** Distance from the distal bone end where the cortex is thinnest (a station or the implant tip). */
  minCortexAtMm: number | null
  /** Remaining cortex at the implant tip z = L (fracture counselling), null when the stations stop short of the tip. */
  tipCortexMm: number | null
  /** Distance from the implant tip to the proximal landmark (residual length − L). */
  tipFromLandmarkMm: number
  /**
   * Bone resection the sizes assume (R-BUILD): 0 on the bone as measured; otherwise the sizes are
   * for the shortened bone and distances (minCortexAtMm) are from its new distal end.
   */
  resectionMm: number
  smaller: SizeOption | null
  larger: SizeOption | null
  atMagnificationMinus5: MagnificationWhatIf
  atMagnificationPlus5: MagnificationWhatIf
}

export interface CorrectedStation {
  fromDistalEndMm: number
  endostealMm: number
  periostealMm: number
  /** Index of the station in the case file (bone.stations[i]). */
  index: number
  /** Two-plane stations: each plane's corrected pair (R-CORTEX checks each plane too). */
  planes?: StationPlane[]
}

export interface CorrectedMeasurements {
  /** Magnification factor applied to bone measurements and sound-side length. */
  magnification: number
  magnificationSource: 'marker' | 'factor' | 'profile-default' | 'none'
  residualLengthMm: number
  /** Stations sorted by distance from the distal end. */
  stations: CorrectedStation[]
  soundSideLengthMm: number | null
  /** Magnification applied to the soft-tissue thickness (1 unless measured on X-ray). */
  softTissueMagnification: number
  softTissueMm: number
}

export interface SoftTissuePlan {
  measuredMm: number
  targetMm: number
  reductionMm: number
  /** Thickness after the planned reduction: min(measured, target). */
  plannedMm: number
  bmi: number
}

export interface ResectionPlan {
  resectionMm: number
  residualLengthAfterMm: number
  /** Implant length on the shortened bone (R-LEN re-run), null if none fits: the plan's length. */
  lengthMm: number | null
  /** Recommended diameter on the shortened bone, null if none reaches the contact length: the plan's diameter. */
  diameterMm: number | null
  /** The sizes on the bone as measured: what they would have been without the resection. */
  withoutResection: { lengthMm: number | null; diameterMm: number | null }
}

export interface BuildHeightPlan {
  /** What the sound-side length is measured to. */
  target: 'knee centre' | 'floor' | 'elbow centre' | 'wrist' | 'digit tip'
  /** What would sit low (too far distally) when the clearance is negative (transtibial: the ankle). */
  joint: 'knee centre' | 'ankle' | 'elbow centre' | 'wrist' | 'digit tip'
  availableMm: number
  requiredMm: number
  clearanceMm: number
  /** Proposed bone resection (0 when the clearance is ≥ 0). */
  resectionMm: number
  afterResection: ResectionPlan | null
}

export type EligibilityItem =
  | 'AGE'
  | 'INFECTION'
  | 'MALIGNANCY'
  | 'IMMUNOSUPPRESSION'
  | 'PREGNANCY'
  | 'DIABETES'
  | 'PVD'
  | 'SMOKING'
  | 'BMI'
  | 'BODY-WEIGHT'
  | 'SOCKET-REHAB'
  | 'HIP-FLEXION'
  | 'HUMERUS-LENGTH'

/** No "off": every item is screened (PLANNING-RULES R-ELIG). */
export type EligibilitySeverity = 'absolute' | 'relative'

export interface EligibilityCheck {
  item: EligibilityItem
  /** pass: criterion met; fail: contraindication present; unknown: data not recorded. */
  outcome: 'pass' | 'fail' | 'unknown' | 'not-applicable'
  severity: EligibilitySeverity
  sources: SourceKey[]
}

export interface ScheduleRow {
  /** Day counted from day 0 (see RehabPlan.dayZero). */
  day: number
  loadKg: number
  activity: string
  /** true when the load was interpolated linearly between published anchor points. */
  interpolated: boolean
}

export interface RehabPlan {
  protocolId: string
  protocolName: string
  source: SourceKey
  /** What day 0 is. */
  dayZero: string
  slowSuggested: boolean
  /** Why slow loading was suggested (empty when not). */
  slowReasons: string[]
  /** Load at which the schedule ends (full weight bearing or cap). */
  targetLoadKg: number
  schedule: ScheduleRow[]
  notes: string[]
}

export interface StageEvidence {
  outcome: string
  oneStage: string
  twoStage: string
}

export interface StagePlan {
  count: 1 | 2
  /** Interval between stage 1 and stage 2 in days, null for one stage. */
  stage2AfterDays: { min: number; max: number } | null
  rationale: string
  evidence: { source: SourceKey; rows: StageEvidence[] }
}

export interface PlanResult {
  engineVersion: string
  profileId: string
  profileVersion: string
  /** Profile keys overridden by the case file. */
  profileOverrides: string[]
  catalogVersion: string
  system: { id: string; name: string; version: string; template: boolean } | null
  caseCode: string
  level: Level
  side: Side
  bone: Bone
  status: PlanStatus
  corrected: CorrectedMeasurements
  implant: ImplantPlan | null
  softTissue: SoftTissuePlan
  buildHeight: BuildHeightPlan | null
  eligibility: EligibilityCheck[]
  rehab: RehabPlan
  stages: StagePlan
  findings: Finding[]
  /** Basis of every reported number, keyed by its path in this object ('implant.diameterMm'). */
  basis: Record<string, Basis>
  /** Every site-default parameter the plan used; `confirmed: false` ones need confirming. */
  siteDefaultsUsed: ParamRef[]
}
