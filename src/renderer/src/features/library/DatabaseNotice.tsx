// App-wide: asks for persistent storage once at start, and shows database connection problems
// (another window upgraded the database, or this window's upgrade waits for another one).
import { useEffect, useSyncExternalStore } from 'react'
import { connectionProblem, subscribeConnectionProblem } from '../../db/connection-status'
import { requestPersistentStorage } from '../../db/storage'
import './library.css'

export function DatabaseNotice() {
  const problem = useSyncExternalStore(subscribeConnectionProblem, connectionProblem)
  useEffect(() => {
    void requestPersistentStorage()
  }, [])
  if (!problem) return null
  return (
    <div className="db-notice" role="alert">
      {problem.message}{' '}
      {problem.kind === 'versionchange' && (
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  )
}
