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
  /** Case saves so far (absent on rows from before issue #18: 0). A save names the version it
   *  edited and is refused when the row moved on: two windows never overwrite each other silently. */
  version?: number
  /** The editor's edit counter for the case this row holds: drafts are ordered against the plan
   *  by it, never by the wall clock (which can go backwards). */
  editSeq?: number
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
  /** The plan's image annotations as they were at this revision (the pixels stay in imagePixels,
   *  which never change). Absent on revisions from before annotations were snapshotted. */
  images?: RevisionImage[]
}

/** One radiograph's annotations as a revision recorded them. */
export interface RevisionImage {
  imageId: string
  label: string
  calibration: unknown
  marks: unknown
  window?: unknown
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
  /** Set on rows that came from a restored backup: the file's history, not this library's ("backup <checksum> of <date>"). */
  importedFrom?: string
}

/** The result of the plan's latest review or approval, as the library lists it (schema v3). */
export interface PlanOutcome {
  /** The plan's verdict when it was reviewed: 'ok', 'warnings' or 'blocked'. */
  status: 'ok' | 'warnings' | 'blocked'
  /** Recommended implant, mm; null when no size fits. */
  implant: { diameterMm: number; lengthMm: number } | null
  /** The implant system's name as the result recorded it ('' when none). */
  systemName: string
}

/** What the library lists and searches: a plan's indexed fields without its case file (schema v2). */
export type PlanSummary = Omit<PlanRow, 'caseFile' | 'notes'> & {
  /** Lower-case text searched by the library: codes, surgeon, notes and the case's free text. */
  search: string
  /** Schema v3: the implant system's name from the case file ('' when it names only a catalogue id). */
  systemName?: string
  /** Schema v3: outcome of the latest review or approval; absent for a draft. */
  outcome?: PlanOutcome
  /** Schema v3: the plan this one was duplicated from ('' or absent when none). */
  duplicatedFrom?: string
}

export interface DraftRow {
  planId: string
  caseFile: StoredCase
  /** Wall-clock time, shown to the user only; never used to order drafts. */
  updatedAt: number
  /** The editor's edit counter (see PlanRow.editSeq); absent on drafts from before issue #18. */
  editSeq?: number
  /** The plan version the draft was edited from: lower than the plan's when another window saved since. */
  baseVersion?: number
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
