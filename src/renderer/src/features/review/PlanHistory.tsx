// History of a plan in a modal dialog: its revisions (and those of the plans it revises), the
// audit log (what changed, old → new, when, by which app version), and a compare of two revisions.
import { useEffect, useRef, useState } from 'react'
import { auditRepo, plansRepo, revisionsRepo } from '../../db'
import { shortHash } from '../../db/content-hash'
import { storageErrorMessage } from '../../db/storage'
import type { AuditRow, PlanRow, RevisionRow } from '../../db/types'
import { RevisionCompare } from './RevisionCompare'
import './review.css'
import { TableHead } from '../../components/TableHead'
import { keepTabInside } from '../../components/focus-trap'
import { formatDateTime } from '../../../../shared/format'
import { AuditChanges, auditActionText } from './AuditChanges'

/** The plan and the approved plans it revises, newest first (bounded: a chain never loops). */
async function lineage(planId: string): Promise<PlanRow[]> {
  const chain: PlanRow[] = []
  let id = planId
  while (id && chain.length < 50 && !chain.some((p) => p.id === id)) {
    const plan = await plansRepo().get(id)
    if (!plan) break
    chain.push(plan)
    id = plan.parentId
  }
  return chain
}


interface Loaded {
  chain: PlanRow[]
  revisions: RevisionRow[]
  audit: AuditRow[]
}

export function PlanHistory({ planId, onClose }: { planId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState('')
  const [selected, setSelected] = useState<string[]>([])
  const [comparing, setComparing] = useState<[RevisionRow, RevisionRow] | null>(null)

  // The control that opened the dialog (focused when it first renders) gets focus back on close.
  const opener = useRef<Element | null>(document.activeElement)

  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
    const back = opener.current
    return () => {
      if (back instanceof HTMLElement && back.isConnected) back.focus()
    }
  }, [])

  useEffect(() => {
    void (async () => {
      try {
        const chain = await lineage(planId)
        const revisions = (await Promise.all(chain.map((p) => revisionsRepo().listForPlan(p.id)))).flat().sort((a, b) => a.createdAt - b.createdAt)
        setLoaded({ chain, revisions, audit: await auditRepo().listForPlan(planId) })
      } catch (e) {
        setError(`The history could not be read: ${storageErrorMessage(e)}`)
      }
    })()
  }, [planId])

  const label = (r: RevisionRow) => {
    const own = r.planId === planId
    const plan = loaded?.chain.find((p) => p.id === r.planId)
    return `revision ${r.number}${own ? '' : ` of the earlier plan${plan?.patientCode ? ` ${plan.patientCode}` : ''}`} (${r.status})`
  }

  function toggle(id: string) {
    setComparing(null)
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s.slice(-1), id]))
  }

  function compare() {
    if (!loaded) return
    const picked = loaded.revisions.filter((r) => selected.includes(r.id))
    if (picked.length === 2) setComparing([picked[0]!, picked[1]!])
  }

  const plan = loaded?.chain[0]

  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby="history-title" onClose={onClose} onCancel={onClose} onKeyDown={keepTabInside}>
      <div className="history-head">
        <h1 id="history-title">History{plan ? ` of ${plan.patientCode || 'an unnamed plan'}` : ''}</h1>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!loaded && !error && <p>Loading…</p>}
      {loaded && (
        <>
          <h2>Revisions</h2>
          {loaded.revisions.length === 0 ? (
            <p className="muted">No revisions yet: a revision is recorded when the plan is marked reviewed or approved.</p>
          ) : (
            <>
              <table className="history-table">
                <TableHead columns={['Compare', 'Revision', 'When', 'By', 'Hash', 'Engine / profile / catalogue']} actions="Print" />
                <tbody>
                  {loaded.revisions.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <input type="checkbox" aria-label={`Compare ${label(r)}`} checked={selected.includes(r.id)} onChange={() => toggle(r.id)} />
                      </td>
                      <td>{label(r)}</td>
                      <td>{formatDateTime(r.createdAt)}</td>
                      <td>{r.author || '(no name set)'}</td>
                      <td>
                        <code title={r.contentHash}>{shortHash(r.contentHash)}</code>
                      </td>
                      <td>
                        {r.engineVersion} / {r.profileVersion} / {r.catalogVersion}
                      </td>
                      <td>
                        <a href={`#/plans/${r.planId}/summary/${r.id}`}>Summary</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" disabled={selected.length !== 2} onClick={compare}>
                Compare selected revisions
              </button>
              {selected.length !== 2 && <span className="muted"> Tick two revisions to compare them.</span>}
            </>
          )}
          {comparing && <RevisionCompare earlier={comparing[0]} later={comparing[1]} label={label} />}
          <h2>Changes</h2>
          <ol className="audit-list">
            {loaded.audit.map((a) => (
              <li key={a.seq}>
                <span className="audit-when">{formatDateTime(a.at)}</span> <strong>{auditActionText(a.action)}</strong> <span className="muted">(app {a.appVersion})</span>
                {a.importedFrom && <span className="audit-imported"> — imported: the history of {a.importedFrom}, not recorded by this library</span>}
                <AuditChanges row={a} />
              </li>
            ))}
          </ol>
        </>
      )}
    </dialog>
  )
}
