// Rebuilds a stored or imported parameter from its known fields only, so hostile or damaged JSON
// (extra keys, huge strings, prototype tricks) never reaches the core or the database.
import type { ParamScalar, ParamValue, Provenance } from '../../../../shared/result'

const MAX_TEXT = 300
const MAX_SOURCES = 20

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined
}

function sourceList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter((s): s is string => typeof s === 'string').slice(0, MAX_SOURCES).map((s) => s.slice(0, 40))
}

function provenance(value: unknown): Provenance | undefined {
  if (!isRecord(value)) return undefined
  const note = text(value['note'])
  if (value['kind'] === 'published') {
    const source = text(value['source'])
    if (source === undefined) return undefined
    const also = sourceList(value['also'])
    return { kind: 'published', source, ...(also && also.length ? { also } : {}), ...(note ? { note } : {}) }
  }
  if (value['kind'] === 'site-default') {
    const basedOn = sourceList(value['basedOn'])
    return { kind: 'site-default', ...(basedOn && basedOn.length ? { basedOn } : {}), ...(note ? { note } : {}) }
  }
  return undefined
}

function scalar(value: unknown): ParamScalar | undefined {
  if (typeof value === 'number' || typeof value === 'string') return typeof value === 'string' ? value.slice(0, MAX_TEXT) : value
  if (Array.isArray(value) && value.length <= 1000) return value.map((v) => (typeof v === 'number' ? v : Number.NaN))
  return undefined
}

/**
 * The parameter rebuilt from key, value, unit, provenance, confirmed and label, or null when
 * it is not an object. Missing or wrong parts are left for the core's validators to report.
 */
export function sanitizeParam(value: unknown): ParamValue<ParamScalar> | null {
  if (!isRecord(value)) return null
  const out = {
    key: text(value['key']) ?? '',
    value: scalar(value['value']),
    unit: text(value['unit']) ?? '',
    provenance: provenance(value['provenance'])
  } as ParamValue<ParamScalar>
  if (value['confirmed'] === true) out.confirmed = true
  const label = text(value['label'])
  if (label !== undefined) out.label = label
  return out
}

export { isRecord }

/** JSON with object keys sorted, so equal values compare equal whatever order they were built in. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v
  )
}
