// What a plan or the library is exported as: the case file's text and the files' names. Apart from
// backup-repo.ts so that the library's Export action does not load the backup and restore code.
import type { PlanRow } from './types'

/** The text of a single plan's case file (format osseoplan.case). */
export function caseFileText(plan: PlanRow): string {
  return `${JSON.stringify(plan.caseFile, null, 2)}\n`
}

/** File names for exports: "OsseoPlan P-001 2026-11-26.json". */
export function exportFileName(what: string, at: number): string {
  return `OsseoPlan ${what} ${new Date(at).toISOString().slice(0, 10)}.json`.replace(/[^A-Za-z0-9 ._-]/g, '_')
}
