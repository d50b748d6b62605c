// The Audit screen's cohort, kept in memory between openings of the screen: reading the stored
// patient rows is most of the time a first opening takes. Any write to a table the cohort is read from — in this
// window or, through Dexie's change notifications, another window of the app — drops it, and a
// write during a read makes the next opening read again; so the screen never shows stale rows.
// Reusing the same patient objects also lets the audit reuse each patient's computed figures.
import Dexie, { type ObservabilitySet } from 'dexie'
import type { ImplantSystem } from '../../../shared/catalog/types'
import type { AuditPatient } from '../../../shared/outcomes/cohort'

/** The tables whose rows the cohort shows. Not revisions or their facts: a revision never changes
 *  once written (the facts table is filled by the read itself, which must not drop what it read). */
const SOURCES = new Set(['operations', 'visits', 'outcomeEvents', 'outcomeSummaries', 'outcomeSummaryPages', 'planIndex', 'plans'])

export interface CohortCache {
  get(customSystems: readonly ImplantSystem[]): Promise<AuditPatient[]>
  /** Stop listening (tests). */
  close(): void
}

export function createCohortCache(dbName: string, load: (customSystems: readonly ImplantSystem[]) => Promise<AuditPatient[]>): CohortCache {
  let generation = 0
  let entry: { generation: number; systems: readonly ImplantSystem[]; rows: Promise<AuditPatient[]> } | null = null
  const onChange = (parts: ObservabilitySet) => {
    for (const part of Object.keys(parts)) {
      // 'idb://<database>/<table>/<index>'
      const [, , name, table] = part.split('/')
      // 'all': Dexie's "anything may have changed" (a page restored from the back-forward cache).
      if (part === 'all' || (name === dbName && table !== undefined && SOURCES.has(table))) {
        generation++
        entry = null
        return
      }
    }
  }
  Dexie.on('storagemutated', onChange)
  return {
    get(customSystems) {
      if (!entry || entry.generation !== generation || entry.systems !== customSystems) {
        const mine = { generation, systems: customSystems, rows: load(customSystems) }
        entry = mine
        mine.rows.catch(() => {
          if (entry === mine) entry = null
        })
      }
      return entry.rows
    },
    close() {
      Dexie.on('storagemutated').unsubscribe(onChange)
    }
  }
}
