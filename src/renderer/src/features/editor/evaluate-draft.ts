// One evaluation of the draft by the core: parse (field errors) then compute the plan. The
// editor calls this on every keystroke; the renderer computes nothing clinical itself.
import type { CaseDraft, FieldError, NormalizedCase } from '../../../../shared/case/types'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import type { PlanningProfile } from '../../../../shared/profile/types'
import type { PlanResult } from '../../../../shared/result'
import { parseCase } from '../../../../shared/case/parse'
import { computePlan } from '../../../../shared/plan'

export type Evaluation =
  | { ok: true; normalized: NormalizedCase; result: PlanResult; errors: []; ms: number }
  | { ok: false; errors: FieldError[]; ms: number }

export interface EvaluateOptions {
  profile: PlanningProfile
  systems: readonly ImplantSystem[]
}

export function evaluateDraft(draft: CaseDraft, { profile, systems }: EvaluateOptions): Evaluation {
  const start = performance.now()
  const parsed = parseCase(draft, { systems })
  if (!parsed.ok) return { ok: false, errors: parsed.errors, ms: performance.now() - start }
  const result = computePlan(parsed.value, { profile, systems })
  return { ok: true, normalized: parsed.value, result, errors: [], ms: performance.now() - start }
}
