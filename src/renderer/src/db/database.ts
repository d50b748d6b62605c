// The Dexie database. Persistence lives in db/ only: features call repositories, not tables.
import Dexie, { type Table } from 'dexie'
import { SCHEMA_VERSIONS } from './schema'
import { reportConnectionProblem } from './connection-status'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../shared/outcomes/types'
import type { AuditRow, DraftRow, ImplantSystemRow, OutcomeDraftRow, PlanRow, PlanSummary, ProfileRow, RevisionRow, SettingRow } from './types'
import type { ImagePixelsRow, ImageRow } from './image-types'

export const DATABASE_NAME = 'osseoplan'

export class OsseoDb extends Dexie {
  plans!: Table<PlanRow, string>
  /** Schema v2: one summary row per plan, written with the plan in the same transaction. */
  planIndex!: Table<PlanSummary, string>
  revisions!: Table<RevisionRow, string>
  audit!: Table<AuditRow, number>
  drafts!: Table<DraftRow, string>
  profiles!: Table<ProfileRow, string>
  implantSystems!: Table<ImplantSystemRow, string>
  settings!: Table<SettingRow, string>
  /** Schema v6: after surgery. */
  operations!: Table<OperationRecord, string>
  visits!: Table<FollowUpVisit, string>
  outcomeEvents!: Table<OutcomeEvent, string>
  outcomeDrafts!: Table<OutcomeDraftRow, string>
  /** Schema v5: radiographs of a plan (images-repo.ts). */
  images!: Table<ImageRow, string>
  imagePixels!: Table<ImagePixelsRow, string>

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    for (const schema of SCHEMA_VERSIONS) {
      const version = this.version(schema.version).stores(schema.stores)
      if (schema.upgrade) version.upgrade(schema.upgrade)
    }
  }
}

/** Another window (or a newer version of the app) needs the database: this one steps aside. */
export function watchConnection(db: OsseoDb): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true })
    reportConnectionProblem('versionchange', 'OsseoPlan was updated or opened in another window. Reload this window to keep working; everything saved is kept.')
    return false
  })
  db.on('blocked', () => {
    reportConnectionProblem('blocked', 'Another OsseoPlan window is open with an older version. Close it (or reload it) so this window can finish updating the plan library.')
  })
}

let shared: OsseoDb | null = null

/** The app's database (one per renderer). Tests create their own OsseoDb instead. */
export function appDb(): OsseoDb {
  if (!shared) {
    shared = new OsseoDb()
    watchConnection(shared)
  }
  return shared
}
