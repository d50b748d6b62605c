// One audit row's changes as a surgeon reads them: clinical field labels ("Station 3 — endosteal
// Ø"), old → new; links between plans named, never shown as their internal ids.
import { fieldLabel, IDENTIFIER_PATHS } from '../../../../shared/case/field-labels'
import type { AuditChange, AuditRow } from '../../db/types'
import { outcomeFieldLabel } from '../outcomes/form-model'

const ACTIONS: Readonly<Record<string, string>> = {
  create: 'Created',
  edit: 'Edited',
  status: 'Status changed',
  revise: 'Revised',
  duplicate: 'Created as a copy of another plan',
  archive: 'Archived',
  unarchive: 'Restored from the archive',
  delete: 'Deleted',
  restore: 'Restored',
  import: 'Imported',
  'edit-outcome': 'Outcome record corrected',
  'delete-outcome': 'Outcome record deleted'
}

export function auditActionText(action: string): string {
  return ACTIONS[action] ?? action.charAt(0).toUpperCase() + action.slice(1)
}

function ChangeText({ change }: { change: AuditChange }) {
  const label = outcomeFieldLabel(change.path) ?? fieldLabel(change.path)
  if (IDENTIFIER_PATHS.has(change.path)) return <>{label}</>
  return (
    <>
      {label}: {change.oldValue || '—'} → {change.newValue || '—'}
    </>
  )
}

export function AuditChanges({ row }: { row: AuditRow }) {
  const changes = row.changes ?? []
  if (changes.length > 0)
    return (
      <ul>
        {changes.map((c) => (
          <li key={c.path}>
            <ChangeText change={c} />
          </li>
        ))}
      </ul>
    )
  if (!row.field) return null
  return (
    <span>
      {' '}
      <ChangeText change={{ path: row.field, oldValue: row.oldValue, newValue: row.newValue }} />
    </span>
  )
}
