// The plan library: every stored plan, searchable as you type, filtered, sorted and counted; open,
// and from each row's actions menu history, the theatre sheet, duplicate, export, archive, delete (confirmed, with
// undo); back up, restore and import. Built to stay fast at 100,000 plans (docs/performance.md):
// the first screen is read before the rest, a keystroke filters the pre-sorted summaries once (in
// the same frame as the typed character), and only the visible rows are rendered.
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { plansRepo, systemsRepo } from '../../db'
import { caseFileText, exportFileName } from '../../db/export-files'
import type { DeletedPlan } from '../../db/plans-repo'
import { confirmPlanDelete } from '../outcomes/confirm-plan-delete'
import { storageErrorMessage } from '../../db/storage'
import type { PlanSummary } from '../../db/types'
import { saveTextFile } from '../../platform'
import { navigate } from '../../router'
import { BackupControls } from './BackupControls'
import { ConfirmDelete } from './ConfirmDelete'
import { createAndOpenPlan } from './create-plan'
import { LibraryFilters } from './LibraryFilters'
import { countPlans, distinctValues, EMPTY_QUERY, type LibraryQuery } from './library-query'
import { systemLabel } from './plan-labels'
import { planName, PlanList, type PlanHandlers } from './PlanList'
import { useLibraryPlans } from './use-library-plans'
import { useMatches } from './use-matches'
import './library.css'

// The history dialog (with the revision compare and the summary model it formats with) loads when
// first opened, so the library's first screen stays small.
const PlanHistory = lazy(() => import('../review/PlanHistory').then((m) => ({ default: m.PlanHistory })))

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

interface Notice {
  text: string
  isError: boolean
  undo?: DeletedPlan
}

const NO_SYSTEMS: ReadonlyMap<string, string> = new Map()
// Typing a search re-renders the page: the backup buttons, which do not change with it, are skipped.
const StableBackupControls = memo(BackupControls)

export function LibraryPage() {
  const { plans, complete, error, reload } = useLibraryPlans()
  const [query, setQuery] = useState<LibraryQuery>(EMPTY_QUERY)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [historyOf, setHistoryOf] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<PlanSummary | null>(null)
  const [customSystems, setCustomSystems] = useState(NO_SYSTEMS)

  useEffect(() => {
    if (error) setNotice({ text: error, isError: true })
  }, [error])

  useEffect(() => {
    // Names of the site's own systems, for the System column (small table; ids if unreadable).
    systemsRepo()
      .list()
      .then((list) => setCustomSystems(new Map(list.systems.map((s) => [s.id, s.name]))))
      .catch(() => undefined)
  }, [])

  const matches = useMatches(plans, query)
  const counts = useMemo(() => countPlans(plans ?? []), [plans])
  const levels = useMemo(() => distinctValues(plans ?? [], 'level'), [plans])
  const systems = useMemo(() => {
    const named = new Map<string, string>()
    for (const p of plans ?? []) if (p.systemId && !named.has(p.systemId)) named.set(p.systemId, systemLabel(p, customSystems))
    return distinctValues(plans ?? [], 'systemId').map((id) => [id, named.get(id) ?? id] as const)
  }, [plans, customSystems])
  const byId = useMemo(() => new Map((plans ?? []).map((p) => [p.id, p])), [plans])
  const codeOf = useCallback((id: string) => byId.get(id)?.patientCode ?? '', [byId])

  const update = useCallback((patch: Partial<LibraryQuery>) => setQuery((q) => ({ ...q, ...patch })), [])
  const backupChanged = useCallback(() => void reload(), [reload])
  const backupMessage = useCallback((text: string, isError: boolean) => setNotice({ text, isError }), [])

  async function act(work: () => Promise<unknown>, failure: string) {
    try {
      await work()
    } catch (e) {
      setNotice({ text: `${failure}: ${storageErrorMessage(e)}`, isError: true })
    }
    await reload()
  }

  const create = () => act(createAndOpenPlan, 'The plan could not be created')

  const actions = {
    open: (plan: PlanSummary) => navigate({ name: 'editor', planId: plan.id }),
    history: (plan: PlanSummary) => setHistoryOf(plan.id),
    theatre: (plan: PlanSummary) => navigate({ name: 'theatre', planId: plan.id }),
    duplicate: (plan: PlanSummary) =>
      void act(async () => {
        const copy = await plansRepo().duplicate(plan.id)
        setNotice({ text: `Duplicated ${plan.patientCode || 'the plan'} as a new draft.`, isError: false })
        navigate({ name: 'editor', planId: copy.id })
      }, 'The plan could not be duplicated'),
    archive: (plan: PlanSummary) =>
      void act(async () => {
        await plansRepo().setArchived(plan.id, plan.archived === 0)
        setNotice({ text: `${plan.patientCode || 'The plan'} ${plan.archived === 0 ? 'archived (tick “Show archived” to see it)' : 'restored from the archive'}.`, isError: false })
      }, 'The plan could not be archived'),
    remove: (plan: PlanSummary) => setDeleting(plan),
    exportCase: (plan: PlanSummary) =>
      void act(async () => {
        const row = await plansRepo().get(plan.id)
        if (!row) throw new Error('This plan no longer exists.')
        const saved = await saveTextFile(exportFileName(plan.patientCode || 'plan', Date.now()), caseFileText(row))
        if (!saved.ok && saved.reason !== 'cancelled') throw new Error(saved.message ?? 'the file could not be saved')
        if (saved.ok) setNotice({ text: `Exported the case file of ${plan.patientCode || 'the plan'}.`, isError: false })
      }, 'The case file could not be exported')
  }
  // One stable handlers object for the memoised rows; it always calls the latest actions.
  const latest = useRef(actions)
  latest.current = actions
  const handlers = useMemo<PlanHandlers>(
    () => ({
      open: (p) => latest.current.open(p),
      history: (p) => latest.current.history(p),
      theatre: (p) => latest.current.theatre(p),
      duplicate: (p) => latest.current.duplicate(p),
      exportCase: (p) => latest.current.exportCase(p),
      archive: (p) => latest.current.archive(p),
      remove: (p) => latest.current.remove(p)
    }),
    []
  )

  const confirmDelete = (plan: PlanSummary) =>
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

  const total = counts.total
  const countText = !complete
    ? `Showing the ${plural(total, 'most recently updated plan')} — reading the rest of the library…`
    : matches.length === total
      ? plural(total, 'plan')
      : `${matches.length} of ${plural(total, 'plan')} match`

  return (
    <section className="page library" aria-labelledby="library-title">
      <div className="page-head">
        <h1 id="library-title">Plans</h1>
        <div className="library-head-actions">
          <StableBackupControls onChanged={backupChanged} onMessage={backupMessage} />
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

      {plans !== null && plans.length > 0 && <LibraryFilters query={query} update={update} counts={counts} levels={levels} systems={systems} />}

      {plans === null ? (
        <p>Loading…</p>
      ) : plans.length === 0 ? (
        <p className="empty">No plans yet. Create one with “New plan”, or restore a library backup.</p>
      ) : (
        <>
          <p className="library-count" aria-live="polite">
            {countText}
          </p>
          {matches.length === 0 ? (
            <p className="empty">No plan matches this search. Clear the search or the filters to see all plans.</p>
          ) : (
            <PlanList matches={matches} handlers={handlers} customSystems={customSystems} codeOf={codeOf} />
          )}
        </>
      )}
      {historyOf && (
        <Suspense fallback={<p role="status">Opening the history…</p>}>
          <PlanHistory planId={historyOf} onClose={() => setHistoryOf(null)} />
        </Suspense>
      )}
      {deleting && <ConfirmDelete name={planName(deleting)} onConfirm={() => void confirmDelete(deleting)} onClose={() => setDeleting(null)} />}
    </section>
  )
}
