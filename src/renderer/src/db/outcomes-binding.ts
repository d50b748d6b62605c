// The outcomes repository, bound once to the app's database. Kept out of db/index.ts so the
// outcome validation and statistics load with the outcome screens, not with the first screen.
import { appDb } from './database'
import type { ImplantSystem } from '../../../shared/catalog/types'
import type { AuditPatient } from '../../../shared/outcomes/cohort'
import { createCohortCache, type CohortCache } from './cohort-cache'
import { createOutcomesRepo, type OutcomesRepo } from './outcomes-repo'

let repo: OutcomesRepo | null = null
let cohort: CohortCache | null = null
const NO_SYSTEMS: readonly ImplantSystem[] = []

export function outcomesRepo(): OutcomesRepo {
  return (repo ??= createOutcomesRepo(appDb()))
}

/** The Audit screen's cohort, read once and kept until an outcome, plan or revision changes. */
export function cachedCohort(customSystems: readonly ImplantSystem[] = NO_SYSTEMS): Promise<AuditPatient[]> {
  cohort ??= createCohortCache(appDb().name, (systems) => outcomesRepo().loadCohort(systems))
  return cohort.get(customSystems)
}
