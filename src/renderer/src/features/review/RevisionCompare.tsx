// Two revisions side by side: case-file inputs and computed results, differing values highlighted.
// Values are shown as stored (the core's numbers, in its units): nothing is recomputed here.
import { useState } from 'react'
import { shortHash } from '../../db/content-hash'
import { displayValue, flatten, type FlatValue } from '../../db/object-diff'
import type { RevisionRow } from '../../db/types'

/** The result's basis trail is long and repeats the inputs; the compare view shows the numbers. */
function resultWithoutBasis(result: unknown): unknown {
  if (!result || typeof result !== 'object') return result
  const { basis: _basis, ...rest } = result as Record<string, unknown>
  return rest
}

function rows(a: unknown, b: unknown, showAll: boolean) {
  const left = flatten(a)
  const right = flatten(b)
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort((x, y) => x.localeCompare(y, undefined, { numeric: true }))
  const all = paths.map((path) => ({ path, a: left.get(path), b: right.get(path), differs: !Object.is(left.get(path), right.get(path)) }))
  return { shown: showAll ? all : all.filter((r) => r.differs), differing: all.filter((r) => r.differs).length }
}

function Section({ title, a, b, showAll }: { title: string; a: unknown; b: unknown; showAll: boolean }) {
  const { shown, differing } = rows(a, b, showAll)
  const cell = (v: FlatValue | undefined) => displayValue(v)
  return (
    <section>
      <h3>
        {title} <span className="muted">({differing === 0 ? 'identical' : `${differing} differ${differing === 1 ? 's' : ''}`})</span>
      </h3>
      {shown.length > 0 && (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Earlier</th>
              <th scope="col">Later</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.path} className={r.differs ? 'differs' : undefined}>
                <th scope="row">{r.path}</th>
                <td>{cell(r.a)}</td>
                <td>{cell(r.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function RevisionCompare({ earlier, later, label }: { earlier: RevisionRow; later: RevisionRow; label: (r: RevisionRow) => string }) {
  const [showAll, setShowAll] = useState(false)
  return (
    <div className="revision-compare" aria-label="Compare revisions">
      <h2>
        Comparing {label(earlier)} with {label(later)}
      </h2>
      <p className="muted">
        Hashes {shortHash(earlier.contentHash)} and {shortHash(later.contentHash)}
        {earlier.contentHash === later.contentHash ? ' — same inputs and results.' : '.'} Engine {earlier.engineVersion} / {later.engineVersion}, profile {earlier.profileVersion} / {later.profileVersion}, catalogue {earlier.catalogVersion} / {later.catalogVersion}.
      </p>
      <label className="check">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show unchanged fields too
      </label>
      <Section title="Inputs (case file)" a={earlier.caseFile} b={later.caseFile} showAll={showAll} />
      <Section title="Results" a={resultWithoutBasis(earlier.result)} b={resultWithoutBasis(later.result)} showAll={showAll} />
    </div>
  )
}
