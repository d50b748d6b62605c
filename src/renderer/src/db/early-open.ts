// The app's side of index.html's first script (public/early-open.js), which opens the database
// before this code has loaded and, when the page opens on the library, reads its first screen.
import { CURRENT_SCHEMA } from './schema'
import type { PlanSummary } from './types'

interface EarlyOpen {
  close: () => void
  takeFirstScreen: () => Promise<{ version: number; limit: number; rows: PlanSummary[] } | null>
}

const early = (): EarlyOpen | undefined => (globalThis as { osseoplanEarlyOpen?: EarlyOpen }).osseoplanEarlyOpen

/** Once the app's own connection is open, the early one is no longer needed. */
export function releaseEarlyOpen(): void {
  early()?.close()
}

/** The `limit` newest summaries read by the first script, if it read them: only once, only while
 *  the page is still on its first route, and only from a database already at this app's schema
 *  version (Dexie opens version v as v × 10) — otherwise null, and the app reads them itself. */
export async function earlyFirstScreen(limit: number): Promise<PlanSummary[] | null> {
  const got = await early()?.takeFirstScreen()
  return got && got.limit === limit && got.version === Math.round(CURRENT_SCHEMA.version * 10) ? got.rows : null
}
