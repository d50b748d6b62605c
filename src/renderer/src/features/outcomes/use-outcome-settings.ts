// The site's outcome settings for a screen: the shipped defaults until the stored row is read.
// The schedule's intervals are one array per settings object, so the audit can reuse its
// per-patient figures across filter changes and openings.
import { useEffect, useMemo, useState } from 'react'
import { scheduleIntervals, SHIPPED_OUTCOME_SETTINGS, type OutcomeSettings } from '../../../../shared/outcomes/site-settings'
import { SHIPPED_INTERVALS, type ScheduledInterval } from '../../../../shared/outcomes/schedule'
import { outcomeSettingsRepo } from '../../db/outcome-settings-binding'

type Schedule = OutcomeSettings['schedule']
let lastSchedule: { key: string; intervals: readonly ScheduledInterval[] } | null = null

/** The same array for the same schedule, also across openings of a screen: the settings are read
 *  afresh each time, and a new array would make the audit compute every patient's figures again. */
function intervalsOf(schedule: Schedule): readonly ScheduledInterval[] {
  if (schedule === SHIPPED_OUTCOME_SETTINGS.schedule) return SHIPPED_INTERVALS
  const key = JSON.stringify(schedule)
  if (lastSchedule?.key !== key) lastSchedule = { key, intervals: scheduleIntervals(schedule) }
  return lastSchedule.intervals
}

export function useOutcomeSettings(): { settings: OutcomeSettings; intervals: readonly ScheduledInterval[]; loaded: boolean } {
  const [settings, setSettings] = useState<OutcomeSettings | null>(null)
  useEffect(() => {
    let live = true
    outcomeSettingsRepo()
      .get()
      .then((s) => live && setSettings(s))
      .catch(() => live && setSettings(SHIPPED_OUTCOME_SETTINGS))
    return () => {
      live = false
    }
  }, [])
  const current = settings ?? SHIPPED_OUTCOME_SETTINGS
  const intervals = useMemo(() => intervalsOf(current.schedule), [current.schedule])
  return { settings: current, intervals, loaded: settings !== null }
}
