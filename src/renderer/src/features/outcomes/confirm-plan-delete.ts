// Deleting a plan that has outcome records asks twice and says what goes with it (the operation
// record, visits and events are part of the team's audit, which NICE asks to keep complete):
// the library's Delete dialog is the first question, this confirmation naming the records the second.
import type { OutcomeCounts } from '../../db/outcomes-repo'

export function outcomeLoss(counts: OutcomeCounts): string {
  const parts: string[] = []
  if (counts.operations > 0) parts.push(`${counts.operations} operation record${counts.operations === 1 ? '' : 's'}`)
  if (counts.visits > 0) parts.push(`${counts.visits} follow-up visit${counts.visits === 1 ? '' : 's'}`)
  if (counts.events > 0) parts.push(`${counts.events} event${counts.events === 1 ? '' : 's'}`)
  return parts.join(', ')
}

/** True when the plan may be deleted: it has no outcomes, or the user confirmed after reading what goes. */
export async function confirmPlanDelete(planId: string, patientCode: string, confirm: (message: string) => boolean = (m) => window.confirm(m)): Promise<boolean> {
  // Loaded on demand: the library's first screen does not carry the outcome code.
  const { outcomesRepo } = await import('../../db/outcomes-binding')
  const counts = await outcomesRepo().countsForPlan(planId)
  const loss = outcomeLoss(counts)
  if (loss === '') return true
  const who = patientCode || 'this patient'
  return confirm(`The plan for ${who} has outcome records: ${loss}. Deleting the plan deletes them too, and they leave the audit (Undo is offered right after). Delete the plan and these records?`)
}
