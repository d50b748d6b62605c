// The loading schedule as a simple step-free line chart (load over days). Geometry only: every
// number printed next to it comes from the summary model.
import { formatNumber } from '../../../../shared/format'
import type { LoadChart as LoadChartData } from '../../../../shared/summary'
import { dayAxis, niceTicks } from './chart-scale'

const W = 460
const H = 130
const PAD = { left: 44, right: 18, top: 8, bottom: 30 }

export function LoadChart({ chart }: { chart: LoadChartData }) {
  if (chart.points.length === 0) return null
  const days = dayAxis(chart.maxDay)
  const loads = niceTicks(chart.maxLoad, 4)
  const xMax = days.max
  const yMax = loads.max
  const x = (day: number) => PAD.left + (day / xMax) * (W - PAD.left - PAD.right)
  const y = (load: number) => H - PAD.bottom - (load / yMax) * (H - PAD.top - PAD.bottom)
  const last = chart.points[chart.points.length - 1]
  // The load reached on the last day is held: drawn on to the axis end.
  const line = [...chart.points, ...(last ? [{ day: xMax, load: last.load }] : [])].map((p) => `${x(p.day).toFixed(1)},${y(p.load).toFixed(1)}`).join(' ')
  return (
    <svg className="load-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Load (${chart.unit}) by day after day 0`}>
      {loads.values.map((t) => (
        <g key={`y${t}`}>
          <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end">
            {formatNumber(t, loads.decimals)}
          </text>
        </g>
      ))}
      {days.values.map((t) => (
        <text key={`x${t}`} x={x(t)} y={H - PAD.bottom + 12} textAnchor="middle">
          {formatNumber(t, days.decimals)}
        </text>
      ))}
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
      <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} />
      <polyline className="series" points={line} />
      {chart.points.map((p, i) => (
        <circle key={i} className="dot" cx={x(p.day)} cy={y(p.load)} r={1.8} />
      ))}
      <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">
        day after day 0
      </text>
      <text x={10} y={(PAD.top + H - PAD.bottom) / 2} textAnchor="middle" className="axis-title" transform={`rotate(-90 10 ${(PAD.top + H - PAD.bottom) / 2})`}>
        load ({chart.unit})
      </text>
    </svg>
  )
}
