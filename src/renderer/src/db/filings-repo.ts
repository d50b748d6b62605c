// What a plan filed to the hospital's PACS, kept in the plan's audit trail (append-only) so the
// record sits with every other change: where, when, which study, series and instance UIDs.
import type { FiledPlan } from '../../../shared/pacs-contract'
import type { OsseoDb } from './database'
import { APP_VERSION } from './plans-repo'
import type { AuditRow } from './types'

export const FILED_ACTION = 'filed-to-pacs'

export function createFilingsRepo(db: OsseoDb) {
  return {
    async record(planId: string, revisionLabel: string, filed: FiledPlan): Promise<void> {
      const row: AuditRow = {
        planId,
        at: Date.parse(filed.filedAt),
        action: FILED_ACTION,
        field: 'pacs',
        oldValue: '',
        newValue: JSON.stringify({ revision: revisionLabel, ...filed }),
        appVersion: APP_VERSION
      }
      await db.audit.add(row)
    },
    /** Earlier filings of the plan, oldest first. */
    async list(planId: string): Promise<(FiledPlan & { revision: string })[]> {
      const rows = await db.audit.where('planId').equals(planId).sortBy('seq')
      return rows
        .filter((r) => r.action === FILED_ACTION)
        .flatMap((r) => {
          try {
            return [JSON.parse(r.newValue) as FiledPlan & { revision: string }]
          } catch {
            return []
          }
        })
    }
  }
}

export type FilingsRepo = ReturnType<typeof createFilingsRepo>
