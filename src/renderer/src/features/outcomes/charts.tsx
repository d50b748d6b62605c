// Small hand-made SVG charts (no chart library: a few lines of SVG cost nothing in the bundle).
// Every chart comes with the same numbers as a table, for screen readers and for reading exact
// values; the SVG itself is hidden from assistive technology.
import { useState, type ReactNode } from 'react'
import { TableHead } from '../../components/TableHead'
import type { KmCurve } from '../../../../shared/stats'
import { formatNumber } from '../../../../shared/format'
import { percentIntervalText, percentText } from './audit-format'

export interface Point {
  x: number
  y: number
}

const W = 320
const H = 160
const PAD = { left: 40, right: 10, top: 10, bottom: 28 }

function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain
  const [r0, r1] = range
  const span = d1 - d0 || 1
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0)
}

function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  return Math.ceil(v / p) * p
}

/** The chart's numbers as a table, built when opened — its rows too (a survival curve of 2,000
 *  patients has 2,000 steps: formatting them unopened would slow the Audit screen's opening). */
function TableView({ caption, head, rows }: { caption: string; head: string[]; rows: () => ReactNode[][] }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="oc-table-view" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as table</summary>
      {open && (
        <table className="plan-table">
          <caption className="visually-hidden">{caption}</caption>
          <TableHead columns={head} />
          <tbody>
            {rows().map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}

/** A measure against months since surgery (baseline visits at month ≤ 0). */
export function MeasureChart({ title, unit, points }: { title: string; unit: string; points: Point[] }) {
  const sorted = [...points].sort((a, b) => a.x - b.x)
  const xMax = niceMax(Math.max(12, ...sorted.map((p) => p.x)))
  const xMin = Math.min(0, ...sorted.map((p) => p.x))
  const yMax = niceMax(Math.max(...sorted.map((p) => p.y), 1))
  const sx = scale([xMin, xMax], [PAD.left, W - PAD.right])
  const sy = scale([0, yMax], [H - PAD.bottom, PAD.top])
  return (
    <figure className="oc-chart">
      <figcaption>
        {title} ({unit}) — {sorted.length} visit{sorted.length === 1 ? '' : 's'}
      </figcaption>
      {sorted.length === 0 ? (
        <p className="empty">Not recorded yet.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false">
            <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="oc-axis" />
            <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="oc-axis" />
            <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" className="oc-tick">
              {formatNumber(yMax, 0)}
            </text>
            <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="oc-tick">
              0
            </text>
            <text x={sx(0)} y={H - 8} textAnchor="middle" className="oc-tick">
              surgery
            </text>
            <text x={W - PAD.right} y={H - 8} textAnchor="end" className="oc-tick">
              {formatNumber(xMax, 0)} months
            </text>
            <polyline className="oc-line" points={sorted.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')} />
            {sorted.map((p, i) => (
              <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={3} className="oc-dot" />
            ))}
          </svg>
          <TableView caption={`${title} by months since surgery`} head={['Months since surgery', `${title} (${unit})`]} rows={() => sorted.map((p) => [formatNumber(p.x, 1), formatNumber(p.y, 1)])} />
        </>
      )}
    </figure>
  )
}

/** Kaplan–Meier step curve with its 95 % band and the numbers at risk under the time axis. The
 *  curve and its band end at the last observed time (the curve's last step): the year axis may run
 *  past it, where nobody is at risk and the estimate says nothing. */
export function SurvivalChart({ curve, atRiskTimes, atRisk }: { curve: KmCurve; atRiskTimes: number[]; atRisk: number[] }) {
  const xMax = Math.max(1, ...atRiskTimes)
  const w = 520
  const h = 220
  // Room on the left for "at risk" beside the first count.
  const left = 64
  const sx = scale([0, xMax], [left, w - PAD.right])
  const sy = scale([0, 1], [h - PAD.bottom, PAD.top])
  const last = curve.steps.at(-1)
  let lo = 1
  let hi = 1
  let banded = true
  let line = `M${sx(0)},${sy(1)}`
  const upper: string[] = [`${sx(0)},${sy(1)}`]
  const lower: string[] = [`${sx(0)},${sy(1)}`]
  for (const step of curve.steps) {
    const x = sx(step.time)
    line += ` H${x} V${sy(step.survival)}`
    if (!banded) continue
    upper.push(`${x},${sy(hi)}`)
    lower.push(`${x},${sy(lo)}`)
    // No interval at this step (Ŝ = 0): the band ends here rather than carry the last one on.
    if (step.lower === null || step.upper === null) {
      banded = false
      continue
    }
    lo = step.lower
    hi = step.upper
    upper.push(`${x},${sy(hi)}`)
    lower.push(`${x},${sy(lo)}`)
  }
  const band = [...upper, ...lower.reverse()].join(' ')
  const events = curve.steps.filter((x) => x.events > 0)
  return (
    <figure className="oc-chart oc-km">
      <figcaption>
        Survival free of implant removal (Kaplan–Meier, 95 % band) — {curve.n} patient{curve.n === 1 ? '' : 's'}, {curve.events} removal{curve.events === 1 ? '' : 's'}
        {last ? `; ${percentText(last.survival)} at ${formatNumber(last.time, 2)} y, the longest follow-up` : ''}
      </figcaption>
      <svg viewBox={`0 0 ${w} ${h + 24}`} width={w} height={h + 24} aria-hidden="true" focusable="false">
        <polygon points={band} className="oc-band" />
        <path d={line} className="oc-step" />
        <line x1={left} y1={h - PAD.bottom} x2={w - PAD.right} y2={h - PAD.bottom} className="oc-axis" />
        <line x1={left} y1={PAD.top} x2={left} y2={h - PAD.bottom} className="oc-axis" />
        <text x={left - 4} y={PAD.top + 4} textAnchor="end" className="oc-tick">
          100 %
        </text>
        <text x={left - 4} y={h - PAD.bottom} textAnchor="end" className="oc-tick">
          0 %
        </text>
        {atRiskTimes.map((t, i) => (
          <g key={t}>
            <text x={sx(t)} y={h - 12} textAnchor="middle" className="oc-tick">
              {t} y
            </text>
            <text x={sx(t)} y={h + 14} textAnchor="middle" className="oc-tick oc-atrisk">
              {atRisk[i]}
            </text>
          </g>
        ))}
        <text x={left - 12} y={h + 14} textAnchor="end" className="oc-tick">
          at risk
        </text>
      </svg>
      <TableView
        caption="Survival free of implant removal"
        head={['Years since surgery', 'At risk', 'Removals', 'Censored', 'Survival', '95 % interval']}
        rows={() => curve.steps.map((x) => [
          formatNumber(x.time, 2),
          x.atRisk,
          x.events,
          x.censored,
          percentText(x.survival, 1),
          x.lower === null || x.upper === null ? 'not defined' : percentIntervalText(x.lower, x.upper, 1)
        ])}
      />
      <p className="muted">
        Numbers at risk at each year: {atRiskTimes.map((t, i) => `${t} y: ${atRisk[i]}`).join(' · ')}. {last && last.time < xMax ? `The curve ends at the longest follow-up (${formatNumber(last.time, 2)} y). ` : ''}
        {events.length === 0 ? 'No removals recorded.' : ''}
      </p>
    </figure>
  )
}

/** Implanted against planned size as stacked bars (exact / one size / further), one bar per
 *  dimension, with its n; the same numbers are in the accuracy table beside it. */
export function AccuracyBars({ rows }: { rows: { label: string; n: number; exact: number; oneSize: number; further: number }[] }) {
  const w = 520
  const barH = 22
  const left = 120
  const right = 10
  const h = rows.length * (barH + 18) + 24
  const sx = scale([0, 1], [left, w - right])
  const parts = [
    { key: 'exact', label: 'exact size', className: 'oc-bar-exact' },
    { key: 'oneSize', label: 'one size away', className: 'oc-bar-one' },
    { key: 'further', label: 'further', className: 'oc-bar-further' }
  ] as const
  return (
    <figure className="oc-chart">
      <figcaption>Implanted against planned size, share of plans (n per bar)</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true" focusable="false">
        {rows.map((r, i) => {
          const y = 8 + i * (barH + 18)
          let at = 0
          return (
            <g key={r.label}>
              <text x={left - 6} y={y + barH / 2 + 4} textAnchor="end" className="oc-tick">
                {r.label} (n = {r.n})
              </text>
              {r.n === 0 && (
                <text x={left + 4} y={y + barH / 2 + 4} className="oc-tick">
                  no plan to compare (sizes not in the catalogue are counted apart)
                </text>
              )}
              {r.n > 0 &&
                parts.map((p) => {
                  const share = r[p.key] / r.n
                  const x = sx(at)
                  at += share
                  return share > 0 ? (
                    <g key={p.key}>
                      <rect x={x} y={y} width={sx(at) - x} height={barH} className={p.className} />
                      {share >= 0.08 && (
                        <text x={x + (sx(at) - x) / 2} y={y + barH / 2 + 4} textAnchor="middle" className="oc-bar-label">
                          {percentText(share)}
                        </text>
                      )}
                    </g>
                  ) : null
                })}
            </g>
          )
        })}
        {parts.map((p, i) => (
          <g key={p.key}>
            <rect x={left + i * 120} y={h - 14} width={10} height={10} className={p.className} />
            <text x={left + i * 120 + 14} y={h - 5} className="oc-tick">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  )
}
