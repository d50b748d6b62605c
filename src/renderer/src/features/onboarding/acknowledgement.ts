// Where the first-run acknowledgement lives: localStorage (read synchronously, so an acknowledged
// app never flashes the statement) mirrored to the settings table (the durable record, and the
// fallback if localStorage is cleared). The e2e fixture seeds the localStorage key the same way.
import { parseAcknowledgement, type Acknowledgement } from '../../db/settings-repo'

export const ACK_STORAGE_KEY = 'osseoplan.acknowledgement'

export function readLocalAcknowledgement(): Acknowledgement | null {
  try {
    const text = window.localStorage.getItem(ACK_STORAGE_KEY)
    return text ? parseAcknowledgement(JSON.parse(text)) : null
  } catch {
    return null
  }
}

export function writeLocalAcknowledgement(ack: Acknowledgement): void {
  try {
    window.localStorage.setItem(ACK_STORAGE_KEY, JSON.stringify({ at: ack.at, name: ack.name }))
  } catch {
    // Storage refused (private mode, quota): the settings table still holds the record.
  }
}
