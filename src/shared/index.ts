/**
 * Public API of the OsseoPlan calculation core (pure TypeScript: no DOM, no Node, no Electron).
 *
 *   parseCase(raw)                → validated NormalizedCase, or field-level errors
 *   computePlan(case, options?)   → PlanResult (pure, deterministic, never throws)
 *   planFromRaw(raw, options?)    → both in one step
 *   basisFor(result, path)        → the Basis of any displayed number
 */
export { ENGINE_VERSION, computePlan, planFromRaw, basisFor, statusOf } from './plan'
export type { PlanOptions, PlanFromRawResult } from './plan'

export * from './case/types'
export { parseCase, parseSystemInput, LIMITS as CASE_LIMITS } from './case/parse'
export type { ParseCaseResult, ParseCaseOptions } from './case/parse'
export { migrateCase, CASE_MIGRATIONS } from './case/migrations'
export type { CaseMigration, MigrateResult } from './case/migrations'
export { caseCompleteness, CASE_SECTIONS } from './case/completeness'
export type { CaseCompleteness, CaseSection, SectionStatus } from './case/completeness'
export { toCaseFile } from './case/serialize'

export type * from './result'

export type * from './catalog/types'
export { BUILTIN_SYSTEMS, CATALOG_VERSION, OPRA_FEMUR, GENERIC_PRESS_FIT, GENERIC_FOREARM, GENERIC_DIGIT, defaultSystemIdForBone, sizeRange } from './catalog/systems'
export { validateSystem, findSystem, SYSTEM_LIMITS } from './catalog/validate'
export { SOURCES } from './catalog/sources'

export * from './profile/types'
export { DEFAULT_PROFILE, PROFILE_PARAM_SPECS, PROFILE_KEYS } from './profile/defaults'
export type { ProfileParamSpec } from './profile/defaults'
export { validateProfile, applyProfileOverrides, parseProfileOverrides } from './profile/validate'
export { PROTOCOLS, PROTOCOL_IDS, isProtocolId } from './profile/protocols'
export type { ProtocolId } from './profile/protocols'
export {
  PROTOCOL_PARAM_KEYS,
  PROTOCOL_PARAM_SPECS,
  SHIPPED_PROTOCOL_PARAMS,
  isProtocolParamKey,
  protocolParam,
  protocolsFor,
  shippedProtocolParam
} from './profile/protocol-params'
export type { ProtocolParamSpec, ProtocolTable } from './profile/protocol-params'
export { paramRef, paramSources } from './profile/param'

export {
  parseLength,
  parseMass,
  parseHeight,
  parseQuantity,
  convertLength,
  convertMass,
  toMm,
  toKg,
  isFieldError,
  MM_PER_CM,
  MM_PER_IN,
  KG_PER_LB
} from './units'
export type { LengthUnit, MassUnit, QuantityOptions, QuantityKind } from './units'
export {
  formatNumber,
  formatMm,
  formatKg,
  formatCm,
  formatMagnification,
  formatPercent,
  formatBmi,
  formatDays,
  formatDeg,
  formatValue
} from './format'
export { planToText } from './plan-format'
