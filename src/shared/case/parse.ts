/**
 * parseCase: validate an untrusted case file (osseoplan.case) and normalise it to plain
 * numbers in mm / kg / cm. Every problem is reported by path so a form can mark the field.
 * Nothing is corrected for magnification here (rule R-MAG runs in computePlan).
 */
import type { ImplantSystem } from '../catalog/types'
import { isKnownSource } from '../catalog/sources'
import { findSystem, SYSTEM_LIMITS } from '../catalog/validate'
import { published, siteDefault } from '../profile/param'
import { isProtocolId, PROTOCOL_IDS } from '../profile/protocols'
import { parseProfileOverrides } from '../profile/validate'
import type { ProfileOverrides } from '../profile/types'
import type { ParamValue } from '../result'
import { formatMmApart, formatNumber } from '../format'
import { checkPatientCode } from '../patient-code'
import { Collector, join, list, scanUnsafe } from './fields'
import { applyPlausibleRanges } from './plausibility-check'
import { isPlainObject, migrateCase } from './migrations'
import {
  BONES,
  CASE_FORMAT,
  CASE_VERSION,
  CONDITIONS,
  FIXATIONS,
  IMAGING_SOURCES,
  LEVEL_BONES,
  LEVELS,
  LEVELS_REQUIRING_BONE,
  SEXES,
  SIDES,
  SOFT_TISSUE_METHODS,
  type Bone,
  type Condition,
  type FieldError,
  type FieldWarning,
  type NormalizedCase,
  type NormalizedStation,
  type StageOption,
  type StationPlane
} from './types'

/** Plausibility limits applied by parseCase (documented in docs/case-file.md). */
export const LIMITS = {
  ageYears: { min: 0, max: 120 },
  weightKg: { min: 20, max: 400 },
  heightCm: { min: 100, max: 250 },
  bmi: { min: 10, max: 80 },
  magnification: { min: 1, max: 1.3 },
  markerMm: { max: 500 },
  residualLengthMm: { max: 1000 },
  diameterMm: { max: 100 },
  stations: { min: 2, max: 100 },
  /** How far the level of a station's lateral diameters (measured on another radiograph) may lie
   *  from the station's own distance: an app limit for matching two views, not a clinical value. */
  lateralLevelMm: { max: 5 },
  softTissueMm: { max: 300 },
  soundSideLengthMm: { max: 1500 },
  buildHeightMm: { max: 1000 },
  components: { max: 30 },
  adapterMm: { max: 300 },
  prosthesisWeightKg: { max: 50 },
  socketRehabMonths: { min: 0, max: 600 },
  hipFlexionDeg: { min: 0, max: 180 },
  tScore: { min: -10, max: 10 },
  conditions: { max: 50 },
  notes: { maxLength: 20000 }
} as const

const AGE_RANGE = { ...LIMITS.ageYears, unit: 'years' }
const SOCKET_RANGE = { ...LIMITS.socketRehabMonths, unit: 'months' }
const HIP_RANGE = { ...LIMITS.hipFlexionDeg, unit: '°' }
const MAG_RANGE = { ...LIMITS.magnification, unit: '(1.00–1.30; e.g. 1.15 for 115 %)' }

/** Tolerance for comparing a computed magnification with its limits (float noise). */
const RATIO_EPS = 1e-12

const TOP_KEYS = [
  'format',
  'version',
  'patient',
  'limb',
  'imaging',
  'bone',
  'softTissue',
  'prosthesis',
  'implant',
  'profile',
  'protocolId',
  'notes',
  'meta'
] as const

export interface ParseCaseOptions {
  /** Catalogue to check `implant.systemId` against. Without it any id is accepted here and an
   *  unknown one becomes a SYSTEM-UNKNOWN block finding in computePlan. */
  systems?: readonly ImplantSystem[]
  /**
   * The plausible ranges of plausible-ranges.ts: outside the typical range a field warns; outside
   * the hard limit it is refused ('refuse', the default: typing, import, the command line) or only
   * warned about ('warn', for reading back what is already stored — a signed revision, a backup —
   * which must stay readable whatever the ranges say today).
   */
  plausibility?: 'refuse' | 'warn'
}

export type ParseCaseResult =
  | { ok: true; value: NormalizedCase; warnings: FieldWarning[] }
  | { ok: false; errors: FieldError[]; warnings: FieldWarning[] }

export function parseCase(raw: unknown, options?: ParseCaseOptions): ParseCaseResult {
  const unsafe = scanUnsafe(raw)
  if (unsafe.length > 0) return { ok: false, errors: unsafe, warnings: [] }
  const migrated = migrateCase(raw)
  if (!migrated.ok) return { ok: false, errors: migrated.errors, warnings: [] }
  const r = migrated.value
  const c = new Collector()
  if (migrated.migratedFrom !== null) c.warn('version', `upgraded from case version ${migrated.migratedFrom} to ${CASE_VERSION}`)
  c.keys(r, '', TOP_KEYS)

  const patient = parsePatient(r, c)
  const limb = parseLimb(r, c)
  const imaging = parseImaging(r, c)
  const bone = parseBone(r, c)
  const softTissue = parseSoftTissue(r, c)
  const prosthesis = parseProsthesis(r, c)
  const implant = parseImplant(r, c, options?.systems)
  let profile: ProfileOverrides = {}
  if (r.profile !== undefined && r.profile !== null) {
    if (!isPlainObject(r.profile)) c.error('profile', 'must be an object of profile parameters ({ "soft.targetMm": 15, … })')
    else profile = parseProfileOverrides(r.profile, 'profile', c)
  }
  let protocolId: string | null = null
  const pid = c.string(r, 'protocolId', '', false, 64)
  if (pid !== undefined) {
    if (isProtocolId(pid)) protocolId = pid
    else c.error('protocolId', `unknown protocol "${pid}"; known: ${list(PROTOCOL_IDS)}`)
  }
  const notes = c.string(r, 'notes', '', false, LIMITS.notes.maxLength) ?? null
  if (r.meta !== undefined && r.meta !== null && !isPlainObject(r.meta)) c.error('meta', 'must be an object')
  applyPlausibleRanges(r, c, options?.plausibility ?? 'refuse')

  if (!c.ok || !patient || !limb || !imaging || !bone || !softTissue || !prosthesis || !implant) {
    return { ok: false, errors: c.errors, warnings: c.warnings }
  }
  return {
    ok: true,
    value: {
      format: CASE_FORMAT,
      version: CASE_VERSION,
      patient,
      limb,
      imaging,
      bone,
      softTissue,
      prosthesis,
      implant,
      profile,
      protocolId,
      notes
    },
    warnings: c.warnings
  }
}

function parsePatient(r: Record<string, unknown>, c: Collector): NormalizedCase['patient'] | undefined {
  const o = c.object(r, 'patient', '', true)
  if (!o) return undefined
  const P = 'patient'
  c.keys(o, P, ['code', 'ageYears', 'sex', 'weight', 'height', 'conditions', 'socketRehabMonths', 'hipFlexionContractureDeg', 'kneeFlexionContractureDeg', 'tScore'])
  const code = patientCode(c.string(o, 'code', P, true, 64), o['code'], c)
  const ageYears = c.number(o, 'ageYears', P, true, AGE_RANGE)
  const sex = c.oneOf(o, 'sex', P, SEXES, false)
  const weightKg = c.mass(o, 'weight', P, true, LIMITS.weightKg)
  const heightCm = c.height(o, 'height', P, true, LIMITS.heightCm)
  if (weightKg !== undefined && heightCm !== undefined) {
    const bmi = weightKg / (heightCm / 100) ** 2
    if (bmi < LIMITS.bmi.min || bmi > LIMITS.bmi.max) {
      const tail = `a BMI of ${formatNumber(bmi, 1)} kg/m², outside the plausible ${LIMITS.bmi.min}–${LIMITS.bmi.max}: check weight and height`
      c.error('patient.weight', `with a height of ${formatNumber(heightCm, 1)} cm gives ${tail}`)
      c.error('patient.height', `with a weight of ${formatNumber(weightKg, 1)} kg gives ${tail}`)
    }
  }
  const conditions: Condition[] = []
  const list0 = c.array(o, 'conditions', P, true, LIMITS.conditions.max)
  if (list0) {
    for (let i = 0; i < list0.length; i++) {
      const v = list0[i]
      if (typeof v !== 'string' || !(CONDITIONS as readonly string[]).includes(v)) {
        c.error(`${P}.conditions[${i}]`, `unknown condition${typeof v === 'string' ? ` "${v}"` : ''}; use one of ${list(CONDITIONS)}`)
        continue
      }
      if (conditions.includes(v as Condition)) c.warn(`${P}.conditions[${i}]`, `"${v}" is listed twice`)
      else conditions.push(v as Condition)
    }
  }
  const socketRehabMonths = c.number(o, 'socketRehabMonths', P, false, SOCKET_RANGE) ?? null
  const hipFlexionContractureDeg = c.number(o, 'hipFlexionContractureDeg', P, false, HIP_RANGE) ?? null
  const kneeFlexionContractureDeg = c.number(o, 'kneeFlexionContractureDeg', P, false, HIP_RANGE) ?? null
  const tScore = c.number(o, 'tScore', P, false, LIMITS.tScore) ?? null
  if (code === undefined || ageYears === undefined || weightKg === undefined || heightCm === undefined || !list0) return undefined
  return { code, ageYears, sex: sex ?? null, weightKg, heightCm, conditions, socketRehabMonths, hipFlexionContractureDeg, kneeFlexionContractureDeg, tScore }
}

/** Look-alike codes are a wrong-patient hazard: the defined character set of shared/patient-code.ts. */
function patientCode(text: string | undefined, raw: unknown, c: Collector): string | undefined {
  if (text === undefined) return undefined
  // The untrimmed text: trimming would silently drop a leading BOM or no-break space.
  const checked = checkPatientCode(typeof raw === 'string' ? raw : text)
  return checked.ok ? checked.code : c.error('patient.code', checked.problem)
}

function parseLimb(r: Record<string, unknown>, c: Collector): NormalizedCase['limb'] | undefined {
  const o = c.object(r, 'limb', '', true)
  if (!o) return undefined
  c.keys(o, 'limb', ['level', 'side', 'bone'])
  const level = c.oneOf(o, 'level', 'limb', LEVELS, true)
  const side = c.oneOf(o, 'side', 'limb', SIDES, true)
  let bone = c.oneOf(o, 'bone', 'limb', BONES, false)
  if (level !== undefined) {
    const allowed = LEVEL_BONES[level]
    if (bone !== undefined && !allowed.includes(bone)) {
      c.error('limb.bone', `"${bone}" is not a bone of a ${level} level; use ${list(allowed)}`)
      bone = undefined
    } else if (bone === undefined && (o.bone === undefined || o.bone === null || o.bone === '')) {
      // Absent the way oneOf counts it (null and "" too): default it or ask for it, never fail silently.
      if (LEVELS_REQUIRING_BONE.includes(level)) c.required('limb.bone', `is required for ${level}: ${list(allowed)}`)
      else bone = allowed[0] as Bone
    }
  }
  if (level === undefined || side === undefined || bone === undefined) return undefined
  return { level, side, bone }
}

function parseImaging(r: Record<string, unknown>, c: Collector): NormalizedCase['imaging'] | undefined {
  const o = c.object(r, 'imaging', '', true)
  if (!o) return undefined
  const P = 'imaging'
  c.keys(o, P, ['source', 'magnification', 'marker'])
  const source = c.oneOf(o, 'source', P, IMAGING_SOURCES, true)
  const magnification =
    c.number(o, 'magnification', P, false, MAG_RANGE) ?? null
  let marker: NormalizedCase['imaging']['marker'] = null
  const mo = c.object(o, 'marker', P, false)
  let markerOk = true
  if (mo) {
    const MP = 'imaging.marker'
    c.keys(mo, MP, ['trueSize', 'measuredSize'])
    const trueSizeMm = c.length(mo, 'trueSize', MP, true, { min: 0, minInclusive: false, max: LIMITS.markerMm.max })
    const measuredSizeMm = c.length(mo, 'measuredSize', MP, true, { min: 0, minInclusive: false, max: LIMITS.markerMm.max })
    if (trueSizeMm !== undefined && measuredSizeMm !== undefined) {
      const m = measuredSizeMm / trueSizeMm
      if (m < LIMITS.magnification.min - RATIO_EPS || m > LIMITS.magnification.max + RATIO_EPS) {
        c.error(
          'imaging.marker.measuredSize',
          `gives a magnification of ${formatNumber(m, 3)} (measured ÷ true size); it must be between 1.00 and 1.30: check both marker sizes`
        )
        markerOk = false
      } else marker = { trueSizeMm, measuredSizeMm }
    } else markerOk = false
  }
  if (source !== undefined && source !== 'xray') {
    if (o.magnification !== undefined && o.magnification !== null)
      c.error('imaging.magnification', `applies to X-ray only; the imaging source is "${source}" (m = 1): remove it or change the source`)
    if (mo) c.error('imaging.marker', `applies to X-ray only; the imaging source is "${source}" (m = 1): remove it or change the source`)
  }
  if (source === undefined || !markerOk) return undefined
  if (o.magnification !== undefined && o.magnification !== null && magnification === null) return undefined
  return { source, magnification, marker }
}

const STATION_KEYS = ['fromDistalEnd', 'endosteal', 'endostealAP', 'endostealLat', 'periosteal', 'periostealAP', 'periostealLat', 'lateralFromDistalEnd'] as const

function parseBone(r: Record<string, unknown>, c: Collector): NormalizedCase['bone'] | undefined {
  const o = c.object(r, 'bone', '', true)
  if (!o) return undefined
  const P = 'bone'
  c.keys(o, P, ['residualLength', 'landmark', 'stations'])
  const residualLengthMm = c.length(o, 'residualLength', P, true, { min: 0, minInclusive: false, max: LIMITS.residualLengthMm.max })
  const landmark = c.string(o, 'landmark', P, true, 200)
  const arr = c.array(o, 'stations', P, true, LIMITS.stations.max)
  const stations: NormalizedStation[] = []
  let stationsOk = arr !== undefined
  if (arr) {
    if (arr.length < LIMITS.stations.min) {
      c.error('bone.stations', `needs at least ${LIMITS.stations.min} stations to define the canal profile (it has ${arr.length})`, arr.length === 0 ? 'required' : 'invalid')
      stationsOk = false
    }
    for (let i = 0; i < arr.length; i++) {
      const st = parseStation(arr[i], i, residualLengthMm, c)
      if (!st) {
        stationsOk = false
        continue
      }
      let dup = -1
      for (let j = 0; j < stations.length; j++) if ((stations[j] as NormalizedStation).fromDistalEndMm === st.fromDistalEndMm) dup = (stations[j] as NormalizedStation).index
      if (dup >= 0) {
        c.error(
          `bone.stations[${i}].fromDistalEnd`,
          `is the same distance from the distal end as station ${dup + 1} (${formatNumber(st.fromDistalEndMm, 2)} mm): merge or remove one`
        )
        stationsOk = false
        continue
      }
      stations.push(st)
    }
  }
  if (residualLengthMm === undefined || landmark === undefined || !stationsOk) return undefined
  return { residualLengthMm, landmark, stations }
}

function parseStation(s: unknown, i: number, residual: number | undefined, c: Collector): NormalizedStation | undefined {
  const P = `bone.stations[${i}]`
  if (!isPlainObject(s)) return c.error(P, 'must be an object { fromDistalEnd, endosteal, periosteal }')
  c.keys(s, P, STATION_KEYS)
  const z = c.length(s, 'fromDistalEnd', P, true, { min: 0, max: LIMITS.residualLengthMm.max })
  if (z !== undefined && residual !== undefined && z > residual) {
    c.error(`${P}.fromDistalEnd`, `must not exceed the residual bone length (${formatNumber(residual, 2)} mm)`)
    return undefined
  }
  const endo = planes(s, P, 'endosteal', c)
  const peri = planes(s, P, 'periosteal', c)
  if (z === undefined || !endo || !peri) return undefined
  // Per-plane check first (a one-value diameter stands for both planes, as R-CORTEX reads it),
  // then the values used (smaller of each).
  let ok = true
  for (const { plane, endostealMm: e, periostealMm: p } of stationPlanes(endo, peri)) {
    if (e >= p) {
      const key = endo.values[plane] !== undefined ? `endosteal${plane}` : 'endosteal'
      c.error(`${P}.${key}`, `must be smaller than the periosteal ${plane === 'AP' ? 'AP' : 'lateral'} diameter (${formatNumber(p, 2)} mm)`)
      ok = false
    }
  }
  // One value each (no planes): the same check on the one pair.
  if (ok && endo.min >= peri.min) {
    c.error(`${P}.${endo.minKey}`, `must be smaller than the periosteal diameter (${formatNumber(peri.min, 2)} mm)`)
    ok = false
  }
  if (!ok || !lateralAtStation(s, P, z, endo, peri, c)) return undefined
  const twoPlane = endo.count > 1 || peri.count > 1
  const station: NormalizedStation = { index: i, fromDistalEndMm: z, endostealMm: endo.min, periostealMm: peri.min, twoPlane }
  if (twoPlane) station.planes = stationPlanes(endo, peri)
  return station
}

/**
 * Lateral diameters measured on another radiograph carry the level they were measured at
 * (`lateralFromDistalEnd`): they belong to this station only if that level is the station's own,
 * within LIMITS.lateralLevelMm. A level without lateral diameters says nothing and is left alone.
 */
function lateralAtStation(s: Record<string, unknown>, P: string, z: number, endo: Planes, peri: Planes, c: Collector): boolean {
  if (s.lateralFromDistalEnd === undefined || s.lateralFromDistalEnd === null) return true
  const level = c.length(s, 'lateralFromDistalEnd', P, true, { min: 0, max: LIMITS.residualLengthMm.max })
  if (level === undefined) return false
  if (endo.values.Lat === undefined && peri.values.Lat === undefined) return true
  const apart = Math.abs(level - z)
  if (apart <= LIMITS.lateralLevelMm.max + 1e-9) return true
  c.error(
    `${P}.${endo.values.Lat !== undefined ? 'endostealLat' : 'periostealLat'}`,
    `was measured on the lateral radiograph ${formatNumber(level, 2)} mm from the distal end, ${formatMmApart(apart, LIMITS.lateralLevelMm.max)} from this station (${formatNumber(z, 2)} mm); the two views' values may lie at most ${LIMITS.lateralLevelMm.max} mm apart: move the station or the lateral measurement to one level`
  )
  return false
}

/** Each plane's own pair; a plane with neither value given is left out. */
function stationPlanes(endo: Planes, peri: Planes): StationPlane[] {
  const out: StationPlane[] = []
  for (const plane of ['AP', 'Lat'] as const) {
    if (endo.values[plane] === undefined && peri.values[plane] === undefined) continue
    const e = endo.values[plane] ?? endo.values.single
    const p = peri.values[plane] ?? peri.values.single
    if (e !== undefined && p !== undefined) out.push({ plane, endostealMm: e, periostealMm: p })
  }
  return out
}

interface Planes {
  min: number
  minKey: string
  count: number
  values: { single?: number; AP?: number; Lat?: number }
}

const PLANE_KEYS = {
  endosteal: ['endosteal', 'endostealAP', 'endostealLat'],
  periosteal: ['periosteal', 'periostealAP', 'periostealLat']
} as const
const SLOTS = ['single', 'AP', 'Lat'] as const
const DIAMETER_OPTS = { min: 0, minInclusive: false, max: LIMITS.diameterMm.max }

function planes(s: Record<string, unknown>, P: string, name: 'endosteal' | 'periosteal', c: Collector): Planes | undefined {
  const keys = PLANE_KEYS[name]
  const single = s[keys[0]] !== undefined && s[keys[0]] !== null
  const ap = s[keys[1]] !== undefined && s[keys[1]] !== null
  const lat = s[keys[2]] !== undefined && s[keys[2]] !== null
  if (single && (ap || lat)) {
    c.error(`${P}.${name}`, `give either one ${name} Ø (one plane) or its AP and lateral values (two planes), not both`)
    return undefined
  }
  if (!single && !ap && !lat) {
    c.required(`${P}.${name}`, 'is required (or its AP and lateral values)')
    return undefined
  }
  // Half a plane is never dropped silently: a two-plane diameter needs both AP and lateral (R-CORTEX).
  if (ap !== lat) {
    const missing = ap ? keys[2] : keys[1]
    c.error(`${P}.${missing}`, `is required: with the ${ap ? 'AP' : 'lateral'} value given, the ${name} diameter needs both planes (AP and lateral), or one value for both`)
    return undefined
  }
  const out: Planes = { min: Infinity, minKey: name, count: 0, values: {} }
  let ok = true
  for (let i = 0; i < 3; i++) {
    const key = keys[i] as string
    if (s[key] === undefined || s[key] === null) continue
    const v = c.length(s, key, P, true, DIAMETER_OPTS)
    if (v === undefined) {
      ok = false
      continue
    }
    out.values[SLOTS[i] as 'single' | 'AP' | 'Lat'] = v
    out.count++
    if (v < out.min) {
      out.min = v
      out.minKey = key
    }
  }
  return ok ? out : undefined
}

function parseSoftTissue(r: Record<string, unknown>, c: Collector): NormalizedCase['softTissue'] | undefined {
  const o = c.object(r, 'softTissue', '', true)
  if (!o) return undefined
  c.keys(o, 'softTissue', ['distalThickness', 'method'])
  const distalThicknessMm = c.length(o, 'distalThickness', 'softTissue', true, { min: 0, max: LIMITS.softTissueMm.max })
  const method = c.oneOf(o, 'method', 'softTissue', SOFT_TISSUE_METHODS, true)
  if (distalThicknessMm === undefined || method === undefined) return undefined
  return { distalThicknessMm, method }
}

function parseProsthesis(r: Record<string, unknown>, c: Collector): NormalizedCase['prosthesis'] | undefined {
  const empty: NormalizedCase['prosthesis'] = { soundSideLengthMm: null, components: [], adapterTranscutaneousLengthMm: null, weightKg: null }
  if (r.prosthesis === undefined || r.prosthesis === null) return empty
  const o = c.object(r, 'prosthesis', '', false)
  if (!o) return undefined
  const P = 'prosthesis'
  c.keys(o, P, ['soundSideLength', 'components', 'adapterTranscutaneousLength', 'weight'])
  const before = c.errors.length
  const soundSideLengthMm = c.length(o, 'soundSideLength', P, false, { min: 0, minInclusive: false, max: LIMITS.soundSideLengthMm.max }) ?? null
  const adapterTranscutaneousLengthMm =
    c.length(o, 'adapterTranscutaneousLength', P, false, { min: 0, minInclusive: false, max: LIMITS.adapterMm.max }) ?? null
  const weightKg = c.mass(o, 'weight', P, false, { min: 0, minInclusive: false, max: LIMITS.prosthesisWeightKg.max }) ?? null
  const components: NormalizedCase['prosthesis']['components'] = []
  const arr = c.array(o, 'components', P, false, LIMITS.components.max)
  if (arr) {
    arr.forEach((v, i) => {
      const p = `${P}.components[${i}]`
      if (!isPlainObject(v)) {
        c.error(p, 'must be an object { name, buildHeight }')
        return
      }
      c.keys(v, p, ['name', 'buildHeight'])
      const name = c.string(v, 'name', p, true, 100)
      const buildHeightMm = c.length(v, 'buildHeight', p, true, { min: 0, max: LIMITS.buildHeightMm.max })
      if (name !== undefined && buildHeightMm !== undefined) components.push({ name, buildHeightMm })
    })
  }
  if (c.errors.length > before) return undefined
  return { soundSideLengthMm, components, adapterTranscutaneousLengthMm, weightKg }
}

function parseImplant(
  r: Record<string, unknown>,
  c: Collector,
  systems: readonly ImplantSystem[] | undefined
): NormalizedCase['implant'] | undefined {
  const o = c.object(r, 'implant', '', true)
  if (!o) return undefined
  c.keys(o, 'implant', ['systemId', 'system'])
  const hasId = o.systemId !== undefined && o.systemId !== null
  const hasSystem = o.system !== undefined && o.system !== null
  if (hasId && hasSystem) return c.error('implant', 'give either systemId (a catalogue system) or system (a system carried by the case), not both')
  if (!hasId && !hasSystem) return c.required('implant.systemId', 'is required (or implant.system with the full system)')
  if (hasId) {
    const id = c.string(o, 'systemId', 'implant', true, 64)
    if (id === undefined) return undefined
    if (systems && !findSystem(systems, id))
      return c.error('implant.systemId', `unknown implant system "${id}"; known: ${list(systems.map((s) => s.id))}`)
    return { systemId: id, system: null }
  }
  const sys = parseSystemInput(o.system, 'implant.system', c)
  if (!sys) return undefined
  if (systems && findSystem(systems, sys.id))
    c.warn('implant.system.id', `a catalogue system has the id "${sys.id}"; the system in this case file is used`)
  return { systemId: sys.id, system: sys }
}

const SYSTEM_KEYS = [
  'id',
  'name',
  'fixation',
  'bones',
  'diametersMm',
  'lengthsMm',
  'engagementMm',
  'minCortexMm',
  'minContactMm',
  'tipMarginMm',
  'maxBodyWeightKg',
  'stages',
  'stage2IntervalDays',
  'protocolId',
  'sources'
] as const
const SOURCE_PARAMS = ['diametersMm', 'lengthsMm', 'engagementMm', 'minCortexMm', 'minContactMm', 'tipMarginMm', 'maxBodyWeightKg'] as const

/** Validate an implant system written in a case file (plain numbers in mm/kg) and give it provenance. */
export function parseSystemInput(raw: unknown, path: string, c: Collector = new Collector()): ImplantSystem | undefined {
  if (!isPlainObject(raw)) return c.error(path, 'must be an object describing the implant system')
  c.keys(raw, path, SYSTEM_KEYS)
  const before = c.errors.length
  const id = c.string(raw, 'id', path, true, 64)
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id))
    c.error(join(path, 'id'), 'may contain only letters, digits, ".", "_" and "-"')
  const name = c.string(raw, 'name', path, true, 100)
  const fixation = c.oneOf(raw, 'fixation', path, FIXATIONS, true)
  const bones: Bone[] = []
  const bl = c.array(raw, 'bones', path, true, BONES.length)
  if (bl) {
    if (bl.length === 0) c.error(join(path, 'bones'), `must name at least one bone (${list(BONES)})`)
    bl.forEach((b, i) => {
      if (typeof b !== 'string' || !(BONES as readonly string[]).includes(b)) c.error(`${path}.bones[${i}]`, `must be one of ${list(BONES)}`)
      else if (!bones.includes(b as Bone)) bones.push(b as Bone)
    })
  }
  const diameters = parseSizes(raw, 'diametersMm', path, SYSTEM_LIMITS.diameterMm, c)
  const lengths = parseSizes(raw, 'lengthsMm', path, SYSTEM_LIMITS.lengthMm, c)
  const engagement = c.number(raw, 'engagementMm', path, true, { min: 0, max: SYSTEM_LIMITS.engagementMm, unit: 'mm' })
  if (engagement !== undefined && diameters && diameters.length > 0 && engagement >= (diameters[0] as number))
    c.error(join(path, 'engagementMm'), `must be smaller than the smallest diameter (${formatNumber(diameters[0] as number, 2)} mm)`)
  const minCortex = c.number(raw, 'minCortexMm', path, true, { min: 0, max: SYSTEM_LIMITS.minCortexMm, unit: 'mm', minExclusive: true })
  const minContact = c.number(raw, 'minContactMm', path, true, { min: 0, max: SYSTEM_LIMITS.minContactMm, unit: 'mm', minExclusive: true })
  const tipMargin = c.number(raw, 'tipMarginMm', path, true, { min: 0, max: SYSTEM_LIMITS.tipMarginMm, unit: 'mm' })
  const maxBw = c.number(raw, 'maxBodyWeightKg', path, false, { min: 0, max: SYSTEM_LIMITS.maxBodyWeightKg, unit: 'kg', minExclusive: true })
  let stages: StageOption | undefined = c.oneOf<StageOption>(raw, 'stages', path, [1, 2, 'either'], false)
  if (stages === undefined && fixation !== undefined) stages = fixation === 'threaded' ? 2 : 'either'
  let s2: { min: number; max: number } | null = null
  const io = c.object(raw, 'stage2IntervalDays', path, false)
  if (io) {
    const ip = join(path, 'stage2IntervalDays')
    c.keys(io, ip, ['min', 'max'])
    const mn = c.number(io, 'min', ip, true, { min: 0, max: SYSTEM_LIMITS.stage2Days, integer: true, unit: 'days' })
    const mx = c.number(io, 'max', ip, true, { min: 0, max: SYSTEM_LIMITS.stage2Days, integer: true, unit: 'days' })
    if (mn !== undefined && mx !== undefined) {
      if (mn > mx) c.error(join(ip, 'max'), `must not be smaller than min (${mn} days)`)
      else s2 = { min: mn, max: mx }
    }
  }
  const pid = c.string(raw, 'protocolId', path, false, 64)
  if (pid !== undefined && !isProtocolId(pid)) c.error(join(path, 'protocolId'), `unknown protocol "${pid}"; known: ${list(PROTOCOL_IDS)}`)
  const sources: Partial<Record<(typeof SOURCE_PARAMS)[number], string>> = {}
  const so = c.object(raw, 'sources', path, false)
  if (so) {
    const sp = join(path, 'sources')
    c.keys(so, sp, SOURCE_PARAMS)
    for (const k of SOURCE_PARAMS) {
      const v = c.string(so, k, sp, false, 40)
      if (v !== undefined && !isKnownSource(v)) c.error(join(sp, k), `unknown source key "${v}": use a key of the source list (docs/rules.md), or leave it out for a site default`)
      else if (v !== undefined) sources[k] = v
    }
  }
  if (
    c.errors.length > before ||
    id === undefined ||
    name === undefined ||
    fixation === undefined ||
    !diameters ||
    !lengths ||
    engagement === undefined ||
    minCortex === undefined ||
    minContact === undefined ||
    tipMargin === undefined ||
    stages === undefined ||
    bones.length === 0
  )
    return undefined
  const pv = <T extends number | number[]>(p: (typeof SOURCE_PARAMS)[number], value: T, unit: string, label: string): ParamValue<T> =>
    systemParam(`system.${id}.${p}`, sources[p], value, unit, label)
  return {
    id,
    name,
    version: 'case',
    manufacturer: null,
    fixation,
    bones,
    template: false,
    label: 'carried by the case file',
    diametersMm: pv('diametersMm', diameters, 'mm', 'Catalogue diameters'),
    lengthsMm: pv('lengthsMm', lengths, 'mm', 'Catalogue lengths'),
    engagementMm: pv('engagementMm', engagement, 'mm', fixation === 'threaded' ? 'Thread engagement' : 'Press-fit diametral interference'),
    minCortexMm: pv('minCortexMm', minCortex, 'mm', 'Minimum remaining cortex'),
    minContactMm: pv('minContactMm', minContact, 'mm', 'Minimum cortical contact length'),
    tipMarginMm: pv('tipMarginMm', tipMargin, 'mm', 'Distance kept between implant tip and proximal landmark'),
    maxBodyWeightKg: maxBw === undefined ? null : pv('maxBodyWeightKg', maxBw, 'kg', 'Body-weight limit'),
    stages: siteDefault(`system.${id}.stages`, stages, '', 'Stages', { note: 'entered in the case file' }),
    stage2MinDays: s2 ? siteDefault(`system.${id}.stage2MinDays`, s2.min, 'days', 'Earliest stage 2', { note: 'entered in the case file' }) : null,
    stage2MaxDays: s2 ? siteDefault(`system.${id}.stage2MaxDays`, s2.max, 'days', 'Latest stage 2', { note: 'entered in the case file' }) : null,
    protocolId: pid ?? null
  }
}

function parseSizes(raw: Record<string, unknown>, key: 'diametersMm' | 'lengthsMm', path: string, max: number, c: Collector): number[] | undefined {
  const arr = c.array(raw, key, path, true, 200)
  if (!arr) return undefined
  const p = join(path, key)
  if (arr.length === 0) return c.error(p, 'must list at least one size')
  const out: number[] = []
  let ok = true
  for (let i = 0; i < arr.length; i++) {
    const n = c.numberValue(arr[i], `${p}[${i}]`, true, { min: 0, max, unit: 'mm', minExclusive: true })
    if (n === undefined) ok = false
    else out.push(n)
  }
  if (!ok) return undefined
  out.sort((a, b) => a - b)
  for (let i = 1; i < out.length; i++) if (out[i] === out[i - 1]) return c.error(p, `lists ${formatNumber(out[i] as number, 2)} mm twice`)
  return out
}

function systemParam<T extends number | number[]>(key: string, source: string | undefined, value: T, unit: string, label: string): ParamValue<T> {
  return source ? published(key, value, unit, label, source) : siteDefault(key, value, unit, label, { note: 'entered in the case file' })
}
