// Planning profiles of the site. Exactly one is the default (the one plans are computed with).
// Until the site edits anything, the shipped default profile is served without a stored row.
// Every write is validated by the core first; a damaged stored row is reported, never used.
import type { OsseoDb } from './database'
import type { ProfileRow } from './types'
import { readProfileRecord, shippedProfileRecord, type EditResult, type ProfileRecord } from '../features/settings/profile-record'

export interface StoredProfile {
  id: string
  isDefault: boolean
  record: ProfileRecord
  updatedAt: number
}

export interface ProfileList {
  profiles: StoredProfile[]
  /** Ids of stored rows that failed validation (kept in the database, not used). */
  damaged: string[]
}

export function createProfilesRepo(db: OsseoDb, now: () => number = Date.now) {
  function toRow(record: ProfileRecord, isDefault: boolean): ProfileRow {
    return { id: record.profile.id, isDefault: isDefault ? 1 : 0, profile: record, updatedAt: now() }
  }

  function check(record: ProfileRecord): ProfileRecord {
    const read = readProfileRecord(record)
    if (!read.ok) throw new Error(`The profile was not saved: ${read.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`)
    return read.record
  }

  /** Stores the shipped profile as the default row the first time the site writes anything. */
  async function seed(): Promise<void> {
    if ((await db.profiles.count()) === 0) await db.profiles.add(toRow(shippedProfileRecord(), true))
  }

  async function list(): Promise<ProfileList> {
    const rows = await db.profiles.toArray()
    const damaged: string[] = []
    const profiles: StoredProfile[] = []
    for (const row of rows) {
      const read = readProfileRecord(row.profile)
      if (read.ok && read.record.profile.id === row.id) profiles.push({ id: row.id, isDefault: row.isDefault === 1, record: read.record, updatedAt: row.updatedAt })
      else damaged.push(row.id)
    }
    if (profiles.length === 0) profiles.push({ id: shippedProfileRecord().profile.id, isDefault: true, record: shippedProfileRecord(), updatedAt: 0 })
    // Exactly one default: the stored default, else the first usable profile.
    const defaults = profiles.filter((p) => p.isDefault)
    if (defaults.length !== 1) profiles.forEach((p, i) => (p.isDefault = defaults.length === 0 ? i === 0 : p === defaults[0]))
    profiles.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.record.profile.name.localeCompare(b.record.profile.name))
    return { profiles, damaged }
  }

  return {
    list,

    async getDefault(): Promise<StoredProfile> {
      return (await list()).profiles[0] as StoredProfile
    },

    /** Saves an edited profile (validated first; nothing is written when it is invalid). */
    async save(record: ProfileRecord): Promise<void> {
      const valid = check(record)
      await db.transaction('rw', db.profiles, async () => {
        await seed()
        const existing = await db.profiles.get(valid.profile.id)
        await db.profiles.put(toRow(valid, existing ? existing.isDefault === 1 : false))
      })
    },

    /**
     * Applies an edit to the profile as it is stored now, inside one transaction, so two quick
     * edits (two Confirm clicks) both land instead of the second overwriting the first.
     */
    async edit(id: string, apply: (record: ProfileRecord) => EditResult): Promise<EditResult> {
      return db.transaction('rw', db.profiles, async () => {
        await seed()
        const row = await db.profiles.get(id)
        const read = row ? readProfileRecord(row.profile) : null
        if (!row || !read?.ok) throw new Error('This profile no longer exists or is damaged; reload the settings.')
        const result = apply(read.record)
        if (!result.ok || result.record === read.record) return result
        const valid = check(result.record)
        await db.profiles.put(toRow(valid, row.isDefault === 1))
        return { ok: true, record: valid }
      })
    },

    /** Adds a new, non-default profile; refuses an id that exists. */
    async add(record: ProfileRecord): Promise<void> {
      const valid = check(record)
      await db.transaction('rw', db.profiles, async () => {
        await seed()
        if (await db.profiles.get(valid.profile.id)) throw new Error('A profile with this id already exists.')
        await db.profiles.add(toRow(valid, false))
      })
    },

    async setDefault(id: string): Promise<void> {
      await db.transaction('rw', db.profiles, async () => {
        await seed()
        if (!(await db.profiles.get(id))) throw new Error('This profile no longer exists.')
        await db.profiles.toCollection().modify((row) => {
          row.isDefault = row.id === id ? 1 : 0
        })
      })
    },

    /** Deletes a profile that is not the default. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.profiles, async () => {
        const row = await db.profiles.get(id)
        if (!row) return
        if (row.isDefault === 1) throw new Error('The default profile cannot be deleted; make another profile the default first.')
        await db.profiles.delete(id)
      })
    }
  }
}

export type ProfilesRepo = ReturnType<typeof createProfilesRepo>
