// The patient's course: one timeline of stages, visits and events, and small charts of the main
// measures against months since surgery (each with a table view).
import { DAYS_PER_YEAR, daysBetween, EVENT_LABELS, gradeLabel, type InfectionScale, visitMeasure, type FollowUpVisit, type OperationRecord, type OutcomeEvent, type PairedMeasureKey } from '../../../../shared/outcomes'
import { formatNumber } from '../../../../shared/format'
import { MeasureChart, type Point } from './charts'
import { visitSummary } from './visit-summary'

interface Props {
  operation: OperationRecord | undefined
  visits: FollowUpVisit[]
  events: OutcomeEvent[]
  lowerLimb: boolean
  /** The site's infection scale (grades are shown with its labels). */
  scale: InfectionScale
}

/** "3.2 months after surgery", "12 days before surgery". */
export function sinceSurgery(surgery: string, date: string): string {
  const days = daysBetween(surgery, date)
  if (days === 0) return 'day of surgery'
  const abs = Math.abs(days)
  const text = abs < 60 ? `${abs} day${abs === 1 ? '' : 's'}` : `${formatNumber(abs / (DAYS_PER_YEAR / 12), 1)} months`
  return `${text} ${days < 0 ? 'before' : 'after'} surgery`
}

export function CourseSection({ operation, visits, events, lowerLimb, scale }: Props) {
  const surgery = operation?.stages[0]?.date
  const items = [
    ...(operation?.stages.map((s) => ({ date: s.date, what: `Stage ${s.stage} operation${s.surgeon ? ` (${s.surgeon})` : ''}` })) ?? []),
    ...visits.map((v) => ({ date: v.date, what: `${v.kind === 'baseline' ? 'Baseline visit' : 'Follow-up visit'}${visitSummary(v) ? `: ${visitSummary(v)}` : ''}` })),
    ...events.map((e) => ({ date: e.date, what: `${EVENT_LABELS[e.type]}${e.type === 'infection' ? ` — ${gradeLabel(scale, e.infectionGrade)}` : ''}${e.note ? `: ${e.note}` : ''}` }))
  ].sort((a, b) => a.date.localeCompare(b.date))

  const series = (key: PairedMeasureKey): Point[] =>
    surgery
      ? visits.flatMap((v) => {
          const y = visitMeasure(v, key)
          return y === undefined ? [] : [{ x: daysBetween(surgery, v.date) / (DAYS_PER_YEAR / 12), y }]
        })
      : []

  return (
    <section className="oc-section" aria-labelledby="course-title">
      <h2 id="course-title">Course</h2>
      {items.length === 0 ? (
        <p className="empty">Nothing recorded yet.</p>
      ) : (
        <ol className="oc-timeline" aria-label="Timeline">
          {items.map((i, n) => (
            <li key={n}>
              <span className="oc-when">
                {i.date}
                {surgery && <span className="visually-hidden"> — </span>}
                {surgery && <br />}
                {surgery && <small>{sinceSurgery(surgery, i.date)}</small>}
              </span>
              <span>{i.what}</span>
            </li>
          ))}
        </ol>
      )}
      {surgery ? (
        <div className="oc-charts">
          <MeasureChart title="6-minute walk" unit="m" points={series('sixMinuteWalkM')} />
          <MeasureChart title="Timed Up and Go" unit="s" points={series('tugS')} />
          {lowerLimb ? <MeasureChart title="Q-TFA global" unit="points" points={series('qtfaGlobal')} /> : <MeasureChart title="QuickDASH" unit="points" points={series('quickDash')} />}
          <MeasureChart title="Prosthesis wear" unit="h/week" points={series('wearHoursPerWeek')} />
        </div>
      ) : (
        <p className="empty">Charts appear once the operation is recorded (time is counted from stage 1).</p>
      )}
    </section>
  )
}
