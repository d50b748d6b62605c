// The site's outcome settings repository, bound once to the app's database (apart from the
// outcomes repository, so the Settings screen does not load the outcome code).
import { appDb } from './database'
import { createOutcomeSettingsRepo, type OutcomeSettingsRepo } from './outcome-settings-repo'

let repo: OutcomeSettingsRepo | null = null

/** The site's follow-up schedule and infection scale. */
export function outcomeSettingsRepo(): OutcomeSettingsRepo {
  return (repo ??= createOutcomeSettingsRepo(appDb()))
}
