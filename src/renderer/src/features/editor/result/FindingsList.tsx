// Findings grouped by severity: blocks first, then warnings, then information.
import { memo } from 'react'
import type { Finding, Severity } from '../../../../../shared/result'
import { BasisDetails } from '../../../components/BasisValue'
import { sameProps } from '../../../components/same-value'

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'block', title: 'Blocks approval' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Information' }
]

/** One finding and its basis, compared by value: a keystroke re-renders the findings it changed. */
const FindingItem = memo(function FindingItem({ finding: f }: { finding: Finding }) {
  return (
    <li>
      <details>
        <summary>
          {f.message} <span className="ed-finding-id">{f.id}</span>
        </summary>
        <BasisDetails basis={f.basis} />
      </details>
    </li>
  )
}, sameProps)

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p className="empty">No findings.</p>
  return (
    <>
      {GROUPS.map(({ severity, title }) => {
        const group = findings.filter((f) => f.severity === severity)
        if (group.length === 0) return null
        return (
          <div key={severity} className={`ed-findings ed-findings-${severity}`}>
            <h4>
              {title} ({group.length})
            </h4>
            <ul>
              {group.map((f, i) => (
                <FindingItem key={`${f.id}-${i}`} finding={f} />
              ))}
            </ul>
          </div>
        )
      })}
    </>
  )
}
