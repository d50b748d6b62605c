/**
 * Run after a large write (a library restore): opens, closes and deletes a tiny scratch database.
 *
 * Why: Chromium's IndexedDB keeps an undo log for a large transaction inside its LevelDB store and
 * deletes it after the commit, which leaves LevelDB's write-ahead log holding those deletions.
 * LevelDB replays that log at every open of the store (every app start) until later writes fill it,
 * which slowed the first library screen after a restore (docs/performance.md, "Cold open after a
 * restore"). Deleting a database makes Chromium compact that database's key range, and LevelDB
 * first writes its log out as a table and starts a new, empty log.
 *
 * Never throws and never waits on anything but the browser: resolves true when the scratch
 * database was deleted, false on any failure (the restore has already succeeded either way).
 * Self-contained (nothing from outside is used in its body): the benchmarks run this very function
 * in the page (tests/perf/library-ratios.ts).
 */
export function settleStorage(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const name = 'osseoplan-settle'
    try {
      const open = indexedDB.open(name)
      open.onerror = () => resolve(false)
      open.onblocked = () => resolve(false)
      open.onsuccess = () => {
        try {
          open.result.close()
          const remove = indexedDB.deleteDatabase(name)
          remove.onsuccess = () => resolve(true)
          remove.onerror = () => resolve(false)
          // Another tab holds the scratch database open: the deletion goes ahead when it closes.
          remove.onblocked = () => resolve(false)
        } catch {
          resolve(false)
        }
      }
    } catch {
      resolve(false)
    }
  })
}
