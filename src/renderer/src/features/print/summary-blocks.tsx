// Result and input blocks of the printed summary (implant sizes, canal stations, eligibility,
// stage plan): tables laid out from the summary model, nothing computed here.
import type { PlanSummary } from '../../../../shared/summary'
import { HalvedTable, RowsTable } from './summary-parts'

export function ImplantBlock({ implant }: { implant: PlanSummary['implant'] }) {
  return (
    <>
      <RowsTable rows={implant.rows} />
      {implant.missing && <p className="sum-missing">{implant.missing}</p>}
      {implant.sizes.length > 0 && (
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
            {implant.sizes.map((z) => (
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
      {implant.sensitivity.length > 0 && <RowsTable rows={implant.sensitivity} caption="Magnification sensitivity" />}
    </>
  )
}

export function StationsTable({ inputs }: { inputs: PlanSummary['inputs'] }) {
  return (
    <table className="sum-grid-table">
      <caption>Canal stations</caption>
      <thead>
        <tr>
          <th scope="col">From distal end</th>
          <th scope="col">Endosteal Ø</th>
          <th scope="col">Periosteal Ø</th>
          <th scope="col">Planes</th>
        </tr>
      </thead>
      <tbody>
        {inputs.stations.map((st, i) => (
          <tr key={i}>
            <td>{st.fromDistalEnd}</td>
            <td>{st.endosteal}</td>
            <td>{st.periosteal}</td>
            <td>{st.planes}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4} className="small muted">
            {inputs.stationsNote}
          </td>
        </tr>
      </tfoot>
    </table>
  )
}

export function EligibilityTable({ rows }: { rows: PlanSummary['eligibility'] }) {
  return (
    <HalvedTable
      rows={rows}
      className="sum-eligibility"
      head={
        <tr>
          <th scope="col">Item [sources]</th>
          <th scope="col">Outcome (programme setting)</th>
        </tr>
      }
      row={(e) => (
        <tr key={e.item} className={`outcome-${e.outcomeKind}`}>
          <th scope="row">
            {e.item}
            {e.sources && <span className="sum-src"> [{e.sources}]</span>}
          </th>
          <td>
            {e.outcome} <span className="sum-src">({e.severity})</span>
          </td>
        </tr>
      )}
    />
  )
}

export function StagesBlock({ stages }: { stages: PlanSummary['stages'] }) {
  return (
    <>
      <RowsTable rows={stages.rows} />
      {stages.evidence.length > 0 && (
        <table className="sum-grid-table">
          <caption>One or two stages: evidence [{stages.evidenceSource}]</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">One stage</th>
              <th scope="col">Two stages</th>
            </tr>
          </thead>
          <tbody>
            {stages.evidence.map((e) => (
              <tr key={e.outcome}>
                <th scope="row">{e.outcome}</th>
                <td>{e.oneStage}</td>
                <td>{e.twoStage}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
