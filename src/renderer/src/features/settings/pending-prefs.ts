// Display preferences being saved. A select shows its new value at once, not the stored one, which
// only follows after a write and a reload of the settings: otherwise it jumps back to the old value
// for as long as the save takes. A value stays pending until its own save has settled, saved or not;
// if the save failed, the select then shows the stored value again.
import type { DisplayPrefs } from '../../db/settings-repo'

export type PendingPrefs = Partial<DisplayPrefs>

/** `pending` with the values of a save that starts now. */
export function withPending(pending: PendingPrefs, prefs: PendingPrefs): PendingPrefs {
  return { ...pending, ...prefs }
}

/** `pending` once the save of `prefs` has settled: each of its values is dropped, unless a later
 *  change of the same preference has replaced it (that one stays until its own save settles). */
export function settled(pending: PendingPrefs, prefs: PendingPrefs): PendingPrefs {
  const next: PendingPrefs = { ...pending }
  for (const key of Object.keys(prefs) as (keyof DisplayPrefs)[]) {
    if (next[key] === prefs[key]) delete next[key]
  }
  return next
}
