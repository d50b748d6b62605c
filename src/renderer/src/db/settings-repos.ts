// Singletons of the settings feature's repositories, bound to the app's database.
import { appDb } from './database'
import { createSettingsRepo, type SettingsRepo } from './settings-repo'
import { createProfilesRepo, type ProfilesRepo } from './profiles-repo'
import { createSystemsRepo, type SystemsRepo } from './systems-repo'

let settings: SettingsRepo | null = null
let profiles: ProfilesRepo | null = null
let systems: SystemsRepo | null = null

export function settingsRepo(): SettingsRepo {
  settings ??= createSettingsRepo(appDb())
  return settings
}

export function profilesRepo(): ProfilesRepo {
  profiles ??= createProfilesRepo(appDb())
  return profiles
}

export function systemsRepo(): SystemsRepo {
  systems ??= createSystemsRepo(appDb())
  return systems
}
