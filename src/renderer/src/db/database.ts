// The Dexie database. Persistence lives in db/ only: features call repositories, not tables.
import Dexie, { type Table } from 'dexie'
import { SCHEMA_VERSIONS } from './schema'
import type { AuditRow, DraftRow, ImplantSystemRow, PlanRow, ProfileRow, RevisionRow, SettingRow } from './types'

export const DATABASE_NAME = 'osseoplan'

export class OsseoDb extends Dexie {
  plans!: Table<PlanRow, string>
  revisions!: Table<RevisionRow, string>
  audit!: Table<AuditRow, number>
  drafts!: Table<DraftRow, string>
  profiles!: Table<ProfileRow, string>
  implantSystems!: Table<ImplantSystemRow, string>
  settings!: Table<SettingRow, string>

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options)
    for (const schema of SCHEMA_VERSIONS) {
      const version = this.version(schema.version).stores(schema.stores)
      if (schema.upgrade) version.upgrade(schema.upgrade)
    }
  }
}

let shared: OsseoDb | null = null

/** The app's database (one per renderer). Tests create their own OsseoDb instead. */
export function appDb(): OsseoDb {
  shared ??= new OsseoDb()
  return shared
}
