// The repositories the features use, bound to the app's database.
import { appDb } from './database'
import { createPlansRepo, type PlansRepo } from './plans-repo'

let plans: PlansRepo | null = null

export function plansRepo(): PlansRepo {
  plans ??= createPlansRepo(appDb())
  return plans
}
