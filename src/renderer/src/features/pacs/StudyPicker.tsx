// Find a study on a configured image server: by the hospital's patient ID or accession number,
// a date range and the modality. Shows what identifies a study without any patient name.
import { useEffect, useId, useState } from 'react'
import type { PacsModality, PublicServer, StudySummary } from '../../../../shared/pacs-contract'
import { PACS_MODALITIES } from '../../../../shared/pacs-contract'
import { imageServers } from '../../platform'
import './pacs.css'

export interface PickedStudy {
  server: PublicServer
  study: StudySummary
}

export function StudyPicker({ onPick, pickLabel }: { onPick: (picked: PickedStudy) => void; pickLabel: string }) {
  const api = imageServers()
  const id = useId()
  const [servers, setServers] = useState<PublicServer[] | null>(null)
  const [serverId, setServerId] = useState('')
  const [patientId, setPatientId] = useState('')
  const [accession, setAccession] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [modalities, setModalities] = useState<PacsModality[]>(['DX', 'CR'])
  const [studies, setStudies] = useState<StudySummary[] | null>(null)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!api) return
    void api.pacsListServers().then((list) => {
      setServers(list)
      setServerId((current) => current || list[0]?.id || '')
    })
  }, [api])

  if (!api) return <p>Image servers can be used from the desktop app.</p>
  if (servers === null) return <p>Loading the image servers…</p>
  if (servers.length === 0)
    return (
      <p>
        No image server is set up. Add your hospital's PACS in <a href="#/settings">Settings → Image servers</a>.
      </p>
    )

  async function search(e: React.FormEvent) {
    e.preventDefault()
    if (!api) return
    if (!patientId.trim() && !accession.trim()) {
      setMessage('Enter the hospital patient ID or the accession number.')
      return
    }
    setBusy(true)
    setMessage('Searching…')
    try {
      const result = await api.pacsSearchStudies({
        serverId,
        query: {
          ...(patientId.trim() ? { patientId: patientId.trim() } : {}),
          ...(accession.trim() ? { accessionNumber: accession.trim() } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          modalities
        }
      })
      if (result.ok) {
        setStudies(result.studies)
        setMessage(result.studies.length === 0 ? 'No study matches.' : `${result.studies.length} ${result.studies.length === 1 ? 'study' : 'studies'} found.`)
      } else {
        setStudies(null)
        setMessage(result.message)
      }
    } catch {
      setMessage('The search could not be run. Check the search terms (patient ID and accession number must not contain * ? \\ or ,).')
    } finally {
      setBusy(false)
    }
  }

  const server = servers.find((s) => s.id === serverId)
  return (
    <div className="pacs-picker">
      <form className="pacs-form" onSubmit={(e) => void search(e)} aria-label="Find a study">
        <div className="pacs-field">
          <label htmlFor={`${id}-server`}>Image server</label>
          <select id={`${id}-server`} value={serverId} onChange={(e) => setServerId(e.target.value)}>
            {servers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
                {s.loopback ? ' (on this computer)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="pacs-field">
          <label htmlFor={`${id}-pid`}>Hospital patient ID</label>
          <input id={`${id}-pid`} value={patientId} maxLength={64} onChange={(e) => setPatientId(e.target.value)} />
        </div>
        <div className="pacs-field">
          <label htmlFor={`${id}-acc`}>Accession number</label>
          <input id={`${id}-acc`} value={accession} maxLength={64} onChange={(e) => setAccession(e.target.value)} />
        </div>
        <div className="pacs-field">
          <label htmlFor={`${id}-from`}>Study date from</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="pacs-field">
          <label htmlFor={`${id}-to`}>to</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <fieldset className="pacs-field">
          <legend>Modality</legend>
          {PACS_MODALITIES.map((m) => (
            <label key={m}>
              <input type="checkbox" checked={modalities.includes(m)} onChange={(e) => setModalities((list) => (e.target.checked ? [...list, m] : list.filter((x) => x !== m)))} /> {m}
            </label>
          ))}
        </fieldset>
        <div className="pacs-actions">
          <button type="submit" className="primary" disabled={busy}>
            Search
          </button>
        </div>
      </form>
      <p role="status" id={`${id}-status`}>
        {message}
      </p>
      {studies && studies.length > 0 && server && (
        <table className="pacs-results" aria-label="Studies found">
          <thead>
            <tr>
              <th scope="col">Study date</th>
              <th scope="col">Patient ID</th>
              <th scope="col">Accession</th>
              <th scope="col">Description</th>
              <th scope="col">Modality</th>
              <th scope="col">Images</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {studies.map((study) => (
              <tr key={study.studyUid}>
                <td>{study.studyDate}</td>
                <td>{study.patientId}</td>
                <td>{study.accessionNumber}</td>
                <td>{study.description}</td>
                <td>{study.modalities.join(', ')}</td>
                <td>{study.instanceCount ?? ''}</td>
                <td>
                  <button type="button" onClick={() => onPick({ server, study })} aria-label={`${pickLabel}: study of ${study.studyDate} ${study.description}`}>
                    {pickLabel}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
