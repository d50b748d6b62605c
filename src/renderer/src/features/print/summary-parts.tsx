// Small building blocks of the printed summary: a labelled section and a label/value/note table.
import type { ReactNode } from 'react'
import type { SummaryRow } from '../../../../shared/summary'

export function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section className={className ? `sum-section ${className}` : 'sum-section'} aria-labelledby={`sum-${id}`}>
      <h2 id={`sum-${id}`}>{title}</h2>
      {children}
    </section>
  )
}

export function RowsTable({ rows, caption }: { rows: SummaryRow[]; caption?: string }) {
  if (rows.length === 0) return null
  return (
    <table className="sum-kv">
      {caption && <caption>{caption}</caption>}
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.label}-${i}`}>
            <th scope="row">{r.label}</th>
            <td>
              <span className="value">{r.value}</span>
              {r.note ? <span className="note">{r.note}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
