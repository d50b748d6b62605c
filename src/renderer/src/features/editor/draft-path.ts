// Reading and writing the raw case draft by field path ('bone.stations[2].endosteal'), the same
// path syntax the core uses in FieldError.path, so an error lands on the input that caused it.

export type PathKey = string | number

// Every field reads its value by path on every change of the draft (editor-store.ts): a few
// hundred fields, so each distinct path is parsed once.
const parsed = new Map<string, readonly PathKey[]>()

export function parsePath(path: string): readonly PathKey[] {
  let keys = parsed.get(path)
  if (!keys) {
    keys = Object.freeze(parseUncached(path))
    parsed.set(path, keys)
  }
  return keys
}

function parseUncached(path: string): PathKey[] {
  const keys: PathKey[] = []
  for (const part of path.split('.')) {
    if (part === '') continue
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) {
      keys.push(part)
      continue
    }
    if (m[1]) keys.push(m[1])
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]))
  }
  return keys
}

/**
 * Whether a write at `b` can change the value read at `a` (or the reverse): the same path, or one
 * inside the other ('bone.stations' and 'bone.stations[2].endosteal'); '' is the whole draft.
 * Compared by parsed keys, so 'a[0]' and 'a.0' are the same place.
 */
export function pathsTouch(a: string, b: string): boolean {
  if (a === b) return true
  const x = parsePath(a)
  const y = parsePath(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (String(x[i]) !== String(y[i])) return false
  return true
}

export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root
  for (const key of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PathKey, unknown>)[key]
  }
  return node
}

/** Sets a value immutably (copies along the path). `undefined` removes an object key, and an
 *  object left empty by it is removed from its parent object too: clearing a field removes it
 *  from the case (a cleared marker is no marker, not a marker with sizes missing). List rows stay. */
export function setAt<T extends object>(root: T, path: string, value: unknown): T {
  const keys = parsePath(path)
  if (keys.length === 0) return root
  return setKeys(root, keys, value) as T
}

function setKeys(node: unknown, keys: readonly PathKey[], value: unknown): unknown {
  const [key, ...rest] = keys as [PathKey, ...PathKey[]]
  const isIndex = typeof key === 'number'
  const base: unknown = node !== null && typeof node === 'object' ? node : isIndex ? [] : {}
  const child = (base as Record<PathKey, unknown>)[key]
  let next = rest.length === 0 ? value : setKeys(child, rest, value)
  // A cleared field's now-empty object goes with it (not inside a list: a row keeps its place).
  if (value === undefined && rest.length > 0 && !isIndex && typeof rest[0] !== 'number' && isEmptyObject(next)) next = undefined
  if (Array.isArray(base)) {
    const copy = base.slice()
    copy[key as number] = next
    return copy
  }
  const copy = { ...(base as Record<string, unknown>) }
  if (next === undefined) delete copy[key as string]
  else copy[key as string] = next
  return copy
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0
}
