// The printable plan summary: route #/plans/<id>/summary (the current plan, computed now) or
// #/plans/<id>/summary/<revisionId> (a stored revision, as stored); the one-page theatre sheet
// at …/theatre[/<revisionId>] from the same loaded plan. Runs "print" / "export-pdf" from the
// native menu and from requestPrint() (print-request.ts) once the document has loaded.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { usePlanningContext } from '../settings/planning-context'
import { navigate } from '../../router'
import { loadSummary, type LoadedSummary } from './load-summary'
import { onPrintRequest, takePrintRequest, type PrintAction } from './print-request'
import { setPrintPageVars } from './print-page-vars'
import { matchDefaultPage } from './print-default-page'
import { paperName } from './paper-name'
import { summaryFontsReady } from './print-fonts'
import { useSheetFrame } from './sheet-frame'
import { PrintActions, runPrintAction, type ActionState } from './PrintActions'
import { FileToPacs } from '../pacs/FileToPacs'
import { IncompleteDocument, PlanDocument } from './SummaryDocument'
import { TheatreDocument } from './TheatreDocument'
import { RadiographPages } from './RadiographPages'
import { loadRadiographs, type RadiographFigure } from './load-radiographs'
import { buildTheatreSheet } from './theatre-sheet'
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

export type PrintedDocument = 'summary' | 'theatre'

export function SummaryPage({ planId, revisionId, document = 'summary' }: { planId: string; revisionId?: string; document?: PrintedDocument }) {
  const { profile, systems, units, paperSize, loaded: settingsLoaded } = usePlanningContext()
  const settled = useSettingsSettled(settingsLoaded)
  const [loaded, setLoaded] = useState<LoadedSummary | null>(null)
  const [figures, setFigures] = useState<RadiographFigure[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [action, setAction] = useState<ActionState>({ kind: 'idle' })
  const busy = useRef(false)
  const { frame, sheet } = useSheetFrame<HTMLDivElement, HTMLElement>()

  useEffect(() => {
    if (!settled) return undefined
    let live = true
    // The summary's own faces load beside the plan, so that it shows (and prints) in them.
    Promise.all([loadSummary(planId, revisionId, { profile, systems, units }), document === 'summary' ? summaryFontsReady() : undefined])
      .then(async ([l]) => {
        // The radiographs are drawn before the summary counts as loaded, so a print waits for them.
        const f = document === 'summary' && l.kind === 'plan' ? await loadRadiographs(planId, revisionId, l.result) : []
        if (!live) return
        setFigures(f)
        setLoaded(l)
      })
      .catch(() => live && setFailure('The plan could not be read from this computer’s storage. Reload the app and try again.'))
    return () => {
      live = false
    }
  }, [settled, planId, revisionId, profile, systems, units, document])

  const summary = loaded && loaded.kind !== 'not-found' ? loaded.summary : null
  useEffect(() => {
    if (!summary) return undefined
    const h = summary.header
    return setPrintPageVars({ head: `${h.patientCode} · ${h.levelSide} · ${h.revision} · ${h.hash}`, disclaimer: summary.disclaimer })
  }, [summary])

  // The default page takes the printed page's size and margins: one full layout fewer per print.
  useEffect(() => matchDefaultPage(`osseo-${document === 'theatre' ? 'theatre-' : ''}${paperName(paperSize)}`), [document, paperSize])

  const theatre = useMemo(
    () => (document === 'theatre' && loaded?.kind === 'plan' ? buildTheatreSheet(loaded.normalized, loaded.result, loaded.summary, units) : null),
    [document, loaded, units]
  )
  const printable = loaded?.kind === 'plan'
  const fileName = loaded?.kind === 'plan' ? (theatre ? theatre.fileName : loaded.summary.fileName) : ''

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
      else if (detail === 'theatre-sheet' && document !== 'theatre') navigate(revisionId ? { name: 'theatre', planId, revisionId } : { name: 'theatre', planId })
    }
    window.addEventListener('osseoplan:command', onCommand)
    return () => window.removeEventListener('osseoplan:command', onCommand)
  }, [perform, document, planId, revisionId])

  // requestPrint(): run the requested action once loaded (now, or when a request arrives).
  useEffect(() => {
    if (!loaded || loaded.kind === 'not-found') return undefined
    const run = () => {
      const requested = takePrintRequest(planId, revisionId, document)
      if (requested) void perform(requested)
    }
    run()
    return onPrintRequest(run)
  }, [loaded, planId, revisionId, document, perform])

  if (failure) return <p className="page error" role="alert">{failure}</p>
  if (!loaded) return <p className="page">Loading the plan summary…</p>
  if (loaded.kind === 'not-found')
    return (
      <p className="page error" role="alert">
        {loaded.message} <a href="#/plans">Back to the plans</a>
      </p>
    )

  const other: PrintedDocument = document === 'theatre' ? 'summary' : 'theatre'
  const paper = `paper-${paperName(paperSize)}`
  return (
    <div className="summary-page">
      <div className="summary-toolbar no-print">
        <nav className="summary-links" aria-label="Printed documents">
          <a href={`#/plans/${planId}`}>← Back to the plan editor</a>
          <a href={`#/plans/${planId}/${other}${revisionId ? `/${revisionId}` : ''}`}>{other === 'theatre' ? 'Theatre sheet (one page, large print)' : 'Plan summary (two pages)'}</a>
        </nav>
        <PrintActions printable={printable} paperSize={paperSize} state={action} onAction={(a) => void perform(a)} />
        {loaded.kind === 'plan' && (
          <FileToPacs target={{ planId, patientCode: loaded.summary.header.patientCode, revision: loaded.summary.header.revision, ...(revisionId ? { revisionId } : {}), pageSize: paperSize }} figures={figures} />
        )}
      </div>
      <div ref={frame} className="sheet-frame">
        {theatre && loaded.kind === 'plan' ? (
          <article ref={sheet} className={`summary-sheet theatre ${paper}`} aria-labelledby="summary-title" data-testid="theatre-sheet">
            <TheatreDocument sheet={theatre} normalized={loaded.normalized} result={loaded.result} />
          </article>
        ) : (
          <article ref={sheet} className={`summary-sheet ${paper}`} aria-labelledby="summary-title" data-testid="plan-summary">
            {loaded.kind === 'plan' ? <PlanDocument summary={loaded.summary} normalized={loaded.normalized} result={loaded.result} /> : <IncompleteDocument summary={loaded.summary} />}
            <RadiographPages figures={figures} />
          </article>
        )}
      </div>
    </div>
  )
}
