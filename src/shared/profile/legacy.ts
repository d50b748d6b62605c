/**
 * Stored profiles written by earlier versions, brought up to the current rules before they are
 * validated: the osteoporosis threshold cited "WHO" (now [W1] in the source list), and an
 * eligibility item could be "off" (R-ELIG has no "off" any more: it becomes relative, so the item
 * is screened and reported, never silently dropped).
 */
import type { ParamScalar, ParamValue } from '../result'

const RENAMED_SOURCES: Readonly<Record<string, string>> = { WHO: 'W1' }

const rename = (k: string) => RENAMED_SOURCES[k] ?? k

/** The parameter with legacy source keys and severities upgraded (a new object; the input is not changed). */
export function upgradeLegacyParam<T extends ParamValue<ParamScalar> | null>(p: T): T {
  if (!p || typeof p !== 'object') return p
  let out: ParamValue<ParamScalar> = p
  if (typeof out.key === 'string' && out.key.startsWith('elig.severity.') && out.value === 'off') out = { ...out, value: 'relative' }
  const pr = out.provenance as ParamValue<ParamScalar>['provenance'] | undefined
  if (pr && pr.kind === 'published') {
    const also = pr.also?.map(rename)
    if (rename(pr.source) !== pr.source || (also && also.some((k, i) => k !== pr.also?.[i])))
      out = { ...out, provenance: { ...pr, source: rename(pr.source), ...(also ? { also: also.filter((k) => k !== rename(pr.source)) } : {}) } }
  } else if (pr && pr.kind === 'site-default' && pr.basedOn?.some((k) => rename(k) !== k))
    out = { ...out, provenance: { ...pr, basedOn: pr.basedOn.map(rename) } }
  return out as T
}
