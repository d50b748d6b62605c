/**
 * Case-file migrations. `CASE_MIGRATIONS[n]` upgrades a version-n file to version n+1.
 * No older versions exist yet (version 1 is the first); the hook is in place so that a
 * future version 2 adds `CASE_MIGRATIONS[1]` and one test, and old files keep opening.
 */
import { CASE_FORMAT, CASE_VERSION, type FieldError } from './types'

export type CaseMigration = (raw: Record<string, unknown>) => Record<string, unknown>

export const CASE_MIGRATIONS: Readonly<Record<number, CaseMigration>> = {}

export type MigrateResult =
  | { ok: true; value: Record<string, unknown>; migratedFrom: number | null }
  | { ok: false; errors: FieldError[] }

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false
  const proto = Object.getPrototypeOf(x) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Check format and version and upgrade an older case file to the current version.
 * `migrations` and `currentVersion` are parameters for testing the hook.
 */
export function migrateCase(
  raw: unknown,
  migrations: Readonly<Record<number, CaseMigration>> = CASE_MIGRATIONS,
  currentVersion: number = CASE_VERSION
): MigrateResult {
  if (!isPlainObject(raw)) return { ok: false, errors: [{ path: '', message: 'is not a case file: expected a JSON object' }] }
  const errors: FieldError[] = []
  if (raw.format === undefined) errors.push({ path: 'format', message: `is required and must be "${CASE_FORMAT}"`, code: 'required' })
  else if (raw.format !== CASE_FORMAT)
    errors.push({ path: 'format', message: `must be "${CASE_FORMAT}" (this is not an OsseoPlan case file)` })
  const v = raw.version
  if (v === undefined) errors.push({ path: 'version', message: `is required (current version: ${currentVersion})`, code: 'required' })
  else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    errors.push({ path: 'version', message: 'must be a whole number (1 or later)' })
  else if (v > currentVersion)
    errors.push({
      path: 'version',
      message: `is ${v}: the file was written by a newer OsseoPlan; this version reads case files up to version ${currentVersion}`
    })
  if (errors.length > 0) return { ok: false, errors }
  let value: Record<string, unknown> = raw
  const from = v as number
  for (let n = from; n < currentVersion; n++) {
    const step = migrations[n]
    if (!step) return { ok: false, errors: [{ path: 'version', message: `version ${n} cannot be upgraded (no migration to version ${n + 1})` }] }
    value = step(value)
    value = { ...value, version: n + 1 }
  }
  return { ok: true, value, migratedFrom: from === currentVersion ? null : from }
}
