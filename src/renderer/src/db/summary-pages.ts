// The stored form of the Audit screen's patient rows since schema v14 (table `outcomeSummaryPages`):
// the operated patients are spread over a fixed number of pages by a hash of their plan id, each
// page one JSON text of its patients as arrays (no repeated keys). Opening the screen reads 32 rows
// of about a third of the bytes instead of 2,000 rows of objects: Chromium's IndexedDB costs per
// row and per byte, and 2,000 rows of JSON text took 3–5 × as long to read as the same patients on
// 16–32 pages (measured in the page, docs/performance.md). A write of one patient rewrites one page
// (1/32 of the cohort), in the same transaction as the records it derives from.
import type { OutcomeSummary } from '../../../shared/outcomes/patient-summary'
import type { PlanFacts } from '../../../shared/outcomes/plan-link'
import type { EventType, OperationRecord } from '../../../shared/outcomes/types'
import type { OsseoDb } from './database'
import type { PatientPlan, StoredPatient } from './outcome-summaries'

/** How many pages the patients are spread over (fixed: changing it needs a schema upgrade). */
export const PAGE_COUNT = 32

/** A stored page: its number and its patients (PackedPatient[] as JSON text). */
export interface SummaryPageRow {
  page: number
  patients: string
}

type PackedSummary = [
  planId: string,
  operationId: string,
  surgeryDate: string,
  followUpDates: string[],
  /** Since schema v16 (the latest record date before; pages are rebuilt by its upgrade). */
  contactDates: string[],
  /** Since schema v16 (the date follow-up ended before). */
  losses: string[],
  removal: string | null,
  /** Since schema v16 (the first removal or death before). */
  death: string | null,
  /** [type, date], [type, date, grade] or [type, date, grade, scaleId]. */
  incidenceEvents: ([EventType, string] | [EventType, string, string] | [EventType, string, string, string])[],
  /** [before, after] or 0 (no pair), per paired measure. */
  pairs: ([number, number, string] | 0)[],
  /** Since schema v15 (older pages are rebuilt by its upgrade). */
  latestDate: string,
  beforeOperation: number,
  /** Since schema v16. */
  afterDeath: number
]
type PackedFacts = [planned: [systemId: string, diameterMm: number, lengthMm: number] | 0, calibration: string, imagingSource: string]
type PackedPlan = [patientCode: string, level: string, surgeon: string]
/** A patient as stored on a page; 0 stands for null (no facts, no plan index row). */
export type PackedPatient = [PackedSummary, OperationRecord, PackedFacts | 0, PackedPlan | 0]

/** The page a plan's patient is stored on (FNV-1a of its id). */
export function pageOf(planId: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < planId.length; i++) h = Math.imul(h ^ planId.charCodeAt(i), 0x01000193)
  return (h >>> 0) % PAGE_COUNT
}

export function packPatient(p: StoredPatient): PackedPatient {
  const s = p.summary
  const f = p.facts
  return [
    [s.planId, s.operationId, s.surgeryDate, s.followUpDates, s.contactDates, s.losses, s.removal, s.death, s.incidenceEvents.map((e) => (e.grade === undefined ? [e.type, e.date] : e.scaleId === undefined ? [e.type, e.date, e.grade] : [e.type, e.date, e.grade, e.scaleId])), s.pairs.map((x) => (x ? [x.before, x.after, x.date] : 0)), s.latestDate, s.beforeOperation, s.afterDeath],
    p.operation,
    f ? [f.planned ? [f.planned.systemId, f.planned.diameterMm, f.planned.lengthMm] : 0, f.calibration, f.imagingSource] : 0,
    p.plan ? [p.plan.patientCode, p.plan.level, p.plan.surgeon] : 0
  ]
}

export function unpackPatient([s, operation, f, plan]: PackedPatient): StoredPatient & { plan: PatientPlan | null } {
  const summary: OutcomeSummary = {
    planId: s[0],
    operationId: s[1],
    surgeryDate: s[2],
    followUpDates: s[3],
    contactDates: s[4],
    losses: s[5],
    removal: s[6],
    death: s[7],
    incidenceEvents: s[8].map((e) => (e.length === 4 ? { type: e[0], grade: e[2], scaleId: e[3], date: e[1] } : e.length === 3 ? { type: e[0], grade: e[2], date: e[1] } : { type: e[0], date: e[1] })),
    pairs: s[9].map((x) => (x ? { before: x[0], after: x[1], date: x[2] } : null)),
    latestDate: s[10],
    beforeOperation: s[11],
    afterDeath: s[12]
  }
  const facts: PlanFacts | null = f ? { planned: f[0] ? { systemId: f[0][0], diameterMm: f[0][1], lengthMm: f[0][2] } : null, calibration: f[1], imagingSource: f[2] } : null
  return { summary, operation, facts, plan: plan ? { patientCode: plan[0], level: plan[1], surgeon: plan[2] } : null }
}

function patientsOfPage(row: SummaryPageRow | undefined): PackedPatient[] {
  return row ? (JSON.parse(row.patients) as PackedPatient[]) : []
}

/** The pages holding these patients (each patient on pageOf its plan), in page order; empty pages left out. */
export function pagesOf(patients: readonly StoredPatient[]): SummaryPageRow[] {
  const pages: PackedPatient[][] = Array.from({ length: PAGE_COUNT }, () => [])
  for (const p of patients) pages[pageOf(p.summary.planId)]!.push(packPatient(p))
  return pages.flatMap((list, page) => (list.length > 0 ? [{ page, patients: JSON.stringify(list) }] : []))
}

/** Every stored patient, in plan id order (the order the rows had when each was its own row). */
export async function readPatients(db: OsseoDb): Promise<(StoredPatient & { plan: PatientPlan | null })[]> {
  const rows = await db.outcomeSummaryPages.toArray()
  const patients = rows.flatMap((row) => patientsOfPage(row).map(unpackPatient))
  return patients.sort((a, b) => (a.summary.planId < b.summary.planId ? -1 : a.summary.planId > b.summary.planId ? 1 : 0))
}

/** The stored patient of one plan (undefined: the plan has no operation recorded). */
export async function readPatient(db: OsseoDb, planId: string): Promise<StoredPatient | undefined> {
  const found = patientsOfPage(await db.outcomeSummaryPages.get(pageOf(planId))).find((p) => p[0][0] === planId)
  return found ? unpackPatient(found) : undefined
}

/** Writes the plan's patient (or removes it: null) on its page. Call inside a read-write
 *  transaction over outcomeSummaryPages. */
export async function writePatient(db: OsseoDb, planId: string, patient: StoredPatient | null): Promise<void> {
  const page = pageOf(planId)
  const row = await db.outcomeSummaryPages.get(page)
  const before = patientsOfPage(row)
  const kept = before.filter((p) => p[0][0] !== planId)
  if (!patient && kept.length === before.length) return
  const list = patient ? [...kept, packPatient(patient)] : kept
  if (list.length === 0) await db.outcomeSummaryPages.delete(page)
  else await db.outcomeSummaryPages.put({ page, patients: JSON.stringify(list) })
}

/** Adds these patients to the stored pages (a restore into a library that may hold others);
 *  a patient already stored under the same plan is replaced. */
export async function addPatients(db: OsseoDb, patients: readonly StoredPatient[]): Promise<void> {
  if (patients.length === 0) return
  const added = new Map(patients.map((p) => [p.summary.planId, p]))
  const touched = [...new Set(patients.map((p) => pageOf(p.summary.planId)))]
  const rows = await db.outcomeSummaryPages.bulkGet(touched)
  const kept = rows.flatMap((row) => patientsOfPage(row).filter((p) => !added.has(p[0][0])).map(unpackPatient))
  await db.outcomeSummaryPages.bulkPut(pagesOf([...kept, ...added.values()]))
}
