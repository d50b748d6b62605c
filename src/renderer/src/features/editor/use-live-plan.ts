// The plan for the current draft, recomputed on every change. When the draft is invalid or
// incomplete, the last valid plan stays on screen and is marked stale.
import { useMemo, useRef } from 'react'
import type { CaseDraft, NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import { evaluateDraft, type EvaluateOptions } from './evaluate-draft'
import { mapErrors, sameErrors, type FormErrors } from './field-errors'
import { markInput } from './render-timing'

export interface LivePlan {
  /** The same object while the messages stay the same (so the fields are not notified again). */
  errors: FormErrors
  /** A new value for every evaluation of a new draft (the result column marks when it shows it). */
  evaluation: object
  /** The most recent valid plan (this draft's when `stale` is false). */
  normalized: NormalizedCase | null
  result: PlanResult | null
  /** A result is shown but it belongs to an earlier draft. */
  stale: boolean
  /** The current draft yields a plan. */
  valid: boolean
  ms: number
}

export function useLivePlan(draft: CaseDraft, options: EvaluateOptions): LivePlan {
  const { profile, systems } = options
  const evaluation = useMemo(() => {
    markInput()
    return evaluateDraft(draft, { profile, systems })
  }, [draft, profile, systems])
  const lastValid = useRef<{ normalized: NormalizedCase; result: PlanResult } | null>(null)
  if (evaluation.ok) lastValid.current = { normalized: evaluation.normalized, result: evaluation.result }
  const lastErrors = useRef<FormErrors | null>(null)
  const errors = useMemo(() => {
    const next = mapErrors(evaluation.errors, undefined, evaluation.warnings)
    return lastErrors.current && sameErrors(lastErrors.current, next) ? lastErrors.current : next
  }, [evaluation])
  lastErrors.current = errors
  return {
    errors,
    evaluation,
    normalized: lastValid.current?.normalized ?? null,
    result: lastValid.current?.result ?? null,
    stale: !evaluation.ok && lastValid.current !== null,
    valid: evaluation.ok,
    ms: evaluation.ms
  }
}
