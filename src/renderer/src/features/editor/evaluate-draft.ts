// One evaluation of the draft by the core: parse (field errors) then compute the plan. The
// editor calls this on every keystroke; the renderer computes nothing clinical itself.
import type { CaseDraft, FieldError, FieldWarning, NormalizedCase } from '../../../../shared/case/types'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import type { PlanningProfile } from '../../../../shared/profile/types'
import type { PlanResult } from '../../../../shared/result'
import { parseCase } from '../../../../shared/case/parse'
import { computePlan } from '../../../../shared/plan'

export type Evaluation =
  | { ok: true; normalized: NormalizedCase; result: PlanResult; errors: []; warnings: FieldWarning[]; ms: number }
  | { ok: false; errors: FieldError[]; warnings: FieldWarning[]; ms: number }

export interface EvaluateOptions {
  profile: PlanningProfile
  systems: readonly ImplantSystem[]
}

export function evaluateDraft(draft: CaseDraft, { profile, systems }: EvaluateOptions): Evaluation {
  const start = performance.now()
  // parseCase also holds each value to the plausible range of its field at this level: outside the
  // hard limit it is refused at the field, outside the typical range the field warns.
  const parsed = parseCase(draft, { systems })
  const warnings = parsed.warnings.filter((w) => w.path !== 'version')
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings, ms: performance.now() - start }
  const result = computePlan(parsed.value, { profile, systems })
  return { ok: true, normalized: parsed.value, result, errors: [], warnings, ms: performance.now() - start }
}
