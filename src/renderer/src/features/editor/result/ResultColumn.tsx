// The right-hand column: plan state (current, stale, incomplete), what is still needed, input
// problems, the plan itself and the drawing.
import { memo, useEffect } from 'react'
import type { ParamRef } from '../../../../../shared/result'
import { formatParamValue } from '../../../../../shared/format'
import { sameProps } from '../../../components/same-value'
import type { LengthUnit, MassUnit } from '../../../../../shared/units'
import { BoneDrawing } from '../../drawing/BoneDrawing'
import { pathLabel } from '../field-errors'
import { markRendered } from '../render-timing'
import type { LivePlan } from '../use-live-plan'
import { ResultPanel } from './ResultPanel'

import { focusField } from '../focus-field'

function FieldLink({ path, text }: { path: string; text: string }) {
  return (
    <button type="button" className="ed-link" onClick={() => focusField(path)}>
      {text}
    </button>
  )
}

/** The unconfirmed site defaults the plan used; compared by value (a keystroke seldom changes them). */
const SiteDefaults = memo(function SiteDefaults({ unconfirmed }: { unconfirmed: readonly ParamRef[] }) {
  return (
    <details className="ed-site-defaults" data-testid="site-defaults-flag">
      <summary>
        Computed with {unconfirmed.length} unconfirmed site default{unconfirmed.length === 1 ? '' : 's'} — confirm them in Settings
      </summary>
      <ul>
        {unconfirmed.map((p) => (
          <li key={p.key}>
            {p.label ?? p.key}: {formatParamValue(p.value, p.unit)}
          </li>
        ))}
      </ul>
    </details>
  )
}, sameProps)

export function ResultColumn({ live, units }: { live: LivePlan; units: { length: LengthUnit; mass: MassUnit } }) {
  const { result, normalized, errors, stale, valid } = live
  const invalid = [...errors.byPath.entries()]
  const unconfirmed = result?.siteDefaultsUsed.filter((p) => !p.confirmed) ?? []
  // After the commit that shows a new evaluation.
  useEffect(markRendered, [live.evaluation])
  return (
    <aside className={result && normalized ? 'ed-result ed-result-full' : 'ed-result'} aria-labelledby="result-title" aria-live="off">
      <div className="ed-result-head">
        <h2 id="result-title">Plan</h2>
        {result && !stale && (
          <span className={`ed-status ed-status-${result.status}`} data-testid="plan-status">
            {result.status === 'ok' ? 'OK' : result.status === 'warnings' ? 'With warnings' : 'Blocked'}
          </span>
        )}
        {stale && (
          <span className="ed-stale" data-testid="stale-label">
            Stale — shows the last valid plan; fix the input to update it
          </span>
        )}
      </div>
      {invalid.length > 0 && (
        <div className="ed-problems" data-testid="input-problems">
          <h3>Input to fix</h3>
          <ul>
            {invalid.map(([path, message]) => (
              <li key={path}>{path ? <FieldLink path={path} text={`${pathLabel(path)}: ${message}`} /> : message}</li>
            ))}
          </ul>
        </div>
      )}
      {errors.missingBySection.length > 0 && (
        <div className="ed-missing" data-testid="missing-list">
          <h3>Still needed for a plan</h3>
          <ul>
            {errors.missingBySection.map((s) => (
              <li key={s.id}>
                <strong>{s.title}:</strong>{' '}
                {s.paths.map((p, i) => (
                  <span key={p}>
                    {i > 0 && ', '}
                    <FieldLink path={p} text={pathLabel(p)} />
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
      {unconfirmed.length > 0 && result && <SiteDefaults unconfirmed={unconfirmed} />}
      {result && normalized ? (
        <div className={stale ? 'ed-result-stale' : undefined} data-testid="result-panel">
          <ResultPanel result={result} units={units} />
          <h3>Drawing</h3>
          <BoneDrawing plan={normalized} result={result} />
        </div>
      ) : (
        !valid && <p className="empty">The plan appears here as soon as the case is complete.</p>
      )}
    </aside>
  )
}
