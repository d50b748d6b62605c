// The printed plan summary laid out from the summary model (shared/summary.ts). Everything shown
// is already formatted there; this file only arranges it on paper.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import type { IncompleteSummary, PlanSummary, SummaryHeader } from '../../../../shared/summary'
import { BoneDrawing } from '../drawing/BoneDrawing'
import { LoadChart } from './LoadChart'
import { RowsTable, Section } from './summary-parts'

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
              <td className="mono">{m.field}</td>
              <td>{m.required ? `still needed (${m.message})` : m.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Disclaimer text={summary.disclaimer} />
    </>
  )
}

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

      <div className="sum-columns">
        <Section id="implant" title="Implant recommendation">
          <RowsTable rows={s.implant.rows} />
          {s.implant.missing && <p className="sum-missing">{s.implant.missing}</p>}
          {s.implant.sizes.length > 0 && (
            <table className="sum-grid-table">
              <thead>
                <tr>
                  <th scope="col">Size</th>
                  <th scope="col">Diameter</th>
                  <th scope="col">Prepared canal</th>
                  <th scope="col">Contact length</th>
                </tr>
              </thead>
              <tbody>
                {s.implant.sizes.map((z) => (
                  <tr key={z.which} className={z.which === 'Recommended' ? 'recommended' : undefined}>
                    <th scope="row">{z.which}</th>
                    <td>{z.diameter}</td>
                    <td>{z.prepared}</td>
                    <td>{z.contact}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {s.implant.sensitivity.length > 0 && <RowsTable rows={s.implant.sensitivity} caption="Magnification sensitivity" />}
        </Section>

        <Section id="canal" title="Canal, contact and cortex">
          {s.canal.length > 0 ? <RowsTable rows={s.canal} /> : <p className="sum-missing">Not calculated: no implant recommended.</p>}
          <h3>Bone-to-skin distance</h3>
          <RowsTable rows={s.softTissue} />
          <h3>Build height</h3>
          {s.buildHeight.missing ? <p className="sum-missing">{s.buildHeight.missing}</p> : <RowsTable rows={s.buildHeight.rows} />}
        </Section>
      </div>

      <Section id="inputs" title="Inputs and how they were measured">
        <div className="sum-columns">
          <div>
            <RowsTable rows={s.inputs.patient} caption="Patient" />
          </div>
          <div>
            <RowsTable rows={[...s.inputs.imaging, ...s.inputs.bone, ...s.inputs.softTissue]} caption="Imaging, bone and soft tissue" />
            <RowsTable rows={s.inputs.prosthesis} caption="Prosthesis" />
          </div>
        </div>
        <table className="sum-grid-table">
          <caption>Canal stations ({s.inputs.stationsNote})</caption>
          <thead>
            <tr>
              <th scope="col">From distal end</th>
              <th scope="col">Endosteal Ø</th>
              <th scope="col">Periosteal Ø</th>
              <th scope="col">Planes</th>
            </tr>
          </thead>
          <tbody>
            {s.inputs.stations.map((st, i) => (
              <tr key={i}>
                <td>{st.fromDistalEnd}</td>
                <td>{st.endosteal}</td>
                <td>{st.periosteal}</td>
                <td>{st.planes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="findings" title="Findings and eligibility">
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
        <table className="sum-grid-table">
          <caption>Eligibility screen</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Outcome</th>
              <th scope="col">Programme setting</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {s.eligibility.map((e) => (
              <tr key={e.item} className={`outcome-${e.outcomeKind}`}>
                <th scope="row">{e.item}</th>
                <td>{e.outcome}</td>
                <td>{e.severity}</td>
                <td>{e.sources}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <div className="sum-columns drawing-row">
        <Section id="stages" title="Stage plan">
          <RowsTable rows={s.stages.rows} />
          {s.stages.evidence.length > 0 && (
            <table className="sum-grid-table">
              <caption>One or two stages: evidence [{s.stages.evidenceSource}]</caption>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col">One stage</th>
                  <th scope="col">Two stages</th>
                </tr>
              </thead>
              <tbody>
                {s.stages.evidence.map((e) => (
                  <tr key={e.outcome}>
                    <th scope="row">{e.outcome}</th>
                    <td>{e.oneStage}</td>
                    <td>{e.twoStage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section id="drawing" title="To-scale drawing" className="sum-drawing">
          <BoneDrawing plan={normalized} result={result} printMode />
        </Section>
      </div>

      <Section id="loading" title="Loading schedule">
        <RowsTable rows={s.loading.rows} />
        <div className="sum-loading">
          <table className="sum-grid-table sum-schedule">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Load</th>
                <th scope="col">Activity</th>
              </tr>
            </thead>
            <tbody>
              {s.loading.schedule.map((r, i) => (
                <tr key={i} className={r.interpolated ? 'interpolated' : undefined}>
                  <td>{r.day}</td>
                  <td>
                    {r.load}
                    {r.interpolated ? ' *' : ''}
                  </td>
                  <td>{r.activity}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadChart chart={s.loading.chart} />
        </div>
        {s.loading.hasInterpolated && <p className="muted small">* interpolated linearly between published anchor points.</p>}
        {s.loading.notes.map((n, i) => (
          <p key={i} className="muted small">
            {n}
          </p>
        ))}
      </Section>

      <Section id="basis" title="Basis of each number">
        <dl className="sum-basis">
          {s.basis.map((b) => (
            <div key={b.keys.join(',')} className="sum-basis-entry">
              <dt>
                {b.label} <span className="mono muted">{b.rule}</span>
              </dt>
              <dd>
                {b.formula}
                {b.inputs.length > 0 && <span className="muted"> Inputs: {b.inputs.join('; ')}.</span>}
                {b.parameters.length > 0 && <span className="muted"> Parameters: {b.parameters.join('; ')}.</span>}
                {b.sources.length > 0 && <span> Sources: {b.sources.join('; ')}.</span>}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="site-defaults" title="Site defaults used">
        {s.siteDefaults.length === 0 ? (
          <p>This plan used no site defaults: every parameter is published.</p>
        ) : (
          <table className="sum-grid-table sum-site-defaults">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Value</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {s.siteDefaults.map((d) => (
                <tr key={d.key} className={d.confirmed ? undefined : 'unconfirmed'}>
                  <th scope="row">{d.label}</th>
                  <td>{d.value}</td>
                  <td>{d.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="sources" title="Sources">
        <ul className="sum-sources">
          {s.sources.map((src) => (
            <li key={src.key}>
              <span className="mono">[{src.key}]</span> {src.title}
            </li>
          ))}
        </ul>
        <p className="muted small">{s.versions}</p>
      </Section>

      <Section id="signoff" title="Sign-off" className="sum-signoff">
        <div className="sum-sign-grid">
          {['Surgeon', 'MDT reviewer'].map((role) => (
            <div key={role} className="sum-sign">
              <span className="sum-sign-line" />
              <span>{role}: name and signature</span>
              <span className="sum-sign-line short" />
              <span>Date</span>
            </div>
          ))}
        </div>
      </Section>
      <Disclaimer text={s.disclaimer} />
    </>
  )
}
