// Two revisions side by side: case-file inputs and computed results, differing values highlighted.
// Values are compared as stored and shown rounded as the editor and the print-out show them, the
// stored value in a tooltip: nothing is recomputed here.
import { useState } from 'react'
import type { DisplayUnits } from '../../../../shared/summary'
import { shortHash } from '../../db/content-hash'
import { flatten, type FlatValue } from '../../db/object-diff'
import type { RevisionRow } from '../../db/types'
import { usePlanningContext } from '../settings/planning-context'
import { formatCompared } from './compare-format'
import { TableHead } from '../../components/TableHead'
import { fieldLabel } from '../../../../shared/case/field-labels'
import { isComparedResultPath, resultFieldLabel } from './result-labels'

/** The result's basis trail is long and repeats the inputs; the compare view shows the numbers. */
function resultWithoutBasis(result: unknown): unknown {
  if (!result || typeof result !== 'object') return result
  const { basis: _basis, ...rest } = result as Record<string, unknown>
  return rest
}

type Kind = 'case' | 'result'

function rows(a: unknown, b: unknown, showAll: boolean, kind: Kind) {
  const left = flatten(a)
  const right = flatten(b)
  const paths = [...new Set([...left.keys(), ...right.keys()])]
    .filter((path) => kind === 'case' || isComparedResultPath(path))
    .sort((x, y) => x.localeCompare(y, undefined, { numeric: true }))
  const labelOf = (path: string) => (kind === 'case' ? fieldLabel(path) : resultFieldLabel(path, (p) => right.get(p) ?? left.get(p)))
  const all = paths.map((path) => ({ path, label: labelOf(path), a: left.get(path), b: right.get(path), differs: !Object.is(left.get(path), right.get(path)) }))
  return { shown: showAll ? all : all.filter((r) => r.differs), differing: all.filter((r) => r.differs).length }
}

function ComparedCell({ path, value, units }: { path: string; value: FlatValue | undefined; units: DisplayUnits }) {
  return <td title={typeof value === 'number' ? `stored value: ${String(value)}` : undefined}>{formatCompared(path, value, units)}</td>
}

function Section({ title, a, b, showAll, units, kind }: { title: string; a: unknown; b: unknown; showAll: boolean; units: DisplayUnits; kind: Kind }) {
  const { shown, differing } = rows(a, b, showAll, kind)
  return (
    <section>
      <h3>
        {title} <span className="muted">({differing === 0 ? 'identical' : `${differing} differ${differing === 1 ? 's' : ''}`})</span>
      </h3>
      {shown.length > 0 && (
        <table className="compare-table">
          <TableHead columns={['Field', 'Earlier', 'Later']} />
          <tbody>
            {shown.map((r) => (
              <tr key={r.path} className={r.differs ? 'differs' : undefined}>
                <th scope="row">{r.label}</th>
                <ComparedCell path={r.path} value={r.a} units={units} />
                <ComparedCell path={r.path} value={r.b} units={units} />
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
  const { units } = usePlanningContext()
  return (
    <section className="revision-compare" aria-labelledby="compare-title">
      <h2 id="compare-title">
        Comparing {label(earlier)} with {label(later)}
      </h2>
      <p className="muted">
        Hashes {shortHash(earlier.contentHash)} and {shortHash(later.contentHash)}
        {earlier.contentHash === later.contentHash ? ' — same inputs and results.' : '.'} Engine {earlier.engineVersion} / {later.engineVersion}, profile {earlier.profileVersion} / {later.profileVersion}, catalogue {earlier.catalogVersion} / {later.catalogVersion}.
      </p>
      <label className="check">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show unchanged fields too
      </label>
      <Section title="Inputs (case file)" a={earlier.caseFile} b={later.caseFile} showAll={showAll} units={units} kind="case" />
      <Section title="Results" a={resultWithoutBasis(earlier.result)} b={resultWithoutBasis(later.result)} showAll={showAll} units={units} kind="result" />
    </section>
  )
}
