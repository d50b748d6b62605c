// Shared setup of the db tests: a fresh database per test and a deterministic clock.
import { afterEach, beforeEach } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import type { PlanResult } from '../../../src/shared/result'
import type { StoredCase } from '../../../src/renderer/src/db/types'
import { planFromRaw } from '../../../src/shared/plan'

/** A result as the core returns it, reduced to what the repository reads (versions, status). */
export function fakeResult(overrides: Partial<PlanResult> = {}): PlanResult {
  return { engineVersion: '1.0.0', profileVersion: 'p-3', catalogVersion: 'c-2', status: 'ok', implant: { diameterMm: 16, lengthMm: 140 }, ...overrides } as unknown as PlanResult
}

/** What the engine computes for the case, as stored (a restore recomputes every stored result). */
export function engineResult(caseFile: StoredCase): PlanResult {
  const planned = planFromRaw(caseFile)
  if (!planned.ok) throw new Error('the test case must plan')
  return JSON.parse(JSON.stringify(planned.result)) as PlanResult
}

/** A complete case with top-level sections replaced by `extra`. */
export function caseWith(code: string, extra: StoredCase = {}): StoredCase {
  return { ...completeCase(code), ...extra }
}

/** A complete transfemoral case file that the core's parseCase accepts. */
export function completeCase(code = 'TF-042'): StoredCase {
  return {
    format: 'osseoplan.case',
    version: 1,
    patient: { code, ageYears: 47, sex: 'male', weight: 82, height: 180, conditions: [] },
    limb: { level: 'transfemoral', side: 'left' },
    imaging: { source: 'xray', magnification: 1.15 },
    bone: {
      residualLength: 276,
      landmark: 'tip of greater trochanter',
      stations: [
        { fromDistalEnd: 23, endosteal: 17, periosteal: 32 },
        { fromDistalEnd: 92, endosteal: 15, periosteal: 30 },
        { fromDistalEnd: 160, endosteal: 14, periosteal: 29 }
      ]
    },
    softTissue: { distalThickness: 38, method: 'ultrasound' },
    implant: { systemId: 'generic-press-fit' }
  }
}

/**
 * Registers a fresh database for every test of the file (deleted after it) and a clock that
 * ticks by one on each call: `const t = useTestDb()`, then `t.db` and `createPlansRepo(t.db, t.now)`.
 */
export function useTestDb(start = 1_000): { readonly db: OsseoDb; now: () => number } {
  let db: OsseoDb | undefined
  let clock = start
  beforeEach(async () => {
    db = new OsseoDb(`test-${Math.random()}`)
    await db.open()
    clock = start
  })
  afterEach(async () => {
    await db?.delete()
  })
  return {
    get db(): OsseoDb {
      if (!db) throw new Error('useTestDb: the database exists only inside a test')
      return db
    },
    now: () => ++clock
  }
}
