/** Implant system (catalogue entry) types. Every clinical parameter carries provenance. */
import type { Bone, Fixation, StageOption } from '../case/types'
import type { ParamValue } from '../result'

export interface ImplantSystem {
  /** Stable id, e.g. 'opra-femur'. */
  id: string
  name: string
  /** Version of this entry; changes whenever a parameter changes. */
  version: string
  manufacturer: string | null
  fixation: Fixation
  bones: Bone[]
  /** Template: not a real product; sizes are site defaults (UI shows the label). */
  template: boolean
  /** Shown next to the system name (e.g. "generic template — site default sizes, confirm"). */
  label: string | null
  /** Catalogue diameters (outer Ø), ascending. */
  diametersMm: ParamValue<number[]>
  /** Catalogue lengths, ascending. */
  lengthsMm: ParamValue<number[]>
  /** Press-fit diametral interference or thread engagement: prepared canal r = D − engagement. */
  engagementMm: ParamValue
  minCortexMm: ParamValue
  minContactMm: ParamValue
  tipMarginMm: ParamValue
  /** Body-weight limit stated by the manufacturer, null when none is stated. */
  maxBodyWeightKg: ParamValue | null
  /** 1, 2, or 'either' (then the profile's preference decides). */
  stages: ParamValue<StageOption>
  /** Interval stage 1 → stage 2 (days) if the system states one; else the profile's. */
  stage2MinDays: ParamValue | null
  stage2MaxDays: ParamValue | null
  /** Rehabilitation protocol the system implies (e.g. 'opra'), null = profile default. */
  protocolId: string | null
}

export type { StageOption }
