// Schema versions of the local database, one dated constant per version. A new version is a new
// constant appended to SCHEMA_VERSIONS with its upgrade function and its own upgrade test;
// tables and indexes are never removed (tests/unit/db/schema-snapshot.test.ts guards that).
import type { Transaction } from 'dexie'
import { planSummary, summariesWithHistory } from './plan-summary'
import type { AuditRow, PlanRow, RevisionRow } from './types'
import { fillRevisionFacts } from './revision-facts'
import { addPlanFields, fillOutcomeSummaries, moveToPages, rebuildPages } from './outcome-summaries'

export interface SchemaVersion {
  /** Dexie version number (integer, increasing). */
  version: number
  /** The day this version was introduced. */
  date: string
  stores: Record<string, string>
  upgrade?: (tx: Transaction) => Promise<void> | void
}

/** 2026-11-26: first schema. Every table of the data model exists from the start. */
export const SCHEMA_2026_11_26: SchemaVersion = {
  version: 1,
  date: '2026-11-26',
  stores: {
    plans: 'id, patientCode, surgeon, level, side, systemId, status, archived, createdAt, updatedAt, parentId',
    revisions: 'id, planId, [planId+number], createdAt',
    audit: '++seq, planId, at',
    drafts: 'planId, updatedAt',
    profiles: 'id, isDefault',
    implantSystems: 'id',
    settings: 'key'
  }
}

/** 2026-11-26 (v2): `planIndex`, one small row per plan (indexed fields + lower-case search
 *  text), so the library loads and searches 10,000 plans without reading every case file. */
export const SCHEMA_2026_11_26_V2: SchemaVersion = {
  version: 2,
  date: '2026-11-26',
  stores: { ...SCHEMA_2026_11_26.stores, planIndex: 'id, updatedAt' },
  upgrade: async (tx) => {
    const summaries = (await tx.table('plans').toArray()).map((plan) => planSummary(plan as PlanRow))
    await tx.table('planIndex').bulkPut(summaries)
  }
}

/** 2026-11-29 (v3): the plan index also carries each plan's system name, the outcome and implant
 *  size of its latest review or approval, and the plan it was duplicated from (library columns).
 *  No new index: the rows are rebuilt from plans, revisions and the audit log. */
export const SCHEMA_2026_11_29_V3: SchemaVersion = {
  version: 3,
  date: '2026-11-29',
  stores: { ...SCHEMA_2026_11_26_V2.stores },
  upgrade: async (tx) => {
    const plans = (await tx.table('plans').toArray()) as PlanRow[]
    const revisions = (await tx.table('revisions').toArray()) as RevisionRow[]
    const duplicates = (await tx.table('audit').filter((a: AuditRow) => a.action === 'duplicate').toArray()) as AuditRow[]
    await tx.table('planIndex').bulkPut(summariesWithHistory(plans, revisions, duplicates))
  }
}

/** 2026-11-29 (v5): `images`, the radiographs of a plan (de-identified header, calibration and
 *  measurements), found by plan; `imagePixels`, each image's one frame of pixels, apart so that
 *  saving a measurement never rewrites megabytes. New tables: nothing to convert. */
export const SCHEMA_2026_11_29_V5: SchemaVersion = {
  version: 5,
  date: '2026-11-29',
  stores: { ...SCHEMA_2026_11_26_V2.stores, images: 'id, planId, createdAt', imagePixels: 'id' },
  upgrade: () => {
    // Existing plans have no images; the table starts empty.
  }
}

/** 2026-11-29 (v6): after surgery. `operations` (what was implanted, linked to the approved
 *  revision), `visits` (follow-up measures), `outcomeEvents` (infection, fracture, removal…) and
 *  `outcomeDrafts` (what is typed in an outcome form before it is valid). New tables only: the
 *  upgrade has nothing to move, and every earlier table (v5's images included) is kept. */
export const SCHEMA_2026_11_29_V6: SchemaVersion = {
  version: 6,
  date: '2026-11-29',
  stores: {
    ...SCHEMA_2026_11_29_V5.stores,
    operations: 'id, planId, revisionId, updatedAt',
    visits: 'id, planId, [planId+date], date',
    outcomeEvents: 'id, planId, type, date',
    outcomeDrafts: 'key, updatedAt'
  },
  upgrade: () => undefined
}

/** 2026-11-30 (v8): `revisionFacts`, the planned size and calibration of each revision an
 *  operation names (revision-facts.ts), so the Audit screen opens without reading every revision.
 *  Lists only its new table (Dexie keeps the others as declared before). The upgrade fills it
 *  for the operations already recorded. */
export const SCHEMA_2026_11_30_V8: SchemaVersion = {
  version: 8,
  date: '2026-11-30',
  stores: { revisionFacts: 'id' },
  upgrade: fillRevisionFacts
}

/** 2026-11-30 (v10): `outcomeSummaries`, one row per operated plan — its operation, visits and
 *  events reduced to what the Audit screen computes from (outcome-summaries.ts), so the screen
 *  opens without reading every visit. The upgrade fills it from the records already stored. */
export const SCHEMA_2026_11_30_V10: SchemaVersion = {
  version: 10,
  date: '2026-11-30',
  stores: { outcomeSummaries: 'planId' },
  upgrade: fillOutcomeSummaries
}

/** 2026-11-30 (v13): each outcome summary row also carries its plan's patient code, level and
 *  surgeon (outcome-summaries.ts), so the Audit screen opens without reading the plan index. No
 *  new table or index; the upgrade copies the fields into the rows already stored. */
export const SCHEMA_2026_11_30_V13: SchemaVersion = {
  version: 13,
  date: '2026-11-30',
  stores: {},
  upgrade: addPlanFields
}

/** 2026-11-30 (v14): `outcomeSummaryPages`, the outcome summaries on 32 pages (summary-pages.ts),
 *  each page one JSON text of its patients as arrays, so the Audit screen opens with 32 small reads
 *  instead of one per patient. The upgrade moves the rows of `outcomeSummaries` there and empties
 *  that table (kept declared: tables are never removed). */
export const SCHEMA_2026_11_30_V14: SchemaVersion = {
  version: 14,
  date: '2026-11-30',
  stores: { outcomeSummaryPages: 'page' },
  upgrade: moveToPages
}

/** 2026-12-01 (v15): the outcome summaries computed again from the records (outcome-summaries.ts
 *  rebuildPages): their meaning changed (audit corrections: a record dated before the operation
 *  or a loss to follow-up no longer ends or extends follow-up; an infection keeps the scale it was
 *  graded on; the latest record date is kept to list records dated after today). No new table. */
export const SCHEMA_2026_12_01_V15: SchemaVersion = {
  version: 15,
  date: '2026-12-01',
  stores: {},
  upgrade: rebuildPages
}

/** 2026-12-01 (v16): the outcome summaries computed again (rebuildPages): each keeps every contact
 *  date, so a record dated after today no longer extends the last contact to today, and a loss
 *  to follow-up followed by a contact no longer ends follow-up. No new table. */
export const SCHEMA_2026_12_01_V16: SchemaVersion = {
  version: 16,
  date: '2026-12-01',
  stores: {},
  upgrade: rebuildPages
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [SCHEMA_2026_11_26, SCHEMA_2026_11_26_V2, SCHEMA_2026_11_29_V3, SCHEMA_2026_11_29_V5, SCHEMA_2026_11_29_V6, SCHEMA_2026_11_30_V8, SCHEMA_2026_11_30_V10, SCHEMA_2026_11_30_V13, SCHEMA_2026_11_30_V14, SCHEMA_2026_12_01_V15, SCHEMA_2026_12_01_V16]

/** Every table as the newest version declares it (Dexie keeps tables a later version does not
 *  mention, so a version may list only its new tables). */
export const CURRENT_SCHEMA: SchemaVersion = {
  ...(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1] as SchemaVersion),
  stores: Object.assign({}, ...SCHEMA_VERSIONS.map((v) => v.stores)) as Record<string, string>
}
