// "From PACS…" in a plan's radiographs: find the patient's study, see its series (with a preview
// where the server renders one), fetch one image with a progress bar and Cancel, and hand the
// DICOM bytes to the same opening path as a local file (same parser, de-identification, limits).
import { useEffect, useRef, useState } from 'react'
import type { InstanceSummary, SeriesSummary } from '../../../../shared/pacs-contract'
import { imageServers } from '../../platform'
import { StudyPicker, type PickedStudy } from './StudyPicker'
import { markOpen } from '../imaging/open-marks'

interface SeriesView extends SeriesSummary {
  instances: InstanceSummary[] | null
  preview: string | null
}

type Transfer = { transferId: string; label: string; received: number; total: number | null }

let transferCount = 0

function Preview({ src, label }: { src: string | null; label: string }) {
  return src ? <img className="pacs-thumb" src={src} alt={`Preview: ${label}`} /> : <span className="pacs-thumb pacs-thumb-none" aria-hidden="true" />
}

/** "the study of 2026-09-01 “Femur AP”", or what is known of it. */
export function studyText(study: { studyDate: string; description: string }): string {
  return `the study ${study.studyDate ? `of ${study.studyDate}` : 'without a date'}${study.description ? ` “${study.description}”` : ''}`
}

export function PacsFetch({ disabled, onFetched }: { disabled?: boolean; onFetched: (name: string, bytes: Uint8Array, source: { serverId: string; studyUid: string }) => Promise<string | null> }) {
  const api = imageServers()
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<PickedStudy | null>(null)
  const [series, setSeries] = useState<SeriesView[] | null>(null)
  const [message, setMessage] = useState('')
  const [transfer, setTransfer] = useState<Transfer | null>(null)
  const urls = useRef<string[]>([])

  useEffect(() => {
    if (!api) return undefined
    return api.onPacsProgress((p) => setTransfer((t) => (t && t.transferId === p.transferId ? { ...t, received: p.received, total: p.total } : t)))
  }, [api])
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), [])

  if (!api) return null

  async function choose(study: PickedStudy) {
    if (!api) return
    setPicked(study)
    setSeries(null)
    setMessage('Reading the series…')
    const found = await api.pacsListSeries({ serverId: study.server.id, studyUid: study.study.studyUid })
    if (!found.ok) return setMessage(found.message)
    const views: SeriesView[] = found.series.map((s) => ({ ...s, instances: null, preview: null }))
    setSeries(views)
    setMessage(views.length ? '' : 'This study has no series.')
    for (const s of views) {
      const list = await api.pacsListInstances({ serverId: study.server.id, studyUid: study.study.studyUid, seriesUid: s.seriesUid })
      const instances = list.ok ? list.instances : []
      let preview: string | null = null
      const first = instances[0]
      if (first) {
        const thumb = await api.pacsThumbnail({ serverId: study.server.id, studyUid: study.study.studyUid, seriesUid: s.seriesUid, sopInstanceUid: first.sopInstanceUid })
        if (thumb.ok && thumb.jpeg) {
          preview = URL.createObjectURL(new Blob([thumb.jpeg as BlobPart], { type: 'image/jpeg' }))
          urls.current.push(preview)
        }
      }
      setSeries((all) => all && all.map((x) => (x.seriesUid === s.seriesUid ? { ...x, instances, preview } : x)))
    }
  }

  async function fetchOne(s: SeriesView, instance: InstanceSummary) {
    if (!api || !picked) return
    const transferId = `t-${Date.now().toString(36)}-${++transferCount}`
    const label = `${picked.study.studyDate} ${s.modality} ${s.description || `series ${s.number ?? ''}`}`.trim()
    setTransfer({ transferId, label, received: 0, total: null })
    setMessage('')
    markOpen('start')
    try {
      const result = await api.pacsFetchInstance({ serverId: picked.server.id, studyUid: picked.study.studyUid, seriesUid: s.seriesUid, sopInstanceUid: instance.sopInstanceUid, transferId })
      if (!result.ok) return setMessage(result.message)
      markOpen('read')
      const problem = await onFetched(label, result.bytes, { serverId: picked.server.id, studyUid: picked.study.studyUid })
      setMessage(problem ?? `Opened “${label}” from ${picked.server.label}.`)
    } catch {
      setMessage('The image could not be fetched. Nothing was changed.')
    } finally {
      setTransfer(null)
    }
  }

  const percent = transfer?.total ? Math.round((transfer.received / transfer.total) * 100) : null
  return (
    <div className="pacs-fetch">
      {!open ? (
        <button type="button" disabled={disabled} onClick={() => setOpen(true)}>
          From PACS…
        </button>
      ) : (
        <section aria-label="Fetch a radiograph from the PACS" className="pacs-panel">
          {!picked ? (
            <StudyPicker pickLabel="Open" onPick={(p) => void choose(p)} />
          ) : (
            <>
              <p>
                Series in {studyText(picked.study)} (patient ID {picked.study.patientId}) on {picked.server.label}.{' '}
                <button type="button" disabled={Boolean(transfer)} onClick={() => (setPicked(null), setSeries(null))}>
                  Another study
                </button>
              </p>
              {series && series.length > 0 && (
                <ul className="pacs-series" aria-label="Series of the study">
                  {series.map((s) => (
                    <li key={s.seriesUid}>
                      <Preview src={s.preview} label={`${s.modality} ${s.description || `series ${s.number ?? ''}`}`} />
                      <span>
                        {s.modality} {s.description || `series ${s.number ?? ''}`} — {s.instanceCount ?? s.instances?.length ?? '?'} image(s)
                      </span>
                      {s.instances === null ? (
                        <span> (reading…)</span>
                      ) : (
                        s.instances.map((instance, i) => (
                          <button key={instance.sopInstanceUid} type="button" disabled={Boolean(transfer)} onClick={() => void fetchOne(s, instance)}>
                            Fetch image {instance.number ?? i + 1}
                            {instance.rows && instance.columns ? ` (${instance.columns} × ${instance.rows})` : ''}
                          </button>
                        ))
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {transfer && (
            <div className="pacs-transfer">
              <label>
                Fetching “{transfer.label}”{' '}
                <progress className="pacs-progress" max={transfer.total ?? undefined} value={transfer.total ? transfer.received : undefined}>
                  {percent ?? ''}
                </progress>{' '}
                {percent !== null ? `${percent} %` : `${(transfer.received / 1e6).toFixed(1)} MB`}
              </label>{' '}
              <button type="button" onClick={() => void api.pacsCancel({ transferId: transfer.transferId })}>
                Cancel
              </button>
            </div>
          )}
          <p role="status" aria-live="polite">
            {message}
          </p>
          <button type="button" disabled={Boolean(transfer)} onClick={() => (setOpen(false), setPicked(null), setSeries(null), setMessage(''))}>
            Close
          </button>
        </section>
      )}
    </div>
  )
}
