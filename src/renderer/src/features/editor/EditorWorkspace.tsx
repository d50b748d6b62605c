// Form on the left, live plan on the right. Every edit goes into the draft (with undo), is
// evaluated by the core at once and autosaved shortly after.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { keepOnScreenPlan } from '../../db/connection-status'
import { checkPatientCode } from '../../../../shared/patient-code'
import type { CaseDraft } from '../../../../shared/case/types'
import type { PlanRow } from '../../db/types'
import { navigate } from '../../router'
import { usePlanningContext } from '../settings/planning-context'
import { requestPrint } from '../print/print-request'
import { PlanReviewBar } from '../review/PlanReviewBar'
import { StoredPlanDrift } from '../settings/StoredPlanDrift'
import { EditorStoreContext } from './form-context'
import { createEditorStore } from './editor-store'
import { useLivePlan } from './use-live-plan'
import { useAutosave, type AutosaveBase, type SaveState } from './use-autosave'
import { ConflictBanner } from './ConflictBanner'
import { enterMovesOn, useEditorKeys } from './use-editor-keys'
import { SectionNav, Sections } from './Sections'
import { ResultColumn } from './result/ResultColumn'
import { PlanStrip } from './result/PlanStrip'
import { formatDateTime } from '../../../../shared/format'
import { ImagingMount } from '../imaging/ImagingMount'
import { imagesRepo } from '../../db'
import { useImageStateSaver } from '../imaging/use-image-state-saver'
import { FOLLOW_FAILED_NOTE, followPlanImages } from '../imaging/follow-plan-images'

function saveLabel(s: SaveState, readOnly: boolean): string {
  if (readOnly) return 'Read-only (approved plans are revised, not edited)'
  if (s.kind === 'error') return `Not saved: ${s.message}`
  if (s.kind === 'conflict') return s.unsaved ? 'Not saved: changed in another window' : 'Changed in another window'
  return s.kind === 'saved' ? 'All changes saved' : 'Saving…'
}

export function EditorWorkspace({ plan: initialPlan, initial, restoredAt, base }: { plan: PlanRow; initial: CaseDraft; restoredAt: number | null; base?: AutosaveBase }) {
  const ctx = usePlanningContext()
  const [plan, setPlan] = useState(initialPlan)
  const readOnly = plan.status === 'approved' || plan.status === 'superseded'
  const [store] = useState(() => createEditorStore(initial))
  // The workspace follows the whole draft (plan, autosave); the form's fields follow their own paths.
  const draft = useSyncExternalStore(store.subscribe, store.draft)
  const live = useLivePlan(draft, { profile: ctx.profile, systems: ctx.systems })
  const dragging = useSyncExternalStore(store.subscribe, store.gesture) !== null
  const autosave = useAutosave(plan.id, draft, initialPlan.caseFile as CaseDraft, !readOnly, setPlan, base, dragging)
  useLayoutEffect(() => store.setMeta({ errors: live.errors, units: ctx.units, readOnly }), [store, live.errors, ctx.units, readOnly])
  // If the library is deleted underneath the app, the case on screen can be written back.
  const onScreen = useRef({ plan, draft })
  onScreen.current = { plan, draft }
  useEffect(() => keepOnScreenPlan(() => ({ ...onScreen.current.plan, caseFile: onScreen.current.draft as Record<string, unknown> })), [])
  useImageStateSaver(store, readOnly)
  // A plan whose radiographs wrote values: a magnification typed in the form places them again
  // (follow-plan-images.ts); if they cannot be read, the editor says so.
  const [followFailed, setFollowFailed] = useState(false)
  useEffect(() => {
    if (readOnly) return
    let live = true
    void followPlanImages(store, () => imagesRepo().list(initialPlan.id), initial, () => live).then((r) => r === 'failed' && setFollowFailed(true))
    return () => {
      live = false
    }
  }, [store, initialPlan.id, readOnly, initial])

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
    undo: () => !readOnly && store.undo(),
    redo: () => !readOnly && store.redo(),
    save: () => void autosave.flush(),
    print,
    menuPrint: (action) => void autosave.flush().then((saved) => saved && requestPrint(plan.id, action))
  })

  // A code that is refused (a bidi override can make "EX-TF-\u202E10" read "EX-TF-01") is not shown as the title.
  const typed = draft.patient?.code
  const code = useMemo(() => (typeof typed === 'string' && checkPatientCode(typed).ok ? typed : ''), [typed])
  return (
    <EditorStoreContext.Provider value={store}>
      <section className="page editor" aria-labelledby="editor-title">
        <div className="ed-head">
          <h1 id="editor-title">Plan editor{typeof code === 'string' && code ? ` — ${code}` : ''}</h1>
          <div className="ed-toolbar no-print">
            <span className={`ed-save ed-save-${autosave.state.kind}`} role="status" data-testid="save-state" title={autosave.state.kind === 'error' ? autosave.state.detail : undefined}>
              {saveLabel(autosave.state, readOnly)}
            </span>
            <button type="button" onClick={store.undo} disabled={readOnly || !store.canUndo()} title="Ctrl+Z">
              Undo
            </button>
            <button type="button" onClick={store.redo} disabled={readOnly || !store.canRedo()} title="Ctrl+Shift+Z or Ctrl+Y">
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
        {autosave.state.kind === 'conflict' && (
          <ConflictBanner state={autosave.state} plan={plan} mine={draft} keepMine={autosave.keepMine} discardMine={autosave.discardMine} />
        )}
        <StoredPlanDrift plan={plan} />
        {restoredAt !== null && (
          <p className="ed-restored" role="status">
            Restored your unsaved changes from {formatDateTime(restoredAt)}.
          </p>
        )}
        {followFailed && (
          <p className="ed-restored" role="alert" data-testid="follow-failed">
            {FOLLOW_FAILED_NOTE}
          </p>
        )}
        <ImagingMount planId={plan.id} readOnly={readOnly} result={live.valid ? live.result : null} />
        <PlanStrip live={live} />
        <div className="ed-layout">
          {/* One form landmark; each section is its own <form> (Sections.tsx). */}
          <div className="ed-form" role="form" aria-label="Case" onKeyDown={enterMovesOn}>
            <SectionNav />
            <fieldset className="ed-fieldset" disabled={readOnly}>
              <legend className="visually-hidden">Case inputs</legend>
              <Sections />
            </fieldset>
          </div>
          <ResultColumn live={live} units={ctx.units} />
        </div>
      </section>
    </EditorStoreContext.Provider>
  )
}
