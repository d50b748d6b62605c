// Finds every number in a value that is NaN or ±Infinity (a computed plan must hold none).

/** Paths of non-finite numbers, e.g. ['implant.diameterMm = NaN']; cycles are skipped. */
export function findNonFinite(value: unknown, limit = 20): string[] {
  const found: string[] = []
  const seen = new Set<object>()
  const walk = (v: unknown, path: string): void => {
    if (found.length >= limit) return
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) found.push(`${path || '(root)'} = ${v}`)
      return
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) return
    seen.add(v)
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`))
    else for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k)
  }
  walk(value, '')
  return found
}
