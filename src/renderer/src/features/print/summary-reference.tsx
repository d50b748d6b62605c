// The reference part of the printed summary: the basis of every number grouped by rule, the site
// defaults the plan used and the cited sources. Dense on purpose (small type, shared basis once,
// a site default's value printed once, in its list) so a typical case prints on two pages
// without leaving any of it out.
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
                <th scope="rowgroup" rowSpan={g.numbers.length + (g.parameters.length + g.siteDefaults.length > 0 ? 1 : 0)} className="sum-basis-rule">
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
          {g.parameters.length + g.siteDefaults.length > 0 && (
            <tr className="sum-basis-params">
              <td>
                {g.parameters.length > 0 && (
                  <>
                    <span className="sum-basis-tag">Parameters:</span> {g.parameters.join('; ')}
                    {g.siteDefaults.length > 0 && '. '}
                  </>
                )}
                {g.siteDefaults.length > 0 && (
                  <>
                    <span className="sum-basis-tag">Site defaults</span> (values listed below): {g.siteDefaults.join('; ')}
                  </>
                )}
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  )
}

/** "Label = value", run on, the ones the site has not confirmed first and marked as such. */
export function SiteDefaultsList({ rows }: { rows: SiteDefaultRow[] }) {
  if (rows.length === 0) return <p>This plan used no site defaults: every parameter is published.</p>
  const groups = [
    { title: 'Not confirmed by the site', rows: rows.filter((r) => !r.confirmed), className: 'unconfirmed' },
    { title: 'Confirmed by the site', rows: rows.filter((r) => r.confirmed), className: 'confirmed' }
  ].filter((g) => g.rows.length > 0)
  return (
    <>
      {groups.map((g) => (
        <p key={g.title} className={`sum-defaults ${g.className}`}>
          <strong className="sum-defaults-title">
            {g.title} ({g.rows.length}):
          </strong>{' '}
          {g.rows.map((d, i) => (
            <span key={d.key} title={d.status}>
              {i > 0 && ' · '}
              {d.label} = <strong>{d.value}</strong>
            </span>
          ))}
        </p>
      ))}
    </>
  )
}

/** The cited sources, run on: "[S1] title · [S4] title …", then the engine and data versions. */
export function SourcesList({ sources, versions }: { sources: SourceRow[]; versions: string }) {
  return (
    <p className="sum-sources">
      {sources.map((src, i) => (
        <span key={src.key}>
          {i > 0 && ' · '}
          <span className="mono">[{src.key}]</span> {src.title}
        </span>
      ))}
      <span className="muted"> — {versions}.</span>
    </p>
  )
}
