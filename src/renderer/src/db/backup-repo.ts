// Backup and restore of the plan library: one JSON file (format "osseoplan.library", version 2)
// with every plan, revision and audit row and the outcome records (operations, visits, events); single plans export as their case file. A restore
// writes only what validateLibraryBackup accepted, in one transaction (all or nothing), in large
// chunks, never overwrites a plan, and records itself in the audit log.
import type { BackupOutcomes } from './backup-outcomes'
import type { OsseoDb } from './database'
import { LIBRARY_FORMAT, LIBRARY_VERSION, type CheckedBackup, type LibraryBackup } from './backup-validate'
import { canonicalJson, shortHash } from './content-hash'
import { APP_VERSION } from './plans-repo'
import { summariesWithHistory } from './plan-summary'
import { restoredSummaries } from './outcome-summaries'
import { addPatients } from './summary-pages'
import { settleStorage } from './settle-storage'
import type { AuditRow, PlanRow } from './types'

export interface ImportOutcome {
  added: number
  /** Plans already in the library (same id, same plan): left exactly as they are. */
  skipped: number
}

/** Rows per bulk write: large enough that IndexedDB is not called per row, small enough to keep memory flat. */
const CHUNK = 5000

/** A restore refused against what the library already holds (nothing was written). */
export class RestoreConflict extends Error {
  override name = 'RestoreConflict'
}

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK))
}

function samePlan(a: PlanRow, b: PlanRow): boolean {
  return a.createdAt === b.createdAt && canonicalJson(a.caseFile) === canonicalJson(b.caseFile)
}

/** `settle`: run, not awaited, after a restore that wrote plans (settle-storage.ts says why). */
export function createBackupRepo(db: OsseoDb, now: () => number = Date.now, settle: () => Promise<unknown> = settleStorage) {
  return {
    async exportLibrary(): Promise<LibraryBackup> {
      return db.transaction('r', [db.plans, db.revisions, db.audit, db.operations, db.visits, db.outcomeEvents], async () => ({
        format: LIBRARY_FORMAT,
        version: LIBRARY_VERSION,
        exportedAt: new Date(now()).toISOString(),
        appVersion: APP_VERSION,
        plans: await db.plans.orderBy('createdAt').toArray(),
        // Image annotations stay with the images, which backups do not carry (docs/backup-format.md).
        revisions: (await db.revisions.orderBy('[planId+number]').toArray()).map(({ images: _images, ...r }) => r),
        audit: await db.audit.orderBy('seq').toArray(),
        operations: await db.operations.orderBy('id').toArray(),
        visits: await db.visits.orderBy('id').toArray(),
        events: await db.outcomeEvents.orderBy('id').toArray()
      }))
    },

    /**
     * Adds the backup's plans (with their revisions and audit rows) that are not in the library
     * yet, and one audit entry for the restore itself. `name` is the file's name, for that entry.
     * Throws RestoreConflict, writing nothing, when the file's ids collide with different records.
     */
    async importLibrary(backup: CheckedBackup, name = 'a backup file'): Promise<ImportOutcome> {
      const outcome = await db.transaction('rw', [db.plans, db.planIndex, db.revisions, db.audit, db.operations, db.visits, db.outcomeEvents, db.revisionFacts, db.outcomeSummaryPages], async () => {
        // One key-only read per table instead of one get per row, all asked at once.
        const [planKeys, revisionKeys, auditKeys] = await Promise.all([db.plans.toCollection().primaryKeys(), db.revisions.toCollection().primaryKeys(), db.audit.toCollection().primaryKeys()])
        const existing = new Set(planKeys)
        const clashes = backup.plans.filter((p) => existing.has(p.id))
        const stored = clashes.length ? await db.plans.bulkGet(clashes.map((p) => p.id)) : []
        clashes.forEach((plan, i) => {
          const mine = stored[i]
          if (mine && !samePlan(mine, plan)) throw new RestoreConflict(`The backup's plan ${plan.id} (${plan.patientCode || 'no patient code'}) has the identifier of a different plan in this library (${mine.patientCode || 'no patient code'}). Nothing was restored.`)
        })
        const fresh: PlanRow[] = backup.plans.filter((p) => !existing.has(p.id))
        const freshIds = new Set(fresh.map((p) => p.id))
        const revisions = backup.revisions.filter((r) => freshIds.has(r.planId))
        const takenRevisions = new Set(revisionKeys)
        const collision = revisions.find((r) => takenRevisions.has(r.id))
        if (collision) throw new RestoreConflict(`The backup's revision ${collision.number} of plan ${collision.planId} has the identifier of a revision already in this library. Nothing was restored.`)
        const outcomes = await freshOutcomes(db, backup.outcomes, freshIds)
        const label = `backup ${shortHash(backup.checksum)} of ${new Date(backup.exportedAt).toISOString()}`
        // Audit rows are the file's history, marked as imported; they keep their number where it is
        // free (a restore into an empty library keeps the log's order). Rows of imported plans are
        // always added; rows of plans deleted before the backup only when their number is free
        // (otherwise they were restored before: importing twice adds nothing).
        const backupIds = new Set(backup.plans.map((p) => p.id))
        const taken = new Set(auditKeys)
        const audit: AuditRow[] = []
        for (const row of backup.audit) {
          // Never history for a plan this library already has: a file cannot add to its record.
          if (!freshIds.has(row.planId) && (backupIds.has(row.planId) || existing.has(row.planId))) continue
          const marked: AuditRow = { ...row, importedFrom: row.importedFrom ?? label }
          if (row.seq !== undefined && !taken.has(row.seq)) audit.push(marked)
          else if (freshIds.has(row.planId)) {
            const { seq: _seq, ...rest } = marked
            audit.push(rest)
          }
        }
        // Backups do not carry the Audit screen's summaries and facts: computed from what is restored.
        const index = summariesWithHistory(fresh, revisions, backup.audit)
        const derived = restoredSummaries(outcomes, revisions, index)
        // The tables are written side by side (one wait for all, not one per table); any failure
        // aborts the one transaction, so nothing is kept.
        await Promise.all([
          inChunks(fresh, (chunk) => db.plans.bulkAdd(chunk)),
          inChunks(index, (chunk) => db.planIndex.bulkAdd(chunk)),
          inChunks(revisions, (chunk) => db.revisions.bulkAdd(chunk)),
          inChunks(audit, (chunk) => db.audit.bulkAdd(chunk)),
          inChunks(outcomes.operations, (chunk) => db.operations.bulkAdd(chunk)),
          inChunks(outcomes.visits, (chunk) => db.visits.bulkAdd(chunk)),
          inChunks(outcomes.events, (chunk) => db.outcomeEvents.bulkAdd(chunk)),
          inChunks(derived.facts, (chunk) => db.revisionFacts.bulkPut(chunk)),
          addPatients(db, derived.patients)
        ])
        const skipped = backup.plans.length - fresh.length
        await db.audit.add({
          planId: '',
          at: now(),
          action: 'restore-backup',
          field: 'library',
          oldValue: '',
          newValue: `restored from “${name.slice(0, 120)}” (${label}, checksum ${backup.checksum}): added ${fresh.length} plans, ${revisions.length} revisions, ${audit.length} audit entries, ${outcomeCount(outcomes)} outcome records; ${skipped} already in the library`,
          appVersion: APP_VERSION,
          changes: [
            { path: 'plans', oldValue: '', newValue: String(fresh.length) },
            { path: 'revisions', oldValue: '', newValue: String(revisions.length) },
            { path: 'audit', oldValue: '', newValue: String(audit.length) },
            { path: 'outcomes', oldValue: '', newValue: String(outcomeCount(outcomes)) },
            { path: 'skipped', oldValue: '', newValue: String(skipped) }
          ]
        })
        return { added: fresh.length, skipped }
      })
      // After the commit, never awaited: the surgeon's confirmation does not wait for it, and its
      // failure changes nothing (settleStorage never rejects; a throw here is swallowed too).
      if (outcome.added > 0) void Promise.resolve().then(settle).catch(() => undefined)
      return outcome
    },

    /** Deletes every plan, revision, audit row, unsaved draft, radiograph and outcome record (used to restore onto a clean library): no outcome is left pointing at a plan that is gone. */
    async wipeLibrary(): Promise<void> {
      const outcomeTables = [db.operations, db.visits, db.outcomeEvents, db.outcomeDrafts, db.revisionFacts, db.outcomeSummaries, db.outcomeSummaryPages]
      await db.transaction('rw', [db.plans, db.planIndex, db.revisions, db.audit, db.drafts, db.images, db.imagePixels, ...outcomeTables], async () => {
        await Promise.all([db.plans.clear(), db.planIndex.clear(), db.revisions.clear(), db.audit.clear(), db.drafts.clear(), db.images.clear(), db.imagePixels.clear(), ...outcomeTables.map((t) => t.clear())])
      })
    }
  }
}

export type BackupRepo = ReturnType<typeof createBackupRepo>

function outcomeCount(o: BackupOutcomes): number {
  return o.operations.length + o.visits.length + o.events.length
}

/**
 * The file's outcome records of the plans this restore adds (a plan already in the library keeps
 * its own records, like its history). An id already used in the library refuses the restore.
 */
async function freshOutcomes(db: OsseoDb, all: BackupOutcomes, freshIds: ReadonlySet<string>): Promise<BackupOutcomes> {
  const mine = <T extends { planId: string }>(rows: readonly T[]) => rows.filter((r) => freshIds.has(r.planId))
  const out: BackupOutcomes = { operations: mine(all.operations), visits: mine(all.visits), events: mine(all.events) }
  const tables = [
    [out.operations, db.operations, 'operation record'],
    [out.visits, db.visits, 'follow-up visit'],
    [out.events, db.outcomeEvents, 'event']
  ] as const
  for (const [rows, table, what] of tables) {
    if (rows.length === 0) continue
    const taken = new Set(await table.toCollection().primaryKeys())
    const clash = rows.find((r) => taken.has(r.id))
    if (clash) throw new RestoreConflict(`The backup's ${what} ${clash.id} (plan ${clash.planId}) has the identifier of a record already in this library. Nothing was restored.`)
  }
  return out
}

/** Characters per piece of a backup being written: large enough to write few pieces, small enough never to need one giant string. */
const PIECE_CHARS = 4 * 1024 * 1024

/**
 * A whole-library backup file as pieces of text, record by record: the same text as
 * JSON.stringify(backup), never built as one string (a 100,000-plan library is about 130 MB).
 */
export function* libraryBackupPieces(backup: LibraryBackup): Generator<string> {
  const { plans, revisions, audit, operations, visits, events, ...head } = backup
  const lists: Array<[string, readonly unknown[]]> = [['plans', plans], ['revisions', revisions], ['audit', audit], ['operations', operations], ['visits', visits], ['events', events]]
  let piece = JSON.stringify(head).slice(0, -1)
  for (const [key, rows] of lists) {
    piece += `,${JSON.stringify(key)}:[`
    for (let i = 0; i < rows.length; i++) {
      piece += (i > 0 ? ',' : '') + JSON.stringify(rows[i])
      if (piece.length >= PIECE_CHARS) {
        yield piece
        piece = ''
      }
    }
    piece += ']'
  }
  yield `${piece}}`
}

/** The text of a whole-library backup file (small libraries and tests; the app writes libraryBackupPieces). */
export function libraryBackupText(backup: LibraryBackup): string {
  return [...libraryBackupPieces(backup)].join('')
}

