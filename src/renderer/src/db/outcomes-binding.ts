// The outcomes repository, bound once to the app's database. Kept out of db/index.ts so the
// outcome validation and statistics load with the outcome screens, not with the first screen.
import { appDb } from './database'
import { createOutcomesRepo, type OutcomesRepo } from './outcomes-repo'

let repo: OutcomesRepo | null = null

export function outcomesRepo(): OutcomesRepo {
  return (repo ??= createOutcomesRepo(appDb()))
}
