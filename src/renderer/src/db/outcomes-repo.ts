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
  localToday,
  parseEvent,
  parseOperation,
  parseVisit,
  planFacts,
  recordDateErrors,
  type AuditPatient,
  type CohortPatient,
  type FollowUpVisit,
  type InfectionScale,
  type OperationRecord,
  type OutcomeEvent,
  type Parsed,
  type PatientHead,
  type PlanFacts
} from '../../../shared/outcomes'
import type { Table } from 'dexie'
import type { OsseoDb } from './database'
import { byPlan, refreshSummary, summaryTables, type PatientPlan } from './outcome-summaries'
import { readPatients } from './summary-pages'
import { newId } from './ids'
import { diffValues, displayValue } from './object-diff'
import { APP_VERSION } from './plans-repo'
import { revisionFactsRow, type RevisionFactsRow } from './revision-facts'
import type { AuditChange, AuditRow, OutcomeDraftRow } from './types'

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
/** The audit log's action for the deletion of one (its fields are kept in the row's changes). */
export const OUTCOME_DELETE_ACTION = 'delete-outcome'

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

/** `today`: this computer's calendar day (records dated after it are refused). */
export function createOutcomesRepo(db: OsseoDb, now: () => number = Date.now, today: () => string = () => localToday()) {
  async function stamped<T extends Stamped>(table: { get(id: string): Promise<T | undefined> }, input: { id?: string }): Promise<{ stamps: { id: string; createdAt: number; updatedAt: number }; existing: T | undefined }> {
    const time = now()
    const existing = input.id ? await table.get(input.id) : undefined
    return { stamps: { id: input.id ?? newId(), createdAt: existing?.createdAt ?? time, updatedAt: time }, existing }
  }

  /** A correction of a saved record goes into the plan's audit trail: which record, each field old →
   *  new; a deletion too, with every field it held (old → —). */
  async function auditEdit<T extends Stamped>(kind: 'operation' | 'visit' | 'event', before: T | undefined, after: T | null): Promise<void> {
    if (!before) return
    const strip = ({ createdAt: _c, updatedAt: _u, id: _i, planId: _p, ...rest }: T) => rest
    const changes: AuditChange[] = diffValues(strip(before), after ? strip(after) : {}).map((c) => ({ path: `${kind}.${c.path}`, oldValue: displayValue(c.before).slice(0, 2000), newValue: after ? displayValue(c.after).slice(0, 2000) : '' }))
    if (changes.length === 0) return
    const name = recordName(kind, before as unknown as Record<string, unknown>)
    const field = after ? `${name}: ${changes.map((c) => spoken(c.path.slice(kind.length + 1))).join(', ')}` : `${name} deleted`
    const row: AuditRow = { planId: before.planId, at: now(), action: after ? OUTCOME_EDIT_ACTION : OUTCOME_DELETE_ACTION, field: field.slice(0, 2000), oldValue: '', newValue: '', appVersion: APP_VERSION, changes }
    await db.audit.add(row)
  }

  /** Deletes one record with its plan's summary refreshed and the deletion in the plan's history, in one transaction. */
  async function removeRecord<T extends Stamped>(kind: 'operation' | 'visit' | 'event', table: Table<T, string>, id: string): Promise<void> {
    await db.transaction('rw', [...summaryTables(db), db.audit], async () => {
      const before = await table.get(id)
      if (!before) return
      await table.delete(id)
      await refreshSummary(db, before.planId)
      await auditEdit(kind, before, null)
    })
  }

  /** Revision facts by revision id: stored ones, and those not stored yet computed from the revision and stored. */
  async function missingFacts(revisionIds: string[]): Promise<Map<string, RevisionFactsRow>> {
    return db.transaction('rw', [db.revisions, db.revisionFacts], async () => {
      const stored = (await db.revisionFacts.bulkGet(revisionIds)).filter((f): f is RevisionFactsRow => f !== undefined)
      const have = new Set(stored.map((f) => f.id))
      const computed = (await db.revisions.bulkGet(revisionIds.filter((id) => !have.has(id)))).flatMap((r) => (r ? [revisionFactsRow(r)] : []))
      await db.revisionFacts.bulkPut(computed)
      return new Map([...stored, ...computed].map((f) => [f.id, f]))
    })
  }

  /** The plan's operation date (its earliest operation's stage 1), or null before one is recorded. */
  async function surgeryOf(planId: string): Promise<string | null> {
    const ops = await db.operations.where('planId').equals(planId).toArray()
    return ops.map((o) => o.stages[0]!.date).sort()[0] ?? null
  }
  function datesOk(errors: FieldError[]): void {
    if (errors.length > 0) throw new OutcomeValidationError(errors)
  }

  async function mustExist(planId: string): Promise<void> {
    if (!(await db.plans.get(planId))) throw new OutcomeValidationError([{ path: 'planId', message: 'This plan no longer exists (it may have been deleted in another window).' }])
  }

  return {
    async operationsForPlan(planId: string): Promise<OperationRecord[]> {
      return (await db.operations.where('planId').equals(planId).toArray()).sort((a, b) => a.stages[0]!.date.localeCompare(b.stages[0]!.date))
    },

    async saveOperation(input: Input<OperationRecord>): Promise<OperationRecord> {
      return db.transaction('rw', [...summaryTables(db), db.revisions, db.plans, db.outcomeDrafts, db.revisionFacts, db.audit], async () => {
        const { stamps, existing } = await stamped(db.operations, input)
        const record = valid(parseOperation({ ...input, ...stamps }))
        await mustExist(record.planId)
        const [visits, events, ops] = await Promise.all([db.visits.where('planId').equals(record.planId).toArray(), db.outcomeEvents.where('planId').equals(record.planId).toArray(), db.operations.where('planId').equals(record.planId).toArray()])
        // Only the plan's first operation is where follow-up starts; a later one (a revision) comes after it.
        const first = !ops.some((o) => o.id !== record.id && o.stages[0]!.date < record.stages[0]!.date)
        const after = first ? ([...visits.filter((v) => v.kind === 'follow-up'), ...events].map((r) => r.date).sort()[0] ?? null) : null
        datesOk(recordDateErrors({ kind: 'operation', stages: record.stages }, { today: today(), surgeryDate: null, earliestAfterOperation: after }))
        const revision = await db.revisions.get(record.revisionId)
        if (!revision || revision.planId !== record.planId || revision.status !== 'approved')
          throw new OutcomeValidationError([{ path: 'revisionId', message: 'An operation is recorded on an approved revision of this plan.' }])
        await db.operations.put(record)
        await db.revisionFacts.put(revisionFactsRow(revision))
        await refreshSummary(db, record.planId)
        if (existing && existing.planId !== record.planId) await refreshSummary(db, existing.planId)
        await auditEdit('operation', existing, record)
        return record
      })
    },

    async visitsForPlan(planId: string): Promise<FollowUpVisit[]> {
      return db.visits.where('[planId+date]').between([planId, ''], [planId, '\uffff']).toArray()
    },

    async saveVisit(input: Input<FollowUpVisit>): Promise<FollowUpVisit> {
      return db.transaction('rw', [...summaryTables(db), db.plans, db.audit], async () => {
        const { stamps, existing } = await stamped(db.visits, input)
        const record = valid(parseVisit({ ...input, ...stamps }))
        await mustExist(record.planId)
        datesOk(recordDateErrors({ kind: 'visit', visitKind: record.kind, date: record.date }, { today: today(), surgeryDate: await surgeryOf(record.planId) }))
        await db.visits.put(record)
        await refreshSummary(db, record.planId)
        if (existing && existing.planId !== record.planId) await refreshSummary(db, existing.planId)
        await auditEdit('visit', existing, record)
        return record
      })
    },

    async eventsForPlan(planId: string): Promise<OutcomeEvent[]> {
      return (await db.outcomeEvents.where('planId').equals(planId).toArray()).sort((a, b) => a.date.localeCompare(b.date))
    },

    async saveEvent(input: Input<OutcomeEvent>, scale: InfectionScale = DEFAULT_INFECTION_SCALE): Promise<OutcomeEvent> {
      return db.transaction('rw', [...summaryTables(db), db.plans, db.audit], async () => {
        const withScale = input.type === 'infection' && input.infectionGrade !== undefined && input.infectionScaleId === undefined ? { ...input, infectionScaleId: scale.id } : input
        const { stamps, existing } = await stamped(db.outcomeEvents, input)
        const record = valid(parseEvent({ ...withScale, ...stamps }, scale))
        await mustExist(record.planId)
        datesOk(recordDateErrors({ kind: 'event', date: record.date }, { today: today(), surgeryDate: await surgeryOf(record.planId) }))
        if (existing && existing.planId !== record.planId) throw new OutcomeValidationError([{ path: 'planId', message: 'An event stays with the plan it was recorded on.' }])
        await db.outcomeEvents.put(record)
        await refreshSummary(db, record.planId)
        await auditEdit('event', existing, record)
        return record
      })
    },

    async removeVisit(id: string): Promise<void> {
      await removeRecord('visit', db.visits, id)
    },
    async removeEvent(id: string): Promise<void> {
      await removeRecord('event', db.outcomeEvents, id)
    },
    async removeOperation(id: string): Promise<void> {
      await removeRecord('operation', db.operations, id)
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
     * Every operated patient with the approved plan's facts, for the Audit screen: the stored rows
     * (each patient's outcome summary, first operation, revision facts and plan index fields; never
     * the visits and events themselves), in one request (getAll: in Chromium one get per patient
     * costs more than reading every row). What a row lacks is read from the plan index, the
     * revision facts, or once from the revision itself.
     */
    async loadCohort(customSystems: readonly ImplantSystem[] = []): Promise<AuditPatient[]> {
      const patients = await db.transaction('r', [db.outcomeSummaryPages], () => readPatients(db))
      const lacking = [...new Set(patients.filter((p) => !p.facts).map((p) => p.operation.revisionId))]
      const found = lacking.length > 0 ? await missingFacts(lacking) : new Map<string, RevisionFactsRow>()
      const systems = new Map([...BUILTIN_SYSTEMS, ...customSystems].map((s) => [s.id, s]))
      return patients.map((p) => ({ ...patientHead(p.operation, p.plan, p.facts ?? found.get(p.operation.revisionId), systems), summary: p.summary }))
    },

    /** The patients with every visit and event (the CSV exports), read when asked. */
    async withRecords(patients: readonly PatientHead[]): Promise<CohortPatient[]> {
      const planIds = patients.map((p) => p.planId)
      const [visits, events] = await db.transaction('r', [db.visits, db.outcomeEvents], () =>
        Promise.all([db.visits.where('planId').anyOf(planIds).toArray(), db.outcomeEvents.where('planId').anyOf(planIds).toArray()])
      )
      const visitsByPlan = byPlan(visits)
      const eventsByPlan = byPlan(events)
      return patients.map((p) => ({ ...p, visits: visitsByPlan.get(p.planId) ?? [], events: eventsByPlan.get(p.planId) ?? [] }))
    }
  }
}

/** A patient's plan facts beside its first operation, as the audit reads them. */
function patientHead(op: OperationRecord, summary: PatientPlan | null | undefined, revisionFacts: PlanFacts | undefined, systems: ReadonlyMap<string, ImplantSystem>): PatientHead {
  const facts = revisionFacts ?? planFacts(undefined, undefined)
  const system = systems.get(op.implant.systemId)
  return {
    planId: op.planId,
    patientCode: summary?.patientCode ?? '(deleted plan)',
    level: summary?.level ?? '',
    surgeon: summary?.surgeon ?? '',
    planned: facts.planned,
    catalogue: system ? { diametersMm: system.diametersMm.value, lengthsMm: system.lengthsMm.value } : null,
    calibration: facts.calibration,
    imagingSource: facts.imagingSource,
    operation: op
  }
}

export type OutcomesRepo = ReturnType<typeof createOutcomesRepo>
