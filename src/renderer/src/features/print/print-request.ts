// Print or export a plan from anywhere (editor, library, native menu): go to the plan's summary
// and run the action once the summary has loaded. The request is held in memory (the router
// has no query strings); a summary page that is already open picks it up at once.
import { navigate } from '../../router'

export type PrintAction = 'print' | 'export-pdf'

/** Which printed document: the two-page plan summary or the one-page theatre sheet. */
export type PrintDocument = 'summary' | 'theatre'

interface PendingRequest {
  planId: string
  revisionId: string | undefined
  action: PrintAction
  document: PrintDocument
}

let pending: PendingRequest | null = null
const listeners = new Set<() => void>()

/** Navigate to the summary of `planId` (or of one of its revisions) and print / export it there. */
export function requestPrint(planId: string, action: PrintAction, revisionId?: string, document: PrintDocument = 'summary'): void {
  pending = { planId, revisionId, action, document }
  navigate(revisionId ? { name: document, planId, revisionId } : { name: document, planId })
  listeners.forEach((listener) => listener())
}

/** The action requested for this summary, if any; taking it clears it (it runs once). */
export function takePrintRequest(planId: string, revisionId: string | undefined, document: PrintDocument = 'summary'): PrintAction | null {
  if (!pending || pending.planId !== planId || pending.revisionId !== revisionId || pending.document !== document) return null
  const { action } = pending
  pending = null
  return action
}

export function onPrintRequest(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
