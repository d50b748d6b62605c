// After surgery: operation records, follow-up visits and events, and the text of outcome forms
// while they are being typed. Every write is validated by the core first (field-level errors,
// nothing stored); an operation must name an approved revision of its own plan, so the plan it
// carried out stays exactly as approved.
import type { FieldError } from '../../../shared/case/types'
import { BUILTIN_SYSTEMS } from '../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../shared/catalog/types'
import {
  DEFAULT_INFECTION_SCALE,
  EVENT_LABELS,
  parseEvent,
  parseOperation,
  parseVisit,
  planFacts,
  type CohortPatient,
  type FollowUpVisit,
  type InfectionScale,
  type OperationRecord,
  type OutcomeEvent,
  type Parsed
} from '../../../shared/outcomes'
import type { OsseoDb } from './database'
import { newId } from './ids'
import { diffValues, displayValue } from './object-diff'
import { APP_VERSION } from './plans-repo'
import { revisionFactsRow, type RevisionFactsRow } from './revision-facts'
import type { AuditChange, AuditRow, OutcomeDraftRow, PlanSummary } from './types'

export class OutcomeValidationError extends Error {
  override name = 'OutcomeValidationError'
  constructor(readonly errors: FieldError[]) {
    super(`Not saved: ${errors.map((e) => `${e.path || 'record'} ${e.message}`).join('; ')}`)
  }
}

/** What deleting a plan would take with it (the library asks twice when any of these is > 0). */
export interface OutcomeCounts {
  operations: number
  visits: number
  events: number
}

export interface PlanOutcomes {
  operations: OperationRecord[]
  visits: FollowUpVisit[]
  events: OutcomeEvent[]
}

/** A new record's fields without id and time stamps (an existing id updates that record). */
type Input<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }

function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new OutcomeValidationError(parsed.errors)
  return parsed.value
}

/** The audit log's action for a correction of an operation record, visit or event. */
export const OUTCOME_EDIT_ACTION = 'edit-outcome'

type Stamped = { id: string; planId: string; createdAt: number; updatedAt: number }

/** "Infection of 2026-05-01", "visit of 2026-04-14", "operation record": which record an audit row is about. */
function recordName(kind: 'operation' | 'visit' | 'event', r: Record<string, unknown>): string {
  if (kind === 'event') return `${EVENT_LABELS[r['type'] as OutcomeEvent['type']] ?? 'Event'} of ${String(r['date'])}`
  if (kind === 'visit') return `Visit of ${String(r['date'])}`
  return 'Operation record'
}

/** 'infectionGrade' → 'infection grade', 'qtfa.global' → 'qtfa global': field names as words. */
function spoken(path: string): string {
  return path.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[.[\]]+/g, ' ').trim().toLowerCase()
}

export function createOutcomesRepo(db: OsseoDb, now: () => number = Date.now) {
  async function stamped<T extends Stamped>(table: { get(id: string): Promise<T | undefined> }, input: { id?: string }): Promise<{ stamps: { id: string; createdAt: number; updatedAt: number }; existing: T | undefined }> {
    const time = now()
    const existing = input.id ? await table.get(input.id) : undefined
    return { stamps: { id: input.id ?? newId(), createdAt: existing?.createdAt ?? time, updatedAt: time }, existing }
  }

  /** A correction of a saved record goes into the plan's audit trail: which record, each field old → new. */
  async function auditEdit<T extends Stamped>(kind: 'operation' | 'visit' | 'event', before: T | undefined, after: T): Promise<void> {
    if (!before) return
    const strip = ({ createdAt: _c, updatedAt: _u, id: _i, ...rest }: T) => rest
    const changes: AuditChange[] = diffValues(strip(before), strip(after)).map((c) => ({ path: `${kind}.${c.path}`, oldValue: displayValue(c.before).slice(0, 2000), newValue: displayValue(c.after).slice(0, 2000) }))
    if (changes.length === 0) return
    const name = recordName(kind, before as unknown as Record<string, unknown>)
    const row: AuditRow = { planId: after.planId, at: now(), action: OUTCOME_EDIT_ACTION, field: `${name}: ${changes.map((c) => spoken(c.path.slice(kind.length + 1))).join(', ')}`.slice(0, 2000), oldValue: '', newValue: '', appVersion: APP_VERSION, changes }
    await db.audit.add(row)
  }

  async function mustExist(planId: string): Promise<void> {
    if (!(await db.plans.get(planId))) throw new OutcomeValidationError([{ path: 'planId', message: 'This plan no longer exists (it may have been deleted in another window).' }])
  }

  return {
    async operationsForPlan(planId: string): Promise<OperationRecord[]> {
      return (await db.operations.where('planId').equals(planId).toArray()).sort((a, b) => a.stages[0]!.date.localeCompare(b.stages[0]!.date))
    },

    async saveOperation(input: Input<OperationRecord>): Promise<OperationRecord> {
      return db.transaction('rw', [db.operations, db.revisions, db.plans, db.outcomeDrafts, db.revisionFacts, db.audit], async () => {
        const { stamps, existing } = await stamped(db.operations, input)
        const record = valid(parseOperation({ ...input, ...stamps }))
        await mustExist(record.planId)
        const revision = await db.revisions.get(record.revisionId)
        if (!revision || revision.planId !== record.planId || revision.status !== 'approved')
          throw new OutcomeValidationError([{ path: 'revisionId', message: 'An operation is recorded on an approved revision of this plan.' }])
        await db.operations.put(record)
        await db.revisionFacts.put(revisionFactsRow(revision))
        await auditEdit('operation', existing, record)
        return record
      })
    },

    async visitsForPlan(planId: string): Promise<FollowUpVisit[]> {
      return db.visits.where('[planId+date]').between([planId, ''], [planId, '\uffff']).toArray()
    },

    async saveVisit(input: Input<FollowUpVisit>): Promise<FollowUpVisit> {
      return db.transaction('rw', [db.visits, db.plans, db.audit], async () => {
        const { stamps, existing } = await stamped(db.visits, input)
        const record = valid(parseVisit({ ...input, ...stamps }))
        await mustExist(record.planId)
        await db.visits.put(record)
        await auditEdit('visit', existing, record)
        return record
      })
    },

    async eventsForPlan(planId: string): Promise<OutcomeEvent[]> {
      return (await db.outcomeEvents.where('planId').equals(planId).toArray()).sort((a, b) => a.date.localeCompare(b.date))
    },

    async saveEvent(input: Input<OutcomeEvent>, scale: InfectionScale = DEFAULT_INFECTION_SCALE): Promise<OutcomeEvent> {
      return db.transaction('rw', [db.outcomeEvents, db.plans, db.audit], async () => {
        const withScale = input.type === 'infection' && input.infectionGrade !== undefined && input.infectionScaleId === undefined ? { ...input, infectionScaleId: scale.id } : input
        const { stamps, existing } = await stamped(db.outcomeEvents, input)
        const record = valid(parseEvent({ ...withScale, ...stamps }, scale))
        await mustExist(record.planId)
        if (existing && existing.planId !== record.planId) throw new OutcomeValidationError([{ path: 'planId', message: 'An event stays with the plan it was recorded on.' }])
        await db.outcomeEvents.put(record)
        await auditEdit('event', existing, record)
        return record
      })
    },

    async removeVisit(id: string): Promise<void> {
      await db.visits.delete(id)
    },
    async removeEvent(id: string): Promise<void> {
      await db.outcomeEvents.delete(id)
    },
    async removeOperation(id: string): Promise<void> {
      await db.operations.delete(id)
    },

    async countsForPlan(planId: string): Promise<OutcomeCounts> {
      const [operations, visits, events] = await Promise.all([
        db.operations.where('planId').equals(planId).count(),
        db.visits.where('planId').equals(planId).count(),
        db.outcomeEvents.where('planId').equals(planId).count()
      ])
      return { operations, visits, events }
    },

    // -- drafts of outcome forms: what is typed survives a closed window even while invalid ----
    async getDraft(key: string): Promise<OutcomeDraftRow | undefined> {
      return db.outcomeDrafts.get(key)
    },
    async saveDraft(key: string, planId: string, values: Record<string, unknown>): Promise<void> {
      await db.outcomeDrafts.put({ key, planId, values, updatedAt: now() })
    },
    async removeDraft(key: string): Promise<void> {
      await db.outcomeDrafts.delete(key)
    },

    /**
     * Every operated patient with the approved plan's facts, for the Audit screen: one read of the
     * three outcome tables, the plan summaries and the revisions' stored facts (never the
     * revisions themselves, except once for facts not stored yet).
     */
    async loadCohort(customSystems: readonly ImplantSystem[] = []): Promise<CohortPatient[]> {
      const read = await db.transaction('r', [db.operations, db.visits, db.outcomeEvents, db.planIndex, db.revisionFacts], async () => {
        const [operations, visits, events] = await Promise.all([db.operations.toArray(), db.visits.toArray(), db.outcomeEvents.toArray()])
        const first = firstOperations(operations)
        const planIds = [...first.keys()]
        const [summaries, facts] = await Promise.all([db.planIndex.bulkGet(planIds), db.revisionFacts.bulkGet(planIds.map((id) => first.get(id)!.revisionId))])
        return { first, visits, events, summaries, facts }
      })
      const ops = [...read.first.values()]
      const missing = ops.filter((_, i) => !read.facts[i]).map((op) => op.revisionId)
      if (missing.length > 0) {
        const filled = await db.transaction('rw', [db.revisions, db.revisionFacts], async () => {
          const rows = (await db.revisions.bulkGet(missing)).flatMap((r) => (r ? [revisionFactsRow(r)] : []))
          await db.revisionFacts.bulkPut(rows)
          return new Map(rows.map((r) => [r.id, r]))
        })
        read.facts = ops.map((op, i) => read.facts[i] ?? filled.get(op.revisionId))
      }
      return buildCohort(read.first, read.visits, read.events, read.summaries, read.facts, customSystems)
    }
  }
}

/** One patient per plan: the earliest operation (a revision operation is an event, not a new patient). */
function firstOperations(operations: readonly OperationRecord[]): Map<string, OperationRecord> {
  const firstOperation = new Map<string, OperationRecord>()
  for (const op of operations) {
    const seen = firstOperation.get(op.planId)
    if (!seen || op.stages[0]!.date < seen.stages[0]!.date) firstOperation.set(op.planId, op)
  }
  return firstOperation
}

function byPlan<T extends { planId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const r of rows) {
    const list = map.get(r.planId)
    if (list) list.push(r)
    else map.set(r.planId, [r])
  }
  return map
}

function buildCohort(
  firstOperation: ReadonlyMap<string, OperationRecord>,
  visits: readonly FollowUpVisit[],
  events: readonly OutcomeEvent[],
  summaries: readonly (PlanSummary | undefined)[],
  revisionFacts: readonly (RevisionFactsRow | undefined)[],
  customSystems: readonly ImplantSystem[]
): CohortPatient[] {
  const visitsByPlan = byPlan(visits)
  const eventsByPlan = byPlan(events)
  const systems = new Map([...BUILTIN_SYSTEMS, ...customSystems].map((s) => [s.id, s]))
  return [...firstOperation.keys()].map((planId, i) => {
    const op = firstOperation.get(planId)!
    const summary = summaries[i]
    const facts = revisionFacts[i] ?? planFacts(undefined, undefined)
    const system = systems.get(op.implant.systemId)
    return {
      planId,
      patientCode: summary?.patientCode ?? '(deleted plan)',
      level: summary?.level ?? '',
      surgeon: summary?.surgeon ?? '',
      planned: facts.planned,
      catalogue: system ? { diametersMm: system.diametersMm.value, lengthsMm: system.lengthsMm.value } : null,
      calibration: facts.calibration,
      imagingSource: facts.imagingSource,
      operation: op,
      visits: visitsByPlan.get(planId) ?? [],
      events: eventsByPlan.get(planId) ?? []
    }
  })
}

export type OutcomesRepo = ReturnType<typeof createOutcomesRepo>
