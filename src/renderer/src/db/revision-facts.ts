// What the Audit screen needs from an approved revision (planned size, how it was measured), kept
// apart from the revision (schema v8, table `revisionFacts`) so opening the Audit screen does not
// read every stored case file and computed plan. A revision never changes once written, so its
// facts never go stale; a missing row is computed from the revision and stored on first use.
import type { Transaction } from 'dexie'
import { planFacts, type PlanFacts } from '../../../shared/outcomes/plan-link'
import type { RevisionRow } from './types'

export interface RevisionFactsRow extends PlanFacts {
  /** The revision's id. */
  id: string
}

export function revisionFactsRow(revision: Pick<RevisionRow, 'id' | 'caseFile' | 'result'>): RevisionFactsRow {
  return { id: revision.id, ...planFacts(revision.caseFile, revision.result) }
}

/** Schema v8 upgrade: the facts of every revision an operation names. */
export async function fillRevisionFacts(tx: Transaction): Promise<void> {
  const ids = [...new Set(((await tx.table('operations').toArray()) as { revisionId: string }[]).map((o) => o.revisionId))]
  const revisions = ((await tx.table('revisions').bulkGet(ids)) as (RevisionRow | undefined)[]).filter((r): r is RevisionRow => r !== undefined)
  await tx.table('revisionFacts').bulkPut(revisions.map(revisionFactsRow))
}
