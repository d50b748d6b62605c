// The live plan beside the form: every number is the core's, and each opens its basis.
import type { ReactNode } from 'react'
import type { MagnificationWhatIf, PlanResult } from '../../../../../shared/result'
import { formatDays, formatKg, formatMagnification, formatMm, formatMmBeside, formatSize } from '../../../../../shared/format'
import {
  clearanceText,
  contactText,
  cortexText,
  cortexWhereText,
  diameterText,
  magnificationText,
  patientText,
  requiredBuildText,
  resectedImplantText,
  sensitivityLabel,
  sensitivityNotApplicable,
  sizeOptionText,
  softMeasuredText,
  stageDaysText,
  whatIfText
} from '../../../../../shared/plan-format'
import type { LengthUnit, MassUnit } from '../../../../../shared/units'
import { BasisValue } from '../../../components/BasisValue'
import { FindingsList } from './FindingsList'
import { LoadingChart } from './LoadingChart'

export interface ResultPanelProps {
  result: PlanResult
  units: { length: LengthUnit; mass: MassUnit }
}

/** A value from result at `path`, opening result.basis[path]. */
function N({ result, path, name, children }: { result: PlanResult; path: string; name: string; children: ReactNode }) {
  return (
    <BasisValue basis={result.basis[path]} name={name}>
      {children}
    </BasisValue>
  )
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="ed-kv" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function ImplantBlock({ result, units }: ResultPanelProps) {
  const imp = result.implant
  const u = units.length
  if (!imp)
    return (
      <p className="ed-no-implant" data-testid="no-implant">
        No implant size fits this bone — see the blocking findings.
      </p>
    )
  const whatIf = (w: MagnificationWhatIf) => whatIfText(w, u)
  const na = sensitivityNotApplicable(result)
  return (
    <dl className="ed-kvs">
      <Row label="System" testId="res-system">
        {imp.systemName} ({imp.fixation})
      </Row>
      <Row label="Recommended implant" testId="res-implant">
        <N result={result} path="implant.diameterMm" name="implant diameter">
          {diameterText(imp.diameterMm, u)}
        </N>{' '}
        ×{' '}
        <N result={result} path="implant.lengthMm" name="implant length">
          {formatSize(imp.lengthMm, u)}
        </N>
        {imp.resectionMm > 0 && ` on the bone shortened by the proposed ${formatMm(imp.resectionMm, u)} resection`}
      </Row>
      <Row label="Sizes either side" testId="res-neighbours">
        {imp.smaller ? sizeOptionText(imp.smaller, imp.requiredContactMm, u) : 'none smaller'}
        {' · '}
        {imp.larger ? sizeOptionText(imp.larger, imp.requiredContactMm, u) : 'none larger'}
      </Row>
      <Row label={`If the magnification is off (${sensitivityLabel(imp)})`} testId="res-sensitivity">
        {na ?? (
          <>
            <N result={result} path="implant.atMagnificationMinus5" name="size at the lower magnification">
              {formatMagnification(imp.atMagnificationMinus5.magnification)}: {whatIf(imp.atMagnificationMinus5)}
            </N>
            <br />
            <N result={result} path="implant.atMagnificationPlus5" name="size at the higher magnification">
              {formatMagnification(imp.atMagnificationPlus5.magnification)}: {whatIf(imp.atMagnificationPlus5)}
            </N>
          </>
        )}
      </Row>
      <Row label="Prepared canal" testId="res-prepared">
        <N result={result} path="implant.preparedDiameterMm" name="prepared canal">
          {diameterText(imp.preparedDiameterMm, u)}
        </N>
      </Row>
      <Row label="Cortical contact length" testId="res-contact">
        <N result={result} path="implant.contactLengthMm" name="contact length">
          {contactText(imp.contactLengthMm, imp.requiredContactMm, u)}
        </N>{' '}
        (needs {formatMm(imp.requiredContactMm, u)})
      </Row>
      <Row label="Thinnest cortex" testId="res-cortex">
        {imp.minCortexMm === null ? (
          'no station in the implant zone'
        ) : (
          <>
            <N result={result} path="implant.minCortexMm" name="thinnest cortex">
              {cortexText(imp.minCortexMm, imp, u)}
            </N>
            {` ${cortexWhereText(imp, u)} (minimum ${formatMm(imp.cortexMinimumMm, u)})`}
          </>
        )}
      </Row>
    </dl>
  )
}

export function ResultPanel({ result, units }: ResultPanelProps) {
  const mm = (v: number) => formatMm(v, units.length)
  const u = units.length
  const soft = result.softTissue
  const build = result.buildHeight
  const c = result.corrected
  return (
    <div className="ed-result-body">
      <h3>Implant</h3>
      <ImplantBlock result={result} units={units} />
      <p className="ed-note" data-testid="res-magnification">
        Magnification applied:{' '}
        <N result={result} path="corrected.magnification" name="magnification">
          {magnificationText(result)}
        </N>{' '}
        ({c.magnificationSource === 'profile-default' ? 'site default, no calibration' : c.magnificationSource}) · residual bone{' '}
        <N result={result} path="corrected.residualLengthMm" name="corrected residual length">
          {patientText.residual(c.residualLengthMm, result, u)}
        </N>
      </p>

      <h3>Bone to skin</h3>
      <dl className="ed-kvs">
        <Row label="Measured / target" testId="res-soft">
          <N result={result} path="softTissue.measuredMm" name="measured soft tissue">
            {softMeasuredText(result, u)}
          </N>{' '}
          /{' '}
          <N result={result} path="softTissue.targetMm" name="soft-tissue target">
            {mm(soft.targetMm)}
          </N>
        </Row>
        <Row label="Reduction" testId="res-reduction">
          <N result={result} path="softTissue.reductionMm" name="soft-tissue reduction">
            {mm(soft.reductionMm)}
          </N>
        </Row>
        <Row label="BMI">
          <N result={result} path="softTissue.bmi" name="BMI">
            {patientText.bmi(soft.bmi, result)}
          </N>
        </Row>
      </dl>

      <h3>Build height</h3>
      {build ? (
        <dl className="ed-kvs">
          <Row label={`Available (to ${build.target})`}>
            <N result={result} path="buildHeight.availableMm" name="available length">
              {mm(build.availableMm)}
            </N>
          </Row>
          <Row label="Components need">
            <N result={result} path="buildHeight.requiredMm" name="required build height">
              {requiredBuildText(build, u)}
            </N>
          </Row>
          {build.clearanceMm >= 0 ? (
            <Row label="Clearance" testId="res-clearance">
              <N result={result} path="buildHeight.clearanceMm" name="clearance">
                {clearanceText(build, u)}
              </N>
            </Row>
          ) : (
            <Row label="Proposed resection" testId="res-resection">
              <N result={result} path="buildHeight.resectionMm" name="proposed resection">
                {formatMmBeside(build.resectionMm, [0], u)}
              </N>
              {build.afterResection && ` → residual ${mm(build.afterResection.residualLengthAfterMm)}, implant ${resectedImplantText(build, u)}`}
            </Row>
          )}
        </dl>
      ) : (
        <p className="empty">Enter the sound-side length to check the build height.</p>
      )}

      <h3>Findings</h3>
      <FindingsList findings={result.findings} />

      <h3>Stages</h3>
      <p data-testid="res-stages">
        <N result={result} path="stages.count" name="number of stages">
          {result.stages.count === 1 ? 'One stage' : 'Two stages'}
        </N>
        {result.stages.stage2AfterDays && ` — stage 2 after ${stageDaysText(result.stages.stage2AfterDays)}`}. {result.stages.rationale}
      </p>

      <h3>Loading schedule — {result.rehab.protocolName}</h3>
      <p className="ed-note">
        Ends at{' '}
        <N result={result} path="rehab.targetLoadKg" name="target load">
          {formatKg(result.rehab.targetLoadKg, units.mass)}
        </N>
      </p>
      {result.rehab.slowSuggested && <p className="ed-note">Slow loading suggested: {result.rehab.slowReasons.join('; ')}.</p>}
      <LoadingChart rehab={result.rehab} massUnit={units.mass} />
      <table className="ed-table ed-schedule" data-testid="res-schedule">
        <caption className="visually-hidden">Loading schedule</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Target load</th>
            <th scope="col">Activity</th>
          </tr>
        </thead>
        <tbody>
          {result.rehab.schedule.map((r, i) => (
            <tr key={i}>
              <td>{formatDays(r.day)}</td>
              <td>
                {formatKg(r.loadKg, units.mass)}
                {r.interpolated && <abbr title="interpolated linearly between published anchor points">*</abbr>}
              </td>
              <td>{r.activity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ed-note">Source {result.rehab.source}. * interpolated between published anchor points.</p>
    </div>
  )
}
