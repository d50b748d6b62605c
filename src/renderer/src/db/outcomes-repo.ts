// After surgery: operation records, follow-up visits and events, and the text of outcome forms
// while they are being typed. Every write is validated by the core first (field-level errors,
// nothing stored); an operation must name an approved revision of its own plan, so the plan it
// carried out stays exactly as approved.
import type { FieldError } from '../../../shared/case/types'
import { BUILTIN_SYSTEMS } from '../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../shared/catalog/types'
import {
  DEFAULT_INFECTION_SCALE,
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
import { revisionFactsRow, type RevisionFactsRow } from './revision-facts'
import type { OutcomeDraftRow, PlanSummary } from './types'

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

export function createOutcomesRepo(db: OsseoDb, now: () => number = Date.now) {
  async function stamped<T extends { id: string; createdAt: number; updatedAt: number }>(table: { get(id: string): Promise<T | undefined> }, input: { id?: string }): Promise<{ id: string; createdAt: number; updatedAt: number }> {
    const time = now()
    const existing = input.id ? await table.get(input.id) : undefined
    return { id: input.id ?? newId(), createdAt: existing?.createdAt ?? time, updatedAt: time }
  }

  async function mustExist(planId: string): Promise<void> {
    if (!(await db.plans.get(planId))) throw new OutcomeValidationError([{ path: 'planId', message: 'This plan no longer exists (it may have been deleted in another window).' }])
  }

  return {
    async operationsForPlan(planId: string): Promise<OperationRecord[]> {
      return (await db.operations.where('planId').equals(planId).toArray()).sort((a, b) => a.stages[0]!.date.localeCompare(b.stages[0]!.date))
    },

    async saveOperation(input: Input<OperationRecord>): Promise<OperationRecord> {
      return db.transaction('rw', [db.operations, db.revisions, db.plans, db.outcomeDrafts, db.revisionFacts], async () => {
        const record = valid(parseOperation({ ...input, ...(await stamped(db.operations, input)) }))
        await mustExist(record.planId)
        const revision = await db.revisions.get(record.revisionId)
        if (!revision || revision.planId !== record.planId || revision.status !== 'approved')
          throw new OutcomeValidationError([{ path: 'revisionId', message: 'An operation is recorded on an approved revision of this plan.' }])
        await db.operations.put(record)
        await db.revisionFacts.put(revisionFactsRow(revision))
        return record
      })
    },

    async visitsForPlan(planId: string): Promise<FollowUpVisit[]> {
      return db.visits.where('[planId+date]').between([planId, ''], [planId, '\uffff']).toArray()
    },

    async saveVisit(input: Input<FollowUpVisit>): Promise<FollowUpVisit> {
      return db.transaction('rw', [db.visits, db.plans], async () => {
        const record = valid(parseVisit({ ...input, ...(await stamped(db.visits, input)) }))
        await mustExist(record.planId)
        await db.visits.put(record)
        return record
      })
    },

    async eventsForPlan(planId: string): Promise<OutcomeEvent[]> {
      return (await db.outcomeEvents.where('planId').equals(planId).toArray()).sort((a, b) => a.date.localeCompare(b.date))
    },

    async saveEvent(input: Input<OutcomeEvent>, scale: InfectionScale = DEFAULT_INFECTION_SCALE): Promise<OutcomeEvent> {
      return db.transaction('rw', [db.outcomeEvents, db.plans], async () => {
        const withScale = input.type === 'infection' && input.infectionGrade !== undefined && input.infectionScaleId === undefined ? { ...input, infectionScaleId: scale.id } : input
        const record = valid(parseEvent({ ...withScale, ...(await stamped(db.outcomeEvents, input)) }, scale))
        await mustExist(record.planId)
        await db.outcomeEvents.put(record)
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
