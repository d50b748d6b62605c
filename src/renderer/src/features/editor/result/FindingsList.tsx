// Findings grouped by severity: blocks first, then warnings, then information.
import type { Finding, Severity } from '../../../../../shared/result'
import { BasisDetails } from '../../../components/BasisValue'

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'block', title: 'Blocks approval' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Information' }
]

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
                <li key={`${f.id}-${i}`}>
                  <details>
                    <summary>
                      {f.message} <span className="ed-finding-id">{f.id}</span>
                    </summary>
                    <BasisDetails basis={f.basis} />
                  </details>
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </>
  )
}
