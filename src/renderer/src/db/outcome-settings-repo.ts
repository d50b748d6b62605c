// The site's outcome settings (follow-up schedule, infection scale) as one settings row. Saved only
// after the form's field-level check; read back through the same check, so a damaged row gives the
// shipped defaults instead of reaching the screens.
import { readStoredSettings, type OutcomeSettings } from '../../../shared/outcomes/site-settings'
import type { OsseoDb } from './database'

export const OUTCOME_SETTINGS_KEY = 'outcomes.site'

export function createOutcomeSettingsRepo(db: OsseoDb) {
  return {
    async get(): Promise<OutcomeSettings> {
      return readStoredSettings((await db.settings.get(OUTCOME_SETTINGS_KEY))?.value)
    },
    /** Stores settings that passed formToSettings (or confirmSettings); returns them as read back. */
    async save(settings: OutcomeSettings): Promise<OutcomeSettings> {
      await db.settings.put({ key: OUTCOME_SETTINGS_KEY, value: settings })
      return this.get()
    },
    async reset(): Promise<OutcomeSettings> {
      await db.settings.delete(OUTCOME_SETTINGS_KEY)
      return this.get()
    }
  }
}

export type OutcomeSettingsRepo = ReturnType<typeof createOutcomeSettingsRepo>
