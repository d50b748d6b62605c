// Back up / restore the whole library and import a single case file. Files are checked
// completely before anything is written; a refused file leaves the library unchanged.
import { useRef, useState } from 'react'
import { BUILTIN_SYSTEMS } from '../../../../shared/catalog/systems'
import { DEFAULT_PROFILE } from '../../../../shared/profile/defaults'
import { backupRepo, plansRepo, profilesRepo, settingsRepo, systemsRepo } from '../../db'
import type { ReproduceWith } from '../../db/backup-reproduce'
import { exportFileName } from '../../db/export-files'
import { storageErrorMessage } from '../../db/storage'
import { JsonFileInput } from '../../components/JsonFileInput'
import { isDesktop, openFileStream, openTextFile, saveTextPieces } from '../../platform'

type Kind = 'library' | 'case'

/** The file checks and the backup writer load when first used, not with the library screen. */
const backupCode = async () => {
  const [repo, validate] = await Promise.all([import('../../db/backup-repo'), import('../../db/backup-validate')])
  return { ...repo, ...validate }
}
/** Started early; a failure here is reported by the action itself when it loads the code again. */
const preloadBackupCode = () => void backupCode().catch(() => undefined)

/** The profiles and implant systems this library computes with: a restored result must be reproducible with them. */
async function reproduction(): Promise<ReproduceWith> {
  const [profiles, custom] = await Promise.all([profilesRepo().list(), systemsRepo().list()])
  return { profiles: [DEFAULT_PROFILE, ...profiles.profiles.map((p) => p.record.profile)], systems: [...BUILTIN_SYSTEMS, ...custom.systems] }
}

export function BackupControls({ onChanged, onMessage }: { onChanged: () => void; onMessage: (text: string, isError: boolean) => void }) {
  const libraryInput = useRef<HTMLInputElement>(null)
  const caseInput = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)

  async function backUp() {
    setBusy(true)
    try {
      const { libraryBackupPieces } = await backupCode()
      const backup = await (await backupRepo()).exportLibrary()
      const saved = await saveTextPieces(exportFileName('library', Date.now()), libraryBackupPieces(backup))
      if (saved.ok) onMessage(`Library backed up: ${backup.plans.length} plans, ${backup.revisions.length} revisions.`, false)
      else if (saved.reason !== 'cancelled') onMessage(`The backup could not be saved: ${saved.message ?? saved.reason}`, true)
    } catch (error) {
      onMessage(`The backup could not be made: ${storageErrorMessage(error)}`, true)
    } finally {
      setBusy(false)
    }
  }

  /** A library backup, read as a stream: checked whole before anything is written. */
  async function restore(bytes: AsyncIterable<Uint8Array>, name: string) {
    const { validateLibraryBackupFile, RestoreConflict } = await backupCode()
    const checked = await validateLibraryBackupFile(bytes, { reproduce: await reproduction() })
    if (!checked.ok) return onMessage(`“${name}” was not imported, and the library is unchanged: ${checked.problem}`, true)
    let outcome
    try {
      outcome = await (await backupRepo()).importLibrary(checked.value, name)
    } catch (error) {
      if (error instanceof RestoreConflict) return onMessage(`“${name}” was not imported, and the library is unchanged: ${error.message}`, true)
      throw error
    }
    onMessage(`Restored ${outcome.added} plan${outcome.added === 1 ? '' : 's'} from “${name}”${outcome.skipped ? `; ${outcome.skipped} already in the library were left as they are` : ''}.`, false)
    onChanged()
  }

  async function importCase(content: string, name: string) {
    const { validateCaseFileText } = await backupCode()
    const checked = validateCaseFileText(content)
    if (!checked.ok) return onMessage(`“${name}” was not imported, and the library is unchanged: ${checked.problem}`, true)
    // The surgeon is read from the store, not from context that may still be loading.
    await plansRepo().create({ caseFile: checked.value, surgeon: await settingsRepo().getUserName() })
    onMessage(`Imported “${name}” as a new draft plan.`, false)
    onChanged()
  }

  async function pick(kind: Kind, file?: File) {
    setBusy(true)
    try {
      const opened = kind === 'library' ? await openFileStream(file) : await openTextFile(file)
      if (!opened.ok) {
        if (opened.reason !== 'cancelled') onMessage(`The file could not be read: ${opened.message ?? opened.reason}`, true)
      } else if ('bytes' in opened) await restore(opened.bytes, opened.name)
      else await importCase(opened.content, opened.name)
    } catch (error) {
      onMessage(`Nothing was imported: ${storageErrorMessage(error)}`, true)
    } finally {
      setBusy(false)
    }
  }

  function choose(kind: Kind) {
    if (isDesktop()) void pick(kind)
    else (kind === 'library' ? libraryInput : caseInput).current?.click()
  }

  return (
    // Pointing at or focusing these buttons starts loading the code they need, as the Audit link does.
    <div className="library-backup" role="group" aria-label="Backup and import" onPointerEnter={preloadBackupCode} onFocus={preloadBackupCode}>
      <button type="button" disabled={busy} onClick={() => choose('case')}>
        Import case file
      </button>
      <button type="button" disabled={busy} onClick={() => void backUp()}>
        Back up library
      </button>
      <button type="button" disabled={busy} onClick={() => choose('library')}>
        Restore library
      </button>
      <JsonFileInput inputRef={caseInput} label="Case file to import" onFile={(file) => void pick('case', file)} />
      <JsonFileInput inputRef={libraryInput} label="Library backup to restore" onFile={(file) => void pick('library', file)} />
    </div>
  )
}
