// Content hash of a revision: SHA-256 of the canonical JSON of its case file and result, so two
// revisions with the same inputs and results have the same hash whatever the key order.

/** JSON with object keys sorted at every level and no whitespace. Non-finite numbers are refused. */
export function canonicalJson(value: unknown): string {
  const out: string[] = []
  write(value, out)
  return out.join('')
}

// One output list instead of nested string building: a stored result is ~50 kB and a restore
// hashes every revision, so this runs on megabytes.
function write(value: unknown, out: string[]): void {
  if (value === null || typeof value === 'boolean') {
    out.push(String(value))
    return
  }
  if (typeof value === 'string') {
    out.push(JSON.stringify(value))
    return
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A number that is not finite cannot be hashed.')
    out.push(String(value))
    return
  }
  if (Array.isArray(value)) {
    out.push('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',')
      const item: unknown = value[i]
      write(item === undefined ? null : item, out)
    }
    out.push(']')
    return
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    out.push('{')
    let first = true
    for (const key of keys) {
      const item = record[key]
      if (item === undefined) continue
      if (!first) out.push(',')
      first = false
      out.push(JSON.stringify(key), ':')
      write(item, out)
    }
    out.push('}')
    return
  }
  throw new Error(`A ${typeof value} cannot be stored in a revision.`)
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The hash stored with a revision. */
export function revisionContentHash(caseFile: unknown, result: unknown): Promise<string> {
  return sha256Hex(canonicalJson({ caseFile, result }))
}

/** The short form shown to users (first 12 hex digits), like a git short hash. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12)
}
