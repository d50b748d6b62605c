// The Audit screen: the whole operated cohort, filterable by level, implant system, stages, year
// and surgeon. Every figure states its n; small numbers are said. Computation is the core's
// (shared/outcomes/cohort.ts); this screen loads rows and lays figures out.
import { startTransition, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import { flushSync } from 'react-dom'
import { auditHead, auditRest, localToday, type AuditPatient, type CohortFilter } from '../../../../shared/outcomes'
import { cachedCohort } from '../../db/outcomes-binding'
import { storageErrorMessage } from '../../db/storage'
import { usePlanningContext } from '../settings/planning-context'
import '../../components/components.css'
import './outcomes.css'
import { dueListRest, FIGURE_NOTES } from './audit-format'
import { AUDIT_COUNT_TIMING, markAudit } from './audit-marks'
import { AccuracyTable, CausesTable, CompletenessTable, FollowUpEnded, IncidenceTable, incidenceTitle, PairedTable, RecordsToCorrect, SmallN } from './audit-tables'
import { SurvivalChart } from './charts'
import { CohortReport } from './CohortReport'
import { ExportButtons } from './ExportButtons'
import { useOutcomeSettings } from './use-outcome-settings'
import { afterNextFrame, whenIdle } from '../../when-idle'
import { provenanceLabel, scheduleText } from '../../../../shared/outcomes/site-settings'

markAudit('code')

/** Due or overdue patients listed on screen, earliest due first (the filters narrow the list to
 *  the rest; no CSV export holds it). */
const DUE_LISTED = 200
/** Of those, the ones in the first frame of a first opening: about a screenful. The list is most of
 *  the first frame's elements (200 items: half the page's layout, docs/performance.md); the others
 *  follow with the later figures. */
const DUE_FIRST = 20

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))].sort()
}

export function AuditPage() {
  const { customSystems, systems, userName, paperSize } = usePlanningContext()
  const [cohort, setCohort] = useState<AuditPatient[] | null>(null)
  const [error, setError] = useState('')
  const [filter, setFilter] = useState<CohortFilter>({})
  const today = localToday()
  const { settings, intervals, loaded } = useOutcomeSettings()

  useEffect(() => {
    let live = true
    markAudit('readStart')
    cachedCohort(customSystems)
      .then((c) => {
        markAudit('read')
        if (live) setCohort(c)
      })
      .catch((e: unknown) => live && setError(`The audit could not be read: ${storageErrorMessage(e)}`))
    return () => {
      live = false
    }
  }, [customSystems])

  // The figures at the top (count, follow-up completeness, survival) are computed and drawn first;
  // the others (events, before/after, planning accuracy) once that frame is painted (a transition):
  // a newly read cohort reaches them then, while a filter change reaches both at once (the
  // per-patient facts are computed by then).
  const [laterCohort, setLaterCohort] = useState<AuditPatient[] | null>(null)
  useEffect(() => {
    if (!cohort || laterCohort === cohort) return
    return afterNextFrame(() => startTransition(() => setLaterCohort(cohort)))
  }, [cohort, laterCohort])
  const audit = useMemo(() => {
    if (!cohort || !loaded) return null
    const figures = auditHead(cohort, filter, today, intervals)
    markAudit('computed')
    return figures
  }, [cohort, filter, today, intervals, loaded])
  const laterFigures = useMemo(() => (laterCohort && loaded ? auditRest(laterCohort, filter, today, intervals) : null), [laterCohort, filter, today, intervals, loaded])
  const rest = laterCohort === cohort ? laterFigures : null
  useLayoutEffect(() => {
    if (audit) markAudit('shown')
  }, [audit])
  useLayoutEffect(() => {
    if (rest) markAudit('complete')
  }, [rest])
  // The printed report is hidden on screen yet a third of the page: it is drawn once the screen
  // is painted and the page idle (a transition, so it never holds the screen back), or at once
  // when printing starts.
  const [reportDrawn, setReportDrawn] = useState(false)
  useEffect(() => {
    if (!audit || reportDrawn) return
    const draw = () => flushSync(() => setReportDrawn(true))
    const cancel = whenIdle(() => startTransition(() => setReportDrawn(true)))
    window.addEventListener('beforeprint', draw)
    return () => {
      cancel()
      window.removeEventListener('beforeprint', draw)
    }
  }, [audit, reportDrawn])
  const options = useMemo(
    () => ({
      levels: distinct(cohort?.map((p) => p.level) ?? []),
      systems: distinct(cohort?.map((p) => p.operation.implant.systemId) ?? []),
      years: distinct(cohort?.map((p) => p.operation.stages[0]!.date.slice(0, 4)) ?? []),
      surgeons: distinct(cohort?.map((p) => p.surgeon) ?? [])
    }),
    [cohort]
  )

  if (error) return <p className="error">{error}</p>
  if (!cohort || !audit) return <p className="empty">Loading…</p>
  const systemName = (id: string) => systems.find((s) => s.id === id)?.name ?? id
  const set = (patch: Partial<CohortFilter>) => {
    const next: CohortFilter = { ...filter, ...patch }
    for (const k of Object.keys(next) as (keyof CohortFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k]
    setFilter(next)
  }
  const select = (label: string, value: string | undefined, values: string[], onChange: (v: string) => void, show: (v: string) => string = (v) => v) => (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {show(v)}
          </option>
        ))}
      </select>
    </label>
  )
  const { completeness, survival } = audit
  const dueListed = completeness.list.slice(0, rest === null ? DUE_FIRST : DUE_LISTED)

  const view = [
    filter.level && `level ${filter.level}`,
    filter.systemId && `implant system ${systemName(filter.systemId)}`,
    filter.stages && (filter.stages === 1 ? 'one-stage' : 'two-stage'),
    filter.year && `operated in ${filter.year}`,
    filter.surgeon && `surgeon ${filter.surgeon}`
  ].filter(Boolean)

  return (
    <div className="oc-page">
      <div className="oc-screen">
        <div className="page-head">
          <h1>Audit</h1>
          <ExportButtons cohort={cohort} filter={filter} paperSize={paperSize} />
        </div>
        <p className="oc-note">
          Every operated limb recorded in OsseoPlan ({cohort.length}). NICE (IPG270, IPG795) asks teams to audit the outcomes of everyone who has this procedure. {FIGURE_NOTES.limbs}
        </p>
        <div className="oc-filters oc-section" role="group" aria-label="Filter the cohort">
          {select('Level', filter.level, options.levels, (v) => set({ level: v }))}
          {select('Implant system', filter.systemId, options.systems, (v) => set({ systemId: v }), systemName)}
          {select('Stages', filter.stages ? String(filter.stages) : undefined, ['1', '2'], (v) => set({ stages: v === '' ? undefined : (Number(v) as 1 | 2) }), (v) => (v === '1' ? 'one-stage' : 'two-stage'))}
          {select('Year of surgery', filter.year ? String(filter.year) : undefined, options.years, (v) => set({ year: v === '' ? undefined : Number(v) }))}
          {select('Surgeon', filter.surgeon, options.surgeons, (v) => set({ surgeon: v }))}
          <p aria-live="polite" {...{ elementtiming: AUDIT_COUNT_TIMING }}>
            <strong>{audit.n}</strong> operated limb{audit.n === 1 ? '' : 's'} in this view
          </p>
        </div>
        <SmallN n={audit.n} />
        <RecordsToCorrect toCorrect={audit.toCorrect} />

        <section className="oc-section" aria-labelledby="fu-title">
          <h2 id="fu-title">Follow-up completeness (n = {completeness.n})</h2>
          <p className="oc-note">
            Intervals: {scheduleText(settings.schedule)} — {provenanceLabel(settings.schedule.provenance)} (Settings → After surgery). A visit counts for an interval when it falls in its window.
          </p>
          <CompletenessTable completeness={completeness} />
          <FollowUpEnded completeness={completeness} />
          <h3>Due or overdue ({completeness.list.length})</h3>
          {completeness.list.length === 0 ? (
            <p className="empty">Nobody is due or overdue.</p>
          ) : (
            <ul>
              {dueListed.map((d) => (
                <li key={`${d.planId}-${d.label}`}>
                  <a href={`#/plans/${d.planId}/outcomes`}>{d.patientCode}</a> — {d.label} visit {d.status === 'overdue' ? <strong>overdue</strong> : 'due'} (due {d.dueDate})
                </li>
              ))}
              {rest !== null && completeness.list.length > DUE_LISTED && <li>{dueListRest(completeness.list.length - DUE_LISTED, DUE_LISTED)}</li>}
            </ul>
          )}
        </section>

        <section className="oc-section" aria-labelledby="km-title">
          <h2 id="km-title">Implant survival (n = {survival.curve.n})</h2>
          <SmallN n={survival.curve.n} />
          <SurvivalChart curve={survival.curve} atRiskTimes={survival.atRiskTimes} atRisk={survival.atRisk} />
          <p className="oc-note">{survival.censoringNote} {FIGURE_NOTES.band}</p>
        </section>

        {rest === null ? (
          <p className="empty">Computing the other figures…</p>
        ) : (
          <>
            <section className="oc-section" aria-labelledby="inc-title">
              <h2 id="inc-title">{incidenceTitle(rest.incidence)}</h2>
              <SmallN n={rest.incidence.n} />
              <IncidenceTable incidence={rest.incidence} scale={settings.scale} />
              <p className="oc-note">{FIGURE_NOTES.incidence}</p>
            </section>

            <section className="oc-section" aria-labelledby="pair-title">
              <h2 id="pair-title">Before and after: baseline vs 12 months</h2>
              <p className="oc-note">{FIGURE_NOTES.paired}</p>
              <PairedTable paired={rest.paired} />
            </section>

            <section className="oc-section" aria-labelledby="acc-title">
              <h2 id="acc-title">Planning accuracy (n = {rest.accuracy.n})</h2>
              <SmallN n={rest.accuracy.n} />
              <AccuracyTable accuracy={rest.accuracy} />
              <h3>Did the plans that were off share a cause?</h3>
              <CausesTable accuracy={rest.accuracy} />
            </section>
          </>
        )}
      </div>
      {/* Printing right after opening may come before the background figures: computed here then. */}
      {reportDrawn && <CohortReport audit={{ ...audit, ...(rest ?? auditRest(cohort, filter, today, intervals)) }} total={cohort.length} view={view.length ? view.join(', ') : 'all operated limbs'} settings={settings} today={today} userName={userName} paperSize={paperSize} />}
    </div>
  )
}
