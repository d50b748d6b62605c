// Revisions: immutable snapshots of a plan (case file + computed result + versions + hash),
// written by the status workflow (plans-repo) when a plan is marked reviewed or approved.
// This repository only reads; nothing ever updates a revision.
import type { OsseoDb } from './database'
import type { RevisionRow } from './types'

export function createRevisionsRepo(db: OsseoDb) {
  return {
    get(id: string): Promise<RevisionRow | undefined> {
      return db.revisions.get(id)
    },

    /** Oldest first (revision 1, 2, …). */
    listForPlan(planId: string): Promise<RevisionRow[]> {
      return db.revisions.where('[planId+number]').between([planId, 0], [planId, Infinity]).toArray()
    },

    /** The newest revision of a plan, if it has any. */
    async latestForPlan(planId: string): Promise<RevisionRow | undefined> {
      return db.revisions.where('[planId+number]').between([planId, 0], [planId, Infinity]).last()
    }
  }
}

export type RevisionsRepo = ReturnType<typeof createRevisionsRepo>
