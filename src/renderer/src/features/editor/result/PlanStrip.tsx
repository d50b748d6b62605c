// On narrow windows (≤ 1,100 px) the plan column drops below the form, out of sight while typing:
// this strip stays at the top of the screen with what matters while typing — the plan's state, the
// implant and the bone-to-skin target — and a link down to the full plan. (CSS shows it only there.)
import { formatSize } from '../../../../../shared/format'
import { implantSizeText } from '../../../../../shared/plan-format'
import type { LivePlan } from '../use-live-plan'

export function PlanStrip({ live }: { live: LivePlan }) {
  const { result, stale, valid } = live
  const state = !result ? 'Incomplete' : stale ? 'Stale' : result.status === 'ok' ? 'OK' : result.status === 'warnings' ? 'With warnings' : 'Blocked'
  const tone = !result || stale ? 'stale' : result.status
  const imp = result?.implant
  return (
    <div className="ed-plan-strip no-print" data-testid="plan-strip" aria-label="Plan summary">
      <span className={`ed-status ed-status-${tone}`}>{state}</span>
      <span>
        Implant: <strong>{result ? (imp ? implantSizeText(imp.diameterMm, imp.lengthMm) : 'no size fits') : '—'}</strong>
      </span>
      <span>
        Bone-to-skin target: <strong>{result ? formatSize(result.softTissue.targetMm) : '—'}</strong>
      </span>
      {!valid && result && <span className="ed-strip-note">(last valid plan)</span>}
      <button type="button" className="ed-link ed-strip-link" onClick={() => document.getElementById('result-title')?.scrollIntoView({ block: 'start' })}>
        Full plan ↓
      </button>
    </div>
  )
}
