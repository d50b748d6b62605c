// Checks a library backup (format "osseoplan.library", version 2, or 1 without outcome records) or a single case file BEFORE
// anything is written. A backup is a file anyone can edit, so nothing in it is believed: every
// record is rebuilt from its known fields, every stored result is recomputed by the engine, the
// plans and revisions must tell the workflow's story (backup-graph.ts), and a refused file is
// never half-imported. The limits that protect the app are stated in docs/backup-format.md.
import { parseStrictJson } from '../../../shared/strict-json'
import type { DecodedPieces } from '../../../shared/text-stream'
import { whyNotReproduced, SHIPPED_REPRODUCTION, type ReproduceWith } from './backup-reproduce'
import { BACKUP_TABLES, checkCase, EARLIEST_TIME, fail, isObject, Problem, str, type RecordContext } from './backup-records'
import { checkGraph } from './backup-graph'
import { checkOutcomeLinks, NO_OUTCOMES, OUTCOME_KEYS, type BackupOutcomes } from './backup-outcomes'
import { revisionContentHash } from './content-hash'
import type { AuditRow, PlanRow, RevisionRow, StoredCase } from './types'

export const LIBRARY_FORMAT = 'osseoplan.library'
/** Version 2 (2026-11-30) adds the outcome records; version 1 files still restore. */
export const LIBRARY_VERSION = 2
const READABLE_VERSIONS: readonly number[] = [1, 2]
/**
 * Longest backup read, in characters: none. The file is read piece by piece and never held as one
 * string, so its size is bounded only by the memory its checked records take (about 2 kB per plan).
 */
export const MAX_BACKUP_CHARS = Number.POSITIVE_INFINITY
/**
 * Longest single record (a plan, a revision, an audit entry, an outcome record) or top-level value,
 * in characters: a plan with a case file at its limit (2 MB) and its notes fits many times over; a
 * stored result is about 50 kB. Protects the app from one endless string or list.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024
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

type CheckedRevision = RevisionRow & { fileCaseFile: StoredCase }
type TableKey = keyof typeof BACKUP_TABLES
interface Tables {
  plans: PlanRow[]
  revisions: CheckedRevision[]
  audit: AuditRow[]
  operations: BackupOutcomes['operations']
  visits: BackupOutcomes['visits']
  events: BackupOutcomes['events']
}
const TABLE_KEYS = Object.keys(BACKUP_TABLES) as TableKey[]

/**
 * Format, version, every record, and the plans' and revisions' story; no hashing yet. Fed member by
 * member and record by record as the file is read: once the head of the file (format, version,
 * export time) is known — it comes first in every file the app writes — each record is checked and
 * rebuilt as it arrives, and only the rebuilt rows are kept. Records that come before the head
 * are kept as read and checked at the end, in the same order.
 */
function createDocumentChecker(now: number) {
  const members: Record<string, unknown> = {}
  const lists = new Set<string>()
  const waiting: Partial<Record<TableKey, unknown[]>> = {}
  const rows: Tables = { plans: [], revisions: [], audit: [], operations: [], visits: [], events: [] }
  let context: RecordContext | null = null
  let version: number | null = null

  function checkFormat(): boolean {
    if (!('format' in members)) return false
    const format = members['format']
    if (format === 'osseoplan.case') fail('', 'This is a single case file, not a library backup: import it with “Import case file”.')
    if (format !== LIBRARY_FORMAT) fail('', `The file is not an OsseoPlan library backup (format is ${JSON.stringify(format ?? null)}, expected "${LIBRARY_FORMAT}").`)
    return true
  }

  function checkVersion(): boolean {
    if (!('version' in members)) return false
    const v = members['version']
    if (!READABLE_VERSIONS.includes(v as number)) {
      fail('', typeof v === 'number' && v > LIBRARY_VERSION ? `The backup is version ${v}, written by a newer OsseoPlan; this version reads versions 1 to ${LIBRARY_VERSION}.` : `The backup version ${JSON.stringify(v ?? null)} is not supported (expected 1 to ${LIBRARY_VERSION}).`)
    }
    version = v as number
    return true
  }

  function checkKey(key: string): void {
    if (version === null) return
    const topKeys = version === 1 ? TOP_KEYS : [...TOP_KEYS, ...OUTCOME_KEYS]
    if (!topKeys.includes(key)) fail('The backup', `has an unexpected field "${key.slice(0, 40)}"${version === 1 && (OUTCOME_KEYS as readonly string[]).includes(key) ? ' (outcome records exist from backup version 2)' : ''}`)
  }

  function checkRecord(key: TableKey, value: unknown, index: number, at: RecordContext): void {
    const check = BACKUP_TABLES[key] as (value: unknown, path: string, context: RecordContext) => unknown
    ;(rows[key] as unknown[]).push(check(value, `${key}[${index}]`, at))
  }

  /** As soon as the head of the file is known: format, version, no unknown member, the export time. */
  function head(): void {
    if (context || !checkFormat() || !checkVersion()) return
    for (const key of [...Object.keys(members), ...lists]) checkKey(key)
    if (!('exportedAt' in members)) return
    context = { exportedAt: exportTime(members, now) }
  }

  return {
    value(key: string | null, value: unknown): void {
      if (key === null) fail('', 'The file is not an OsseoPlan library backup (expected a JSON object).')
      members[key] = value
      if (context) checkKey(key)
      else head()
    },
    listStart(key: string): void {
      lists.add(key)
      if (context) checkKey(key)
      else head()
    },
    item(key: string, index: number, value: unknown): void {
      if (!(TABLE_KEYS as string[]).includes(key)) return
      if (context) checkRecord(key as TableKey, value, index, context)
      else (waiting[key as TableKey] ??= []).push(value)
    },
    /** The whole file was read: the checks that need everything. */
    end(): { plans: PlanRow[]; revisions: CheckedRevision[]; audit: AuditRow[]; outcomes: BackupOutcomes; exportedAt: number } {
      if (!checkFormat()) fail('', 'The file is not an OsseoPlan library backup (format is null, expected "osseoplan.library").')
      if (!checkVersion()) fail('', `The backup version null is not supported (expected 1 to ${LIBRARY_VERSION}).`)
      for (const key of [...Object.keys(members), ...lists]) checkKey(key)
      const at = (context ??= { exportedAt: exportTime(members, now) })
      str(members, 'appVersion', 'appVersion')
      const tables = version === 1 ? TABLE_KEYS.filter((k) => !(OUTCOME_KEYS as readonly string[]).includes(k)) : TABLE_KEYS
      for (const key of tables) {
        if (!lists.has(key)) fail(key, 'must be a list')
        const early = waiting[key] ?? []
        if (early.length === 0) continue
        // Records read before the file's head: checked now, ahead of those that came after it.
        const later = rows[key].splice(0)
        early.forEach((value, i) => checkRecord(key, value, i, at))
        ;(rows[key] as unknown[]).push(...later)
      }
      const { plans, revisions, audit } = rows
      unique(plans.map((p) => p.id), 'plan')
      unique(revisions.map((r) => r.id), 'revision')
      unique(revisions.map((r) => `${r.planId}#${r.number}`), 'revision number')
      unique(audit.flatMap((a) => (a.seq === undefined ? [] : [String(a.seq)])), 'audit entry')
      const planIds = new Set(plans.map((p) => p.id))
      revisions.forEach((r, i) => {
        if (!planIds.has(r.planId)) fail(`revisions[${i}].planId`, `refers to plan ${r.planId}, which is not in the file`)
      })
      checkGraph(plans, revisions)
      const outcomes: BackupOutcomes = version === 1 ? NO_OUTCOMES : { operations: rows.operations, visits: rows.visits, events: rows.events }
      checkOutcomeLinks(plans, revisions, outcomes)
      return { plans, revisions, audit, outcomes, exportedAt: at.exportedAt }
    }
  }
}

/** Reads the whole file through the checker, piece by piece. */
async function checkDocument(source: DecodedPieces, limit: number, now: number) {
  // Loaded when a backup is restored, not with the library screen.
  const [{ createJsonPiecesReader, JsonPiecesProblem }, { TextStreamProblem }] = await Promise.all([import('../../../shared/json-stream'), import('../../../shared/text-stream')])
  const checker = createDocumentChecker(now)
  const reader = createJsonPiecesReader(checker, { maxDepth: MAX_JSON_DEPTH, maxItemChars: MAX_RECORD_CHARS, maxChars: limit, what: 'a library backup' })
  try {
    for await (const piece of source.pieces) reader.push(piece)
    reader.end()
  } catch (error) {
    if (error instanceof JsonPiecesProblem || error instanceof TextStreamProblem) fail('', error.message)
    throw error
  }
  return checker.end()
}

/**
 * Validates a whole-library backup read piece by piece (a file of any size: see
 * docs/backup-format.md for the limits): every record checked and rebuilt, every revision's hash
 * checked and its result recomputed with the profile and catalogue it names.
 */
export async function validateLibraryBackupPieces(source: DecodedPieces, options: BackupCheckOptions = {}): Promise<Checked<CheckedBackup>> {
  let checked: Checked<Awaited<ReturnType<typeof checkDocument>>>
  try {
    checked = { ok: true, value: await checkDocument(source, options.limit ?? MAX_BACKUP_CHARS, (options.now ?? Date.now)()) }
  } catch (error) {
    if (!(error instanceof Problem)) throw error
    checked = { ok: false, problem: error.message }
  }
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
  return { ok: true, value: { plans, revisions, audit, outcomes, exportedAt, checksum: source.checksum() } }
}

/** Validates a whole-library backup file (the browser's File, the desktop bridge's stream): read as a stream, never whole. */
export async function validateLibraryBackupFile(bytes: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>, options: BackupCheckOptions = {}): Promise<Checked<CheckedBackup>> {
  const { decodeTextPieces } = await import('../../../shared/text-stream')
  return validateLibraryBackupPieces(decodeTextPieces(bytes), options)
}

/** Validates a whole-library backup already in memory as text (the same reader, in pieces). */
export async function validateLibraryBackup(text: string, options: BackupCheckOptions = {}): Promise<Checked<CheckedBackup>> {
  const { textPieces } = await import('../../../shared/text-stream')
  return validateLibraryBackupPieces(textPieces(text), options)
}

/** Validates a single case file (format "osseoplan.case"); an incomplete case is accepted as a draft. Unknown fields are dropped. */
export function validateCaseFileText(text: string): Checked<StoredCase> {
  return run(() => {
    const document = readJson(text, MAX_CASE_FILE_CHARS, 'a case file')
    if (isObject(document) && document['format'] === LIBRARY_FORMAT) fail('', 'This is a whole-library backup, not a case file: import it with “Restore library”.')
    return checkCase(document, 'The file', false, 'refuse')
  })
}
