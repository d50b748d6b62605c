// Settings → Image servers: the hospital PACS (DICOMweb) servers OsseoPlan may fetch radiographs
// from and file plans to. The secrets typed here go straight to the main process, which keeps
// them encrypted; this screen never reads one back.
import { useCallback, useEffect, useId, useState } from 'react'
import type { PacsAuthKind, PublicServer, ServerInput } from '../../../../shared/pacs-contract'
import { imageServers } from '../../platform'
import './pacs.css'

type Field = 'label' | 'baseUrl' | 'username' | 'secret' | 'auth'

const AUTH_LABEL: Record<PacsAuthKind, string> = { none: 'No sign-in', basic: 'User name and password', bearer: 'Access token' }

interface FormState {
  id?: string
  label: string
  baseUrl: string
  auth: PacsAuthKind
  username: string
  secret: string
}

const EMPTY: FormState = { label: '', baseUrl: '', auth: 'none', username: '', secret: '' }

function ServerForm({ initial, onDone }: { initial: FormState; onDone: (saved: PublicServer | null) => void }) {
  const api = imageServers()
  const [form, setForm] = useState(initial)
  const [error, setError] = useState<{ field?: Field; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const editing = Boolean(initial.id)
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }))
  const fieldError = (field: Field) => (error?.field === field ? error.message : null)
  const aria = (field: Field) => (fieldError(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-msg` } : {})

  async function save(e: React.FormEvent) {
    e.preventDefault()
    if (!api) return
    setBusy(true)
    const input: ServerInput = {
      ...(form.id ? { id: form.id } : {}),
      label: form.label,
      baseUrl: form.baseUrl,
      auth: form.auth,
      ...(form.auth === 'basic' ? { username: form.username } : {}),
      ...(form.auth !== 'none' && form.secret !== '' ? { secret: form.secret } : {})
    }
    try {
      const result = await api.pacsSaveServer(input)
      if (result.ok) onDone(result.server)
      else setError({ ...(result.field ? { field: result.field } : {}), message: result.message })
    } catch {
      setError({ message: 'The server could not be saved.' })
    } finally {
      setBusy(false)
    }
  }

  const message = (field: Field) =>
    fieldError(field) && (
      <span id={`${id}-${field}-msg`} className="ed-msg ed-msg-error">
        {fieldError(field)}
      </span>
    )

  return (
    <form className="pacs-form" onSubmit={(e) => void save(e)} aria-label={editing ? `Edit ${initial.label}` : 'Add an image server'}>
      <div className="pacs-field">
        <label htmlFor={`${id}-label`}>Name</label>
        <input id={`${id}-label`} value={form.label} maxLength={80} onChange={(e) => set({ label: e.target.value })} {...aria('label')} autoFocus />
        {message('label')}
      </div>
      <div className="pacs-field pacs-field-wide">
        <label htmlFor={`${id}-url`}>DICOMweb address</label>
        <input id={`${id}-url`} value={form.baseUrl} maxLength={2048} placeholder="https://pacs.hospital.example/dicom-web" spellCheck={false} onChange={(e) => set({ baseUrl: e.target.value })} {...aria('baseUrl')} />
        <span className="ed-msg">https only; plain http is accepted only for a server on this computer.</span>
        {message('baseUrl')}
      </div>
      <div className="pacs-field">
        <label htmlFor={`${id}-auth`}>Sign-in</label>
        <select id={`${id}-auth`} value={form.auth} onChange={(e) => set({ auth: e.target.value as PacsAuthKind, secret: '' })}>
          {(Object.keys(AUTH_LABEL) as PacsAuthKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {AUTH_LABEL[kind]}
            </option>
          ))}
        </select>
      </div>
      {form.auth === 'basic' && (
        <div className="pacs-field">
          <label htmlFor={`${id}-user`}>User name</label>
          <input id={`${id}-user`} value={form.username} maxLength={256} autoComplete="off" onChange={(e) => set({ username: e.target.value })} {...aria('username')} />
          {message('username')}
        </div>
      )}
      {form.auth !== 'none' && (
        <div className="pacs-field">
          <label htmlFor={`${id}-secret`}>{form.auth === 'basic' ? 'Password' : 'Token'}</label>
          <input
            id={`${id}-secret`}
            type="password"
            value={form.secret}
            maxLength={4096}
            autoComplete="new-password"
            placeholder={editing && initial.auth === form.auth ? 'unchanged' : ''}
            onChange={(e) => set({ secret: e.target.value })}
            {...aria('secret')}
          />
          {message('secret')}
        </div>
      )}
      {error && !error.field && <p className="ed-msg ed-msg-error">{error.message}</p>}
      <div className="pacs-actions">
        <button type="submit" disabled={busy}>
          {editing ? 'Save server' : 'Add server'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}

export function ImageServersSection() {
  const api = imageServers()
  const [servers, setServers] = useState<PublicServer[]>([])
  const [editing, setEditing] = useState<FormState | null>(null)
  const [status, setStatus] = useState<Record<string, string>>({})
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null)

  const reload = useCallback(async () => {
    if (api) setServers(await api.pacsListServers())
  }, [api])
  useEffect(() => {
    void reload()
  }, [reload])

  async function test(server: PublicServer) {
    if (!api) return
    setStatus((s) => ({ ...s, [server.id]: 'Testing…' }))
    const result = await api.pacsTestServer({ serverId: server.id }).catch(() => ({ ok: false as const, message: 'The test could not be run.' }))
    setStatus((s) => ({ ...s, [server.id]: result.ok ? 'Connected: the server answered a study search.' : result.message }))
  }

  async function remove(server: PublicServer) {
    if (!api) return
    await api.pacsRemoveServer({ serverId: server.id })
    setConfirmRemove(null)
    await reload()
  }

  return (
    <section aria-labelledby="pacs-title" className="settings-section" id="settings-image-servers">
      <h2 id="pacs-title">Image servers (PACS)</h2>
      {!api ? (
        <p>
          Fetching radiographs from the hospital's PACS and filing plans back to it works in the desktop app. In a browser OsseoPlan talks to no server.
        </p>
      ) : (
        <>
          <p className="pacs-note">
            OsseoPlan connects to a server only when you search, fetch or file, and only to the servers listed here. It sends the patient ID or accession number you search for,
            and files back only the plan you choose to file.
          </p>
          {servers.length === 0 && !editing && <p>No image server is set up yet. Add the DICOMweb address your PACS administrator gives you.</p>}
          <ul className="pacs-servers">
            {servers.map((server) => (
              <li key={server.id}>
                <strong>{server.label}</strong> <span className="pacs-url">{server.baseUrl}</span>
                {server.loopback && <span className="pacs-tag">on this computer</span>}
                <span className="pacs-auth">{AUTH_LABEL[server.auth]}{server.auth === 'basic' && server.username ? ` (${server.username})` : ''}</span>
                <div className="pacs-actions">
                  <button type="button" onClick={() => void test(server)}>
                    Test connection
                  </button>
                  <button type="button" onClick={() => setEditing({ id: server.id, label: server.label, baseUrl: server.baseUrl, auth: server.auth, username: server.username, secret: '' })}>
                    Edit
                  </button>
                  {confirmRemove === server.id ? (
                    <>
                      <button type="button" className="danger" onClick={() => void remove(server)}>
                        Remove {server.label}
                      </button>
                      <button type="button" onClick={() => setConfirmRemove(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setConfirmRemove(server.id)}>
                      Remove…
                    </button>
                  )}
                </div>
                {status[server.id] && (
                  <p role="status" className="pacs-status">
                    {status[server.id]}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {editing ? (
            <ServerForm
              initial={editing}
              onDone={(saved) => {
                setEditing(null)
                if (saved) void reload()
              }}
            />
          ) : (
            <button type="button" onClick={() => setEditing(EMPTY)}>
              Add image server…
            </button>
          )}
        </>
      )}
    </section>
  )
}
