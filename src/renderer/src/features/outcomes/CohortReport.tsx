// The printed cohort report: what "Cohort report (PDF)" prints, laid out for paper — a title block
// with the view and the site's settings, then each figure with its n: follow-up completeness and
// the due / overdue list, the survival chart with the numbers at risk and a yearly table, event
// incidence, paired change, planning accuracy (chart and tables). Hidden on screen; the
// interactive screen is hidden in print.
import { type CohortAudit } from '../../../../shared/outcomes'
import { provenanceLabel, scheduleText, type OutcomeSettings } from '../../../../shared/outcomes/site-settings'
import type { KmCurve } from '../../../../shared/stats'
import { TableHead } from '../../components/TableHead'
import type { PageSize } from '../../../../shared/ipc'
import { paperName } from '../print/paper-name'
import { FIGURE_NOTES, percentIntervalText, percentText } from './audit-format'
import { AccuracyTable, CausesTable, CompletenessTable, FollowUpEnded, IncidenceTable, incidenceTitle, PairedTable, RecordsToCorrect, SmallN } from './audit-tables'
import { AccuracyBars, SurvivalChart } from './charts'

/** Due / overdue lines printed before pointing to the CSV export. */
const LIST_LIMIT = 60

interface Props {
  audit: CohortAudit
  /** Every operated limb recorded (before the filter). */
  total: number
  /** "all operated limbs" or the filter in words. */
  view: string
  settings: OutcomeSettings
  today: string
  userName: string
  /** The Settings' paper: the report's named page (outcomes.css) is of this size. */
  paperSize: PageSize
}

/** The step in force at `t` years: survival and its band (1 before the first event). */
function atYear(curve: KmCurve, t: number): { s: number; lower: number | null; upper: number | null } {
  let out = { s: 1, lower: 1 as number | null, upper: 1 as number | null }
  for (const step of curve.steps) {
    if (step.time > t) break
    out = { s: step.survival, lower: step.lower, upper: step.upper }
  }
  return out
}

/** A year's row of the survival table: survival and its interval, or why there are none. Where
 *  nobody is at risk the estimate says nothing (the last follow-up came before) — unless everyone
 *  had a removal, when survival is 0 from then on. */
function yearCells(curve: KmCurve, t: number, atRisk: number): [string, string] | string {
  const y = atYear(curve, t)
  if (atRisk === 0 && y.s > 0) return FIGURE_NOTES.notEstimable
  return [percentText(y.s, 1), y.lower === null || y.upper === null ? 'not defined' : percentIntervalText(y.lower, y.upper, 1)]
}

export function CohortReport({ audit, total, view, settings, today, userName, paperSize }: Props) {
  const { completeness, survival, incidence, paired, accuracy } = audit
  const bars = [
    { label: 'Diameter', s: accuracy.diameter },
    { label: 'Length', s: accuracy.length }
  ].map(({ label, s }) => ({ label, n: s.exact.n, exact: s.exact.count, oneSize: s.oneSize.count, further: s.further.count }))
  return (
    <article className={`oc-report paper-${paperName(paperSize)}`} aria-label="Cohort report">
      <header className="oc-report-head">
        <h1>Cohort audit report</h1>
        <p>
          OsseoPlan · {today}
          {userName ? ` · printed by ${userName}` : ''}
        </p>
        <dl>
          <dt>Operated limbs in this report</dt>
          <dd>
            {audit.n} of {total} operated limbs recorded ({view})
          </dd>
          <dt>Follow-up schedule</dt>
          <dd>
            {scheduleText(settings.schedule)} — {provenanceLabel(settings.schedule.provenance)}
          </dd>
          <dt>Infection scale</dt>
          <dd>
            {settings.scale.name}
            {settings.scale.source ? ` (${settings.scale.source})` : ''} — {provenanceLabel(settings.scaleProvenance)}
          </dd>
        </dl>
        <p className="oc-report-note">{FIGURE_NOTES.limbs}</p>
        <SmallN n={audit.n} />
        <RecordsToCorrect toCorrect={audit.toCorrect} />
      </header>

      <section className="oc-report-section">
        <h2>Follow-up completeness (n = {completeness.n})</h2>
        <CompletenessTable completeness={completeness} />
        <FollowUpEnded completeness={completeness} />
        <h3>Due or overdue on {today} ({completeness.list.length})</h3>
        {completeness.list.length === 0 ? (
          <p>Nobody is due or overdue.</p>
        ) : (
          <ol className="oc-report-due">
            {completeness.list.slice(0, LIST_LIMIT).map((d) => (
              <li key={`${d.planId}-${d.label}`}>
                {d.patientCode} — {d.label} visit {d.status === 'overdue' ? <strong>overdue</strong> : 'due'} (due {d.dueDate})
              </li>
            ))}
          </ol>
        )}
        {completeness.list.length > LIST_LIMIT && (
          <p>
            … and {completeness.list.length - LIST_LIMIT} more, earliest due first: narrow the view on the Audit screen (level, year, surgeon) and print again to list them all.
          </p>
        )}
      </section>

      <section className="oc-report-section oc-report-keep">
        <h2>Implant survival free of removal (n = {survival.curve.n}, {survival.curve.events} removals)</h2>
        <SmallN n={survival.curve.n} />
        <SurvivalChart curve={survival.curve} atRiskTimes={survival.atRiskTimes} atRisk={survival.atRisk} />
        <table className="plan-table">
          <caption>Survival at each year since surgery</caption>
          <TableHead columns={['Years', 'At risk', 'Survival', '95 % interval (log-log)']} />
          <tbody>
            {survival.atRiskTimes.map((t, i) => {
              const atRisk = survival.atRisk[i] ?? 0
              const cells = yearCells(survival.curve, t, atRisk)
              return (
                <tr key={t}>
                  <th scope="row">{t}</th>
                  <td>{atRisk}</td>
                  {typeof cells === 'string' ? (
                    <td colSpan={2}>{cells}</td>
                  ) : (
                    <>
                      <td>{cells[0]}</td>
                      <td>{cells[1]}</td>
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
        <p className="oc-report-note">{survival.censoringNote} {FIGURE_NOTES.band}</p>
      </section>

      <section className="oc-report-section oc-report-keep">
        <h2>{incidenceTitle(incidence)}</h2>
        <SmallN n={incidence.n} />
        <IncidenceTable incidence={incidence} scale={settings.scale} />
        <p className="oc-report-note">{FIGURE_NOTES.incidence}</p>
      </section>

      <section className="oc-report-section oc-report-keep">
        <h2>Before and after: baseline vs 12 months (n per measure)</h2>
        <PairedTable paired={paired} />
        <p className="oc-report-note">{FIGURE_NOTES.paired}</p>
      </section>

      <section className="oc-report-section oc-report-keep">
        <h2>Planning accuracy (n = {accuracy.n})</h2>
        <SmallN n={accuracy.n} />
        <AccuracyBars rows={bars} />
        <AccuracyTable accuracy={accuracy} />
        <h3>Plans off the implanted size, by how they were measured</h3>
        <CausesTable accuracy={accuracy} />
      </section>
      <footer className="oc-report-note">Figures computed by OsseoPlan from the records of this library; every figure states how many limbs (plans) it counts. Small numbers are flagged, not hidden.</footer>
    </article>
  )
}
