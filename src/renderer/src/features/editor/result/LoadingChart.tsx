// The loading schedule as a step chart (hand-written SVG): target load (kg) against day.
import type { RehabPlan } from '../../../../../shared/result'
import { convertMass, type MassUnit } from '../../../../../shared/units'
import { formatNumber } from '../../../../../shared/format'
import { dayAxis, niceTicks } from '../../print/chart-scale'

const W = 420
const H = 200
const PAD = { left: 44, right: 12, top: 12, bottom: 32 }

export function LoadingChart({ rehab, massUnit }: { rehab: RehabPlan; massUnit: MassUnit }) {
  const rows = rehab.schedule
  // One load with no progression (a cap below the start load) is said in words, not drawn as a point.
  if (rows.length < 2) return null
  const loads = rows.map((r) => convertMass(r.loadKg, massUnit))
  const days = dayAxis(Math.max(...rows.map((r) => r.day)))
  const loadAxis = niceTicks(Math.max(...loads), 4)
  const x = (d: number) => PAD.left + (d / days.max) * (W - PAD.left - PAD.right)
  const y = (l: number) => H - PAD.bottom - (l / loadAxis.max) * (H - PAD.top - PAD.bottom)
  // The load reached on the last day is held: drawn on to the axis end.
  const held = [...rows.map((r, i) => [r.day, loads[i] ?? 0] as const), [days.max, loads[loads.length - 1] ?? 0] as const]
  const points = held.map(([d, l]) => `${x(d).toFixed(1)},${y(l).toFixed(1)}`).join(' ')
  const dayTicks = days.values
  const loadTicks = loadAxis.values
  return (
    <svg className="ed-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Loading schedule: from ${formatNumber(loads[0] ?? 0)} ${massUnit} on day ${rows[0]?.day ?? 0} to ${formatNumber(loads[loads.length - 1] ?? 0)} ${massUnit} on day ${rows[rows.length - 1]?.day ?? 0}`}>
      {loadTicks.map((l) => (
        <g key={`l${l}`}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(l)} y2={y(l)} className="ed-chart-grid" />
          <text x={PAD.left - 4} y={y(l) + 4} textAnchor="end" className="ed-chart-tick">
            {formatNumber(l, loadAxis.decimals)}
          </text>
        </g>
      ))}
      {dayTicks.map((d) => (
        <text key={`d${d}`} x={x(d)} y={H - PAD.bottom + 14} textAnchor="middle" className="ed-chart-tick">
          {formatNumber(d, 0)}
        </text>
      ))}
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="ed-chart-axis" />
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="ed-chart-axis" />
      <polyline points={points} className="ed-chart-line" />
      {rows.map((r, i) => (
        <circle key={i} cx={x(r.day)} cy={y(loads[i] ?? 0)} r={r.interpolated ? 2 : 3.2} className={r.interpolated ? 'ed-chart-dot interp' : 'ed-chart-dot'} />
      ))}
      <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" className="ed-chart-label">
        day ({rehab.dayZero})
      </text>
      <text x={12} y={(PAD.top + H - PAD.bottom) / 2} textAnchor="middle" className="ed-chart-label" transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`}>
        load ({massUnit})
      </text>
    </svg>
  )
}
