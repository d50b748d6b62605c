// Row types of the local database. The plan's inputs are stored as the case file itself
// (format osseoplan.case), so backups, imports and the command line share one format.

export type PlanStatus = 'draft' | 'reviewed' | 'approved' | 'superseded'
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'reviewed', 'approved', 'superseded']

/** A case file as stored: possibly incomplete while the plan is a draft. */
export type StoredCase = Record<string, unknown>

export interface PlanRow {
  id: string
  patientCode: string
  surgeon: string
  level: string
  side: string
  systemId: string
  status: PlanStatus
  /** 0 or 1: IndexedDB cannot index booleans. */
  archived: 0 | 1
  createdAt: number
  updatedAt: number
  /** The approved plan this one revises, if any. */
  parentId: string
  caseFile: StoredCase
  notes: string
}

export interface RevisionRow {
  id: string
  planId: string
  number: number
  status: PlanStatus
  caseFile: StoredCase
  result: unknown
  engineVersion: string
  profileVersion: string
  catalogVersion: string
  contentHash: string
  author: string
  createdAt: number
}

/** One changed value within an audited save: case-file path (or 'status', 'archived'…), old → new. */
export interface AuditChange {
  path: string
  oldValue: string
  newValue: string
}

/** Append-only. `field`/`oldValue`/`newValue` summarise; `changes` lists every changed path. */
export interface AuditRow {
  seq?: number
  planId: string
  at: number
  /** create, edit, status, revise, duplicate, archive, unarchive, delete, restore. */
  action: string
  field: string
  oldValue: string
  newValue: string
  appVersion: string
  /** Present on rows written from schema version 2 on. */
  changes?: AuditChange[]
}

/** What the library lists and searches: a plan's indexed fields without its case file (schema v2). */
export type PlanSummary = Omit<PlanRow, 'caseFile' | 'notes'> & {
  /** Lower-case text searched by the library: codes, surgeon, notes and the case's free text. */
  search: string
}

export interface DraftRow {
  planId: string
  caseFile: StoredCase
  updatedAt: number
}

export interface SettingRow {
  key: string
  value: unknown
}

export interface ProfileRow {
  id: string
  isDefault: 0 | 1
  profile: unknown
  updatedAt: number
}

export interface ImplantSystemRow {
  id: string
  system: unknown
  updatedAt: number
}

/** Schema v6: an outcome form's text while it is not yet a valid record (key: form kind + id). */
export interface OutcomeDraftRow {
  key: string
  planId: string
  values: Record<string, unknown>
  updatedAt: number
}
