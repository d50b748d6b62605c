// Audit screen data timings for 2,000 patients, 20,000 visits and 3,000 events, in Node with
// fake-indexeddb: "open" = read the stored per-patient rows (outcome summary, first operation,
// revision facts) and the plan index (outcomesRepo.loadCohort) and compute every figure
// (auditCohort); "filter change" =
// recompute for a new filter; "previous path" = what opening did before the summaries were stored
// (read every operation, visit and event, compute from them), measured in the same run. Reported,
// never asserted; each beside a floor taken in the same run (reading the same visit rows with no
// work). Run by scripts/bench/outcomes.ts. React rendering of the screen is not included.
import 'fake-indexeddb/auto'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { byPlan, firstOperations, summaryPages } from '../../../src/renderer/src/db/outcome-summaries'
import { revisionFactsRow } from '../../../src/renderer/src/db/revision-facts'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { auditCohort, type AuditPatient, type CohortFilter, type CohortPatient } from '../../../src/shared/outcomes'
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
  await db.transaction('rw', [db.planIndex, db.revisions, db.operations, db.visits, db.outcomeEvents, db.revisionFacts, db.outcomeSummaryPages], async () => {
    await db.planIndex.bulkAdd(g.summaries)
    await db.revisions.bulkAdd(g.revisions)
    await db.operations.bulkAdd(g.operations)
    await db.visits.bulkAdd(g.visits)
    await db.outcomeEvents.bulkAdd(g.events)
    const facts = g.revisions.map(revisionFactsRow)
    await db.revisionFacts.bulkAdd(facts)
    await db.outcomeSummaryPages.bulkAdd(summaryPages(g.operations, g.visits, g.events, facts, g.summaries))
  })
  const repo = createOutcomesRepo(db)
  const floors: number[] = []
  const loads: number[] = []
  const computes: number[] = []
  const computeCpu: number[] = []
  const previousLoads: number[] = []
  const previousComputes: number[] = []
  let cohort = await repo.loadCohort()
  for (let i = 0; i < 5; i++) {
    floors.push(await timed(() => db.visits.toArray()))
    loads.push(await timed(async () => (cohort = await repo.loadCohort())))
    computes.push(await timed(() => auditCohort(cohort, {}, TODAY)))
    computeCpu.push(cpuMs)
    let previous: CohortPatient[] = []
    previousLoads.push(await timed(async () => (previous = await previousLoad(db, cohort))))
    previousComputes.push(await timed(() => auditCohort(previous, {}, TODAY)))
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
  const previousOpen = median(previousLoads) + median(previousComputes)
  await db.delete()
  return [
    { name: `floor: read ${VISITS} visit rows (median of 5)`, ms: median(floors) },
    { name: `open: load ${cohort.length} patients' stored rows (summary, operation, revision facts) and the plan index (median of 5)`, ms: median(loads) },
    { name: 'open: compute every audit figure, no filter (median of 5)', ms: median(computes) },
    { name: 'open: compute, CPU time (median of 5)', ms: median(computeCpu) },
    { name: 'open: load + compute', ms: open },
    { name: 'open ÷ floor (ratio, not ms)', ms: open / median(floors) },
    { name: `previous path: load every operation, ${VISITS} visits and ${EVENTS} events (median of 5)`, ms: median(previousLoads) },
    { name: 'previous path: compute every figure from the records (median of 5)', ms: median(previousComputes) },
    { name: 'previous path: load + compute ÷ floor (ratio, not ms)', ms: previousOpen / median(floors) },
    { name: 'reopen (cohort kept in memory): compute (median of 5)', ms: median(reopens) },
    { name: 'reopen ÷ floor (ratio, not ms)', ms: median(reopens) / median(floors) },
    { name: `filter change: recompute (median of ${filters.length})`, ms: median(filterTimes) },
    { name: 'filter change: slowest', ms: Math.max(...filterTimes) },
    { name: `filter change: CPU time (median of ${filters.length})`, ms: median(filterCpu) },
    { name: 'filter change ÷ floor (ratio, not ms)', ms: median(filterTimes) / median(floors) }
  ]
}

/**
 * The first opening before the summaries were stored: every operation, visit and event read and
 * grouped by patient (the plan facts taken from the current path's patients, a negligible part).
 */
async function previousLoad(db: OsseoDb, heads: readonly AuditPatient[]): Promise<CohortPatient[]> {
  const [operations, visits, events] = await db.transaction('r', [db.operations, db.visits, db.outcomeEvents], () => Promise.all([db.operations.toArray(), db.visits.toArray(), db.outcomeEvents.toArray()]))
  const first = firstOperations(operations)
  const v = byPlan(visits)
  const e = byPlan(events)
  return heads.map(({ summary: _s, ...h }) => ({ ...h, operation: first.get(h.planId)!, visits: v.get(h.planId) ?? [], events: e.get(h.planId) ?? [] }))
}
