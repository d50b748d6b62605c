// The Audit screen's tables, shared by the screen and the printed cohort report (one layout of
// each figure). Each table's caption names it for screen readers; n is in the section headings.
import { formatNumber } from '../../../../shared/format'
import { LITERATURE_ACCURACY, smallNumberNote, type CohortAudit, type InfectionScale } from '../../../../shared/outcomes'
import { TableHead } from '../../components/TableHead'
import { followUpEndedText, incidenceLabel, medianText, percentText, rateText, recordsToCorrectText, shareText } from './audit-format'

/** The small-number warning under a figure (nothing when n is large enough). */
export function SmallN({ n }: { n: number }) {
  const note = smallNumberNote(n)
  return note ? <p className="oc-small-n">{note}</p> : null
}

/** Whose follow-up ended, beside the completeness table. */
export function FollowUpEnded({ completeness }: { completeness: CohortAudit['completeness'] }) {
  return completeness.n > 0 ? <p className="oc-note" data-testid="follow-up-ended">{followUpEndedText(completeness)}</p> : null
}

/** Records dated after today or before the operation: left out of the figures, to be corrected. */
export function RecordsToCorrect({ toCorrect }: { toCorrect: CohortAudit['toCorrect'] }) {
  const lines = recordsToCorrectText(toCorrect)
  if (lines.length === 0) return null
  return (
    <div className="oc-small-n" role="alert" data-testid="records-to-correct">
      <strong>Records to correct.</strong>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  )
}

/** The incidence figure's heading, with its n and exposure. */
export function incidenceTitle(incidence: CohortAudit['incidence']): string {
  return `Events per 100 implant-years (n = ${incidence.n}, ${formatNumber(incidence.implantYears, 1)} implant-years)`
}

export function CompletenessTable({ completeness }: { completeness: CohortAudit['completeness'] }) {
  if (completeness.rows.length === 0) return null
  return (
    <table className="plan-table">
      <caption className="visually-hidden">Follow-up by interval</caption>
      <TableHead columns={['Interval', 'Seen', 'Due now', 'Overdue', 'Not yet due', 'No longer followed']} />
      <tbody>
        {completeness.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.counts.done}</td>
            <td>{r.counts.due}</td>
            <td>{r.counts.overdue}</td>
            <td>{r.counts.upcoming}</td>
            <td>{r.counts['not-expected']}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function IncidenceTable({ incidence, scale }: { incidence: CohortAudit['incidence']; scale: InfectionScale }) {
  return (
    <table className="plan-table">
      <caption className="visually-hidden">Event incidence</caption>
      <TableHead columns={['Event', 'Events', 'Limbs (plans)', 'Per 100 implant-years (exact 95 % CI)']} />
      <tbody>
        {incidence.rows.map((r) => (
          <tr key={`${r.type}-${r.scaleId ?? ''}-${r.grade ?? ''}`}>
            <th scope="row">{incidenceLabel(r, scale)}</th>
            <td>{r.rate.events}</td>
            <td>{r.patients}</td>
            <td>{rateText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function PairedTable({ paired }: { paired: CohortAudit['paired'] }) {
  return (
    <table className="plan-table">
      <caption className="visually-hidden">Paired change</caption>
      <TableHead columns={['Measure', 'n', 'Baseline, median (IQR)', '12 months, median (IQR)', 'Change per patient, median (IQR)', 'Better / worse / same']} />
      <tbody>
        {paired.map((r) => {
          const c = r.change
          const better = r.better === 'higher' ? c.increased : c.decreased
          const worse = r.better === 'higher' ? c.decreased : c.increased
          return (
            <tr key={r.key}>
              <th scope="row">
                {r.label} ({r.unit})
              </th>
              <td>
                {c.n}
                {c.n > 0 && c.n < 10 ? ' (small n)' : ''}
              </td>
              <td>{medianText(c.before)}</td>
              <td>{medianText(c.after)}</td>
              <td>{medianText(c.change)}</td>
              <td>{c.n === 0 ? '—' : `${better} / ${worse} / ${c.unchanged}`}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function AccuracyTable({ accuracy }: { accuracy: CohortAudit['accuracy'] }) {
  return (
    <table className="plan-table">
      <caption className="visually-hidden">Implanted against planned size</caption>
      <TableHead columns={['', 'Exact size', 'Within one catalogue size', 'Further', 'Not comparable']} />
      <tbody>
        {(
          [
            ['Diameter', accuracy.diameter],
            ['Length', accuracy.length]
          ] as const
        ).map(([label, s]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{shareText(s.exact)}</td>
            <td>{shareText(s.withinOne)}</td>
            <td>{shareText(s.further)}</td>
            <td>{s.offCatalogue}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Literature</th>
          <td>
            ≈ {LITERATURE_ACCURACY.exact.low * 100}–{LITERATURE_ACCURACY.exact.high * 100} %
          </td>
          <td>≈ {LITERATURE_ACCURACY.withinOne * 100} %</td>
          <td colSpan={2} className="oc-note">
            Digital templating of hip and knee arthroplasty ([A1], [A2]); no osseointegration figure is published.
          </td>
        </tr>
      </tbody>
    </table>
  )
}

export function CausesTable({ accuracy }: { accuracy: CohortAudit['accuracy'] }) {
  return (
    <table className="plan-table">
      <caption className="visually-hidden">Plans off the implanted size by calibration and imaging</caption>
      <TableHead columns={['How the plan was measured', 'Plans', 'Diameter or length not as planned']} />
      <tbody>
        {accuracy.causes.map((c) => (
          <tr key={`${c.factor}-${c.value}`}>
            <th scope="row">
              {c.factor === 'calibration' ? 'Calibration' : 'Imaging'}: {c.value}
            </th>
            <td>{c.n}</td>
            <td>
              {c.off} ({c.n === 0 ? '—' : percentText(c.off / c.n)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
