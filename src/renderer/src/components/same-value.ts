// Equality by value for React.memo: the core returns a new plan object on every keystroke, though
// most of its parts hold the same values as before. A part of the plan column compared with these
// re-renders only when what it shows has changed (issue #14).

/** Plain data (numbers, strings, booleans, null, undefined, arrays, plain objects) equal by value.
 *  Anything else — functions, Maps, Dates, React elements — is equal only to itself. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(rb, k) || !sameValue(ra[k], rb[k])) return false
  return true
}

function isPlain(x: object): boolean {
  const proto = Object.getPrototypeOf(x) as unknown
  return (proto === Object.prototype || proto === null) && !('$$typeof' in x)
}

/** React.memo's comparison for components whose props are plain data (no children, no callbacks
 *  that change): every prop equal by value. */
export function sameProps<P extends object>(before: Readonly<P>, after: Readonly<P>): boolean {
  return sameValue(before, after)
}

/** The basis entries under one part of the plan (`implant.` …): what a part of the plan column
 *  shows, so that it can be compared by value without the rest of the plan's basis. */
export function basisUnder<B>(basis: Readonly<Record<string, B>>, prefix: string): Record<string, B> {
  const out: Record<string, B> = {}
  for (const key in basis) if (key.startsWith(prefix)) out[key] = basis[key]!
  return out
}
