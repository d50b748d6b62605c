// Audit screen data timings for 2,000 patients, 20,000 visits and 3,000 events, in Node with
// fake-indexeddb: "open" = read every outcome row with the plan facts (outcomesRepo.loadCohort) and
// compute every figure (auditCohort); "filter change" = recompute for a new filter. Reported, never
// asserted; each beside a floor taken in the same run (reading the same visit rows with no work).
// Run by scripts/bench/outcomes.ts. React rendering of the screen is not included.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { auditCohort, outcomeSummary, patientAccuracy, summaryFacts, type CohortFilter, type CohortPatient, type OutcomeSummary } from '../../../src/shared/outcomes'
import { generatedCohort } from './audit-generator'

const PATIENTS = 2_000
const VISITS = 20_000
const EVENTS = 3_000
const TODAY = '2026-11-29'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

let cpuMs = 0
/** Wall time of the work; its process CPU time is added to `cpuMs` (the machine is shared, so
 *  wall time includes waiting for a core; CPU time is what the work itself costs). */
async function timed(work: () => unknown): Promise<number> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  await work()
  const used = process.cpuUsage(cpu)
  cpuMs = (used.user + used.system) / 1000
  return performance.now() - start
}

export async function runAuditBench(): Promise<Array<{ name: string; ms: number }>> {
  const db = new OsseoDb(`audit-bench-${Date.now()}`)
  await db.open()
  const g = generatedCohort(PATIENTS, VISITS, EVENTS)
  await db.transaction('rw', [db.planIndex, db.revisions, db.operations, db.visits, db.outcomeEvents], async () => {
    await db.planIndex.bulkAdd(g.summaries)
    await db.revisions.bulkAdd(g.revisions)
    await db.operations.bulkAdd(g.operations)
    await db.visits.bulkAdd(g.visits)
    await db.outcomeEvents.bulkAdd(g.events)
  })
  const repo = createOutcomesRepo(db)
  const floors: number[] = []
  const loads: number[] = []
  const computes: number[] = []
  const computeCpu: number[] = []
  let cohort = await repo.loadCohort()
  for (let i = 0; i < 5; i++) {
    floors.push(await timed(() => db.visits.toArray()))
    loads.push(await timed(async () => (cohort = await repo.loadCohort())))
    computes.push(await timed(() => auditCohort(cohort, {}, TODAY)))
    computeCpu.push(cpuMs)
  }
  // Reopening in the same session: the cohort is kept in memory (db/cohort-cache.ts), so only the
  // figures are computed again, from each patient's facts computed at the first opening.
  const reopens: number[] = []
  for (let i = 0; i < 5; i++) reopens.push(await timed(() => auditCohort(cohort, {}, TODAY)))
  const filters: CohortFilter[] = [{ level: 'transfemoral' }, { level: 'transfemoral', year: 2020 }, { surgeon: 'Dr Lind' }, { stages: 2 }, { systemId: 'opra-femur' }, {}, { year: 2024, stages: 1 }]
  const filterTimes: number[] = []
  const filterCpu: number[] = []
  for (const f of filters) {
    filterTimes.push(await timed(() => auditCohort(cohort, f, TODAY)))
    filterCpu.push(cpuMs)
  }
  const open = median(loads) + median(computes)
  await db.delete()
  const projected = await summaryProjection(cohort)
  return [
    { name: `floor: read ${VISITS} visit rows (median of 5)`, ms: median(floors) },
    { name: `open: load ${cohort.length} patients with ${VISITS} visits and ${EVENTS} events (median of 5)`, ms: median(loads) },
    { name: 'open: compute every audit figure, no filter (median of 5)', ms: median(computes) },
    { name: 'open: compute, CPU time (median of 5)', ms: median(computeCpu) },
    { name: 'open: load + compute', ms: open },
    { name: 'open ÷ floor (ratio, not ms)', ms: open / median(floors) },
    { name: 'reopen (cohort kept in memory): compute (median of 5)', ms: median(reopens) },
    { name: 'reopen ÷ floor (ratio, not ms)', ms: median(reopens) / median(floors) },
    { name: `filter change: recompute (median of ${filters.length})`, ms: median(filterTimes) },
    { name: 'filter change: slowest', ms: Math.max(...filterTimes) },
    { name: `filter change: CPU time (median of ${filters.length})`, ms: median(filterCpu) },
    { name: 'filter change ÷ floor (ratio, not ms)', ms: median(filterTimes) / median(floors) },
    { name: `projection, not the app's path yet: read ${cohort.length} stored per-patient outcome summaries (median of 5)`, ms: projected.read },
    { name: "projection, not the app's path yet: each patient's facts from its summary (median of 5)", ms: projected.compute },
    { name: 'projection (read + facts) ÷ floor (ratio, not ms)', ms: (projected.read + projected.compute) / median(floors) }
  ]
}

/**
 * What a first opening would cost if each patient's outcome summary (shared/outcomes/patient-summary.ts)
 * were stored beside the records: read one small row per patient from IndexedDB (instead of every
 * visit and event) and compute the patient's facts from it. A separate database here, because the
 * app's schema does not have the table yet; the plan facts and operations are not counted.
 */
async function summaryProjection(cohort: readonly CohortPatient[]): Promise<{ read: number; compute: number }> {
  const db = new Dexie(`audit-summary-bench-${Date.now()}`)
  db.version(1).stores({ summaries: 'planId' })
  await db.open()
  await db.table('summaries').bulkAdd(cohort.map(outcomeSummary))
  const accuracy = cohort.map(patientAccuracy)
  const reads: number[] = []
  const computes: number[] = []
  for (let i = 0; i < 5; i++) {
    let rows: OutcomeSummary[] = []
    reads.push(await timed(async () => (rows = (await db.table('summaries').toArray()) as OutcomeSummary[])))
    computes.push(await timed(() => rows.forEach((r, k) => summaryFacts(r, accuracy[k] ?? null, TODAY))))
  }
  await db.delete()
  return { read: median(reads), compute: median(computes) }
}
