// The Dexie database. Persistence lives in db/ only: features call repositories, not tables.
import Dexie, { type Table } from 'dexie'
import { SCHEMA_VERSIONS } from './schema'
import { DELETED_MESSAGE, reportConnectionProblem } from './connection-status'
import { releaseEarlyOpen } from './early-open'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../shared/outcomes/types'
import type { AuditRow, DraftRow, ImplantSystemRow, OutcomeDraftRow, PlanRow, PlanSummary, ProfileRow, RevisionRow, SettingRow } from './types'
import type { ImagePixelsRow, ImageRow } from './image-types'
import type { RevisionFactsRow } from './revision-facts'
import type { OutcomeSummaryRow } from './outcome-summaries'
import type { SummaryPageRow } from './summary-pages'

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
  /** Schema v8: the audit's facts of an approved revision (revision-facts.ts). */
  revisionFacts!: Table<RevisionFactsRow, string>
  /** Schema v10: each operated plan's outcome summary, for the Audit screen (outcome-summaries.ts). */
  outcomeSummaries!: Table<OutcomeSummaryRow, string>
  /** Schema v14: the same summaries on 32 pages, where they are kept since (summary-pages.ts); the table above stays empty. */
  outcomeSummaryPages!: Table<SummaryPageRow, number>
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

/**
 * Another window (or a newer version of the app) needs the database: this one steps aside. When
 * the database is deleted (a versionchange to no version) or the browser closes the connection
 * (clearing site data does), the user is told plainly — never that the plans are kept — and the
 * connection stays closed: reopening it would silently create a new, empty library.
 */
export function watchConnection(db: OsseoDb): void {
  // Dexie fires 'close' on every close, ours included; only one we did not ask for is news.
  let ours = false
  const closeForGood = () => {
    ours = true
    try {
      db.close({ disableAutoOpen: true })
    } finally {
      ours = false
    }
  }
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    closeForGood()
    if (event.newVersion === null) reportConnectionProblem('deleted', DELETED_MESSAGE)
    else reportConnectionProblem('versionchange', 'OsseoPlan was updated or opened in another window. Reload this window to keep working; everything saved is kept.')
    return false
  })
  db.on('close', () => {
    if (ours) return
    reportConnectionProblem('deleted', DELETED_MESSAGE)
    // Dexie's own handler would reopen on the next query — creating a new, empty library. Once
    // its close has finished, close again without auto-open.
    queueMicrotask(closeForGood)
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
    // index.html's first script opened the database before this code loaded (early-open.ts).
    shared.on('ready', releaseEarlyOpen)
  }
  return shared
}
