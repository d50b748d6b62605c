// The reference part of the printed summary: the basis of every number grouped by rule, the site
// defaults the plan used and the cited sources. Dense on purpose (small type, shared basis once)
// so a typical case prints on two pages without leaving any of it out.
import type { BasisGroup, SiteDefaultRow, SourceRow } from '../../../../shared/summary'

/** Rule [sources] | each number: its formula in words and its inputs; the rule's parameters once, last. */
export function BasisTable({ groups }: { groups: BasisGroup[] }) {
  return (
    <table className="sum-grid-table sum-basis">
      <thead>
        <tr>
          <th scope="col">Rule [sources]</th>
          <th scope="col">Number: formula in words — inputs</th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.rule}>
          {g.numbers.map((n, i) => (
            <tr key={n.keys.join(',')}>
              {i === 0 && (
                <th scope="rowgroup" rowSpan={g.numbers.length + (g.parameters.length > 0 ? 1 : 0)} className="sum-basis-rule">
                  <span className="mono">{g.rule}</span>
                  {g.sources.length > 0 && <span className="sum-basis-src">[{g.sources.join(', ')}]</span>}
                </th>
              )}
              <td>
                <span className="sum-basis-label">{n.label}:</span> {n.formula}
                {n.inputs.length > 0 && <span className="sum-basis-inputs"> — inputs: {n.inputs.join('; ')}</span>}
              </td>
            </tr>
          ))}
          {g.parameters.length > 0 && (
            <tr className="sum-basis-params">
              <td>
                <span className="sum-basis-tag">Parameters:</span> {g.parameters.join('; ')}
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  )
}

/** "Label = value" in columns, the ones the site has not confirmed first and marked. */
export function SiteDefaultsList({ rows }: { rows: SiteDefaultRow[] }) {
  if (rows.length === 0) return <p>This plan used no site defaults: every parameter is published.</p>
  const groups = [
    { title: 'Not confirmed by the site', rows: rows.filter((r) => !r.confirmed), className: 'unconfirmed' },
    { title: 'Confirmed by the site', rows: rows.filter((r) => r.confirmed), className: 'confirmed' }
  ].filter((g) => g.rows.length > 0)
  return (
    <>
      {groups.map((g) => (
        <div key={g.title} className={`sum-defaults ${g.className}`}>
          <h3>
            {g.title} ({g.rows.length})
          </h3>
          <ul>
            {g.rows.map((d) => (
              <li key={d.key} title={d.status}>
                {d.label} = <strong>{d.value}</strong>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  )
}

export function SourcesList({ sources, versions }: { sources: SourceRow[]; versions: string }) {
  return (
    <>
      <ul className="sum-sources">
        {sources.map((src) => (
          <li key={src.key}>
            <span className="mono">[{src.key}]</span> {src.title}
          </li>
        ))}
      </ul>
      <p className="muted small">{versions}</p>
    </>
  )
}
