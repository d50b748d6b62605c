// The planning profile, implant catalogue and display preferences every screen computes and
// shows with. Owned by the settings feature (issue #7): it loads them from the database; until
// then it serves the shipped defaults.
import { createContext, useContext, type ReactNode } from 'react'
import { BUILTIN_SYSTEMS } from '../../../../shared/catalog/systems'
import type { ImplantSystem } from '../../../../shared/catalog/types'
import { DEFAULT_PROFILE } from '../../../../shared/profile/defaults'
import type { PlanningProfile } from '../../../../shared/profile/types'
import type { PageSize } from '../../../../shared/ipc'

export type LengthUnit = 'mm' | 'cm' | 'in'
export type MassUnit = 'kg' | 'lb'

export interface PlanningContextValue {
  profile: PlanningProfile
  systems: readonly ImplantSystem[]
  units: { length: LengthUnit; mass: MassUnit }
  paperSize: PageSize
  /** Name of the signed-in user as entered in settings (recorded on confirmations and saves). */
  userName: string
}

const DEFAULTS: PlanningContextValue = {
  profile: DEFAULT_PROFILE,
  systems: BUILTIN_SYSTEMS,
  units: { length: 'mm', mass: 'kg' },
  paperSize: 'A4',
  userName: ''
}

const Context = createContext<PlanningContextValue>(DEFAULTS)

export function PlanningContextProvider({ children }: { children: ReactNode }) {
  return <Context.Provider value={DEFAULTS}>{children}</Context.Provider>
}

export function usePlanningContext(): PlanningContextValue {
  return useContext(Context)
}
