// Checks a library backup (format "osseoplan.library", version 2, or 1 without outcome records) or a single case file BEFORE
// anything is written. A backup is a file anyone can edit, so nothing in it is believed: every
// record is rebuilt from its known fields, every stored result is recomputed by the engine, the
// plans and revisions must tell the workflow's story (backup-graph.ts), and a refused file is
// never half-imported. The limits that protect the app are stated in docs/backup-format.md.
import { parseStrictJson } from '../../../shared/strict-json'
import { whyNotReproduced, SHIPPED_REPRODUCTION, type ReproduceWith } from './backup-reproduce'
import { BACKUP_TABLES, checkCase, EARLIEST_TIME, fail, isObject, Problem, str, type RecordContext } from './backup-records'
import { checkGraph } from './backup-graph'
import { checkOutcomeLinks, NO_OUTCOMES, OUTCOME_KEYS, type BackupOutcomes } from './backup-outcomes'
import { revisionContentHash, sha256Hex } from './content-hash'
import type { AuditRow, PlanRow, RevisionRow, StoredCase } from './types'

export const LIBRARY_FORMAT = 'osseoplan.library'
/** Version 2 (2026-11-30) adds the outcome records; version 1 files still restore. */
export const LIBRARY_VERSION = 2
const READABLE_VERSIONS: readonly number[] = [1, 2]
/**
 * Longest backup read, in characters: below the longest string a browser can hold (about 512 Mi
 * characters), so a larger file gets a plain message instead of an out-of-memory crash. A backup
 * the app writes takes about 1.3 kB per plan: 500 MiB is about 400,000 plans.
 */
export const MAX_BACKUP_CHARS = 500 * 1024 * 1024
export const MAX_CASE_FILE_CHARS = 2 * 1024 * 1024
/** Deepest nesting accepted in a backup or case file (a case file needs 6). */
export const MAX_JSON_DEPTH = 40
/** Clock tolerance: a backup may say it was exported up to a day in this computer's future. */
const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000

/** A backup as the app writes it (exportLibrary). */
export interface LibraryBackup {
  format: typeof LIBRARY_FORMAT
  version: typeof LIBRARY_VERSION
  exportedAt: string
  appVersion: string
  plans: PlanRow[]
  revisions: RevisionRow[]
  audit: AuditRow[]
  operations: BackupOutcomes['operations']
  visits: BackupOutcomes['visits']
  events: BackupOutcomes['events']
}

/** A backup that passed every check, as it will be written. */
export interface CheckedBackup {
  plans: PlanRow[]
  revisions: RevisionRow[]
  audit: AuditRow[]
  /** Operations, visits and events (none in a version 1 file). */
  outcomes: BackupOutcomes
  exportedAt: number
  /** SHA-256 of the file's text, named in the library's audit entry of the restore. */
  checksum: string
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

export interface BackupCheckOptions {
  /** Longest text accepted (default MAX_BACKUP_CHARS). */
  limit?: number
  /** Profiles and catalogue results are recomputed with (default: the shipped ones). */
  reproduce?: ReproduceWith
  now?: () => number
}

const TOP_KEYS = ['format', 'version', 'exportedAt', 'appVersion', 'plans', 'revisions', 'audit']

function list(document: Record<string, unknown>, key: string): unknown[] {
  const value = document[key]
  if (!Array.isArray(value)) fail(key, 'must be a list')
  return value
}

function unique(ids: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const value of ids) {
    if (seen.has(value)) fail('', `The file lists the ${what} ${value} twice.`)
    seen.add(value)
  }
}

function readJson(text: string, limit: number, what: string): unknown {
  if (text.length > limit) fail('', `The file is too large for ${what} (${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${Math.round(limit / 1024 / 1024)} MB).`)
  const read = parseStrictJson(text, { maxDepth: MAX_JSON_DEPTH })
  if (!read.ok) fail('', read.message)
  return read.value
}

function run<T>(check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() }
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message }
    throw error
  }
}

function exportTime(document: Record<string, unknown>, now: number): number {
  const text = str(document, 'exportedAt', 'exportedAt', 40)
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text) ? Date.parse(text) : Number.NaN
  if (!Number.isFinite(at)) fail('exportedAt', 'must be a time such as 2026-11-26T09:30:00.000Z')
  if (at < EARLIEST_TIME) fail('exportedAt', 'is before the year 2000')
  if (at > now + CLOCK_SLACK_MS) fail('exportedAt', `is in the future (${text})`)
  return at
}

/** Format, version, every record, and the plans' and revisions' story; no hashing yet. */
function checkDocument(text: string, limit: number, now: number): { plans: PlanRow[]; revisions: Array<RevisionRow & { fileCaseFile: StoredCase }>; audit: AuditRow[]; outcomes: BackupOutcomes; exportedAt: number } {
  const document = readJson(text, limit, 'a library backup')
  if (!isObject(document)) fail('', 'The file is not an OsseoPlan library backup (expected a JSON object).')
  if (document['format'] === 'osseoplan.case') fail('', 'This is a single case file, not a library backup: import it with “Import case file”.')
  if (document['format'] !== LIBRARY_FORMAT) fail('', `The file is not an OsseoPlan library backup (format is ${JSON.stringify(document['format'] ?? null)}, expected "${LIBRARY_FORMAT}").`)
  const v = document['version']
  if (!READABLE_VERSIONS.includes(v as number)) {
    fail('', typeof v === 'number' && v > LIBRARY_VERSION ? `The backup is version ${v}, written by a newer OsseoPlan; this version reads versions 1 to ${LIBRARY_VERSION}.` : `The backup version ${JSON.stringify(v ?? null)} is not supported (expected 1 to ${LIBRARY_VERSION}).`)
  }
  const topKeys = v === 1 ? TOP_KEYS : [...TOP_KEYS, ...OUTCOME_KEYS]
  for (const key of Object.keys(document)) if (!topKeys.includes(key)) fail('The backup', `has an unexpected field "${key.slice(0, 40)}"${v === 1 && (OUTCOME_KEYS as readonly string[]).includes(key) ? ' (outcome records exist from backup version 2)' : ''}`)
  const context: RecordContext = { exportedAt: exportTime(document, now) }
  str(document, 'appVersion', 'appVersion')
  const plans = list(document, 'plans').map((p, i) => BACKUP_TABLES.plans(p, `plans[${i}]`, context))
  const revisions = list(document, 'revisions').map((r, i) => BACKUP_TABLES.revisions(r, `revisions[${i}]`, context))
  const audit = list(document, 'audit').map((a, i) => BACKUP_TABLES.audit(a, `audit[${i}]`, context))
  unique(plans.map((p) => p.id), 'plan')
  unique(revisions.map((r) => r.id), 'revision')
  unique(revisions.map((r) => `${r.planId}#${r.number}`), 'revision number')
  unique(audit.flatMap((a) => (a.seq === undefined ? [] : [String(a.seq)])), 'audit entry')
  const planIds = new Set(plans.map((p) => p.id))
  revisions.forEach((r, i) => {
    if (!planIds.has(r.planId)) fail(`revisions[${i}].planId`, `refers to plan ${r.planId}, which is not in the file`)
  })
  checkGraph(plans, revisions)
  const outcomes: BackupOutcomes =
    v === 1
      ? NO_OUTCOMES
      : {
          operations: list(document, 'operations').map((r, i) => BACKUP_TABLES.operations(r, `operations[${i}]`, context)),
          visits: list(document, 'visits').map((r, i) => BACKUP_TABLES.visits(r, `visits[${i}]`, context)),
          events: list(document, 'events').map((r, i) => BACKUP_TABLES.events(r, `events[${i}]`, context))
        }
  checkOutcomeLinks(plans, revisions, outcomes)
  return { plans, revisions, audit, outcomes, exportedAt: context.exportedAt }
}

/**
 * Validates a whole-library backup: every record checked and rebuilt, every revision's hash
 * checked and its result recomputed with the profile and catalogue it names.
 */
export async function validateLibraryBackup(text: string, options: BackupCheckOptions = {}): Promise<Checked<CheckedBackup>> {
  const checked = run(() => checkDocument(text, options.limit ?? MAX_BACKUP_CHARS, (options.now ?? Date.now)()))
  if (!checked.ok) return checked
  const { plans, audit, outcomes, exportedAt } = checked.value
  const using = options.reproduce ?? SHIPPED_REPRODUCTION
  const cache = new Map<string, unknown>()
  const revisions: RevisionRow[] = []
  for (const [i, r] of checked.value.revisions.entries()) {
    const { fileCaseFile, ...revision } = r
    const where = `revisions[${i}] (plan ${r.planId}, revision ${r.number})`
    if ((await revisionContentHash(fileCaseFile, r.result)) !== r.contentHash) return { ok: false, problem: `${where} was altered: its content does not match its hash.` }
    const why = whyNotReproduced(r.caseFile, r.result, using, cache)
    if (why) return { ok: false, problem: `${where} cannot be restored: ${why}.` }
    // Unknown fields dropped from the case change its hash: the stored hash is of what is stored.
    if (r.caseFile !== fileCaseFile) revision.contentHash = await revisionContentHash(r.caseFile, r.result)
    revisions.push(revision)
  }
  return { ok: true, value: { plans, revisions, audit, outcomes, exportedAt, checksum: await sha256Hex(text) } }
}

/** Validates a single case file (format "osseoplan.case"); an incomplete case is accepted as a draft. Unknown fields are dropped. */
export function validateCaseFileText(text: string): Checked<StoredCase> {
  return run(() => {
    const document = readJson(text, MAX_CASE_FILE_CHARS, 'a case file')
    if (isObject(document) && document['format'] === LIBRARY_FORMAT) fail('', 'This is a whole-library backup, not a case file: import it with “Restore library”.')
    return checkCase(document, 'The file', false, 'refuse')
  })
}
