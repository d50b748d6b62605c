/**
 * Case file (osseoplan.case, version 1): the raw input as written in a file or
 * held by the editor, and the normalised case the calculation core consumes.
 *
 * Raw lengths are numbers in millimetres or strings with a unit ("7.5 in",
 * "19 cm"); raw masses are numbers in kilograms or strings ("180 lb"); body
 * height is a number in centimetres or a string ("1.8 m"). The normalised case
 * holds plain numbers in mm / kg / cm, converted once at the edge and NOT yet
 * corrected for radiographic magnification (that is rule R-MAG, in computePlan).
 */
import type { ImplantSystem } from '../catalog/types'
import type { ProfileOverrides } from '../profile/types'

export const CASE_FORMAT = 'osseoplan.case'
export const CASE_VERSION = 1

export const LEVELS = ['transfemoral', 'transtibial', 'transhumeral', 'transradial', 'thumb', 'finger'] as const
export type Level = (typeof LEVELS)[number]

export const LOWER_LIMB_LEVELS: readonly Level[] = ['transfemoral', 'transtibial']

export const SIDES = ['left', 'right'] as const
export type Side = (typeof SIDES)[number]

export const BONES = ['femur', 'tibia', 'humerus', 'radius', 'ulna', 'metacarpal', 'phalanx'] as const
export type Bone = (typeof BONES)[number]

/** Bones allowed at each level; the first one is the default when `limb.bone` is omitted
 *  (transradial has no default: the radius or the ulna must be stated). */
export const LEVEL_BONES: Readonly<Record<Level, readonly Bone[]>> = {
  transfemoral: ['femur'],
  transtibial: ['tibia'],
  transhumeral: ['humerus'],
  transradial: ['radius', 'ulna'],
  thumb: ['metacarpal', 'phalanx'],
  finger: ['phalanx', 'metacarpal']
}
export const LEVELS_REQUIRING_BONE: readonly Level[] = ['transradial']

export const IMAGING_SOURCES = ['xray', 'ct', 'calibrated'] as const
export type ImagingSource = (typeof IMAGING_SOURCES)[number]

export const SOFT_TISSUE_METHODS = ['xray', 'ct', 'ultrasound', 'clinical'] as const
export type SoftTissueMethod = (typeof SOFT_TISSUE_METHODS)[number]

export const SEXES = ['female', 'male', 'other'] as const
export type Sex = (typeof SEXES)[number]

/** Fixed vocabulary of conditions relevant to eligibility (R-ELIG). */
export const CONDITIONS = [
  'active-infection',
  'malignancy',
  'chemotherapy',
  'immunosuppression',
  'pregnancy',
  'open-physes',
  'diabetes',
  'peripheral-vascular-disease',
  'smoking'
] as const
export type Condition = (typeof CONDITIONS)[number]

export const FIXATIONS = ['press-fit', 'threaded'] as const
export type Fixation = (typeof FIXATIONS)[number]

export type StageOption = 1 | 2 | 'either'

/** Suggested landmarks (free text is accepted). */
export const LANDMARK_SUGGESTIONS: Readonly<Record<Level, readonly string[]>> = {
  transfemoral: ['tip of greater trochanter'],
  transtibial: ['tibial plateau (medial joint line)'],
  transhumeral: ['top of humeral head'],
  transradial: ['radial head', 'olecranon tip'],
  thumb: ['base of first metacarpal'],
  finger: ['base of proximal phalanx']
}

/** A length: number in mm, or a string with a length unit ("7.5 in", "19 cm", "190 mm"). */
export type LengthInput = number | string
/** A mass: number in kg, or a string with a mass unit ("180 lb"). */
export type MassInput = number | string
/** Body height: number in cm, or a string with a length unit ("1.8 m", "71 in"). */
export type HeightInput = number | string

/** A field-level problem in the input. */
export interface FieldError {
  /** Path in the case file, e.g. 'bone.stations[2].endosteal'. '' for the whole file. */
  path: string
  /** Plain English, e.g. 'must be smaller than the periosteal diameter (25 mm)'. */
  message: string
  /** 'required': the field is missing (the editor shows it as "still needed"). */
  code?: 'required' | 'invalid'
}

/** Something accepted but worth knowing (unknown field ignored, value unusual). */
export interface FieldWarning {
  path: string
  message: string
}

// ---------------------------------------------------------------------------
// Raw case file (version 1)
// ---------------------------------------------------------------------------

export interface RawPatient {
  /** Pseudonymous patient code (no names). */
  code: string
  ageYears: number
  sex?: Sex
  weight: MassInput
  height: HeightInput
  /** Conditions present; [] means screened and none present. */
  conditions: Condition[]
  /** Months of attempted socket rehabilitation; omitted/null = not recorded. */
  socketRehabMonths?: number | null
  /** Hip flexion contracture in degrees; omitted/null = not recorded. */
  hipFlexionContractureDeg?: number | null
  /** Knee flexion contracture in degrees (transtibial); omitted/null = not recorded. */
  kneeFlexionContractureDeg?: number | null
  /** DEXA T-score; omitted/null = not recorded. */
  tScore?: number | null
}

export interface RawLimb {
  level: Level
  side: Side
  /** Required for transradial (radius | ulna); otherwise defaults to the level's bone. */
  bone?: Bone
}

export interface RawMarker {
  trueSize: LengthInput
  measuredSize: LengthInput
}

export interface RawImaging {
  source: ImagingSource
  /** Magnification factor (1.00–1.30) for X-ray; only with source 'xray'. */
  magnification?: number
  /** Calibration marker; only with source 'xray'. Takes precedence over `magnification`. */
  marker?: RawMarker
}

/** One plane (endosteal, periosteal) or two (…AP, …Lat); with two, the smaller is used. */
export interface RawStation {
  fromDistalEnd: LengthInput
  endosteal?: LengthInput
  endostealAP?: LengthInput
  endostealLat?: LengthInput
  periosteal?: LengthInput
  periostealAP?: LengthInput
  periostealLat?: LengthInput
  /** Where the lateral values were measured, when on another radiograph (its distance from the
   *  distal end, as measured); it must lie within LIMITS.lateralLevelMm of `fromDistalEnd`. */
  lateralFromDistalEnd?: LengthInput
}

export interface RawBone {
  residualLength: LengthInput
  landmark: string
  stations: RawStation[]
}

export interface RawSoftTissue {
  distalThickness: LengthInput
  method: SoftTissueMethod
}

export interface RawComponent {
  name: string
  buildHeight: LengthInput
}

export interface RawProsthesis {
  /** Sound side, same landmark to knee centre (transfemoral), floor (transtibial),
   *  elbow centre (transhumeral), wrist (transradial), digit tip (thumb/finger). */
  soundSideLength?: LengthInput
  components?: RawComponent[]
  adapterTranscutaneousLength?: LengthInput
  /** Weight of the prosthesis (caps the Relimb upper-limb loading). */
  weight?: MassInput
}

/** Optional provenance for a case-file implant system: parameter name → source key. */
export type RawSystemSources = Partial<
  Record<'diametersMm' | 'lengthsMm' | 'engagementMm' | 'minCortexMm' | 'minContactMm' | 'tipMarginMm' | 'maxBodyWeightKg', string>
>

export interface RawImplantSystem {
  id: string
  name: string
  fixation: Fixation
  bones: Bone[]
  diametersMm: number[]
  lengthsMm: number[]
  engagementMm: number
  minCortexMm: number
  minContactMm: number
  tipMarginMm: number
  maxBodyWeightKg?: number
  stages?: StageOption
  /** Interval stage 1 → stage 2, days. */
  stage2IntervalDays?: { min: number; max: number }
  protocolId?: string
  sources?: RawSystemSources
}

export type RawImplant = { systemId: string } | { system: RawImplantSystem }

/** Profile overrides: profile parameter key → value, or {value, source} to mark it published. */
export type RawProfileOverrides = Record<string, number | string | { value: number | string; source?: string }>

export interface CaseFileV1 {
  format: typeof CASE_FORMAT
  version: typeof CASE_VERSION
  patient: RawPatient
  limb: RawLimb
  imaging: RawImaging
  bone: RawBone
  softTissue: RawSoftTissue
  prosthesis?: RawProsthesis
  implant: RawImplant
  profile?: RawProfileOverrides
  protocolId?: string
  notes?: string
}

type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T

/** What the editor holds while a case is being filled in. */
export type CaseDraft = DeepPartial<CaseFileV1>

// ---------------------------------------------------------------------------
// Normalised case (plain numbers in canonical units, as measured)
// ---------------------------------------------------------------------------

export interface NormalizedStation {
  /** Index in the case file's bone.stations. */
  index: number
  fromDistalEndMm: number
  /** Endosteal (canal) diameter; the smaller plane when two are given. */
  endostealMm: number
  /** Periosteal (outer) diameter; the smaller plane when two are given. */
  periostealMm: number
  twoPlane: boolean
  /**
   * With two planes: each plane's own (endosteal, periosteal) pair, a single value standing for
   * both planes where only one was given. R-CORTEX also checks each plane, because the smaller
   * endosteal and the smaller periosteal may come from different planes.
   */
  planes?: StationPlane[]
}

export interface StationPlane {
  plane: 'AP' | 'Lat'
  endostealMm: number
  periostealMm: number
}

export interface NormalizedCase {
  format: typeof CASE_FORMAT
  version: typeof CASE_VERSION
  patient: {
    code: string
    ageYears: number
    sex: Sex | null
    weightKg: number
    heightCm: number
    conditions: Condition[]
    socketRehabMonths: number | null
    hipFlexionContractureDeg: number | null
    kneeFlexionContractureDeg: number | null
    tScore: number | null
  }
  limb: { level: Level; side: Side; bone: Bone }
  imaging: {
    source: ImagingSource
    magnification: number | null
    marker: { trueSizeMm: number; measuredSizeMm: number } | null
  }
  bone: {
    /** As measured (not magnification-corrected). */
    residualLengthMm: number
    landmark: string
    /** In file order. */
    stations: NormalizedStation[]
  }
  softTissue: { distalThicknessMm: number; method: SoftTissueMethod }
  prosthesis: {
    soundSideLengthMm: number | null
    components: { name: string; buildHeightMm: number }[]
    adapterTranscutaneousLengthMm: number | null
    weightKg: number | null
  }
  /** Either a catalogue reference, or a system carried by the case file (already validated). */
  implant: { systemId: string; system: ImplantSystem | null }
  /** Validated profile overrides. */
  profile: ProfileOverrides
  protocolId: string | null
  notes: string | null
}
