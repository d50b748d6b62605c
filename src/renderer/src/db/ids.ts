// Identifiers for rows: random UUIDs (crypto.randomUUID exists in Chromium and Node ≥ 19).
export function newId(): string {
  return crypto.randomUUID().replace(/-/g, '')
}
