// After approval: when the plan's radiographs were fetched from a PACS study, offer to file the
// approved plan back there. The user chooses (File to PACS… or Not now); nothing happens by itself.
import { useEffect, useState } from 'react'
import type { PublicServer } from '../../../../shared/pacs-contract'
import { imagesRepo } from '../../db'
import { imageServers } from '../../platform'
import { requestFiling } from './file-request'

export function FileOnApproval({ planId, revisionId, onDismiss }: { planId: string; revisionId: string; onDismiss: () => void }) {
  const api = imageServers()
  const [offer, setOffer] = useState<{ server: PublicServer; studyUid: string } | null>(null)

  useEffect(() => {
    if (!api) return undefined
    let live = true
    void (async () => {
      const source = (await imagesRepo().list(planId)).find((r) => r.pacsSource)?.pacsSource
      if (!source) return
      const server = (await api.pacsListServers()).find((s) => s.id === source.serverId)
      if (live && server) setOffer({ server, studyUid: source.studyUid })
    })().catch(() => undefined)
    return () => {
      live = false
    }
  }, [api, planId])

  if (!offer) return null
  return (
    <div className="pacs-offer" role="group" aria-label="File the approved plan to the PACS">
      <span>
        This plan’s radiographs came from a study on <strong>{offer.server.label}</strong>. File the approved plan (summary and annotated radiographs) back into that study?
      </span>
      <button type="button" className="primary" onClick={() => requestFiling({ planId, revisionId, serverId: offer.server.id, studyUid: offer.studyUid })}>
        File to PACS…
      </button>
      <button type="button" onClick={onDismiss}>
        Not now
      </button>
    </div>
  )
}
