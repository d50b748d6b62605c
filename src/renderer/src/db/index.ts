// The repositories the features use, each bound once to the app's database.
import { appDb, type OsseoDb } from './database'
import { createAuditRepo } from './audit-repo'
import type { BackupRepo } from './backup-repo'
import { createDraftsRepo } from './drafts-repo'
import { createFilingsRepo } from './filings-repo'
import { createPlansRepo } from './plans-repo'
import { createProfilesRepo } from './profiles-repo'
import { createRevisionsRepo } from './revisions-repo'
import { createSettingsRepo } from './settings-repo'
import { createSystemsRepo } from './systems-repo'
import { createImagesRepo } from './images-repo'

/** A getter that creates the repository on first use (the database opens lazily too). */
function bound<T>(create: (db: OsseoDb) => T): () => T {
  let repo: T | null = null
  return () => (repo ??= create(appDb()))
}

export const plansRepo = bound(createPlansRepo)
export const revisionsRepo = bound(createRevisionsRepo)
export const auditRepo = bound(createAuditRepo)
let backup: BackupRepo | null = null
/** Backup and restore load on first use: the library's first screen does not need them. */
export async function backupRepo(): Promise<BackupRepo> {
  const { createBackupRepo } = await import('./backup-repo')
  return (backup ??= createBackupRepo(appDb()))
}
export const draftsRepo = bound(createDraftsRepo)
export const settingsRepo = bound(createSettingsRepo)
export const profilesRepo = bound(createProfilesRepo)
export const systemsRepo = bound(createSystemsRepo)
export const imagesRepo = bound(createImagesRepo)
export const filingsRepo = bound(createFilingsRepo)

export { storageEstimate, requestPersistentStorage, storageErrorMessage, isQuotaError, type StorageEstimate } from './storage'
export { createDraftsRepo, type DraftsRepo } from './drafts-repo'
