// Backup and restore of the plan library: one JSON file (format "osseoplan.library", version 1)
// with every plan, revision and audit row; single plans export as their case file. Import writes
// only what validateLibraryBackup accepted, all in one transaction, and never overwrites a plan.
import type { OsseoDb } from './database'
import { LIBRARY_FORMAT, LIBRARY_VERSION, type LibraryBackup } from './backup-validate'
import { APP_VERSION } from './plans-repo'
import { planSummary } from './plan-summary'
import type { AuditRow, PlanRow } from './types'

export interface ImportOutcome {
  added: number
  /** Plans already in the library (same id): left exactly as they are. */
  skipped: number
}

export function createBackupRepo(db: OsseoDb, now: () => number = Date.now) {
  return {
    async exportLibrary(): Promise<LibraryBackup> {
      return db.transaction('r', db.plans, db.revisions, db.audit, async () => ({
        format: LIBRARY_FORMAT,
        version: LIBRARY_VERSION,
        exportedAt: new Date(now()).toISOString(),
        appVersion: APP_VERSION,
        plans: await db.plans.orderBy('createdAt').toArray(),
        revisions: await db.revisions.orderBy('[planId+number]').toArray(),
        audit: await db.audit.orderBy('seq').toArray()
      }))
    },

    /** Adds the backup's plans (with their revisions and audit rows) that are not in the library yet. */
    async importLibrary(backup: LibraryBackup): Promise<ImportOutcome> {
      return db.transaction('rw', [db.plans, db.planIndex, db.revisions, db.audit], async () => {
        // One key-only read per table instead of one get per row: a 10,000-plan restore in Chromium
        // takes about a fifth less time (docs/performance.md, "Slowest step").
        const existing = new Set(await db.plans.toCollection().primaryKeys())
        const fresh: PlanRow[] = backup.plans.filter((p) => !existing.has(p.id))
        const freshIds = new Set(fresh.map((p) => p.id))
        await db.plans.bulkAdd(fresh)
        await db.planIndex.bulkPut(fresh.map(planSummary))
        await db.revisions.bulkAdd(backup.revisions.filter((r) => freshIds.has(r.planId)))
        // Audit rows keep their number where it is free (a restore into an empty library is identical).
        // Rows of imported plans are always added; rows of plans deleted before the backup only when
        // their number is free (otherwise they were restored before: importing twice adds nothing).
        const backupIds = new Set(backup.plans.map((p) => p.id))
        const candidates = backup.audit.filter((a) => freshIds.has(a.planId) || !backupIds.has(a.planId))
        const taken = new Set(await db.audit.toCollection().primaryKeys())
        const audit: AuditRow[] = []
        candidates.forEach((row) => {
          const free = row.seq !== undefined && !taken.has(row.seq)
          if (free) audit.push(row)
          else if (freshIds.has(row.planId)) {
            const { seq: _seq, ...rest } = row
            audit.push(rest as AuditRow)
          }
        })
        await db.audit.bulkAdd(audit)
        return { added: fresh.length, skipped: backup.plans.length - fresh.length }
      })
    },

    /** Deletes every plan, revision, audit row, unsaved draft and radiograph (used to restore onto a clean library). */
    async wipeLibrary(): Promise<void> {
      await db.transaction('rw', [db.plans, db.planIndex, db.revisions, db.audit, db.drafts, db.images, db.imagePixels], async () => {
        await Promise.all([db.plans.clear(), db.planIndex.clear(), db.revisions.clear(), db.audit.clear(), db.drafts.clear(), db.images.clear(), db.imagePixels.clear()])
      })
    }
  }
}

export type BackupRepo = ReturnType<typeof createBackupRepo>

/** The text of a whole-library backup file. */
export function libraryBackupText(backup: LibraryBackup): string {
  return JSON.stringify(backup)
}

/** The text of a single plan's case file (format osseoplan.case). */
export function caseFileText(plan: PlanRow): string {
  return `${JSON.stringify(plan.caseFile, null, 2)}\n`
}

/** File names for exports: "OsseoPlan P-001 2026-11-26.json". */
export function exportFileName(what: string, at: number): string {
  return `OsseoPlan ${what} ${new Date(at).toISOString().slice(0, 10)}.json`.replace(/[^A-Za-z0-9 ._-]/g, '_')
}

