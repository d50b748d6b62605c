/** Write a normalised case back as a canonical case file (numbers in mm / kg / cm). */
import type { ImplantSystem } from '../catalog/types'
import type { ParamValue } from '../result'
import {
  CASE_FORMAT,
  CASE_VERSION,
  type CaseFileV1,
  type NormalizedCase,
  type RawImplantSystem,
  type RawProfileOverrides,
  type RawStation,
  type StageOption
} from './types'

function systemToRaw(s: ImplantSystem): RawImplantSystem {
  const out: RawImplantSystem = {
    id: s.id,
    name: s.name,
    fixation: s.fixation,
    bones: s.bones.slice(),
    diametersMm: s.diametersMm.value.slice(),
    lengthsMm: s.lengthsMm.value.slice(),
    engagementMm: s.engagementMm.value,
    minCortexMm: s.minCortexMm.value,
    minContactMm: s.minContactMm.value,
    tipMarginMm: s.tipMarginMm.value,
    stages: s.stages.value as StageOption
  }
  if (s.maxBodyWeightKg) out.maxBodyWeightKg = s.maxBodyWeightKg.value
  if (s.stage2MinDays && s.stage2MaxDays) out.stage2IntervalDays = { min: s.stage2MinDays.value, max: s.stage2MaxDays.value }
  if (s.protocolId) out.protocolId = s.protocolId
  const sources: Record<string, string> = {}
  const params: [string, ParamValue<number | number[]> | null][] = [
    ['diametersMm', s.diametersMm],
    ['lengthsMm', s.lengthsMm],
    ['engagementMm', s.engagementMm],
    ['minCortexMm', s.minCortexMm],
    ['minContactMm', s.minContactMm],
    ['tipMarginMm', s.tipMarginMm],
    ['maxBodyWeightKg', s.maxBodyWeightKg]
  ]
  for (const [k, p] of params) if (p && p.provenance.kind === 'published') sources[k] = p.provenance.source
  if (Object.keys(sources).length > 0) out.sources = sources
  return out
}

/**
 * Canonical case file for a normalised case. Two-plane stations are written as the single
 * plane actually used (the smaller of AP and lateral); keep the original file when the
 * planes themselves must be preserved.
 */
export function toCaseFile(c: NormalizedCase): CaseFileV1 {
  const p = c.patient
  const patient: CaseFileV1['patient'] = {
    code: p.code,
    ageYears: p.ageYears,
    weight: p.weightKg,
    height: p.heightCm,
    conditions: p.conditions.slice()
  }
  if (p.sex) patient.sex = p.sex
  if (p.socketRehabMonths !== null) patient.socketRehabMonths = p.socketRehabMonths
  if (p.hipFlexionContractureDeg !== null) patient.hipFlexionContractureDeg = p.hipFlexionContractureDeg
  if (p.kneeFlexionContractureDeg !== null) patient.kneeFlexionContractureDeg = p.kneeFlexionContractureDeg
  if (p.tScore !== null) patient.tScore = p.tScore
  const imaging: CaseFileV1['imaging'] = { source: c.imaging.source }
  if (c.imaging.magnification !== null) imaging.magnification = c.imaging.magnification
  if (c.imaging.marker) imaging.marker = { trueSize: c.imaging.marker.trueSizeMm, measuredSize: c.imaging.marker.measuredSizeMm }
  const stations: RawStation[] = c.bone.stations.map((s) => ({
    fromDistalEnd: s.fromDistalEndMm,
    endosteal: s.endostealMm,
    periosteal: s.periostealMm
  }))
  const out: CaseFileV1 = {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    patient,
    limb: { level: c.limb.level, side: c.limb.side, bone: c.limb.bone },
    imaging,
    bone: { residualLength: c.bone.residualLengthMm, landmark: c.bone.landmark, stations },
    softTissue: { distalThickness: c.softTissue.distalThicknessMm, method: c.softTissue.method },
    implant: c.implant.system ? { system: systemToRaw(c.implant.system) } : { systemId: c.implant.systemId }
  }
  const pr = c.prosthesis
  if (pr.soundSideLengthMm !== null || pr.components.length > 0 || pr.adapterTranscutaneousLengthMm !== null || pr.weightKg !== null) {
    out.prosthesis = {}
    if (pr.soundSideLengthMm !== null) out.prosthesis.soundSideLength = pr.soundSideLengthMm
    if (pr.components.length > 0) out.prosthesis.components = pr.components.map((x) => ({ name: x.name, buildHeight: x.buildHeightMm }))
    if (pr.adapterTranscutaneousLengthMm !== null) out.prosthesis.adapterTranscutaneousLength = pr.adapterTranscutaneousLengthMm
    if (pr.weightKg !== null) out.prosthesis.weight = pr.weightKg
  }
  const keys = Object.keys(c.profile) as (keyof NormalizedCase['profile'])[]
  if (keys.length > 0) {
    const prof: RawProfileOverrides = {}
    for (const k of keys) {
      const v = c.profile[k] as ParamValue<number | string> | undefined
      if (!v) continue
      prof[k] = v.provenance.kind === 'published' ? { value: v.value, source: v.provenance.source } : v.value
    }
    out.profile = prof
  }
  if (c.protocolId !== null) out.protocolId = c.protocolId
  if (c.notes !== null) out.notes = c.notes
  return out
}
