// The printable plan summary: route #/plans/<id>/summary (the current plan, computed now) or
// #/plans/<id>/summary/<revisionId> (a stored revision, as stored). Runs "print" / "export-pdf"
// from the native menu and from requestPrint() (print-request.ts) once the summary has loaded.
import { useCallback, useEffect, useRef, useState } from 'react'
import { usePlanningContext } from '../settings/planning-context'
import { loadSummary, type LoadedSummary } from './load-summary'
import { onPrintRequest, takePrintRequest, type PrintAction } from './print-request'
import { setPrintPageVars } from './print-page-vars'
import { PrintActions, runPrintAction, type ActionState } from './PrintActions'
import { FileToPacs } from '../pacs/FileToPacs'
import { IncompleteDocument, PlanDocument } from './SummaryDocument'
import './print.css'

/** Let the browser lay out and paint the summary (drawing, chart) before a print dialog opens. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
}

/** How long to wait for the stored settings before printing with what the editor would show. */
const SETTINGS_WAIT_MS = 3000

/** true once the site's stored profile and units are in use (or they could not be read in time). */
function useSettingsSettled(loaded: boolean | undefined): boolean {
  const [timedOut, setTimedOut] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), SETTINGS_WAIT_MS)
    return () => clearTimeout(timer)
  }, [])
  return loaded !== false || timedOut
}

export function SummaryPage({ planId, revisionId }: { planId: string; revisionId?: string }) {
  const { profile, systems, units, paperSize, loaded: settingsLoaded } = usePlanningContext()
  const settled = useSettingsSettled(settingsLoaded)
  const [loaded, setLoaded] = useState<LoadedSummary | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [action, setAction] = useState<ActionState>({ kind: 'idle' })
  const busy = useRef(false)

  useEffect(() => {
    if (!settled) return undefined
    let live = true
    loadSummary(planId, revisionId, { profile, systems, units })
      .then((l) => live && setLoaded(l))
      .catch(() => live && setFailure('The plan could not be read from this computer’s storage. Reload the app and try again.'))
    return () => {
      live = false
    }
  }, [settled, planId, revisionId, profile, systems, units])

  const summary = loaded && loaded.kind !== 'not-found' ? loaded.summary : null
  useEffect(() => {
    if (!summary) return undefined
    const h = summary.header
    return setPrintPageVars({ head: `${h.patientCode} · ${h.levelSide} · ${h.revision} · ${h.hash}`, disclaimer: summary.disclaimer })
  }, [summary])

  const printable = loaded?.kind === 'plan'
  const fileName = loaded?.kind === 'plan' ? loaded.summary.fileName : ''

  const perform = useCallback(
    async (what: PrintAction) => {
      if (!printable) {
        setAction({ kind: 'error', message: 'This plan cannot be printed: the case is incomplete (see the list below).' })
        return
      }
      if (busy.current) return
      busy.current = true
      setAction({ kind: 'busy', action: what })
      try {
        await afterPaint()
        setAction(await runPrintAction(what, fileName, paperSize))
      } finally {
        busy.current = false
      }
    },
    [printable, fileName, paperSize]
  )

  // Native menu: print / export-pdf while the summary is open.
  useEffect(() => {
    function onCommand(event: Event) {
      const detail = (event as CustomEvent<unknown>).detail
      if (detail === 'print' || detail === 'export-pdf') void perform(detail)
    }
    window.addEventListener('osseoplan:command', onCommand)
    return () => window.removeEventListener('osseoplan:command', onCommand)
  }, [perform])

  // requestPrint(): run the requested action once loaded (now, or when a request arrives).
  useEffect(() => {
    if (!loaded || loaded.kind === 'not-found') return undefined
    const run = () => {
      const requested = takePrintRequest(planId, revisionId)
      if (requested) void perform(requested)
    }
    run()
    return onPrintRequest(run)
  }, [loaded, planId, revisionId, perform])

  if (failure) return <p className="page error" role="alert">{failure}</p>
  if (!loaded) return <p className="page">Loading the plan summary…</p>
  if (loaded.kind === 'not-found')
    return (
      <p className="page error" role="alert">
        {loaded.message} <a href="#/plans">Back to the plans</a>
      </p>
    )

  return (
    <div className="summary-page">
      <div className="summary-toolbar no-print">
        <a href={`#/plans/${planId}`}>← Back to the plan editor</a>
        <PrintActions printable={printable} paperSize={paperSize} state={action} onAction={(a) => void perform(a)} />
        {loaded.kind === 'plan' && (
          <FileToPacs target={{ planId, patientCode: loaded.summary.header.patientCode, revision: loaded.summary.header.revision, pageSize: paperSize }} />
        )}
      </div>
      <article className={`summary-sheet paper-${paperSize === 'Letter' ? 'letter' : 'a4'}`} aria-labelledby="summary-title" data-testid="plan-summary">
        {loaded.kind === 'plan' ? <PlanDocument summary={loaded.summary} normalized={loaded.normalized} result={loaded.result} /> : <IncompleteDocument summary={loaded.summary} />}
      </article>
    </div>
  )
}
