// Result and input blocks of the printed summary (implant sizes, canal stations, eligibility,
// stage plan): tables laid out from the summary model, nothing computed here.
import type { PlanSummary } from '../../../../shared/summary'
import { type BandRow, BandedTable, RowsInline, RowsTable, runCells } from './summary-parts'

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

type Station = PlanSummary['inputs']['stations'][number]

/** Stations per band of the canal-profile table. */
const STATIONS_PER_BAND = 8

type Diameter = 'endosteal' | 'periosteal'

/** One row of station values: a field (one plane's, or the value used when every station has one plane). */
function stationRow(label: string, value: (st: Station) => string): BandRow<Station> {
  return { label, cells: (band, start) => band.map((st, i) => ({ key: String(start + i), content: value(st) })) }
}

/**
 * The canal stations across: one column per station, the planes spanning the stations they apply to.
 * With two planes, each plane's own diameters (AP and lateral, as the drawing shows them); a
 * one-plane station's value stands for both planes, as in the drawing and the cortex rule.
 */
export function StationsTable({ inputs }: { inputs: PlanSummary['inputs'] }) {
  if (inputs.stations.length === 0) return null
  const twoPlanes = inputs.stations.some((st) => st.ap || st.lateral)
  const perPlane = (d: Diameter, name: string): BandRow<Station>[] => [
    stationRow(`${name}, AP`, (st) => (st.ap ?? st)[d]),
    stationRow(`${name}, lateral`, (st) => (st.lateral ?? st)[d])
  ]
  return (
    <>
      <BandedTable<Station>
        items={inputs.stations}
        perBand={STATIONS_PER_BAND}
        caption="Canal stations"
        className="sum-stations"
        rows={[
          stationRow('From distal end', (st) => st.fromDistalEnd),
          ...(twoPlanes ? perPlane('endosteal', 'Endosteal Ø') : [stationRow('Endosteal Ø', (st) => st.endosteal)]),
          ...(twoPlanes ? perPlane('periosteal', 'Periosteal Ø') : [stationRow('Periosteal Ø', (st) => st.periosteal)]),
          { label: 'Planes', cells: (band, start) => runCells(band, start, (st) => st.planes) }
        ]}
      />
      <p className="small muted">{inputs.stationsNote}</p>
    </>
  )
}

/**
 * Eligibility findings: each item not met or not recorded on its own line with its programme
 * setting and sources; the met items in one line with their sources, the not-applicable in another.
 */
export function EligibilityFindings({ eligibility }: { eligibility: PlanSummary['eligibilityFindings'] }) {
  const { listed, met, notApplicable } = eligibility
  if (listed.length === 0 && !met && !notApplicable) return <p>No eligibility items were screened.</p>
  return (
    <ul className="sum-elig">
      {listed.map((e) => (
        <li key={e.item} className={`outcome-${e.outcomeKind}`}>
          <strong>{e.item}</strong>: {e.outcome} <span className="sum-src">({e.severity}){e.sources && ` [${e.sources}]`}</span>
        </li>
      ))}
      {met && (
        <li className="outcome-pass">
          <strong>Criteria met</strong>: {met}
        </li>
      )}
      {notApplicable && (
        <li className="outcome-not-applicable">
          <strong>Not applicable</strong>: {notApplicable}
        </li>
      )}
    </ul>
  )
}

export function StagesBlock({ stages }: { stages: PlanSummary['stages'] }) {
  return (
    <>
      <RowsInline rows={stages.rows} />
      {stages.evidenceLine && (
        <p className="small">
          <strong>Evidence, one stage vs two stages [{stages.evidenceSource}]:</strong> {stages.evidenceLine}
        </p>
      )}
    </>
  )
}
