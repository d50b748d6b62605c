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

/** Label/value rows on one line each: "Label value (note) · Label value …" (short rows only). */
export function RowsInline({ rows }: { rows: SummaryRow[] }) {
  return (
    <p className="sum-inline">
      {rows.map((r, i) => (
        <span key={`${r.label}-${i}`}>
          {i > 0 && ' · '}
          {r.label} <span className="value">{r.value}</span>
          {r.note ? <span className="note"> {r.note}</span> : null}
        </span>
      ))}
    </p>
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

/**
 * A long, narrow table printed as two halves side by side (first half left), each with the
 * header, so it takes half the height without dropping a row. `row` gets the index in `rows`.
 */
export function HalvedTable<T>({ rows, head, row, className }: { rows: readonly T[]; head: ReactNode; row: (item: T, index: number) => ReactNode; className?: string }) {
  const half = Math.ceil(rows.length / 2)
  const halves = [rows.slice(0, half), rows.slice(half)].filter((h) => h.length > 0)
  return (
    <div className="sum-halves">
      {halves.map((items, h) => (
        <table key={h} className={className ? `sum-grid-table ${className}` : 'sum-grid-table'}>
          <thead>{head}</thead>
          <tbody>{items.map((item, i) => row(item, h * half + i))}</tbody>
        </table>
      ))}
    </div>
  )
}
