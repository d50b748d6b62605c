// The planning profile, implant catalogue and display preferences every screen computes and
// shows with. Owned by the settings feature (issue #7): it loads them from the database; until
// then (and if the database cannot be read) it serves the shipped defaults.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { BUILTIN_SYSTEMS } from '../../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import { DEFAULT_PROFILE } from '../../../../shared/profile/defaults'
import type { PlanningProfile } from '../../../../shared/profile/types'
import type { PageSize } from '../../../../shared/ipc'
import { profilesRepo, settingsRepo, systemsRepo } from '../../db'

export type LengthUnit = 'mm' | 'cm' | 'in'
export type MassUnit = 'kg' | 'lb'

export interface PlanningContextValue {
  profile: PlanningProfile
  systems: readonly ImplantSystem[]
  units: { length: LengthUnit; mass: MassUnit }
  paperSize: PageSize
  /** Name of the signed-in user as entered in settings (recorded on confirmations and saves). */
  userName: string
  /** Custom (site) systems only, a subset of `systems`. */
  customSystems?: readonly ImplantSystem[]
  /** true once the stored settings have been read (false while the shipped defaults are served). */
  loaded?: boolean
}

const DEFAULTS: PlanningContextValue = {
  profile: DEFAULT_PROFILE,
  systems: BUILTIN_SYSTEMS,
  units: { length: 'mm', mass: 'kg' },
  paperSize: 'A4',
  userName: '',
  customSystems: [],
  loaded: false
}

const Context = createContext<PlanningContextValue>(DEFAULTS)
const ReloadContext = createContext<() => Promise<void>>(async () => undefined)

async function loadStored(): Promise<PlanningContextValue> {
  const [profile, custom, prefs, userName] = await Promise.all([
    profilesRepo().getDefault(),
    systemsRepo().list(),
    settingsRepo().getDisplayPrefs(),
    settingsRepo().getUserName()
  ])
  return {
    profile: profile.record.profile,
    systems: [...BUILTIN_SYSTEMS, ...custom.systems],
    customSystems: custom.systems,
    units: { length: prefs.lengthUnit, mass: prefs.massUnit },
    paperSize: prefs.paperSize,
    userName,
    loaded: true
  }
}

export function PlanningContextProvider({ children }: { children: ReactNode }) {
  const [value, setValue] = useState<PlanningContextValue>(DEFAULTS)

  const reload = useCallback(async () => {
    try {
      setValue(await loadStored())
    } catch {
      // Keep what is shown (the shipped defaults at worst); the settings screen reports read errors.
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  return (
    <ReloadContext.Provider value={reload}>
      <Context.Provider value={value}>{children}</Context.Provider>
    </ReloadContext.Provider>
  )
}

export function usePlanningContext(): PlanningContextValue {
  return useContext(Context)
}

/** Re-reads the stored settings after the settings screen (or the first-run gate) changed them. */
export function usePlanningContextReload(): () => Promise<void> {
  return useContext(ReloadContext)
}
