// The plan library: every stored plan, searchable as you type (in-memory summaries, debounced),
// filtered, sorted and counted; open, history, duplicate, export, archive, delete with undo;
// back up, restore and import. Renders the first page of matches with "Show more" (10,000 plans).
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react'
import { plansRepo } from '../../db'
import { caseFileText, exportFileName } from '../../db/backup-repo'
import type { DeletedPlan } from '../../db/plans-repo'
import { confirmPlanDelete } from '../outcomes/confirm-plan-delete'
import { storageErrorMessage } from '../../db/storage'
import { PLAN_STATUSES, type PlanSummary } from '../../db/types'
import { saveTextFile } from '../../platform'
import { navigate } from '../../router'
import { PlanHistory } from '../review/PlanHistory'
import { BackupControls } from './BackupControls'
import { createAndOpenPlan } from './create-plan'
import { countPlans, distinctValues, EMPTY_QUERY, filterPlans, type LibraryQuery, type SortKey } from './library-query'
import { useDebounced } from './useDebounced'
import './library.css'
import { TableHead } from '../../components/TableHead'
import { formatDateTime } from '../../../../shared/format'

const PAGE_SIZE = 100
const SEARCH_DEBOUNCE_MS = 100

/** A labelled filter control; the label is tied by id, so its name is exactly the label text. */
function FilterField({ label, className, children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId()
  return (
    <div className={className ? `filter ${className}` : 'filter'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  )
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

interface Notice {
  text: string
  isError: boolean
  undo?: DeletedPlan
}

export function LibraryPage() {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null)
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY)
  const [shown, setShown] = useState(PAGE_SIZE)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [historyOf, setHistoryOf] = useState<string | null>(null)
  const searchText = useDebounced(query.text, SEARCH_DEBOUNCE_MS)

  const reload = useCallback(async () => {
    try {
      setPlans(await plansRepo().listSummaries())
    } catch (e) {
      setNotice({ text: `The plan library could not be read: ${storageErrorMessage(e)}`, isError: true })
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const effective = useMemo(() => ({ ...query, text: searchText }), [query, searchText])
  const matches = useMemo(() => (plans ? filterPlans(plans, effective) : []), [plans, effective])
  const counts = useMemo(() => countPlans(plans ?? []), [plans])
  const levels = useMemo(() => distinctValues(plans ?? [], 'level'), [plans])
  const systems = useMemo(() => distinctValues(plans ?? [], 'systemId'), [plans])

  function update(patch: Partial<LibraryQuery>) {
    setQuery((q) => ({ ...q, ...patch }))
    setShown(PAGE_SIZE)
  }

  async function act(work: () => Promise<unknown>, failure: string) {
    try {
      await work()
    } catch (e) {
      setNotice({ text: `${failure}: ${storageErrorMessage(e)}`, isError: true })
    }
    await reload()
  }

  const create = () => act(createAndOpenPlan, 'The plan could not be created')

  const duplicate = (plan: PlanSummary) =>
    act(async () => {
      const copy = await plansRepo().duplicate(plan.id)
      setNotice({ text: `Duplicated ${plan.patientCode || 'the plan'} as a new draft.`, isError: false })
      navigate({ name: 'editor', planId: copy.id })
    }, 'The plan could not be duplicated')

  const archive = (plan: PlanSummary) =>
    act(async () => {
      await plansRepo().setArchived(plan.id, plan.archived === 0)
      setNotice({ text: `${plan.patientCode || 'The plan'} ${plan.archived === 0 ? 'archived (tick “Show archived” to see it)' : 'restored from the archive'}.`, isError: false })
    }, 'The plan could not be archived')

  const remove = (plan: PlanSummary) =>
    act(async () => {
      if (!(await confirmPlanDelete(plan.id, plan.patientCode))) return
      const deleted = await plansRepo().remove(plan.id)
      if (deleted) setNotice({ text: `Deleted the plan for ${plan.patientCode || 'an unnamed patient'}.`, isError: false, undo: deleted })
    }, 'The plan could not be deleted')

  const undo = (deleted: DeletedPlan) =>
    act(async () => {
      await plansRepo().restore(deleted)
      setNotice({ text: `Restored the plan for ${deleted.plan.patientCode || 'an unnamed patient'} and its history.`, isError: false })
    }, 'The plan could not be restored')

  const exportCase = (plan: PlanSummary) =>
    act(async () => {
      const row = await plansRepo().get(plan.id)
      if (!row) throw new Error('This plan no longer exists.')
      const saved = await saveTextFile(exportFileName(plan.patientCode || 'plan', Date.now()), caseFileText(row))
      if (!saved.ok && saved.reason !== 'cancelled') throw new Error(saved.message ?? 'the file could not be saved')
      if (saved.ok) setNotice({ text: `Exported the case file of ${plan.patientCode || 'the plan'}.`, isError: false })
    }, 'The case file could not be exported')

  const visible = matches.slice(0, shown)

  return (
    <section className="page library" aria-labelledby="library-title">
      <div className="page-head">
        <h1 id="library-title">Plans</h1>
        <div className="library-head-actions">
          <BackupControls onChanged={() => void reload()} onMessage={(text, isError) => setNotice({ text, isError })} />
          <button type="button" className="primary" onClick={() => void create()}>
            New plan
          </button>
        </div>
      </div>

      {notice && (
        <div className={notice.isError ? 'library-notice error' : 'library-notice'} role={notice.isError ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.undo && (
            <button type="button" onClick={() => void undo(notice.undo!)}>
              Undo
            </button>
          )}
          <button type="button" className="link" aria-label="Dismiss message" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}

      {plans !== null && plans.length > 0 && (
        <form className="library-filters" role="search" aria-label="Find plans" onSubmit={(e) => e.preventDefault()}>
          <FilterField label="Search" className="search">
            {(id) => (
              <input id={id} type="search" value={query.text} placeholder="Patient code, surgeon, notes…" onChange={(e) => update({ text: e.target.value })} />
            )}
          </FilterField>
          <FilterField label="Level">
            {(id) => (
              <select id={id} value={query.level} onChange={(e) => update({ level: e.target.value })}>
                <option value="">All levels</option>
                {levels.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label="Side">
            {(id) => (
              <select id={id} value={query.side} onChange={(e) => update({ side: e.target.value })}>
                <option value="">Both sides</option>
                <option value="left">left</option>
                <option value="right">right</option>
              </select>
            )}
          </FilterField>
          <FilterField label="Implant system">
            {(id) => (
              <select id={id} value={query.systemId} onChange={(e) => update({ systemId: e.target.value })}>
                <option value="">All systems</option>
                {systems.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label="Status">
            {(id) => (
              <select id={id} value={query.status} onChange={(e) => update({ status: e.target.value as LibraryQuery['status'] })}>
                <option value="">All statuses</option>
                {PLAN_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s} ({counts.byStatus[s]})
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label="Updated from">
            {(id) => (
              <input id={id} type="date" value={query.from} onChange={(e) => update({ from: e.target.value })} />
            )}
          </FilterField>
          <FilterField label="Updated to">
            {(id) => (
              <input id={id} type="date" value={query.to} onChange={(e) => update({ to: e.target.value })} />
            )}
          </FilterField>
          <FilterField label="Sort by">
            {(id) => (
              <select id={id} value={query.sort} onChange={(e) => update({ sort: e.target.value as SortKey })}>
                <option value="updated-desc">Last updated, newest first</option>
                <option value="updated-asc">Last updated, oldest first</option>
                <option value="created-desc">Created, newest first</option>
                <option value="patient-asc">Patient code</option>
                <option value="status">Status</option>
              </select>
            )}
          </FilterField>
          <label className="check">
            <input type="checkbox" checked={query.showArchived} onChange={(e) => update({ showArchived: e.target.checked })} />
            <span>Show archived ({counts.archived})</span>
          </label>
        </form>
      )}

      {plans === null ? (
        <p>Loading…</p>
      ) : plans.length === 0 ? (
        <p className="empty">No plans yet. Create one with “New plan”, or restore a library backup.</p>
      ) : (
        <>
          <p className="library-count" aria-live="polite">
            {matches.length === counts.total ? plural(counts.total, 'plan') : `${matches.length} of ${plural(counts.total, 'plan')} match`}
            {visible.length < matches.length ? ` — showing the first ${visible.length}` : ''}
          </p>
          {matches.length === 0 ? (
            <p className="empty">No plan matches this search. Clear the search or the filters to see all plans.</p>
          ) : (
            <table className="plan-table">
              <TableHead columns={['Patient', 'Surgeon', 'Level', 'Side', 'System', 'Status', 'Updated']} actions="Actions" />
              <tbody>
                {visible.map((plan) => (
                  <tr key={plan.id} data-plan-id={plan.id} className={plan.archived ? 'archived' : undefined}>
                    <td>
                      <a href={`#/plans/${plan.id}`}>{plan.patientCode || 'Unnamed plan'}</a>
                      {plan.archived === 1 && <span className="tag">archived</span>}
                    </td>
                    <td>{plan.surgeon || '—'}</td>
                    <td>{plan.level || '—'}</td>
                    <td>{plan.side || '—'}</td>
                    <td>{plan.systemId || '—'}</td>
                    <td>
                      <span className={`status status-${plan.status}`}>{plan.status}</span>
                    </td>
                    <td>{formatDateTime(plan.updatedAt)}</td>
                    <td className="actions">
                      <button type="button" onClick={() => navigate({ name: 'editor', planId: plan.id })}>
                        Open
                      </button>
                      <button type="button" onClick={() => setHistoryOf(plan.id)}>
                        History
                      </button>
                      <button type="button" onClick={() => void duplicate(plan)}>
                        Duplicate
                      </button>
                      <button type="button" onClick={() => void exportCase(plan)}>
                        Export
                      </button>
                      <button type="button" onClick={() => void archive(plan)}>
                        {plan.archived ? 'Unarchive' : 'Archive'}
                      </button>
                      <button type="button" className="danger" onClick={() => void remove(plan)}>
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {visible.length < matches.length && (
            <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              Show {Math.min(PAGE_SIZE, matches.length - visible.length)} more
            </button>
          )}
        </>
      )}
      {historyOf && <PlanHistory planId={historyOf} onClose={() => setHistoryOf(null)} />}
    </section>
  )
}
