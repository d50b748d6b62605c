// The loading schedule: its protocol rows, every scheduled point as a compact table in two halves
// side by side, and the chart. An activity is written where it changes (" repeats the one just
// above in the same half), so the table stays short without dropping a row.
import type { PlanSummary } from '../../../../shared/summary'
import { LoadChart } from './LoadChart'
import { HalvedTable, RowsInline } from './summary-parts'

type Loading = PlanSummary['loading']
type LoadRow = Loading['schedule'][number]

const DITTO = '"'

export function LoadingSchedule({ loading }: { loading: Loading }) {
  const half = Math.ceil(loading.schedule.length / 2)
  const activityShown = (r: LoadRow, i: number) => {
    const above = i === 0 || i === half ? undefined : loading.schedule[i - 1]?.activity
    return r.activity === above ? DITTO : r.activity
  }
  return (
    <>
      <RowsInline rows={loading.rows} />
      <div className="sum-loading">
      <HalvedTable
        rows={loading.schedule}
        className="sum-schedule"
        head={
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Load</th>
            <th scope="col">Activity</th>
          </tr>
        }
        row={(r, i) => (
          <tr key={r.day} className={r.interpolated ? 'interpolated' : undefined}>
            <td>{r.day}</td>
            <td>
              {r.load}
              {r.interpolated ? ' *' : ''}
            </td>
            <td>{activityShown(r, i)}</td>
          </tr>
        )}
      />
      <LoadChart chart={loading.chart} />
      </div>
      <p className="muted small">
        {loading.hasInterpolated ? '* interpolated linearly between published anchor points. ' : ''}
        {DITTO} same activity as the row above. {loading.notes.join(' ')}
      </p>
    </>
  )
}
