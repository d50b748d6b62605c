// Drafts: the editor's unsaved case file per plan, written as the surgeon types, so a closed
// window or a crash loses nothing. One row per plan (the newest edit wins).
import type { OsseoDb } from './database'
import { appDb } from './database'
import type { DraftRow, StoredCase } from './types'

export function createDraftsRepo(db: OsseoDb, now: () => number = Date.now) {
  return {
    async save(planId: string, caseFile: StoredCase): Promise<DraftRow> {
      const row: DraftRow = { planId, caseFile, updatedAt: now() }
      await db.drafts.put(row)
      return row
    },
    get(planId: string): Promise<DraftRow | undefined> {
      return db.drafts.get(planId)
    },
    async remove(planId: string): Promise<void> {
      await db.drafts.delete(planId)
    }
  }
}

export type DraftsRepo = ReturnType<typeof createDraftsRepo>

let drafts: DraftsRepo | null = null

export function draftsRepo(): DraftsRepo {
  drafts ??= createDraftsRepo(appDb())
  return drafts
}
