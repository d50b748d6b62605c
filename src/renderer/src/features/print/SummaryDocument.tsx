// The printed plan summary laid out from the summary model (shared/summary.ts). Everything shown
// is already formatted there; this file only arranges it on paper.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import type { IncompleteSummary, PlanSummary, SummaryHeader } from '../../../../shared/summary'
import { BoneDrawing } from '../drawing/BoneDrawing'
import { LoadingSchedule } from './LoadingSchedule'
import { EligibilityFindings, ImplantBlock, StagesBlock, StationsTable } from './summary-blocks'
import { RowsInline, RowsTable, Section } from './summary-parts'
import { BasisTable, SiteDefaultsList, SourcesList } from './summary-reference'

function HeaderBlock({ header }: { header: SummaryHeader }) {
  const items: [string, string][] = [
    ['Patient code', header.patientCode],
    ['Level and side', header.levelSide],
    ['Surgeon', header.surgeon],
    ['Date', header.date],
    ['Plan status', header.status],
    ['Revision', header.revision],
    ['Content hash', header.hash]
  ]
  return (
    <header className="sum-header">
      <div className="sum-title">
        <h1 id="summary-title">Osseointegration plan summary</h1>
        <span className="sum-brand">OsseoPlan</span>
      </div>
      <dl className="sum-header-grid">
        {items.map(([label, value]) => (
          <div key={label} className={label === 'Patient code' ? 'sum-hfield key' : 'sum-hfield'}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  )
}

function Disclaimer({ text }: { text: string }) {
  return (
    <p className="sum-disclaimer screen-only" role="note">
      {text}
    </p>
  )
}

export function IncompleteDocument({ summary }: { summary: IncompleteSummary }) {
  return (
    <>
      <HeaderBlock header={summary.header} />
      <div className="sum-status blocked" role="alert">
        <strong>This plan cannot be printed yet.</strong> The case is incomplete or has invalid values, so no plan can be computed. Complete
        these in the plan editor:
      </div>
      <table className="sum-grid-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {summary.missing.map((m, i) => (
            <tr key={`${m.field}-${i}`}>
              <td>{m.field}</td>
              <td>{m.required ? `still needed (${m.message})` : m.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Disclaimer text={summary.disclaimer} />
    </>
  )
}

/** The drawing's box on paper (mm): half the page width beside the inputs, as tall as they are. */
const DRAWING_BOX_MM = { w: 84, h: 84 }

export function PlanDocument({ summary: s, normalized, result }: { summary: PlanSummary; normalized: NormalizedCase; result: PlanResult }) {
  return (
    <>
      <HeaderBlock header={s.header} />
      <div className={`sum-status ${s.planStatus}`}>
        <strong>{s.statusLine}</strong>
        {s.unconfirmedCount > 0 && (
          <span>
            {' '}
            Uses {s.unconfirmedCount} site default{s.unconfirmedCount === 1 ? '' : 's'} not confirmed by the site (listed under “Site defaults used”).
          </span>
        )}
      </div>

      <div className="sum-columns three">
        <Section id="implant" title="Implant recommendation">
          <ImplantBlock implant={s.implant} />
        </Section>
        <Section id="canal" title="Canal, contact and cortex">
          {s.canal.length > 0 ? <RowsTable rows={s.canal} /> : <p className="sum-missing">Not calculated: no implant recommended.</p>}
          <h3>Bone-to-skin distance</h3>
          <RowsTable rows={s.softTissue} />
        </Section>
        <div>
          <Section id="build" title="Build height">
            {s.buildHeight.missing ? <p className="sum-missing">{s.buildHeight.missing}</p> : <RowsTable rows={s.buildHeight.rows} />}
          </Section>
          <Section id="stages" title="Stage plan" className="sum-stages">
            <StagesBlock stages={s.stages} />
          </Section>
        </div>
      </div>

      <Section id="findings" title="Findings">
        {s.findings.length === 0 ? (
          <p>No findings.</p>
        ) : (
          <ul className="sum-findings">
            {s.findings.map((f, i) => (
              <li key={`${f.id}-${i}`} className={f.severity}>
                <span className="sev">{f.severityText}</span> {f.message} <span className="mono muted">{f.id}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <div className="sum-body">
        <div>
          <Section id="inputs" title="Inputs and how they were measured">
            <h3>Patient</h3>
            <div className="sum-halves sum-patient">
              <RowsTable rows={s.inputs.patient.slice(0, 5)} />
              {/* The long "Conditions" value last, where it can wrap. */}
              <RowsTable rows={[...s.inputs.patient.slice(6), ...s.inputs.patient.slice(5, 6)]} />
            </div>
            <h3>Imaging, bone and soft tissue</h3>
            <RowsInline rows={[...s.inputs.imaging, ...s.inputs.bone, ...s.inputs.softTissue]} />
            <StationsTable inputs={s.inputs} />
            <h3>Prosthesis</h3>
            <RowsInline rows={s.inputs.prosthesis} />
          </Section>
          <Section id="eligibility" title="Eligibility findings">
            <EligibilityFindings eligibility={s.eligibilityFindings} />
          </Section>
        </div>
        <Section id="drawing" title="To-scale drawing" className="sum-drawing">
          <BoneDrawing plan={normalized} result={result} printMode printBoxMm={DRAWING_BOX_MM} />
        </Section>
      </div>

      <Section id="loading" title="Loading schedule" className="sum-keep">
        <LoadingSchedule loading={s.loading} />
      </Section>

      <Section id="basis" title="Basis of each number">
        <BasisTable groups={s.basis} />
      </Section>

      <Section id="site-defaults" title="Site defaults used">
        <SiteDefaultsList rows={s.siteDefaults} />
      </Section>

      <Section id="sources" title="Sources">
        <SourcesList sources={s.sources} versions={s.versions} />
      </Section>

      <Section id="signoff" title="Sign-off" className="sum-signoff">
        <div className="sum-sign-grid">
          {['Surgeon', 'MDT reviewer'].map((role) => (
            <div key={role} className="sum-sign">
              <span className="sum-sign-line" />
              <span className="sum-sign-line" />
              <span>{role}: name and signature</span>
              <span>Date</span>
            </div>
          ))}
        </div>
      </Section>
      <Disclaimer text={s.disclaimer} />
    </>
  )
}
