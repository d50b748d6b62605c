// "File to PACS" asked from the approval: go to the approved revision's summary (the page that is
// printed to PDF) with the study the radiographs came from already chosen. The user still confirms
// there; nothing is filed without that click. Held in memory, taken once.
import { navigate } from '../../router'

export interface FilingRequest {
  planId: string
  revisionId: string
  serverId: string
  studyUid: string
}

let pending: FilingRequest | null = null

export function requestFiling(request: FilingRequest): void {
  pending = request
  navigate({ name: 'summary', planId: request.planId, revisionId: request.revisionId })
}

/** The filing asked for this summary, if any; taking it clears it. */
export function takeFilingRequest(planId: string, revisionId: string | undefined): FilingRequest | null {
  if (!pending || pending.planId !== planId || pending.revisionId !== revisionId) return null
  const request = pending
  pending = null
  return request
}
