// The outcome records of a library backup (version 2): operations, follow-up visits and events.
// Each record goes through the same validation as a form (shared/outcomes/validate.ts) but more
// strictly — an unknown field is refused, not ignored — and its time stamps must lie between 2000
// and the file's export. Then the links: every record belongs to a plan of the same file, an
// operation names an approved revision of its own plan, and no id appears twice.
// Imported file by file, not from the outcomes index: the library screen must not load the statistics.
import { DEFAULT_INFECTION_SCALE } from '../../../shared/outcomes/infection-scale'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../shared/outcomes/types'
import { parseEvent, parseOperation, parseVisit, type Parsed } from '../../../shared/outcomes/validate'
import { EARLIEST_TIME, fail, isObject, type RecordContext } from './backup-records'
import type { PlanRow, RevisionRow } from './types'

/** The outcome tables of a backup, as they are written. */
export interface BackupOutcomes {
  operations: OperationRecord[]
  visits: FollowUpVisit[]
  events: OutcomeEvent[]
}

export const NO_OUTCOMES: BackupOutcomes = { operations: [], visits: [], events: [] }

/** The keys of the outcome tables in the file (version 2 on). */
export const OUTCOME_KEYS = ['operations', 'visits', 'events'] as const

function strict<T extends { createdAt: number; updatedAt: number }>(parsed: Parsed<T>, value: unknown, path: string, context: RecordContext): T {
  if (!isObject(value)) fail(path, 'must be an object')
  const unknown = parsed.warnings.find((w) => /^unknown field "/.test(w.message))
  if (unknown) fail(path, `has an unexpected field "${unknown.path.slice(0, 60)}"`)
  if (!parsed.ok) {
    const first = parsed.errors[0]!
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problem${parsed.errors.length > 2 ? 's' : ''})` : ''
    fail(first.path ? `${path}.${first.path}` : path, `${first.message}${more}`)
  }
  const record = parsed.value
  for (const key of ['createdAt', 'updatedAt'] as const) {
    const at = record[key]
    if (at < EARLIEST_TIME) fail(`${path}.${key}`, 'is before the year 2000')
    if (at > context.exportedAt) fail(`${path}.${key}`, `is later than the backup itself (${new Date(at).toISOString()} after its export at ${new Date(context.exportedAt).toISOString()})`)
  }
  if (record.updatedAt < record.createdAt) fail(`${path}.updatedAt`, 'is before the record was created')
  return record
}

export function checkOperationRecord(value: unknown, path: string, context: RecordContext): OperationRecord {
  return strict(parseOperation(value), value, path, context)
}

export function checkVisitRecord(value: unknown, path: string, context: RecordContext): FollowUpVisit {
  return strict(parseVisit(value), value, path, context)
}

/** An infection grade on the shipped scale is checked against it; a grade on another scale (a site's own) is kept as recorded. */
export function checkEventRecord(value: unknown, path: string, context: RecordContext): OutcomeEvent {
  return strict(parseEvent(value, DEFAULT_INFECTION_SCALE), value, path, context)
}

function unique(rows: readonly { id: string }[], key: string, what: string): void {
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    if (seen.has(r.id)) fail(`${key}[${i}].id`, `lists the ${what} ${r.id} twice`)
    seen.add(r.id)
  })
}

/** Every outcome record belongs to a plan of the file; an operation carries out an approved revision of its own plan. */
export function checkOutcomeLinks(plans: readonly PlanRow[], revisions: readonly RevisionRow[], outcomes: BackupOutcomes): void {
  unique(outcomes.operations, 'operations', 'operation record')
  unique(outcomes.visits, 'visits', 'visit')
  unique(outcomes.events, 'events', 'event')
  const planIds = new Set(plans.map((p) => p.id))
  const revisionsById = new Map(revisions.map((r) => [r.id, r]))
  for (const key of OUTCOME_KEYS) {
    outcomes[key].forEach((r, i) => {
      if (!planIds.has(r.planId)) fail(`${key}[${i}].planId`, `refers to plan ${r.planId}, which is not in the file`)
    })
  }
  outcomes.operations.forEach((op, i) => {
    const revision = revisionsById.get(op.revisionId)
    if (!revision) fail(`operations[${i}].revisionId`, `refers to revision ${op.revisionId}, which is not in the file`)
    if (revision.planId !== op.planId) fail(`operations[${i}].revisionId`, `is a revision of another plan (${revision.planId}), not of plan ${op.planId}`)
    if (revision.status !== 'approved') fail(`operations[${i}].revisionId`, 'is not an approved revision: an operation is recorded on an approved plan')
  })
}
