// Site settings as key/value rows: the first-run acknowledgement, display preferences and the
// user's name. Values are validated on the way out, so a damaged row falls back to its default
// instead of reaching the screens.
import type { OsseoDb } from './database'

export type LengthUnitPref = 'mm' | 'cm' | 'in'
export type MassUnitPref = 'kg' | 'lb'
export type PaperSizePref = 'A4' | 'Letter'

export interface DisplayPrefs {
  lengthUnit: LengthUnitPref
  massUnit: MassUnitPref
  paperSize: PaperSizePref
}

export const DEFAULT_DISPLAY_PREFS: DisplayPrefs = { lengthUnit: 'mm', massUnit: 'kg', paperSize: 'A4' }

/** When and by whom the first-run statement was acknowledged. */
export interface Acknowledgement {
  /** Epoch milliseconds. */
  at: number
  name: string
}

export const SETTING_KEYS = {
  acknowledgement: 'acknowledgement',
  userName: 'userName',
  lengthUnit: 'display.lengthUnit',
  massUnit: 'display.massUnit',
  paperSize: 'display.paperSize'
} as const

const LENGTH_UNITS: readonly LengthUnitPref[] = ['mm', 'cm', 'in']
const MASS_UNITS: readonly MassUnitPref[] = ['kg', 'lb']
const PAPER_SIZES: readonly PaperSizePref[] = ['A4', 'Letter']
export const MAX_USER_NAME_LENGTH = 80

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback
}

/** Trims, drops control characters and caps the length of a name typed by the user. */
export function cleanUserName(value: unknown): string {
  if (typeof value !== 'string') return ''
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_USER_NAME_LENGTH)
}

/** An acknowledgement read from storage, or null when it is missing or malformed. */
export function parseAcknowledgement(value: unknown): Acknowledgement | null {
  if (typeof value !== 'object' || value === null) return null
  const at = (value as Record<string, unknown>)['at']
  if (typeof at !== 'number' || !Number.isFinite(at) || at <= 0) return null
  return { at, name: cleanUserName((value as Record<string, unknown>)['name']) }
}

export interface StorageUsage {
  usageBytes: number
  quotaBytes: number
}

export function createSettingsRepo(db: OsseoDb) {
  async function read(key: string): Promise<unknown> {
    return (await db.settings.get(key))?.value
  }

  return {
    async getAcknowledgement(): Promise<Acknowledgement | null> {
      return parseAcknowledgement(await read(SETTING_KEYS.acknowledgement))
    },

    /** Stores the acknowledgement; a non-empty name also becomes the user name. */
    async acknowledge(ack: Acknowledgement): Promise<void> {
      const name = cleanUserName(ack.name)
      await db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: SETTING_KEYS.acknowledgement, value: { at: ack.at, name } })
        if (name) await db.settings.put({ key: SETTING_KEYS.userName, value: name })
      })
    },

    async getUserName(): Promise<string> {
      return cleanUserName(await read(SETTING_KEYS.userName))
    },

    async setUserName(name: string): Promise<string> {
      const clean = cleanUserName(name)
      await db.settings.put({ key: SETTING_KEYS.userName, value: clean })
      return clean
    },

    async getDisplayPrefs(): Promise<DisplayPrefs> {
      const rows = await db.settings.bulkGet([SETTING_KEYS.lengthUnit, SETTING_KEYS.massUnit, SETTING_KEYS.paperSize])
      return {
        lengthUnit: oneOf(rows[0]?.value, LENGTH_UNITS, DEFAULT_DISPLAY_PREFS.lengthUnit),
        massUnit: oneOf(rows[1]?.value, MASS_UNITS, DEFAULT_DISPLAY_PREFS.massUnit),
        paperSize: oneOf(rows[2]?.value, PAPER_SIZES, DEFAULT_DISPLAY_PREFS.paperSize)
      }
    },

    /** Stores the valid fields of `prefs`; unknown values are refused, not stored. */
    async setDisplayPrefs(prefs: Partial<DisplayPrefs>): Promise<DisplayPrefs> {
      const rows: { key: string; value: string }[] = []
      if (prefs.lengthUnit !== undefined) rows.push({ key: SETTING_KEYS.lengthUnit, value: oneOf(prefs.lengthUnit, LENGTH_UNITS, DEFAULT_DISPLAY_PREFS.lengthUnit) })
      if (prefs.massUnit !== undefined) rows.push({ key: SETTING_KEYS.massUnit, value: oneOf(prefs.massUnit, MASS_UNITS, DEFAULT_DISPLAY_PREFS.massUnit) })
      if (prefs.paperSize !== undefined) rows.push({ key: SETTING_KEYS.paperSize, value: oneOf(prefs.paperSize, PAPER_SIZES, DEFAULT_DISPLAY_PREFS.paperSize) })
      await db.settings.bulkPut(rows)
      return this.getDisplayPrefs()
    },

    /** How much of the browser's storage quota the app uses; null when the browser will not say. */
    async storageUsage(): Promise<StorageUsage | null> {
      const estimate = typeof navigator !== 'undefined' ? navigator.storage?.estimate : undefined
      if (!estimate) return null
      try {
        const e = await navigator.storage.estimate()
        return { usageBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 }
      } catch {
        return null
      }
    }
  }
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>
