// "File to PACS…" on the plan summary: choose the patient's study on a configured server, then
// the main process prints this summary to PDF and stores it in a new series of that study. The
// filing is recorded in the plan's audit trail; nothing is written to the library on failure.
import { useEffect, useState } from 'react'
import type { FiledPlan, FilePlanCapture } from '../../../../shared/pacs-contract'
import { filingsRepo } from '../../db'
import { imageServers } from '../../platform'
import { filedSeriesDescription } from './series-description'
import { studyText } from './PacsFetch'
import { StudyPicker, type PickedStudy } from './StudyPicker'
import { takeFilingRequest } from './file-request'

/** An annotated radiograph of the plan, ready to become a Secondary Capture. */
export interface FilableRadiograph {
  label: string
  capture: (() => FilePlanCapture) | null
}

export interface FilePlanTarget {
  planId: string
  patientCode: string
  /** "Revision 2" or "Current plan (not a saved revision)". */
  revision: string
  /** The stored revision the summary shows (a filing asked at approval names it). */
  revisionId?: string
  pageSize: 'A4' | 'Letter'
}

export function FileToPacs({ target, figures = [] }: { target: FilePlanTarget; figures?: readonly FilableRadiograph[] }) {
  const api = imageServers()
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<PickedStudy | null>(null)
  // Asked from the approval: the study the radiographs came from is chosen already; the user confirms.
  useEffect(() => {
    const request = takeFilingRequest(target.planId, target.revisionId)
    if (!request || !api) return
    void api.pacsListServers().then((servers) => {
      const server = servers.find((s) => s.id === request.serverId)
      if (!server) return
      setOpen(true)
      setPicked({ server, study: { studyUid: request.studyUid, patientId: '', accessionNumber: '', studyDate: '', description: '', modalities: [], seriesCount: null, instanceCount: null } })
    })
  }, [api, target.planId, target.revisionId])
  const captures = figures.filter((f) => f.capture)
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; filed: FiledPlan } | { kind: 'error'; message: string }>({ kind: 'idle' })
  if (!api) return null

  async function file() {
    if (!api || !picked) return
    setState({ kind: 'busy' })
    try {
      const earlier = (await filingsRepo().list(target.planId)).filter((f) => f.studyUid === picked.study.studyUid && f.revision !== target.revision).at(-1)
      const images = captures.map((f) => f.capture!())
      const result = await api.pacsFilePlan({
        serverId: picked.server.id,
        studyUid: picked.study.studyUid,
        seriesDescription: filedSeriesDescription(target.patientCode, target.revision, earlier?.revision),
        documentTitle: `OsseoPlan plan summary ${target.patientCode}`.slice(0, 64),
        pageSize: target.pageSize,
        ...(images.length > 0 ? { captures: images } : {})
      })
      if (!result.ok) {
        setState({ kind: 'error', message: result.message })
        return
      }
      await filingsRepo().record(target.planId, target.revision, result.filed)
      setState({ kind: 'done', filed: result.filed })
    } catch {
      setState({ kind: 'error', message: 'The plan could not be filed. Nothing was changed.' })
    }
  }

  return (
    <div className="pacs-file no-print">
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          File to PACS…
        </button>
      ) : (
        <section aria-label="File this plan to the PACS" className="pacs-panel">
          <h2>File this plan to the hospital's PACS</h2>
          {!picked ? (
            <StudyPicker pickLabel="Choose" onPick={setPicked} />
          ) : (
            <div>
              <p data-testid="pacs-file-confirm">
                File this summary ({target.patientCode}, {target.revision}) as a PDF
                {captures.length > 0 ? ` and ${captures.length === 1 ? 'its annotated radiograph' : `its ${captures.length} annotated radiographs`} as images` : ''} into{' '}
                {picked.study.patientId ? (
                  <>
                    <strong>{studyText(picked.study)}</strong> (patient ID {picked.study.patientId}, accession {picked.study.accessionNumber || '—'})
                  </>
                ) : (
                  <>
                    <strong>the study the plan’s radiographs came from</strong> (study UID {picked.study.studyUid})
                  </>
                )}{' '}
                on <strong>{picked.server.label}</strong>? It goes into a new series; the patient details on it are taken from that study.
              </p>
              <div className="pacs-actions">
                <button type="button" className="primary" disabled={state.kind === 'busy'} onClick={() => void file()}>
                  File now
                </button>
                <button type="button" disabled={state.kind === 'busy'} onClick={() => setPicked(null)}>
                  Choose another study
                </button>
              </div>
            </div>
          )}
          <p role="status" aria-live="polite" className={state.kind === 'error' ? 'error' : ''}>
            {state.kind === 'busy' && 'Filing…'}
            {state.kind === 'error' && state.message}
            {state.kind === 'done' &&
              `Filed to ${state.filed.serverLabel}: series “${state.filed.seriesDescription}” with ${state.filed.instances.length} document${state.filed.instances.length === 1 ? '' : 's'}.`}
          </p>
          <button type="button" onClick={() => (setOpen(false), setPicked(null), setState({ kind: 'idle' }))}>
            Close
          </button>
        </section>
      )}
    </div>
  )
}
