// Status workflow bar shown at the top of the editor (issue #5 fills this in): status, revision,
// "Mark reviewed", "Approve", "Revise", history.
import type { PlanResult } from '../../../../shared/result'
import type { PlanRow } from '../../db/types'

export interface PlanReviewBarProps {
  plan: PlanRow
  /** The plan computed from the current case, null while the case is incomplete or invalid. */
  result: PlanResult | null
  /** Called after the bar changed the plan (status, revision), with the updated row. */
  onPlanChanged: (plan: PlanRow) => void
}

export function PlanReviewBar(_props: PlanReviewBarProps) {
  return null
}
