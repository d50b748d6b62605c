// Flattens nested values to "path → value" and lists the paths whose values differ. Used for
// audit rows (what changed in a save) and for comparing two revisions side by side.

export type FlatValue = string | number | boolean | null

/** Leaf values by path: 'bone.stations[2].endosteal' → 11.5. Empty objects/arrays are leaves. */
export function flatten(value: unknown, prefix = '', out: Map<string, FlatValue> = new Map()): Map<string, FlatValue> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, '[]')
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out))
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    if (keys.length === 0 && prefix) out.set(prefix, '{}')
    for (const key of keys) flatten((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out)
  } else if (value !== undefined) {
    out.set(prefix, value as FlatValue)
  }
  return out
}

export interface ValueChange {
  path: string
  /** undefined: the path did not exist on that side. */
  before: FlatValue | undefined
  after: FlatValue | undefined
}

/** Paths that differ between two values, in path order. */
export function diffValues(before: unknown, after: unknown): ValueChange[] {
  const a = flatten(before)
  const b = flatten(after)
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort()
  return paths.filter((path) => !Object.is(a.get(path), b.get(path))).map((path) => ({ path, before: a.get(path), after: b.get(path) }))
}

/** A value as text for audit rows and comparisons ('—' when absent). */
export function displayValue(value: FlatValue | undefined): string {
  if (value === undefined) return '—'
  if (value === null) return 'null'
  return String(value)
}
