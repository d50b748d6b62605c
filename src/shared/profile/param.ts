/** Helpers to declare parameters with provenance. */
import type { ParamRef, ParamScalar, ParamValue, SourceKey } from '../result'

export function published<T extends ParamScalar>(
  key: string,
  value: T,
  unit: string,
  label: string,
  source: SourceKey,
  extra?: { also?: SourceKey[]; note?: string }
): ParamValue<T> {
  const provenance: ParamValue<T>['provenance'] = { kind: 'published', source }
  if (extra?.also) provenance.also = extra.also
  if (extra?.note) provenance.note = extra.note
  return { key, value, unit, label, provenance }
}

export function siteDefault<T extends ParamScalar>(
  key: string,
  value: T,
  unit: string,
  label: string,
  extra?: { basedOn?: SourceKey[]; note?: string }
): ParamValue<T> {
  const provenance: ParamValue<T>['provenance'] = { kind: 'site-default' }
  if (extra?.basedOn) provenance.basedOn = extra.basedOn
  if (extra?.note) provenance.note = extra.note
  return { key, value, unit, label, provenance }
}

/** A parameter as referenced from a basis. */
export function paramRef(p: ParamValue<ParamScalar>): ParamRef {
  const ref: ParamRef = {
    key: p.key,
    value: p.value,
    unit: p.unit,
    provenance: p.provenance,
    confirmed: p.provenance.kind === 'published' || p.confirmed === true
  }
  if (p.label !== undefined) ref.label = p.label
  return ref
}

/** Source keys a parameter rests on (published source + also, or basedOn). */
export function paramSources(p: { provenance: ParamValue<ParamScalar>['provenance'] }): SourceKey[] {
  const pr = p.provenance
  if (pr.kind === 'published') return pr.also ? [pr.source, ...pr.also] : [pr.source]
  return pr.basedOn ? pr.basedOn.slice() : []
}
