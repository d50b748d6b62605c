// The theatre sheet on paper: one A4 / US Letter page in large print for the theatre wall and
// the team brief. Laid out from the theatre-sheet model; the drawing is the same to-scale drawing
// as the summary's, as large as the page allows.
import type { NormalizedCase } from '../../../../shared/case/types'
import type { PlanResult } from '../../../../shared/result'
import { BoneDrawing } from '../drawing/BoneDrawing'
import type { TheatreSheet } from './theatre-sheet'

/** The drawing's box on the sheet (mm): the right column, most of the page's height. */
const DRAWING_BOX_MM = { w: 88, h: 196 }

export function TheatreDocument({ sheet, normalized, result }: { sheet: TheatreSheet; normalized: NormalizedCase; result: PlanResult }) {
  return (
    <>
      <header className="th-header">
        <div>
          <h1 id="summary-title" className="th-title">
            Theatre sheet
          </h1>
          <p className="th-code">{sheet.patientCode}</p>
          <p className="th-level">{sheet.level}</p>
        </div>
        <p className="th-side" aria-label={`Side: ${sheet.side}`}>
          {sheet.side}
        </p>
      </header>
      {sheet.alerts.length > 0 && (
        <div className="th-alerts" role="note" aria-label="Before the first cut">
          <ul>
            {sheet.alerts.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="th-body">
        <div>
          <dl className="th-items">
            {sheet.implant.map((item) => (
              <div key={item.label} className="th-item">
                <dt>{item.label}</dt>
                <dd>
                  <span className="th-value">{item.value}</span>
                  {item.note && <span className="th-note">{item.note}</span>}
                </dd>
              </div>
            ))}
          </dl>
          {sheet.shelf.length > 0 && (
            <table className="th-shelf">
              <caption>On the shelf</caption>
              <tbody>
                {sheet.shelf.map((row) => (
                  <tr key={row.which} className={row.planned ? 'planned' : undefined}>
                    <th scope="row">{row.which}</th>
                    <td>
                      {row.size}
                      <span className="th-canal">{row.prepared}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="th-identity">
            {sheet.identity}
            <br />
            Surgeon: {sheet.surgeon}
          </p>
        </div>
        <div className="th-drawing">
          <BoneDrawing plan={normalized} result={result} printMode printBoxMm={DRAWING_BOX_MM} />
        </div>
      </div>
      <p className="th-disclaimer">{sheet.disclaimer}</p>
    </>
  )
}
