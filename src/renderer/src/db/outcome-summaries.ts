// One stored outcome summary per operated plan: its operation, visits and events reduced to what
// the Audit screen computes from (shared/outcomes/patient-summary.ts), so opening the screen reads
// these instead of every visit. Written in the same transaction as every outcome
// write, plan deletion and restore; a plan without an operation has none. It also carries the
// patient's first operation and its approved revision's facts (revision-facts.ts) and the plan's
// patient code, level and surgeon (rewritten when a plan save changes them), so that opening the
// screen reads this only. Stored since schema v14 on 32 pages (summary-pages.ts); schemas v10–v13
// stored one row per plan in `outcomeSummaries` (as JSON text, OutcomeSummaryRow, read only by
// the upgrades now; v13 added the plan's fields).
import type { Transaction } from 'dexie'
import { outcomeSummary, type OutcomeSummary } from '../../../shared/outcomes/patient-summary'
import type { PlanFacts } from '../../../shared/outcomes/plan-link'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../shared/outcomes/types'
import type { OsseoDb } from './database'
import { revisionFactsRow, type RevisionFactsRow } from './revision-facts'
import { pagesOf, readPatient, writePatient } from './summary-pages'
import type { PlanSummary, RevisionRow } from './types'

/** What a row holds: the summary, the operation it runs from, and that revision's facts (null
 *  when they were not stored when the row was written). */
export interface StoredPatient {
  summary: OutcomeSummary
  operation: OperationRecord
  facts: PlanFacts | null
  /** The plan's fields the audit filters and lists by, as its plan index row has them (null: the
   *  plan has no index row). Absent only from rows written before schema v13, which the v14
   *  upgrade (moveToPages) completes from the plan index. */
  plan?: PatientPlan | null
}

/** What the Audit screen takes from a plan's index row. */
export interface PatientPlan {
  patientCode: string
  level: string
  surgeon: string
}

export function patientPlan(index: Pick<PlanSummary, 'patientCode' | 'level' | 'surgeon'> | undefined): PatientPlan | null {
  return index ? { patientCode: index.patientCode, level: index.level, surgeon: index.surgeon } : null
}

/** Whether a plan save changes what the plan's stored patient row copies from its index row. */
export function planFieldsChanged(before: PlanSummary, after: PlanSummary): boolean {
  return before.patientCode !== after.patientCode || before.level !== after.level || before.surgeon !== after.surgeon
}

/** A row of schemas v10–v13: the plan, and its StoredPatient as JSON text. */
export interface OutcomeSummaryRow {
  planId: string
  summary: string
}

/** The row of schemas v10–v13 (upgrades and their tests). */
export function summaryRow(stored: StoredPatient): OutcomeSummaryRow {
  return { planId: stored.summary.planId, summary: JSON.stringify(stored) }
}

export function storedPatient(row: OutcomeSummaryRow): StoredPatient {
  return JSON.parse(row.summary) as StoredPatient
}

function factsOf(row: RevisionFactsRow | undefined): PlanFacts | null {
  return row ? { planned: row.planned, calibration: row.calibration, imagingSource: row.imagingSource } : null
}

/** The tables a summary is read from and written to (a transaction refreshing one needs them all). */
export function summaryTables(db: OsseoDb) {
  return [db.operations, db.visits, db.outcomeEvents, db.revisionFacts, db.planIndex, db.outcomeSummaryPages] as const
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

/** Rows grouped by their plan, in read order. */
export function byPlan<T extends { planId: string }>(rows: readonly T[]): Map<string, T[]> {
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
  return patientsOf(operations, visits, events, () => undefined, () => undefined).map((p) => p.summary)
}

type PlanLookup = (planId: string) => PlanSummary | undefined

function patientsOf(operations: readonly OperationRecord[], visits: readonly FollowUpVisit[], events: readonly OutcomeEvent[], facts: (revisionId: string) => RevisionFactsRow | undefined, plan: PlanLookup): StoredPatient[] {
  const visitsByPlan = byPlan(visits)
  const eventsByPlan = byPlan(events)
  return [...firstOperations(operations)].map(([planId, operation]) => ({
    summary: outcomeSummary({ planId, operation, visits: visitsByPlan.get(planId) ?? [], events: eventsByPlan.get(planId) ?? [] }),
    operation,
    facts: factsOf(facts(operation.revisionId)),
    plan: patientPlan(plan(planId))
  }))
}

/** Recomputes the plan's summary from its stored records (or removes it when the plan has no
 *  operation left). Call inside a read-write transaction over summaryTables(db). */
export async function refreshSummary(db: OsseoDb, planId: string): Promise<void> {
  const [operations, visits, events] = await Promise.all([
    db.operations.where('planId').equals(planId).toArray(),
    db.visits.where('planId').equals(planId).toArray(),
    db.outcomeEvents.where('planId').equals(planId).toArray()
  ])
  const first = firstOperations(operations).get(planId)
  const [facts, index] = first ? await Promise.all([db.revisionFacts.get(first.revisionId), db.planIndex.get(planId)]) : []
  const [patient] = patientsOf(operations, visits, events, () => facts, () => index)
  await writePatient(db, planId, patient ?? null)
}

/** The plan is deleted: its stored patient goes. Call inside a read-write transaction over outcomeSummaryPages. */
export function removeSummary(db: OsseoDb, planId: string): Promise<void> {
  return writePatient(db, planId, null)
}

/** After a plan save that changed its patient code, level or surgeon (planFieldsChanged): the
 *  plan's stored patient, if it has one, takes the new values. Call inside a read-write
 *  transaction over the plan index and outcomeSummaryPages. */
export async function refreshSummaryPlan(db: OsseoDb, index: PlanSummary): Promise<void> {
  const stored = await readPatient(db, index.id)
  if (stored) await writePatient(db, index.id, { ...stored, plan: patientPlan(index) })
}

/** Schema v13 upgrade: every stored patient row takes its plan's patient code, level and surgeon. */
export async function addPlanFields(tx: Transaction): Promise<void> {
  const [rows, index] = await Promise.all([tx.table('outcomeSummaries').toArray(), tx.table('planIndex').toArray()])
  const plans = new Map((index as PlanSummary[]).map((s) => [s.id, s]))
  await tx.table('outcomeSummaries').bulkPut((rows as OutcomeSummaryRow[]).map((row) => summaryRow({ ...storedPatient(row), plan: patientPlan(plans.get(row.planId)) })))
}

/** Schema v10 upgrade: the summary row of every plan with an operation recorded (the revision
 *  facts are there: version 8's upgrade ran before), in the rows of v10–v13. */
export async function fillOutcomeSummaries(tx: Transaction): Promise<void> {
  const [operations, visits, events, facts, index] = await Promise.all([tx.table('operations').toArray(), tx.table('visits').toArray(), tx.table('outcomeEvents').toArray(), tx.table('revisionFacts').toArray(), tx.table('planIndex').toArray()])
  await tx.table('outcomeSummaries').bulkPut(storedPatients(operations as OperationRecord[], visits as FollowUpVisit[], events as OutcomeEvent[], facts as RevisionFactsRow[], index as PlanSummary[]).map(summaryRow))
}

/** Schema v14 upgrade: the rows of v10–v13 move onto the pages (summary-pages.ts) and their table
 *  is emptied (a table is never removed). A row still without its plan's fields takes them from
 *  the plan index. */
export async function moveToPages(tx: Transaction): Promise<void> {
  const [rows, index] = await Promise.all([tx.table('outcomeSummaries').toArray(), tx.table('planIndex').toArray()])
  const plans = new Map((index as PlanSummary[]).map((s) => [s.id, s]))
  const patients = (rows as OutcomeSummaryRow[]).map(storedPatient).map((p) => (p.plan === undefined ? { ...p, plan: patientPlan(plans.get(p.summary.planId)) } : p))
  await tx.table('outcomeSummaryPages').bulkPut(pagesOf(patients))
  await tx.table('outcomeSummaries').clear()
}

/** Schema v15 upgrade: every stored patient computed again from its records (the summary's
 *  meaning changed: events before the operation and losses to follow-up are no longer contacts or
 *  endings, an infection keeps its scale, and the latest record date is kept), keeping each
 *  row's plan fields. */
export async function rebuildPages(tx: Transaction): Promise<void> {
  const [operations, visits, events, facts, index] = await Promise.all([tx.table('operations').toArray(), tx.table('visits').toArray(), tx.table('outcomeEvents').toArray(), tx.table('revisionFacts').toArray(), tx.table('planIndex').toArray()])
  await tx.table('outcomeSummaryPages').clear()
  await tx.table('outcomeSummaryPages').bulkPut(pagesOf(storedPatients(operations as OperationRecord[], visits as FollowUpVisit[], events as OutcomeEvent[], facts as RevisionFactsRow[], index as PlanSummary[])))
}

/** The stored patient of every operated plan among these records (backup restore, upgrade, benchmarks). */
export function storedPatients(operations: readonly OperationRecord[], visits: readonly FollowUpVisit[], events: readonly OutcomeEvent[], facts: readonly RevisionFactsRow[], index: readonly PlanSummary[]): StoredPatient[] {
  const byRevision = new Map(facts.map((f) => [f.id, f]))
  const plans = new Map(index.map((s) => [s.id, s]))
  return patientsOf(operations, visits, events, (id) => byRevision.get(id), (id) => plans.get(id))
}

/** The stored pages of every operated plan among these records (tests, benchmarks). */
export function summaryPages(operations: readonly OperationRecord[], visits: readonly FollowUpVisit[], events: readonly OutcomeEvent[], facts: readonly RevisionFactsRow[], index: readonly PlanSummary[]) {
  return pagesOf(storedPatients(operations, visits, events, facts, index))
}

/** What a restore writes beside the restored records: the facts of each revision an operation
 *  names, and each operated plan's stored patient (with its plan index row's fields; addPatients). */
export function restoredSummaries(outcomes: { operations: readonly OperationRecord[]; visits: readonly FollowUpVisit[]; events: readonly OutcomeEvent[] }, revisions: readonly RevisionRow[], index: readonly PlanSummary[]): { facts: RevisionFactsRow[]; patients: StoredPatient[] } {
  const named = new Set(outcomes.operations.map((o) => o.revisionId))
  const facts = revisions.filter((r) => named.has(r.id)).map(revisionFactsRow)
  return { facts, patients: storedPatients(outcomes.operations, outcomes.visits, outcomes.events, facts, index) }
}
