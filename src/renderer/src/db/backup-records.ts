// The records of a library backup, one checker per table. Each checker returns the row as it will
// be stored: rebuilt from its known fields only (anything else is refused by name), with the case
// file's unknown fields dropped and the indexed columns derived from the case, never read from the
// file. A new table (e.g. outcomes) is one more entry in BACKUP_TABLES.
import { parseCase } from '../../../shared/case/parse'
import { fieldLabel } from '../../../shared/case/field-labels'
import type { FieldError, FieldWarning } from '../../../shared/case/types'
import { HIDDEN_CHARACTER_PROBLEM, hiddenCharacter } from '../../../shared/patient-code'
import { checkEventRecord, checkOperationRecord, checkVisitRecord } from './backup-outcomes'
import { FILED_ACTION } from './filings-repo'
import { indexedFields } from './plans-repo'
import { PLAN_STATUSES, type AuditRow, type PlanRow, type RevisionRow, type StoredCase } from './types'

export class Problem extends Error {}

export function fail(path: string, message: string): never {
  throw new Problem(path ? `${path} ${message}` : message)
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Times in a backup lie between 1 January 2000 and the moment the file says it was exported. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1)

export interface RecordContext {
  /** The file's export time (ms): nothing in it can be later. */
  exportedAt: number
}

const PLAN_KEYS = ['id', 'patientCode', 'surgeon', 'level', 'side', 'systemId', 'status', 'archived', 'createdAt', 'updatedAt', 'parentId', 'caseFile', 'notes', 'version', 'editSeq']
const REVISION_KEYS = ['id', 'planId', 'number', 'status', 'caseFile', 'result', 'engineVersion', 'profileVersion', 'catalogVersion', 'contentHash', 'author', 'createdAt']
const AUDIT_KEYS = ['seq', 'planId', 'at', 'action', 'field', 'oldValue', 'newValue', 'appVersion', 'changes', 'importedFrom']
const CHANGE_KEYS = ['path', 'oldValue', 'newValue']
/** Every action the app writes to the audit log (a new kind of entry is added here too). */
const AUDIT_ACTIONS = ['create', 'edit', 'status', 'revise', 'duplicate', 'archive', 'unarchive', 'delete', 'restore', 'restore-backup', FILED_ACTION, 'edit-outcome', 'delete-outcome']

function onlyKeys(record: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(record)) if (!allowed.includes(key)) fail(path, `has an unexpected field "${key.slice(0, 40)}"`)
}

export function str(record: Record<string, unknown>, key: string, path: string, max = 200, allowEmpty = true): string {
  const value = record[key]
  if (typeof value !== 'string') fail(`${path}.${key}`, 'must be text')
  if (value.length > max) fail(`${path}.${key}`, `is longer than ${max} characters`)
  if (!allowEmpty && value === '') fail(`${path}.${key}`, 'must not be empty')
  return value
}

function time(record: Record<string, unknown>, key: string, path: string, context: RecordContext): number {
  const value = record[key]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(`${path}.${key}`, 'must be a time (milliseconds since 1970)')
  if (value < EARLIEST_TIME) fail(`${path}.${key}`, `is before the year 2000 (${new Date(value).toISOString().slice(0, 10)})`)
  if (value > context.exportedAt) fail(`${path}.${key}`, `is later than the backup itself (${new Date(value).toISOString()} after its export at ${new Date(context.exportedAt).toISOString()})`)
  return value
}

function id(record: Record<string, unknown>, key: string, path: string, allowEmpty = false): string {
  const value = str(record, key, path, 64, allowEmpty)
  if (value !== '' && !/^[A-Za-z0-9_-]+$/.test(value)) fail(`${path}.${key}`, 'is not a valid identifier')
  return value
}

function status(record: Record<string, unknown>, path: string, allowed: readonly string[] = PLAN_STATUSES): PlanRow['status'] {
  const value = record['status']
  if (!allowed.includes(value as never)) fail(`${path}.status`, `must be one of ${allowed.join(', ')}`)
  return value as PlanRow['status']
}

function describeErrors(errors: readonly FieldError[]): string {
  const first = errors[0]
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''
  // The field in clinical words, then its place in the file (for whoever edits the JSON):
  // "Body weight (patient.weight) must be a number", "Residual bone length (bone.residualLength): 700 mm is outside …".
  const joiner = /^(is|are|must|has|should)\b/.test(first?.message ?? '') ? ' ' : ': '
  return first ? `${first.path ? `${fieldLabel(first.path)} (${first.path})${joiner}` : ''}${first.message}${more}` : 'is not a valid case file'
}

const UNKNOWN_FIELD = /^unknown field "/

/** A copy of the case without the fields parseCase ignored as unknown (e.g. patient.fullName). */
function withoutUnknown(caseFile: StoredCase, warnings: readonly FieldWarning[]): StoredCase {
  const unknown = warnings.filter((w) => UNKNOWN_FIELD.test(w.message)).map((w) => w.path)
  if (unknown.length === 0) return caseFile
  const copy = structuredClone(caseFile)
  for (const path of unknown) {
    const parts = path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p))
    let at: unknown = copy
    for (const part of parts.slice(0, -1)) at = isObject(at) || Array.isArray(at) ? (at as Record<string | number, unknown>)[part] : undefined
    if (isObject(at)) delete at[parts[parts.length - 1] as string]
  }
  return copy
}

/**
 * The case as it will be stored: a complete case must pass the core's parseCase; a draft may lack
 * fields but nothing present may be invalid. Unknown fields are dropped, not stored. A value beyond
 * its plausible range is refused in a case file being imported ('refuse', as the editor and the
 * command line do); what a backup holds was accepted when stored, so there it only warns ('warn').
 */
export function checkCase(value: unknown, path: string, mustBeComplete: boolean, plausibility: 'refuse' | 'warn' = 'warn'): StoredCase {
  if (!isObject(value)) fail(path, 'must be a case file (a JSON object)')
  const parsed = parseCase(value, { plausibility })
  if (!parsed.ok) {
    const invalid = parsed.errors.filter((e) => e.code !== 'required')
    if (invalid.length > 0) fail(path, `is not a valid case file: ${describeErrors(invalid)}`)
    if (mustBeComplete) fail(path, `is incomplete, but a reviewed or approved plan must be complete: ${describeErrors(parsed.errors)}`)
  }
  return withoutUnknown(value, parsed.warnings)
}

export function checkPlan(value: unknown, path: string, context: RecordContext): PlanRow {
  if (!isObject(value)) fail(path, 'must be an object')
  onlyKeys(value, PLAN_KEYS, path)
  // The indexed columns are type-checked but never believed: they are derived from the case below.
  for (const key of ['patientCode', 'level', 'side', 'systemId']) str(value, key, path)
  const planStatus = status(value, path)
  const archived = value['archived']
  if (archived !== 0 && archived !== 1) fail(`${path}.archived`, 'must be 0 or 1')
  const createdAt = time(value, 'createdAt', path, context)
  const updatedAt = time(value, 'updatedAt', path, context)
  if (updatedAt < createdAt) fail(`${path}.updatedAt`, 'is before the plan was created')
  const caseFile = checkCase(value['caseFile'], `${path}.caseFile`, planStatus !== 'draft')
  // Who and which patient must read as what they are: no bidi override or zero-width character.
  const surgeon = str(value, 'surgeon', path)
  const hidden = hiddenCharacter(surgeon)
  if (hidden) fail(`${path}.surgeon`, `${HIDDEN_CHARACTER_PROBLEM} (${hidden})`)
  // Save counters (issue #18): optional, whole numbers.
  const counters: { version?: number; editSeq?: number } = {}
  for (const key of ['version', 'editSeq'] as const) {
    const n = value[key]
    if (n === undefined) continue
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) fail(`${path}.${key}`, 'must be a whole number of at least 0')
    counters[key] = n
  }
  return {
    id: id(value, 'id', path),
    ...indexedFields(caseFile),
    ...counters,
    surgeon,
    status: planStatus,
    archived,
    createdAt,
    updatedAt,
    parentId: id(value, 'parentId', path, true),
    caseFile,
    notes: str(value, 'notes', path, 10_000)
  }
}

/** A revision as stored; its hash is checked (and its result recomputed) by the caller. */
export function checkRevision(value: unknown, path: string, context: RecordContext): RevisionRow & { fileCaseFile: StoredCase } {
  if (!isObject(value)) fail(path, 'must be an object')
  onlyKeys(value, REVISION_KEYS, path)
  const number = value['number']
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) fail(`${path}.number`, 'must be a whole number from 1')
  // A revision is recorded when a plan is marked reviewed or approved; no other status has one.
  const revisionStatus = status(value, path, ['reviewed', 'approved'])
  const fileCaseFile = value['caseFile'] as StoredCase
  const caseFile = checkCase(fileCaseFile, `${path}.caseFile`, true)
  const result = value['result']
  if (!isObject(result)) fail(`${path}.result`, 'must be a computed plan (an object)')
  const versions: Record<string, string> = {}
  for (const key of ['engineVersion', 'profileVersion', 'catalogVersion']) {
    versions[key] = str(value, key, path)
    if (result[key] !== versions[key]) fail(`${path}.${key}`, `does not match the result's ${key}`)
  }
  const contentHash = str(value, 'contentHash', path)
  if (!/^[0-9a-f]{64}$/.test(contentHash)) fail(`${path}.contentHash`, 'must be a SHA-256 hash (64 hex digits)')
  return {
    id: id(value, 'id', path),
    planId: id(value, 'planId', path),
    number,
    status: revisionStatus,
    caseFile,
    result,
    engineVersion: versions['engineVersion']!,
    profileVersion: versions['profileVersion']!,
    catalogVersion: versions['catalogVersion']!,
    contentHash,
    author: str(value, 'author', path),
    createdAt: time(value, 'createdAt', path, context),
    fileCaseFile
  }
}

export function checkAudit(value: unknown, path: string, context: RecordContext): AuditRow {
  if (!isObject(value)) fail(path, 'must be an object')
  onlyKeys(value, AUDIT_KEYS, path)
  const seq = value['seq']
  if (seq !== undefined && (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1)) fail(`${path}.seq`, 'must be a whole number from 1')
  const action = str(value, 'action', path, 40, false)
  if (!AUDIT_ACTIONS.includes(action)) fail(`${path}.action`, `must be one of ${AUDIT_ACTIONS.join(', ')}`)
  const row: AuditRow = {
    ...(seq === undefined ? {} : { seq: seq as number }),
    // '' is the library itself (a restore of a backup).
    planId: id(value, 'planId', path, true),
    at: time(value, 'at', path, context),
    action,
    field: str(value, 'field', path, 2000),
    oldValue: str(value, 'oldValue', path, 2000),
    newValue: str(value, 'newValue', path, 2000),
    appVersion: str(value, 'appVersion', path, 2000)
  }
  const changes = value['changes']
  if (changes !== undefined) {
    if (!Array.isArray(changes)) fail(`${path}.changes`, 'must be a list')
    row.changes = changes.map((c, i) => {
      const at = `${path}.changes[${i}]`
      if (!isObject(c)) fail(at, 'must be an object')
      onlyKeys(c, CHANGE_KEYS, at)
      return { path: str(c, 'path', at, 2000), oldValue: str(c, 'oldValue', at, 2000), newValue: str(c, 'newValue', at, 2000) }
    })
  }
  if (value['importedFrom'] !== undefined) row.importedFrom = str(value, 'importedFrom', path, 300, false)
  return row
}

/** The tables of a backup, in file order: the key in the file and the checker of one record. */
export const BACKUP_TABLES = {
  plans: checkPlan,
  revisions: checkRevision,
  audit: checkAudit,
  // Version 2 on: the outcome records (backup-outcomes.ts; links checked there too).
  operations: checkOperationRecord,
  visits: checkVisitRecord,
  events: checkEventRecord
} as const
