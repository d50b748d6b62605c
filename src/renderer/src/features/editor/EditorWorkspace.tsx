// Form on the left, live plan on the right. Every edit goes into the draft (with undo), is
// evaluated by the core at once and autosaved shortly after.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CaseDraft } from '../../../../shared/case/types'
import type { PlanRow } from '../../db/types'
import { navigate } from '../../router'
import { usePlanningContext } from '../settings/planning-context'
import { requestPrint } from '../print/print-request'
import { PlanReviewBar } from '../review/PlanReviewBar'
import { StoredPlanDrift } from '../settings/StoredPlanDrift'
import { EditorFormContext, type EditorForm } from './form-context'
import { useDraftHistory } from './use-draft-history'
import { useLivePlan } from './use-live-plan'
import { useAutosave, type SaveState } from './use-autosave'
import { enterMovesOn, useEditorKeys } from './use-editor-keys'
import { SectionNav, Sections } from './Sections'
import { ResultColumn } from './result/ResultColumn'
import { formatDateTime } from '../../../../shared/format'
import { ImagingMount } from '../imaging/ImagingMount'

function saveLabel(s: SaveState, readOnly: boolean): string {
  if (readOnly) return 'Read-only (approved plans are revised, not edited)'
  if (s.kind === 'error') return `Not saved: ${s.message}`
  return s.kind === 'saved' ? 'All changes saved' : 'Saving…'
}

export function EditorWorkspace({ plan: initialPlan, initial, restoredAt }: { plan: PlanRow; initial: CaseDraft; restoredAt: number | null }) {
  const ctx = usePlanningContext()
  const [plan, setPlan] = useState(initialPlan)
  const readOnly = plan.status === 'approved' || plan.status === 'superseded'
  const history = useDraftHistory(initial)
  const live = useLivePlan(history.draft, { profile: ctx.profile, systems: ctx.systems })
  const autosave = useAutosave(plan.id, history.draft, initialPlan.caseFile as CaseDraft, !readOnly, setPlan)

  // The summary prints the stored plan: open it only once the plan row holds what is on screen
  // (a failed save stays here, with its message).
  const print = useCallback(() => {
    void autosave.flush().then((saved) => saved && navigate({ name: 'summary', planId: plan.id }))
  }, [autosave, plan.id])
  // The theatre sheet, like the summary, prints the stored plan (toolbar button and native menu).
  const theatre = useCallback(() => {
    void autosave.flush().then((saved) => saved && navigate({ name: 'theatre', planId: plan.id }))
  }, [autosave, plan.id])
  useEffect(() => {
    const onCommand = (event: Event) => (event as CustomEvent<unknown>).detail === 'theatre-sheet' && theatre()
    window.addEventListener('osseoplan:command', onCommand)
    return () => window.removeEventListener('osseoplan:command', onCommand)
  }, [theatre])
  useEditorKeys({
    undo: () => !readOnly && history.undo(),
    redo: () => !readOnly && history.redo(),
    save: () => void autosave.flush(),
    print,
    menuPrint: (action) => void autosave.flush().then((saved) => saved && requestPrint(plan.id, action))
  })

  const form: EditorForm = useMemo(
    () => ({ draft: history.draft, set: history.set, replace: history.replace, errors: live.errors, units: ctx.units, readOnly }),
    [history.draft, history.set, history.replace, live.errors, ctx.units, readOnly]
  )

  const code = history.draft.patient?.code
  return (
    <EditorFormContext.Provider value={form}>
      <section className="page editor" aria-labelledby="editor-title">
        <div className="ed-head">
          <h1 id="editor-title">Plan editor{typeof code === 'string' && code ? ` — ${code}` : ''}</h1>
          <div className="ed-toolbar no-print">
            <span className={`ed-save ed-save-${autosave.state.kind}`} role="status" data-testid="save-state" title={autosave.state.kind === 'error' ? autosave.state.detail : undefined}>
              {saveLabel(autosave.state, readOnly)}
            </span>
            <button type="button" onClick={history.undo} disabled={readOnly || !history.canUndo} title="Ctrl+Z">
              Undo
            </button>
            <button type="button" onClick={history.redo} disabled={readOnly || !history.canRedo} title="Ctrl+Shift+Z or Ctrl+Y">
              Redo
            </button>
            <button type="button" onClick={() => void autosave.flush()} disabled={readOnly} title="Ctrl+S">
              Save
            </button>
            <button type="button" onClick={print} title="Ctrl+P">
              Print summary
            </button>
            <button type="button" onClick={theatre} title="Ctrl+Shift+T (menu)">
              Theatre sheet
            </button>
          </div>
        </div>
        <PlanReviewBar plan={plan} result={live.valid ? live.result : null} onPlanChanged={setPlan} />
        <StoredPlanDrift plan={plan} />
        {restoredAt !== null && (
          <p className="ed-restored" role="status">
            Restored your unsaved changes from {formatDateTime(restoredAt)}.
          </p>
        )}
        <ImagingMount planId={plan.id} readOnly={readOnly} result={live.valid ? live.result : null} />
        <div className="ed-layout">
          <form className="ed-form" aria-label="Case" onSubmit={(e) => e.preventDefault()} onKeyDown={enterMovesOn} noValidate>
            <SectionNav />
            <fieldset className="ed-fieldset" disabled={readOnly}>
              <legend className="visually-hidden">Case inputs</legend>
              <Sections />
            </fieldset>
          </form>
          <ResultColumn live={live} units={ctx.units} />
        </div>
      </section>
    </EditorFormContext.Provider>
  )
}
