// The loading schedule: its protocol line, every scheduled point as a compact table printed
// across (one column per day), the activities with the days they apply to, and the chart.
import type { PlanSummary } from '../../../../shared/summary'
import { LoadChart } from './LoadChart'
import { BandedTable, RowsInline } from './summary-parts'

type Loading = PlanSummary['loading']
type LoadRow = Loading['schedule'][number]

/** Days per band of the table (a typical schedule fits one band). */
const DAYS_PER_BAND = 14

export function LoadingSchedule({ loading }: { loading: Loading }) {
  return (
    <>
      <RowsInline rows={loading.rows} />
      <div className="sum-loading">
        <div>
          <BandedTable<LoadRow>
            items={loading.schedule}
            perBand={DAYS_PER_BAND}
            className="sum-schedule"
            rows={[
              { label: 'Day', cells: (band, start) => band.map((r, i) => ({ key: String(start + i), content: r.dayValue })) },
              {
                label: `Load (${loading.chart.unit})`,
                cells: (band, start) =>
                  band.map((r, i) => ({
                    key: String(start + i),
                    content: `${r.loadValue}${r.interpolated ? '*' : ''}`,
                    className: r.interpolated ? 'interpolated' : 'anchor'
                  }))
              }
            ]}
          />
          <p className="sum-activities">
            <strong>Activity</strong> {loading.activities}
          </p>
        </div>
        <LoadChart chart={loading.chart} />
      </div>
      <p className="muted small">
        {loading.hasInterpolated ? '* interpolated; bold: published anchor point; the chart shows every point. ' : ''}
        {loading.notes.join(' ')}
      </p>
    </>
  )
}
