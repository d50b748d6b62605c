// The site's custom implant systems (the built-in ones live in the core and are read-only).
// Every write is validated first; an import is all-or-nothing in one transaction.
import type { ImplantSystem } from '../../../shared/catalog/types'
import type { FieldError } from '../../../shared/case/types'
import type { OsseoDb } from './database'
import { bumpVersion } from '../features/settings/profile-record'
import { checkCustomSystem, sameSystemContent } from '../features/settings/system-record'

export interface CustomSystemList {
  systems: ImplantSystem[]
  /** Ids of stored rows that failed validation (kept, not offered). */
  damaged: string[]
}

export class SystemValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`The implant system was not saved: ${errors.map((e) => `${e.path || 'system'} ${e.message}`).join('; ')}`)
  }
}

export function createSystemsRepo(db: OsseoDb, now: () => number = Date.now) {
  function valid(system: unknown): ImplantSystem {
    const checked = checkCustomSystem(system)
    if (!checked.ok) throw new SystemValidationError(checked.errors)
    return checked.system
  }

  return {
    async list(): Promise<CustomSystemList> {
      const rows = await db.implantSystems.toArray()
      const systems: ImplantSystem[] = []
      const damaged: string[] = []
      for (const row of rows) {
        const checked = checkCustomSystem(row.system)
        if (checked.ok && checked.system.id === row.id) systems.push(checked.system)
        else damaged.push(row.id)
      }
      systems.sort((a, b) => a.name.localeCompare(b.name))
      return { systems, damaged }
    },

    /**
     * Saves a custom system. A changed existing system gets the next version, so plans computed
     * with the old one can tell. Returns the system as stored.
     */
    async save(system: ImplantSystem, options: { isNew: boolean }): Promise<ImplantSystem> {
      const checked = valid(system)
      return db.transaction('rw', db.implantSystems, async () => {
        const existing = await db.implantSystems.get(checked.id)
        if (existing && options.isNew) throw new SystemValidationError([{ path: 'id', message: `a custom system "${checked.id}" exists already`, code: 'invalid' }])
        let stored = checked
        if (existing) {
          const old = checkCustomSystem(existing.system)
          if (old.ok && sameSystemContent(old.system, checked)) return old.system
          stored = { ...checked, version: bumpVersion(old.ok ? old.system.version : checked.version) }
        }
        await db.implantSystems.put({ id: stored.id, system: stored, updatedAt: now() })
        return stored
      })
    },

    async remove(id: string): Promise<void> {
      await db.implantSystems.delete(id)
    },

    /** Stores already validated systems in one transaction; a clash with different content aborts all. */
    async importAll(systems: readonly ImplantSystem[]): Promise<{ added: number; unchanged: number }> {
      const checked = systems.map(valid)
      return db.transaction('rw', db.implantSystems, async () => {
        let added = 0
        let unchanged = 0
        for (const system of checked) {
          const existing = await db.implantSystems.get(system.id)
          if (existing) {
            const old = checkCustomSystem(existing.system)
            if (old.ok && sameSystemContent(old.system, system) && old.system.version === system.version) {
              unchanged++
              continue
            }
            throw new SystemValidationError([{ path: 'id', message: `a different custom system "${system.id}" exists already; delete or rename one of them first`, code: 'invalid' }])
          }
          await db.implantSystems.add({ id: system.id, system, updatedAt: now() })
          added++
        }
        return { added, unchanged }
      })
    }
  }
}

export type SystemsRepo = ReturnType<typeof createSystemsRepo>
