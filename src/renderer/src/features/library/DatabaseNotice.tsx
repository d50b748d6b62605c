// App-wide: asks for persistent storage once at start, and shows database connection problems
// (another window upgraded the database, this window's upgrade waits for another one, or the
// library was deleted while the app runs — then what is on screen can be written back).
import { useEffect, useState, useSyncExternalStore } from 'react'
import { connectionProblem, plansOnScreen, subscribeConnectionProblem } from '../../db/connection-status'
import { requestPersistentStorage, storageErrorMessage } from '../../db/storage'
import { writeBackPlansOnScreen } from '../../db/write-back'
import './library.css'

function WriteBack() {
  const [outcome, setOutcome] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const count = plansOnScreen().length
  if (outcome) return <span className="db-notice-outcome">{outcome}</span>
  if (count === 0) return null
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true)
        writeBackPlansOnScreen()
          .then((codes) => setOutcome(codes.length > 0 ? `Written back as a draft: ${codes.join(', ')} (its review history was lost with the library). Reload to continue.` : 'Nothing needed writing back. Reload to continue.'))
          .catch((error: unknown) => setOutcome(`Could not write it back: ${storageErrorMessage(error)}`))
          .finally(() => setBusy(false))
      }}
    >
      Write back the plan on screen
    </button>
  )
}

export function DatabaseNotice() {
  const problem = useSyncExternalStore(subscribeConnectionProblem, connectionProblem)
  useEffect(() => {
    void requestPersistentStorage()
  }, [])
  if (!problem) return null
  return (
    <div className="db-notice" role="alert" data-kind={problem.kind}>
      {problem.message} {problem.kind === 'deleted' && <WriteBack />}
      {(problem.kind === 'versionchange' || problem.kind === 'deleted') && (
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  )
}
