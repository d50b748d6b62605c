// The site's outcome settings for a screen: the shipped defaults until the stored row is read.
// The schedule's intervals are one array per settings object, so the audit can reuse its
// per-patient figures across filter changes.
import { useEffect, useMemo, useState } from 'react'
import { scheduleIntervals, SHIPPED_OUTCOME_SETTINGS, type OutcomeSettings } from '../../../../shared/outcomes/site-settings'
import { SHIPPED_INTERVALS, type ScheduledInterval } from '../../../../shared/outcomes/schedule'
import { outcomeSettingsRepo } from '../../db/outcome-settings-binding'

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
  const intervals = useMemo(() => (current.schedule === SHIPPED_OUTCOME_SETTINGS.schedule ? SHIPPED_INTERVALS : scheduleIntervals(current.schedule)), [current.schedule])
  return { settings: current, intervals, loaded: settings !== null }
}
