// How a parameter's provenance reads on the settings screen.
import { SOURCES } from '../../../../shared/catalog/sources'
import type { ParamScalar, ParamValue } from '../../../../shared/result'

export function sourceTitle(key: string): string {
  return SOURCES[key] ?? 'source not in the reference list'
}

export function provenanceText(p: ParamValue<ParamScalar>): string {
  const pr = p.provenance
  if (pr.kind === 'published') {
    const all = [pr.source, ...(pr.also ?? [])]
    return `published: ${all.map((k) => `[${k}] ${sourceTitle(k)}`).join('; ')}`
  }
  const based = pr.basedOn?.length ? `; based on ${pr.basedOn.map((k) => `[${k}] ${sourceTitle(k)}`).join('; ')}` : ''
  return `${p.confirmed ? 'site value (confirmed)' : 'site default — confirm'}${based}`
}

