// One stored outcome summary per operated plan (schema v10, table `outcomeSummaries`, keyed by
// plan): its operation, visits and events reduced to what the Audit screen computes from
// (shared/outcomes/patient-summary.ts), so opening the screen reads 2,000 small rows instead of
// every visit. Written in the same transaction as every outcome write, plan deletion and restore;
// a plan without an operation has no row. Each row holds the summary as one JSON text: Chromium's
// IndexedDB reads one string per row several times faster than the same values as nested objects.
import type { Transaction } from 'dexie'
import { outcomeSummary, type OutcomeSummary } from '../../../shared/outcomes/patient-summary'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../shared/outcomes/types'
import type { OsseoDb } from './database'

/** A stored row: the plan, and its summary as JSON text. */
export interface OutcomeSummaryRow {
  planId: string
  summary: string
}

export function summaryRow(summary: OutcomeSummary): OutcomeSummaryRow {
  return { planId: summary.planId, summary: JSON.stringify(summary) }
}

export function storedSummary(row: OutcomeSummaryRow): OutcomeSummary {
  return JSON.parse(row.summary) as OutcomeSummary
}

/** The tables a summary is read from and written to (a transaction refreshing one needs them all). */
export function summaryTables(db: OsseoDb) {
  return [db.operations, db.visits, db.outcomeEvents, db.outcomeSummaries] as const
}

/** The plan's first operation: the earliest first stage (a later operation is a revision, an event
 *  of the same patient); of two on the same day, the smaller id, whatever order they were read in. */
export function firstOperations(operations: readonly OperationRecord[]): Map<string, OperationRecord> {
  const first = new Map<string, OperationRecord>()
  for (const op of operations) {
    const seen = first.get(op.planId)
    const date = op.stages[0]!.date
    if (!seen || date < seen.stages[0]!.date || (date === seen.stages[0]!.date && op.id < seen.id)) first.set(op.planId, op)
  }
  return first
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

/** The summaries of every operated plan among these records (all of each plan's records must be given). */
export function summariesOf(operations: readonly OperationRecord[], visits: readonly FollowUpVisit[], events: readonly OutcomeEvent[]): OutcomeSummary[] {
  const visitsByPlan = byPlan(visits)
  const eventsByPlan = byPlan(events)
  return [...firstOperations(operations)].map(([planId, operation]) => outcomeSummary({ planId, operation, visits: visitsByPlan.get(planId) ?? [], events: eventsByPlan.get(planId) ?? [] }))
}

/** Recomputes the plan's summary from its stored records (or removes it when the plan has no
 *  operation left). Call inside a read-write transaction over summaryTables(db). */
export async function refreshSummary(db: OsseoDb, planId: string): Promise<void> {
  const [operations, visits, events] = await Promise.all([
    db.operations.where('planId').equals(planId).toArray(),
    db.visits.where('planId').equals(planId).toArray(),
    db.outcomeEvents.where('planId').equals(planId).toArray()
  ])
  const [summary] = summariesOf(operations, visits, events)
  if (summary) await db.outcomeSummaries.put(summaryRow(summary))
  else await db.outcomeSummaries.delete(planId)
}

/** Schema v10 upgrade: the summary of every plan with an operation recorded. */
export async function fillOutcomeSummaries(tx: Transaction): Promise<void> {
  const [operations, visits, events] = await Promise.all([tx.table('operations').toArray(), tx.table('visits').toArray(), tx.table('outcomeEvents').toArray()])
  await tx.table('outcomeSummaries').bulkPut(summaryRows(operations as OperationRecord[], visits as FollowUpVisit[], events as OutcomeEvent[]))
}

/** The stored rows of every operated plan among these records (backup restore, upgrade). */
export function summaryRows(operations: readonly OperationRecord[], visits: readonly FollowUpVisit[], events: readonly OutcomeEvent[]): OutcomeSummaryRow[] {
  return summariesOf(operations, visits, events).map(summaryRow)
}
