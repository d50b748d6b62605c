// The save and delete of one outcome record, as every outcome form does them: a failed save keeps
// what was typed and names the fields; a delete asks first and says plainly when it fails.
import { useState } from 'react'
import { saveFailure, type SaveFailure } from './save-error'

export function useRecordSave() {
  const [failure, setFailure] = useState<SaveFailure | null>(null)
  /** Writes the record, then (only when it was written) runs `then` with what the write returned. */
  async function attempt<T>(write: () => Promise<T>, then: (written: T) => Promise<void> | void): Promise<void> {
    try {
      const written = await write()
      setFailure(null)
      await then(written)
    } catch (e) {
      setFailure(saveFailure(e))
    }
  }
  return { failure, errors: failure?.fields ?? {}, attempt }
}

export function useRecordRemoval(onChanged: () => void) {
  const [error, setError] = useState('')
  async function remove(question: string, write: () => Promise<unknown>): Promise<void> {
    if (!window.confirm(question)) return
    try {
      await write()
      onChanged()
    } catch (e) {
      setError(saveFailure(e).message)
    }
  }
  return { error, remove }
}
