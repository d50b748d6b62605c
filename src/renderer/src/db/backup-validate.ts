// Checks a library backup (format "osseoplan.library", version 1) or a single case file BEFORE
// anything is written: format, version and every record. Untrusted input: a truncated, hostile or
// huge file is refused with a message naming the problem (and where), never half-imported.
import { parseCase } from '../../../shared/case/parse'
import type { FieldError } from '../../../shared/case/types'
import { MAX_TEXT_FILE_BYTES } from '../../../shared/ipc'
import { HIDDEN_CHARACTER_PROBLEM, hiddenCharacter } from '../../../shared/patient-code'
import { revisionContentHash } from './content-hash'
import { PLAN_STATUSES, type AuditRow, type PlanRow, type RevisionRow, type StoredCase } from './types'

export const LIBRARY_FORMAT = 'osseoplan.library'
export const LIBRARY_VERSION = 1
/** The bridge refuses larger files too (MAX_TEXT_FILE_BYTES). */
export const MAX_BACKUP_CHARS = MAX_TEXT_FILE_BYTES
export const MAX_CASE_FILE_CHARS = 2 * 1024 * 1024
const MAX_DEPTH = 40
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export interface LibraryBackup {
  format: typeof LIBRARY_FORMAT
  version: typeof LIBRARY_VERSION
  exportedAt: string
  appVersion: string
  plans: PlanRow[]
  revisions: RevisionRow[]
  audit: AuditRow[]
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

const TOP_KEYS = ['format', 'version', 'exportedAt', 'appVersion', 'plans', 'revisions', 'audit']
const PLAN_KEYS = ['id', 'patientCode', 'surgeon', 'level', 'side', 'systemId', 'status', 'archived', 'createdAt', 'updatedAt', 'parentId', 'caseFile', 'notes', 'version', 'editSeq']
const REVISION_KEYS = ['id', 'planId', 'number', 'status', 'caseFile', 'result', 'engineVersion', 'profileVersion', 'catalogVersion', 'contentHash', 'author', 'createdAt']
const AUDIT_KEYS = ['seq', 'planId', 'at', 'action', 'field', 'oldValue', 'newValue', 'appVersion', 'changes']
const CHANGE_KEYS = ['path', 'oldValue', 'newValue']

class Problem extends Error {}

function fail(path: string, message: string): never {
  throw new Problem(path ? `${path} ${message}` : message)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Prototype keys, non-finite numbers (1e999 parses as Infinity) and absurd nesting, anywhere. */
function scanHostile(root: unknown): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === 'number' && !Number.isFinite(value)) fail(path, 'is not a finite number')
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_DEPTH) fail(path, `is nested more than ${MAX_DEPTH} levels deep`)
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }))
      continue
    }
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key
      if (FORBIDDEN_KEYS.has(key)) fail(child, 'is a forbidden key (it could alter the program)')
      stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 })
    }
  }
}

function onlyKeys(record: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) fail(path, `has an unexpected field "${key}"`)
}

function str(record: Record<string, unknown>, key: string, path: string, max = 200, allowEmpty = true): string {
  const value = record[key]
  if (typeof value !== 'string') fail(`${path}.${key}`, 'must be text')
  if (value.length > max) fail(`${path}.${key}`, `is longer than ${max} characters`)
  if (!allowEmpty && value === '') fail(`${path}.${key}`, 'must not be empty')
  return value
}

function time(record: Record<string, unknown>, key: string, path: string): number {
  const value = record[key]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(`${path}.${key}`, 'must be a time (milliseconds since 1970)')
  return value
}

function id(record: Record<string, unknown>, key: string, path: string, allowEmpty = false): string {
  const value = str(record, key, path, 64, allowEmpty)
  if (value !== '' && !/^[A-Za-z0-9_-]+$/.test(value)) fail(`${path}.${key}`, 'is not a valid identifier')
  return value
}

function status(record: Record<string, unknown>, path: string): void {
  if (!PLAN_STATUSES.includes(record['status'] as never)) fail(`${path}.status`, `must be one of ${PLAN_STATUSES.join(', ')}`)
}

function describeErrors(errors: FieldError[]): string {
  const first = errors[0]
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''
  return first ? `${first.path ? `${first.path} ` : ''}${first.message}${more}` : 'is not a valid case file'
}

/** A complete case must pass the core's parseCase; a draft may lack fields but nothing present may be invalid. */
function checkCase(value: unknown, path: string, mustBeComplete: boolean): StoredCase {
  if (!isObject(value)) fail(path, 'must be a case file (a JSON object)')
  const parsed = parseCase(value)
  if (parsed.ok) return value
  const invalid = parsed.errors.filter((e) => e.code !== 'required')
  if (invalid.length > 0) fail(path, `is not a valid case file: ${describeErrors(invalid)}`)
  if (mustBeComplete) fail(path, `is incomplete, but a reviewed or approved plan must be complete: ${describeErrors(parsed.errors)}`)
  return value
}

function checkPlan(value: unknown, path: string): PlanRow {
  if (!isObject(value)) fail(path, 'must be an object')
  onlyKeys(value, PLAN_KEYS, path)
  id(value, 'id', path)
  for (const key of ['patientCode', 'level', 'side', 'systemId']) str(value, key, path)
  str(value, 'surgeon', path)
  // Who and which patient must read as what they are: no bidi override or zero-width character.
  for (const key of ['patientCode', 'surgeon']) {
    const hidden = hiddenCharacter(value[key] as string)
    if (hidden) fail(`${path}.${key}`, `${HIDDEN_CHARACTER_PROBLEM} (${hidden})`)
  }
  str(value, 'notes', path, 10_000)
  // Save counters (issue #18): optional, whole numbers.
  for (const key of ['version', 'editSeq']) {
    const n = value[key]
    if (n !== undefined && (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)) fail(`${path}.${key}`, 'must be a whole number of at least 0')
  }
  status(value, path)
  if (value['archived'] !== 0 && value['archived'] !== 1) fail(`${path}.archived`, 'must be 0 or 1')
  time(value, 'createdAt', path)
  time(value, 'updatedAt', path)
  id(value, 'parentId', path, true)
  checkCase(value['caseFile'], `${path}.caseFile`, value['status'] !== 'draft')
  return value as unknown as PlanRow
}

function checkRevision(value: unknown, path: string): RevisionRow {
  if (!isObject(value)) fail(path, 'must be an object')
  onlyKeys(value, REVISION_KEYS, path)
  id(value, 'id', path)
  id(value, 'planId', path)
  const number = value['number']
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) fail(`${path}.number`, 'must be a whole number from 1')
  status(value, path)
  checkCase(value['caseFile'], `${path}.caseFile`, true)
  const result = value['result']
  if (!isObject(result)) fail(`${path}.result`, 'must be a computed plan (an object)')
  for (const key of ['engineVersion', 'profileVersion', 'catalogVersion']) {
    const version = str(value, key, path)
    if (result[key] !== version) fail(`${path}.${key}`, `does not match the result's ${key}`)
  }
  if (!['ok', 'warnings', 'blocked'].includes(result['status'] as string)) fail(`${path}.result.status`, 'must be ok, warnings or blocked')
  if (!/^[0-9a-f]{64}$/.test(str(value, 'contentHash', path))) fail(`${path}.contentHash`, 'must be a SHA-256 hash (64 hex digits)')
  str(value, 'author', path)
  time(value, 'createdAt', path)
  return value as unknown as RevisionRow
}

function checkAudit(value: unknown, path: string): AuditRow {
  if (!isObject(value)) fail(path, 'must be an object')
  onlyKeys(value, AUDIT_KEYS, path)
  if (value['seq'] !== undefined && (typeof value['seq'] !== 'number' || !Number.isInteger(value['seq']) || value['seq'] < 1)) fail(`${path}.seq`, 'must be a whole number from 1')
  id(value, 'planId', path)
  time(value, 'at', path)
  str(value, 'action', path, 40, false)
  for (const key of ['field', 'oldValue', 'newValue', 'appVersion']) str(value, key, path, 2000)
  const changes = value['changes']
  if (changes !== undefined) {
    if (!Array.isArray(changes)) fail(`${path}.changes`, 'must be a list')
    changes.forEach((c, i) => {
      const at = `${path}.changes[${i}]`
      if (!isObject(c)) fail(at, 'must be an object')
      onlyKeys(c, CHANGE_KEYS, at)
      for (const key of CHANGE_KEYS) str(c, key, at, 2000)
    })
  }
  return value as unknown as AuditRow
}

function list(document: Record<string, unknown>, key: string): unknown[] {
  const value = document[key]
  if (!Array.isArray(value)) fail(key, 'must be a list')
  return value
}

function unique(ids: string[], what: string): void {
  const seen = new Set<string>()
  for (const value of ids) {
    if (seen.has(value)) fail('', `The file lists the ${what} ${value} twice.`)
    seen.add(value)
  }
}

function parseJson(text: string, limit: number, what: string): unknown {
  if (text.length > limit) fail('', `The file is too large for ${what} (${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${Math.round(limit / 1024 / 1024)} MB).`)
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : ''
    fail('', `The file is not valid JSON — it may be truncated or damaged${detail ? ` (${detail})` : ''}.`)
  }
}

function run<T>(check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() }
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message }
    throw error
  }
}

/** Validates a whole-library backup. Every record is checked, and every revision's content hash recomputed. */
export async function validateLibraryBackup(text: string, limit = MAX_BACKUP_CHARS): Promise<Checked<LibraryBackup>> {
  const checked = run(() => {
    const document = parseJson(text, limit, 'a library backup')
    if (!isObject(document)) fail('', 'The file is not an OsseoPlan library backup (expected a JSON object).')
    if (document['format'] === 'osseoplan.case') fail('', 'This is a single case file, not a library backup: import it with “Import case file”.')
    if (document['format'] !== LIBRARY_FORMAT) fail('', `The file is not an OsseoPlan library backup (format is ${JSON.stringify(document['format'] ?? null)}, expected "${LIBRARY_FORMAT}").`)
    if (document['version'] !== LIBRARY_VERSION) {
      const v = document['version']
      fail('', typeof v === 'number' && v > LIBRARY_VERSION ? `The backup is version ${v}, written by a newer OsseoPlan; this version reads version ${LIBRARY_VERSION}.` : `The backup version ${JSON.stringify(v ?? null)} is not supported (expected ${LIBRARY_VERSION}).`)
    }
    scanHostile(document)
    onlyKeys(document, TOP_KEYS, 'The backup')
    str(document, 'exportedAt', 'exportedAt')
    str(document, 'appVersion', 'appVersion')
    const plans = list(document, 'plans').map((p, i) => checkPlan(p, `plans[${i}]`))
    const revisions = list(document, 'revisions').map((r, i) => checkRevision(r, `revisions[${i}]`))
    const audit = list(document, 'audit').map((a, i) => checkAudit(a, `audit[${i}]`))
    unique(plans.map((p) => p.id), 'plan')
    unique(revisions.map((r) => r.id), 'revision')
    unique(revisions.map((r) => `${r.planId}#${r.number}`), 'revision number')
    unique(audit.flatMap((a) => (a.seq === undefined ? [] : [String(a.seq)])), 'audit entry')
    const planIds = new Set(plans.map((p) => p.id))
    revisions.forEach((r, i) => {
      if (!planIds.has(r.planId)) fail(`revisions[${i}].planId`, `refers to plan ${r.planId}, which is not in the file`)
    })
    return document as unknown as LibraryBackup
  })
  if (!checked.ok) return checked
  const revisions = checked.value.revisions
  for (let i = 0; i < revisions.length; i++) {
    const r = revisions[i]!
    if ((await revisionContentHash(r.caseFile, r.result)) !== r.contentHash) {
      return { ok: false, problem: `revisions[${i}] (plan ${r.planId}, revision ${r.number}) was altered: its content does not match its hash.` }
    }
  }
  return checked
}

/** Validates a single case file (format "osseoplan.case"); an incomplete case is accepted as a draft. */
export function validateCaseFileText(text: string): Checked<StoredCase> {
  return run(() => {
    const document = parseJson(text, MAX_CASE_FILE_CHARS, 'a case file')
    if (isObject(document) && document['format'] === LIBRARY_FORMAT) fail('', 'This is a whole-library backup, not a case file: import it with “Restore library”.')
    scanHostile(document)
    return checkCase(document, 'The file', false)
  })
}
