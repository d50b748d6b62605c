// Drafts: the editor's unsaved case file per plan, written as the surgeon types, so a closed
// window or a crash loses nothing. One row per plan (the newest edit wins).
import type { OsseoDb } from './database'
import { draftIsNewer } from './plans-repo'
import type { DraftRow, StoredCase } from './types'

// When the window closes, an IndexedDB write started at that moment can be cut off with the page;
// localStorage writes synchronously. So the last moment's case is also kept there, and removed as
// soon as an IndexedDB draft is written. get() returns whichever is newer — by the editor's edit
// counter (editSeq), never by the clock: a clock moved back must not make a draft look old.
const CLOSING_KEY = 'osseoplan.closing-draft.'

function closingCopy(planId: string): DraftRow | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(CLOSING_KEY + planId) ?? 'null') as Partial<DraftRow> | null
    if (!parsed || typeof parsed.updatedAt !== 'number' || typeof parsed.caseFile !== 'object' || parsed.caseFile === null) return undefined
    return {
      planId,
      caseFile: parsed.caseFile,
      updatedAt: parsed.updatedAt,
      ...(typeof parsed.editSeq === 'number' ? { editSeq: parsed.editSeq } : {}),
      ...(typeof parsed.baseVersion === 'number' ? { baseVersion: parsed.baseVersion } : {})
    }
  } catch {
    return undefined // no localStorage (tests in Node) or a damaged copy: the IndexedDB draft stands
  }
}

function dropClosingCopy(planId: string): void {
  try {
    localStorage.removeItem(CLOSING_KEY + planId)
  } catch {
    // nothing kept
  }
}

export function createDraftsRepo(db: OsseoDb, now: () => number = Date.now) {
  return {
    async save(planId: string, caseFile: StoredCase, order: Pick<DraftRow, 'editSeq' | 'baseVersion'> = {}): Promise<DraftRow> {
      const row: DraftRow = { planId, caseFile, updatedAt: now(), ...order }
      await db.drafts.put(row)
      dropClosingCopy(planId)
      return row
    },
    /** Synchronous: for the moment the window closes (see CLOSING_KEY). Never throws. */
    keepWhileClosing(planId: string, caseFile: StoredCase, order: Pick<DraftRow, 'editSeq' | 'baseVersion'> = {}): void {
      try {
        localStorage.setItem(CLOSING_KEY + planId, JSON.stringify({ caseFile, updatedAt: now(), ...order }))
      } catch {
        // storage full or unavailable: the IndexedDB draft written on pagehide is the fallback
      }
    },
    async get(planId: string): Promise<DraftRow | undefined> {
      const row = await db.drafts.get(planId)
      const copy = closingCopy(planId)
      // The copy is written at closing, after every draft of the session: it wins unless it is older.
      return copy && (!row || !draftIsNewer(row, copy)) ? copy : row
    },
    async remove(planId: string): Promise<void> {
      await db.drafts.delete(planId)
      dropClosingCopy(planId)
    }
  }
}

export type DraftsRepo = ReturnType<typeof createDraftsRepo>
