// "Print…" and "Export PDF…" for a loaded summary: through the desktop bridge when present, the
// browser's print dialog otherwise (platform/). Reports the outcome in a live region.
import { exportPdf, printPlan } from '../../platform'
import type { PageSize } from '../../../../shared/ipc'
import type { PrintAction } from './print-request'

export type ActionState = { kind: 'idle' } | { kind: 'busy'; action: PrintAction } | { kind: 'done'; message: string } | { kind: 'error'; message: string }

export async function runPrintAction(action: PrintAction, fileName: string, pageSize: PageSize): Promise<ActionState> {
  if (action === 'print') {
    const r = await printPlan(pageSize)
    if (r.ok) return { kind: 'done', message: 'Sent to the printer.' }
    return r.reason === 'cancelled' ? { kind: 'idle' } : { kind: 'error', message: `Printing failed: ${r.message ?? 'unknown reason'}` }
  }
  const r = await exportPdf(fileName, pageSize)
  if (r.ok) return { kind: 'done', message: r.path ? `PDF saved: ${r.path}` : 'Choose “Save as PDF” in the print dialog.' }
  return r.reason === 'cancelled' ? { kind: 'idle' } : { kind: 'error', message: `The PDF could not be saved: ${r.message ?? 'unknown reason'}` }
}

export function PrintActions({
  printable,
  paperSize,
  state,
  onAction
}: {
  printable: boolean
  paperSize: PageSize
  state: ActionState
  onAction: (action: PrintAction) => void
}) {
  const busy = state.kind === 'busy'
  return (
    <div className="print-actions no-print">
      <button type="button" className="primary" disabled={!printable || busy} onClick={() => onAction('print')}>
        Print…
      </button>
      <button type="button" disabled={!printable || busy} onClick={() => onAction('export-pdf')}>
        Export PDF…
      </button>
      <span className="muted">Paper: {paperSize === 'Letter' ? 'US Letter' : 'A4'} (change in Settings)</span>
      <span role="status" aria-live="polite" className={state.kind === 'error' ? 'error' : 'muted'}>
        {state.kind === 'done' || state.kind === 'error' ? state.message : ''}
        {!printable ? 'This plan cannot be printed until the case is complete.' : ''}
      </span>
    </div>
  )
}
