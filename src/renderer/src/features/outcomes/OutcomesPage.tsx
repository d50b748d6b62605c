// After surgery, for one plan: the operation record (planned vs implanted), follow-up visits,
// events and the patient's course. Only an approved plan (or one superseded after approval) can
// carry an operation; the records link to the approved revision and never change the plan.
import { useCallback, useEffect, useState } from 'react'
import { LOWER_LIMB_LEVELS, type Level } from '../../../../shared/case/types'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../../shared/outcomes'
import { plansRepo, revisionsRepo } from '../../db'
import { outcomesRepo } from '../../db/outcomes-binding'
import { storageErrorMessage } from '../../db/storage'
import type { PlanRow, RevisionRow } from '../../db/types'
import { usePlanningContext } from '../settings/planning-context'
import '../../components/components.css'
import './outcomes.css'
import { CourseSection } from './CourseSection'
import { EventsSection } from './EventsSection'
import { OperationSection } from './OperationSection'
import { VisitsSection } from './VisitsSection'
import { useOutcomeSettings } from './use-outcome-settings'

interface Loaded {
  plan: PlanRow
  approved: RevisionRow | undefined
  operation: OperationRecord | undefined
  visits: FollowUpVisit[]
  events: OutcomeEvent[]
}

export function OutcomesPage({ planId }: { planId: string }) {
  const { systems } = usePlanningContext()
  const { settings } = useOutcomeSettings()
  const [data, setData] = useState<Loaded | null | undefined>(undefined)
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    try {
      const plan = await plansRepo().get(planId)
      if (!plan) return setData(null)
      const [revisions, operations, visits, events] = await Promise.all([
        revisionsRepo().listForPlan(planId),
        outcomesRepo().operationsForPlan(planId),
        outcomesRepo().visitsForPlan(planId),
        outcomesRepo().eventsForPlan(planId)
      ])
      const approved = revisions.filter((r) => r.status === 'approved').at(-1)
      setData({ plan, approved, operation: operations[0], visits, events })
    } catch (e) {
      setError(`The records could not be read: ${storageErrorMessage(e)}`)
    }
  }, [planId])

  useEffect(() => {
    void load()
  }, [load])

  if (error) return <p className="error">{error}</p>
  if (data === undefined) return <p className="empty">Loading…</p>
  if (data === null) return <p className="error">This plan no longer exists.</p>
  const { plan, approved, operation, visits, events } = data
  const lowerLimb = LOWER_LIMB_LEVELS.includes(plan.level as Level)

  return (
    <div className="oc-page">
      <div className="page-head">
        <h1>
          After surgery — {plan.patientCode || '(no patient code)'}
          {plan.level ? `, ${plan.level} ${plan.side}` : ''}
        </h1>
        <a href={`#/plans/${plan.id}`}>Back to the plan</a>
      </div>
      {approved ? (
        <OperationSection key={approved.id} planId={plan.id} revision={approved} operation={operation} systems={systems} onSaved={() => void load()} />
      ) : (
        <section className="oc-section">
          <h2>Operation</h2>
          <p>An operation is recorded on an approved plan. This plan is {plan.status}: approve it first (or open the approved plan it revises).</p>
        </section>
      )}
      <VisitsSection planId={plan.id} lowerLimb={lowerLimb} visits={visits} onChanged={() => void load()} />
      <EventsSection planId={plan.id} events={events} scale={settings.scale} onChanged={() => void load()} />
      <CourseSection operation={operation} visits={visits} events={events} lowerLimb={lowerLimb} scale={settings.scale} />
    </div>
  )
}
