// First-run acknowledgement: until the user acknowledges what OsseoPlan is, the app shows the
// statement instead of its screens. The acknowledgement is stored with its time (and the name
// given, which becomes the user name recorded on confirmations and saves).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { settingsRepo } from '../../db'
import { cleanUserName, MAX_USER_NAME_LENGTH, type Acknowledgement } from '../../db/settings-repo'
import { usePlanningContextReload } from '../settings/planning-context'
import { readLocalAcknowledgement, writeLocalAcknowledgement } from './acknowledgement'
import './onboarding.css'

type GateState = 'checking' | 'needed' | 'done'

export function FirstRunGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>(() => (readLocalAcknowledgement() ? 'done' : 'checking'))
  const reload = usePlanningContextReload()

  useEffect(() => {
    let live = true
    const local = readLocalAcknowledgement()
    void settingsRepo()
      .getAcknowledgement()
      .then(async (stored) => {
        // Keep both copies: the table is the record, localStorage the fast path.
        if (local && !stored) {
          await settingsRepo().acknowledge(local)
          await reload()
        }
        if (!local && stored) writeLocalAcknowledgement(stored)
        if (live && !local) setState(stored ? 'done' : 'needed')
      })
      .catch(() => {
        if (live && !local) setState('needed')
      })
    return () => {
      live = false
    }
  }, [reload])

  if (state === 'done') return <>{children}</>
  if (state === 'checking') return <p className="empty" role="status">Loading…</p>
  return (
    <FirstRunStatement
      onAcknowledged={async (ack) => {
        writeLocalAcknowledgement(ack)
        await settingsRepo().acknowledge(ack)
        await reload()
        setState('done')
      }}
    />
  )
}

function FirstRunStatement({ onAcknowledged }: { onAcknowledged: (ack: Acknowledgement) => Promise<void> }) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      await onAcknowledged({ at: Date.now(), name: cleanUserName(name) })
    } catch {
      setError('The acknowledgement could not be stored. Check that this browser allows local storage, then try again.')
      setBusy(false)
    }
  }

  return (
    <section className="page first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Before you start: what OsseoPlan is</h1>
      <p>
        OsseoPlan is <strong>decision support for qualified surgeons</strong> planning osseointegration (bone-anchored prostheses). It
        computes implant sizes, bone-to-skin targets, build height, eligibility findings and a loading schedule from the measurements you
        enter, and shows the rule and the source behind every number.
      </p>
      <p>
        It <strong>does not replace clinical judgement</strong>. Every plan must be checked by the responsible surgeon against the patient, the
        images and the manufacturer's instructions. Many thresholds are <em>site defaults</em> that nobody published: review and confirm them
        in Settings before relying on a plan.
      </p>
      <p>Plans are stored only on this computer.</p>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>Your name (optional; recorded when you confirm settings and save plans)</span>
          <input value={name} maxLength={MAX_USER_NAME_LENGTH} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          I understand and acknowledge
        </button>
      </form>
    </section>
  )
}
