// To-scale SVG drawing of the residual bone, implant, soft tissue and component stack
// (issue #4 fills this in). Used by the editor and by the printed summary.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'

export interface BoneDrawingProps {
  plan: NormalizedCase
  result: PlanResult
  /** Print styling: black on white, no interactive affordances. */
  printMode?: boolean
}

export function BoneDrawing(_props: BoneDrawingProps) {
  return <svg role="img" aria-label="Drawing of the residual bone (not yet available)" width="0" height="0" />
}
