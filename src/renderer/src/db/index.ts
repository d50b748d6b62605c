// The repositories the features use, bound to the app's database.
import { appDb } from './database'
import { createPlansRepo, type PlansRepo } from './plans-repo'
import { createRevisionsRepo, type RevisionsRepo } from './revisions-repo'
import { createAuditRepo, type AuditRepo } from './audit-repo'
import { createBackupRepo, type BackupRepo } from './backup-repo'

let plans: PlansRepo | null = null
let revisions: RevisionsRepo | null = null

export function plansRepo(): PlansRepo {
  plans ??= createPlansRepo(appDb())
  return plans
}

export function revisionsRepo(): RevisionsRepo {
  revisions ??= createRevisionsRepo(appDb())
  return revisions
}

let audit: AuditRepo | null = null
export function auditRepo(): AuditRepo {
  audit ??= createAuditRepo(appDb())
  return audit
}

let backup: BackupRepo | null = null
export function backupRepo(): BackupRepo {
  backup ??= createBackupRepo(appDb())
  return backup
}

export { storageEstimate, requestPersistentStorage, storageErrorMessage, isQuotaError, type StorageEstimate } from './storage'
export { draftsRepo, createDraftsRepo, type DraftsRepo } from './drafts-repo'
export { settingsRepo, profilesRepo, systemsRepo } from './settings-repos'
