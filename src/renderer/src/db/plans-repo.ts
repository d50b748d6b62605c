// Plans: create, list, reopen, update and delete. Every change writes its audit row in the same
// transaction, so a plan and its history never disagree.
import type { OsseoDb } from './database'
import { newId } from './ids'
import type { AuditRow, PlanRow, StoredCase } from './types'

export const APP_VERSION = '0.1.0'

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** The indexed columns of a plan, read from its case file. */
export function indexedFields(caseFile: StoredCase): Pick<PlanRow, 'patientCode' | 'level' | 'side' | 'systemId'> {
  const patient = (caseFile['patient'] ?? {}) as Record<string, unknown>
  const limb = (caseFile['limb'] ?? {}) as Record<string, unknown>
  const implant = (caseFile['implant'] ?? {}) as Record<string, unknown>
  const system = (implant['system'] ?? {}) as Record<string, unknown>
  return {
    patientCode: text(patient['code']),
    level: text(limb['level']),
    side: text(limb['side']),
    systemId: text(implant['systemId']) || text(system['id'])
  }
}

export function emptyCase(): StoredCase {
  return { format: 'osseoplan.case', version: 1 }
}

export function createPlansRepo(db: OsseoDb, now: () => number = Date.now) {
  function audit(planId: string, action: string, field = '', oldValue = '', newValue = ''): AuditRow {
    return { planId, at: now(), action, field, oldValue, newValue, appVersion: APP_VERSION }
  }

  return {
    async create(input: { caseFile?: StoredCase; surgeon?: string; notes?: string } = {}): Promise<PlanRow> {
      const caseFile = input.caseFile ?? emptyCase()
      const time = now()
      const row: PlanRow = {
        id: newId(),
        ...indexedFields(caseFile),
        surgeon: input.surgeon ?? '',
        status: 'draft',
        archived: 0,
        createdAt: time,
        updatedAt: time,
        parentId: '',
        caseFile,
        notes: input.notes ?? ''
      }
      await db.transaction('rw', db.plans, db.audit, async () => {
        await db.plans.add(row)
        await db.audit.add(audit(row.id, 'create'))
      })
      return row
    },

    get(id: string): Promise<PlanRow | undefined> {
      return db.plans.get(id)
    },

    /** Newest first. */
    async list(): Promise<PlanRow[]> {
      return db.plans.orderBy('updatedAt').reverse().toArray()
    },

    async updateCase(id: string, caseFile: StoredCase): Promise<PlanRow> {
      return db.transaction('rw', db.plans, db.audit, async () => {
        const row = await db.plans.get(id)
        if (!row) throw new Error('This plan no longer exists.')
        if (row.status === 'approved' || row.status === 'superseded') throw new Error('An approved plan is read-only; revise it instead.')
        const next: PlanRow = { ...row, ...indexedFields(caseFile), caseFile, updatedAt: now() }
        await db.plans.put(next)
        await db.audit.add(audit(id, 'edit', 'caseFile'))
        return next
      })
    },

    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.plans, db.drafts, db.audit, async () => {
        await db.plans.delete(id)
        await db.drafts.delete(id)
        await db.audit.add(audit(id, 'delete'))
      })
    }
  }
}

export type PlansRepo = ReturnType<typeof createPlansRepo>
