// Content hash of a revision: SHA-256 of the canonical JSON of its case file and result, so two
// revisions with the same inputs and results have the same hash whatever the key order.

/** JSON with object keys sorted at every level and no whitespace. Non-finite numbers are refused. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A number that is not finite cannot be hashed.')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
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
