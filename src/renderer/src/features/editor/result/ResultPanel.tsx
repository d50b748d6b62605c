// The live plan beside the form: every number is the core's, and each opens its basis.
// The core returns a new plan on every keystroke; each part below gets only the values it shows
// (and their basis) and is compared by value, so a keystroke re-renders the parts whose values
// changed — typing a weight does not re-render the implant (issue #14).
import { memo, type ReactNode } from 'react'
import type { Basis, BuildHeightPlan, ImplantPlan, MagnificationWhatIf, PlanResult, RehabPlan, SoftTissuePlan, StagePlan } from '../../../../../shared/result'
import { formatDays, formatKg, formatMagnification, formatMmBeside, formatSize } from '../../../../../shared/format'
import {
  availableBuildText,
  clearanceText,
  contactText,
  cortexText,
  cortexWhereText,
  diameterText,
  magnificationText,
  patientText,
  requiredBuildText,
  resectedImplantText,
  shortenedBoneText,
  sensitivityLabel,
  sensitivityNotApplicable,
  sizeOptionText,
  softMeasuredText,
  stageDaysText,
  whatIfText
} from '../../../../../shared/plan-format'
import type { LengthUnit, MassUnit } from '../../../../../shared/units'
import { BasisValue } from '../../../components/BasisValue'
import { basisUnder, sameProps } from '../../../components/same-value'
import { FindingsList } from './FindingsList'
import { LoadingChart } from './LoadingChart'

export interface ResultPanelProps {
  result: PlanResult
  units: { length: LengthUnit; mass: MassUnit }
}

type BasisMap = Readonly<Record<string, Basis>>

/** A value of the plan at `path`, opening basis[path]. */
function N({ basis, path, name, children }: { basis: BasisMap; path: string; name: string; children: ReactNode }) {
  return (
    <BasisValue basis={basis[path]} name={name}>
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

const ImplantBlock = memo(function ImplantBlock({ imp, basis, na, u }: { imp: ImplantPlan | null; basis: BasisMap; na: string | null; u: LengthUnit }) {
  if (!imp)
    return (
      <p className="ed-no-implant" data-testid="no-implant">
        No implant size fits this bone — see the blocking findings.
      </p>
    )
  const whatIf = (w: MagnificationWhatIf) => whatIfText(w, u)
  return (
    <dl className="ed-kvs">
      <Row label="System" testId="res-system">
        {imp.systemName} ({imp.fixation})
      </Row>
      <Row label="Recommended implant" testId="res-implant">
        <N basis={basis} path="implant.diameterMm" name="implant diameter">
          {diameterText(imp.diameterMm, u)}
        </N>{' '}
        ×{' '}
        <N basis={basis} path="implant.lengthMm" name="implant length">
          {formatSize(imp.lengthMm, u)}
        </N>
        {imp.resectionMm > 0 && ` ${shortenedBoneText(imp, u)}`}
      </Row>
      <Row label="Sizes either side" testId="res-neighbours">
        {imp.smaller ? sizeOptionText(imp.smaller, imp.requiredContactMm, u) : 'none smaller'}
        {' · '}
        {imp.larger ? sizeOptionText(imp.larger, imp.requiredContactMm, u) : 'none larger'}
      </Row>
      <Row label={`If the magnification is off (${sensitivityLabel(imp)})`} testId="res-sensitivity">
        {na ?? (
          <>
            <N basis={basis} path="implant.atMagnificationMinus5" name="size at the lower magnification">
              {formatMagnification(imp.atMagnificationMinus5.magnification)}: {whatIf(imp.atMagnificationMinus5)}
            </N>
            <br />
            <N basis={basis} path="implant.atMagnificationPlus5" name="size at the higher magnification">
              {formatMagnification(imp.atMagnificationPlus5.magnification)}: {whatIf(imp.atMagnificationPlus5)}
            </N>
          </>
        )}
      </Row>
      <Row label="Prepared canal" testId="res-prepared">
        <N basis={basis} path="implant.preparedDiameterMm" name="prepared canal">
          {diameterText(imp.preparedDiameterMm, u)}
        </N>
      </Row>
      <Row label="Cortical contact length" testId="res-contact">
        <N basis={basis} path="implant.contactLengthMm" name="contact length">
          {contactText(imp.contactLengthMm, imp.requiredContactMm, u)}
        </N>{' '}
        (needs {formatSize(imp.requiredContactMm, u)})
      </Row>
      <Row label="Thinnest cortex" testId="res-cortex">
        {imp.minCortexMm === null ? (
          'no station in the implant zone'
        ) : (
          <>
            <N basis={basis} path="implant.minCortexMm" name="thinnest cortex">
              {cortexText(imp.minCortexMm, imp, u)}
            </N>
            {` ${cortexWhereText(imp, u)} (minimum ${formatSize(imp.cortexMinimumMm, u)})`}
          </>
        )}
      </Row>
    </dl>
  )
}, sameProps)

const SoftTissueBlock = memo(function SoftTissueBlock({ soft, measured, bmi, basis, u }: { soft: SoftTissuePlan; measured: string; bmi: string; basis: BasisMap; u: LengthUnit }) {
  return (
    <dl className="ed-kvs">
      <Row label="Measured / target" testId="res-soft">
        <N basis={basis} path="softTissue.measuredMm" name="measured soft tissue">
          {measured}
        </N>{' '}
        /{' '}
        <N basis={basis} path="softTissue.targetMm" name="soft-tissue target">
          {formatSize(soft.targetMm, u)}
        </N>
      </Row>
      <Row label="Reduction" testId="res-reduction">
        <N basis={basis} path="softTissue.reductionMm" name="soft-tissue reduction">
          {formatMmBeside(soft.reductionMm, [0], u)}
        </N>
      </Row>
      <Row label="BMI">
        <N basis={basis} path="softTissue.bmi" name="BMI">
          {bmi}
        </N>
      </Row>
    </dl>
  )
}, sameProps)

/** `residualAfter`: the residual length after the resection, beside the lengths the rules compare it with. */
const BuildHeightBlock = memo(function BuildHeightBlock({ build, basis, u, residualAfter }: { build: BuildHeightPlan | null; basis: BasisMap; u: LengthUnit; residualAfter: string }) {
  if (!build) return <p className="empty">Enter the sound-side length to check the build height.</p>
  return (
    <dl className="ed-kvs">
      <Row label={`Available (to ${build.target})`}>
        <N basis={basis} path="buildHeight.availableMm" name="available length">
          {availableBuildText(build, u)}
        </N>
      </Row>
      <Row label="Components need">
        <N basis={basis} path="buildHeight.requiredMm" name="required build height">
          {requiredBuildText(build, u)}
        </N>
      </Row>
      {build.clearanceMm >= 0 ? (
        <Row label="Clearance" testId="res-clearance">
          <N basis={basis} path="buildHeight.clearanceMm" name="clearance">
            {clearanceText(build, u)}
          </N>
        </Row>
      ) : (
        <Row label="Proposed resection" testId="res-resection">
          <N basis={basis} path="buildHeight.resectionMm" name="proposed resection">
            {formatMmBeside(build.resectionMm, [0], u)}
          </N>
          {build.afterResection && ` → residual ${residualAfter}, implant ${resectedImplantText(build, u)}`}
        </Row>
      )}
    </dl>
  )
}, sameProps)

const StagesBlock = memo(function StagesBlock({ stages, basis }: { stages: StagePlan; basis: BasisMap }) {
  return (
    <p data-testid="res-stages">
      <N basis={basis} path="stages.count" name="number of stages">
        {stages.count === 1 ? 'One stage' : 'Two stages'}
      </N>
      {stages.stage2AfterDays && ` — stage 2 after ${stageDaysText(stages.stage2AfterDays)}`}. {stages.rationale}
    </p>
  )
}, sameProps)

const RehabBlock = memo(function RehabBlock({ rehab, basis, mass }: { rehab: RehabPlan; basis: BasisMap; mass: MassUnit }) {
  return (
    <>
      <h3>Loading schedule — {rehab.protocolName}</h3>
      <p className="ed-note">
        Ends at{' '}
        <N basis={basis} path="rehab.targetLoadKg" name="target load">
          {formatKg(rehab.targetLoadKg, mass)}
        </N>
      </p>
      {rehab.slowSuggested && <p className="ed-note">Slow loading suggested: {rehab.slowReasons.join('; ')}.</p>}
      <LoadingChart rehab={rehab} massUnit={mass} />
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
          {rehab.schedule.map((r, i) => (
            <tr key={i}>
              <td>{formatDays(r.day)}</td>
              <td>
                {formatKg(r.loadKg, mass)}
                {r.interpolated && <abbr title="interpolated linearly between published anchor points">*</abbr>}
              </td>
              <td>{r.activity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ed-note">Source {rehab.source}. * interpolated between published anchor points.</p>
    </>
  )
}, sameProps)

export function ResultPanel({ result, units }: ResultPanelProps) {
  const u = units.length
  const c = result.corrected
  const basis = result.basis
  return (
    <div className="ed-result-body">
      <h3>Implant</h3>
      <ImplantBlock imp={result.implant} basis={basisUnder(basis, 'implant.')} na={sensitivityNotApplicable(result)} u={u} />
      <p className="ed-note" data-testid="res-magnification">
        Magnification applied:{' '}
        <N basis={basis} path="corrected.magnification" name="magnification">
          {magnificationText(result)}
        </N>{' '}
        ({c.magnificationSource === 'profile-default' ? 'site default, no calibration' : c.magnificationSource}) · residual bone{' '}
        <N basis={basis} path="corrected.residualLengthMm" name="corrected residual length">
          {patientText.residual(c.residualLengthMm, result, u)}
        </N>
      </p>

      <h3>Bone to skin</h3>
      <SoftTissueBlock
        soft={result.softTissue}
        measured={softMeasuredText(result, u)}
        bmi={patientText.bmi(result.softTissue.bmi, result)}
        basis={basisUnder(basis, 'softTissue.')}
        u={u}
      />

      <h3>Build height</h3>
      <BuildHeightBlock
        build={result.buildHeight}
        basis={basisUnder(basis, 'buildHeight.')}
        u={u}
        residualAfter={result.buildHeight?.afterResection ? patientText.residual(result.buildHeight.afterResection.residualLengthAfterMm, result, u) : ''}
      />

      <h3>Findings</h3>
      <FindingsList findings={result.findings} />

      <h3>Stages</h3>
      <StagesBlock stages={result.stages} basis={basisUnder(basis, 'stages.')} />

      <RehabBlock rehab={result.rehab} basis={basisUnder(basis, 'rehab.')} mass={units.mass} />
    </div>
  )
}
