// The audit log, read-only: rows are only ever appended, by the plans repository.
import type { OsseoDb } from './database'
import type { AuditRow } from './types'

export function createAuditRepo(db: OsseoDb) {
  return {
    /** Oldest first. */
    listForPlan(planId: string): Promise<AuditRow[]> {
      return db.audit.where('planId').equals(planId).sortBy('seq')
    }
  }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>
