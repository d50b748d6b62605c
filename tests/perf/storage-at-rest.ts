// Waits until the browser's storage engine under IndexedDB (LevelDB) has finished the compactions a
// large write sets off, as it does in an app left open after a restore. A bench that closes the
// browser sooner leaves a compaction pending that restarts at every later launch, competes with
// the cold open on two cores and is cut short again when the launch closes (seen in the LevelDB
// `LOG` at 100,000 plans: "Compacting 1@1 + 12@2 files", 23 MB rewritten, at every launch).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** LevelDB's own log of the profile's IndexedDB store (one origin per bench profile). */
function levelDbLog(profileDir: string): string | undefined {
  const base = join(profileDir, 'Default', 'IndexedDB')
  const store = existsSync(base) ? readdirSync(base).find((n) => n.endsWith('.indexeddb.leveldb')) : undefined
  return store ? join(base, store, 'LOG') : undefined
}

/** Every "Compacting …" LevelDB starts ends with a "compacted to: …" line, finished or cut short. */
function compactionsStarted(log: string): { started: number; ended: number } {
  return { started: (log.match(/\bCompacting \d+@\d+/g) ?? []).length, ended: (log.match(/\bcompacted to: /g) ?? []).length }
}

/** Polls the `LOG` of the open profile until no compaction is under way and nothing was logged
 *  for `quietMs`; gives up (and says so) after `timeoutMs`. */
export async function storageAtRest(profileDir: string, quietMs = 5000, timeoutMs = 300_000): Promise<void> {
  const file = levelDbLog(profileDir)
  if (!file) return
  const start = Date.now()
  let last = ''
  let changed = start
  for (;;) {
    const log = readFileSync(file, 'utf8')
    if (log !== last) [last, changed] = [log, Date.now()]
    const { started, ended } = compactionsStarted(log)
    if (started === ended && Date.now() - changed >= quietMs) {
      process.stderr.write(`bench: storage at rest after ${Math.round((Date.now() - start) / 1000)} s (${started} compactions since the profile opened)\n`)
      return
    }
    if (Date.now() - start > timeoutMs) {
      process.stderr.write(`bench: storage still compacting after ${timeoutMs / 1000} s (${started} started, ${ended} ended); measuring anyway\n`)
      return
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}
