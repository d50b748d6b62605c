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

/** One cell of a banded table: its content and how many items (columns) it spans. */
export interface BandCell {
  key: string
  content: ReactNode
  span?: number
  className?: string
}

/** One field of a banded table: its row label and its cells for the items of one band. */
export interface BandRow<T> {
  label: ReactNode
  cells: (band: readonly T[], start: number) => BandCell[]
}

/** Runs of equal text among a band's items, as cells spanning the run (e.g. one activity for many days). */
export function runCells<T>(band: readonly T[], start: number, text: (item: T) => string): BandCell[] {
  const cells: BandCell[] = []
  let i = 0
  while (i < band.length) {
    const item = band[i] as T
    let j = i + 1
    while (j < band.length && text(band[j] as T) === text(item)) j++
    cells.push({ key: String(start + i), content: text(item), span: j - i })
    i = j
  }
  return cells
}

/**
 * A long list of short items printed across: one column per item and one row per field, split
 * into bands of at most `perBand` items, so a schedule or a canal profile takes a few lines
 * without dropping an item.
 */
export function BandedTable<T>({ items, perBand, rows, className, caption }: { items: readonly T[]; perBand: number; rows: BandRow<T>[]; className?: string; caption?: string }) {
  const bands: { start: number; band: readonly T[] }[] = []
  for (let start = 0; start < items.length; start += perBand) bands.push({ start, band: items.slice(start, start + perBand) })
  return (
    <table className={className ? `sum-grid-table sum-banded ${className}` : 'sum-grid-table sum-banded'}>
      {caption && <caption>{caption}</caption>}
      {bands.map(({ start, band }) => (
        <tbody key={start}>
          {rows.map((r, ri) => (
            <tr key={ri}>
              <th scope="row">{r.label}</th>
              {r.cells(band, start).map((c) => (
                <td key={c.key} colSpan={c.span && c.span > 1 ? c.span : undefined} className={c.className}>
                  {c.content}
                </td>
              ))}
              {band.length < perBand && bands.length > 1 && <td className="sum-band-pad" colSpan={perBand - band.length} />}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  )
}
