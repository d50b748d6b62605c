// Plans: create, list, reopen, edit, the status workflow (draft → reviewed → approved →
// superseded), duplicate, archive, delete and restore. Every change writes the plan, its summary
// row and its audit row (and, for reviewed/approved, its revision) in ONE transaction, so a plan
// and its history never disagree: if any write fails, none is kept.
import { parseCase } from '../../../shared/case/parse'
import type { FollowUpVisit, OperationRecord, OutcomeEvent } from '../../../shared/outcomes/types'
import type { PlanResult } from '../../../shared/result'
import { canonicalJson, revisionContentHash } from './content-hash'
import type { OsseoDb } from './database'
import { newId } from './ids'
import { displayValue, diffValues } from './object-diff'
import { announcePlanSaved } from './plan-events'
import { planSummary, type SummaryContext } from './plan-summary'
import { pixelsKey, type ImagePixelsRow, type ImageRow } from './image-types'
import { deleteUnsharedPixels } from './images-repo'
import type { AuditChange, AuditRow, DraftRow, PlanRow, PlanStatus, PlanSummary, RevisionImage, RevisionRow, StoredCase } from './types'
import { planFieldsChanged, refreshSummary, refreshSummaryPlan, removeSummary } from './outcome-summaries'

export const APP_VERSION = '0.1.0'

/** Longest value text kept in an audit row (a pasted essay in the notes is cut, not lost: the plan keeps it). */
const AUDIT_VALUE_LIMIT = 200

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** The indexed columns of a plan, read from its case file. */
export function indexedFields(caseFile: StoredCase): Pick<PlanRow, 'patientCode' | 'level' | 'side' | 'systemId'> {
  const patient = (caseFile['patient'] ?? {}) as Record<string, unknown>
  const limb = (caseFile['limb'] ?? {}) as Record<string, unknown>
  const implant = (caseFile['implant'] ?? {}) as Record<string, unknown>
  const system = (implant['system'] ?? {}) as Record<string, unknown>
  return {
    patientCode: text(patient['code']),
    level: text(limb['level']),
    side: text(limb['side']),
    systemId: text(implant['systemId']) || text(system['id'])
  }
}

export function emptyCase(): StoredCase {
  return { format: 'osseoplan.case', version: 1 }
}

/** What "Mark reviewed" and "Approve" record: the case the result was computed from, the result, who. */
export interface RevisionSnapshot {
  caseFile: StoredCase
  result: PlanResult
  author: string
  /**
   * Approval only: how many unconfirmed site defaults the approver acknowledged. It must equal
   * the number the result rests on (unconfirmedSiteDefaults) or the approval is refused.
   */
  acknowledgedSiteDefaults?: number
}

/** How many distinct site defaults the result used that the site has not confirmed. */
export function unconfirmedSiteDefaults(result: Partial<PlanResult> | null | undefined): number {
  const used = Array.isArray(result?.siteDefaultsUsed) ? result.siteDefaultsUsed : []
  return new Set(used.filter((p) => !p.confirmed).map((p) => p.key)).size
}

/** Everything a delete removed, kept by the caller so "Undo" can put it back. */
export interface DeletedPlan {
  plan: PlanRow
  /** Its summary row as it was (the library's outcome and origin columns come back with Undo). */
  summary?: PlanSummary | undefined
  revisions: RevisionRow[]
  draft: DraftRow | undefined
  /** Operation records, visits and events of the plan (schema v6), removed with it. */
  outcomes?: { operations: OperationRecord[]; visits: FollowUpVisit[]; events: OutcomeEvent[] }
  /** The plan's radiographs and their pixels (schema v5), put back by "Undo" too. */
  images?: ImageRow[]
  imagePixels?: ImagePixelsRow[]
}

export class PlanWorkflowError extends Error {
  override name = 'PlanWorkflowError'
}

/** The plan was saved elsewhere (another window) since this editor loaded it: nothing was written. */
export class PlanConflictError extends Error {
  override name = 'PlanConflictError'
  constructor(readonly current: PlanRow) {
    super('This plan was changed in another window since you opened it; your changes were not saved over it.')
  }
}

/** What the editor opens: the plan's case, or its draft when the draft holds later edits — or
 *  edits made against an older version of the plan (another window saved since): that draft is
 *  opened on its old version, so its first save meets the conflict and the user chooses. */
export function caseToOpen(plan: PlanRow, draft: DraftRow | undefined): { useDraft: boolean; base: { version: number; editSeq: number } } {
  const version = plan.version ?? 0
  const editSeq = Math.max(plan.editSeq ?? 0, draft?.editSeq ?? 0)
  if (!draft || plan.status === 'approved' || plan.status === 'superseded') return { useDraft: false, base: { version, editSeq } }
  const behind = typeof draft.baseVersion === 'number' && draft.baseVersion < version && canonicalJson(draft.caseFile) !== canonicalJson(plan.caseFile)
  if (behind) return { useDraft: true, base: { version: draft.baseVersion as number, editSeq } }
  return { useDraft: draftIsNewer(draft, plan), base: { version, editSeq } }
}

/** Which holds the newer case: a draft or the plan row (by edit counter; wall clock only for rows from before it). */
export function draftIsNewer(draft: Pick<DraftRow, 'editSeq' | 'updatedAt'>, plan: Pick<PlanRow, 'editSeq' | 'updatedAt'>): boolean {
  if (typeof draft.editSeq === 'number') return draft.editSeq > (plan.editSeq ?? 0)
  return typeof plan.editSeq === 'number' ? false : draft.updatedAt > plan.updatedAt
}

function clip(value: string): string {
  return value.length > AUDIT_VALUE_LIMIT ? `${value.slice(0, AUDIT_VALUE_LIMIT - 1)}…` : value
}

function change(path: string, oldValue: unknown, newValue: unknown): AuditChange {
  return { path, oldValue: clip(String(oldValue)), newValue: clip(String(newValue)) }
}

export function createPlansRepo(db: OsseoDb, now: () => number = Date.now) {
  function auditRow(planId: string, action: string, changes: AuditChange[] = []): AuditRow {
    const single = changes.length === 1 ? changes[0] : undefined
    return {
      planId,
      at: now(),
      action,
      field: clip(changes.map((c) => c.path).join(', ')),
      oldValue: single?.oldValue ?? '',
      newValue: single?.newValue ?? '',
      appVersion: APP_VERSION,
      changes
    }
  }

  /** Writes a plan and its summary row (inside the caller's transaction). The summary keeps what
   *  it knew from before (origin; the outcome of the last review while the plan is not a draft)
   *  unless `context` brings newer. */
  async function putPlan(row: PlanRow, context: SummaryContext = {}): Promise<void> {
    await db.plans.put(row)
    const before = await db.planIndex.get(row.id)
    const summary = planSummary(row, { duplicatedFrom: before?.duplicatedFrom, ...context })
    if (!context.revision && before?.outcome && row.status !== 'draft') summary.outcome = before.outcome
    await db.planIndex.put(summary)
    // An operated plan's Audit row copies its patient code, level and surgeon (outcome-summaries.ts).
    if (before && planFieldsChanged(before, summary)) await refreshSummaryPlan(db, summary)
  }

  async function mustGet(id: string): Promise<PlanRow> {
    const row = await db.plans.get(id)
    if (!row) throw new PlanWorkflowError('This plan no longer exists (it may have been deleted in another window).')
    return row
  }

  /** The highest revision number among the plans a plan revises (its parent chain; bounded, never loops). */
  async function lineageRevisionCount(parentId: string): Promise<number> {
    let highest = 0
    const seen = new Set<string>()
    for (let id = parentId; id && !seen.has(id) && seen.size < 50; ) {
      seen.add(id)
      const last = await db.revisions.where('[planId+number]').between([id, 0], [id, Infinity]).last()
      highest = Math.max(highest, last?.number ?? 0)
      id = (await db.plans.get(id))?.parentId ?? ''
    }
    return highest
  }

  /** The plan's image annotations, copied into the revision so they stay as they were signed off. */
  async function revisionImages(planId: string): Promise<RevisionImage[]> {
    const rows = await db.images.where('planId').equals(planId).sortBy('createdAt')
    return rows.map((r) => structuredClone({ imageId: r.id, label: r.label, calibration: r.calibration, marks: r.marks, window: r.window ?? null }))
  }

  /** A revision starts from a copy of its parent's images (annotations copied, new ids), so
   *  measuring again on it never touches what the approved plan recorded. The pixels, which never
   *  change, are shared rather than copied. */
  async function copyImages(fromPlanId: string, toPlanId: string): Promise<void> {
    const rows = await db.images.where('planId').equals(fromPlanId).sortBy('createdAt')
    for (const r of rows) await db.images.add({ ...structuredClone(r), id: newId(), planId: toPlanId, pixelsId: pixelsKey(r) })
  }

  function writeTables() {
    return [db.plans, db.planIndex, db.audit, db.revisions, db.drafts, db.images, db.imagePixels, db.operations, db.visits, db.outcomeEvents, db.outcomeDrafts, db.revisionFacts, db.outcomeSummaryPages] as const
  }

  async function newPlan(caseFile: StoredCase, fields: { surgeon: string; notes: string; parentId: string; duplicatedFrom?: string }, action: string, changes: AuditChange[]): Promise<PlanRow> {
    const time = now()
    const row: PlanRow = {
      id: newId(),
      ...indexedFields(caseFile),
      surgeon: fields.surgeon,
      status: 'draft',
      archived: 0,
      createdAt: time,
      updatedAt: time,
      parentId: fields.parentId,
      caseFile,
      notes: fields.notes
    }
    await putPlan(row, { duplicatedFrom: fields.duplicatedFrom ?? '' })
    await db.audit.add(auditRow(row.id, action, changes))
    return row
  }

  /** Records a revision and moves the plan from one status to the next, in one transaction. */
  async function snapshot(id: string, input: RevisionSnapshot, from: PlanStatus, to: PlanStatus): Promise<{ plan: PlanRow; revision: RevisionRow }> {
    const result = input.result as Partial<PlanResult> | null
    if (!result || typeof result !== 'object' || typeof result.engineVersion !== 'string') {
      throw new PlanWorkflowError('The plan has no computed result yet: complete the case first.')
    }
    if (!parseCase(input.caseFile).ok) throw new PlanWorkflowError('The case is incomplete or has invalid values: complete it before review.')
    if (to === 'approved' && result.status === 'blocked') {
      throw new PlanWorkflowError('A plan with blocking findings cannot be approved. Resolve them first.')
    }
    const unconfirmed = to === 'approved' ? unconfirmedSiteDefaults(result) : 0
    if (unconfirmed > 0 && input.acknowledgedSiteDefaults !== unconfirmed) {
      throw new PlanWorkflowError(
        `This plan rests on ${unconfirmed} site default${unconfirmed === 1 ? '' : 's'} not confirmed by the site: acknowledge ${unconfirmed === 1 ? 'it' : 'them'} to approve.`
      )
    }
    // Hashing is asynchronous outside IndexedDB, so it happens before the transaction opens.
    const caseJson = canonicalJson(input.caseFile)
    const contentHash = await revisionContentHash(input.caseFile, input.result)
    return db.transaction('rw', writeTables(), async () => {
      const row = await mustGet(id)
      if (row.status !== from) throw new PlanWorkflowError(`This plan is ${row.status}; only a ${from} plan can be marked ${to}.`)
      if (canonicalJson(row.caseFile) !== caseJson) {
        throw new PlanWorkflowError('The plan changed since this result was computed. Save the case, then try again.')
      }
      const latest = await db.revisions.where('[planId+number]').between([id, 0], [id, Infinity]).last()
      // Revisions are numbered once across a lineage: a revised plan continues its parent's count.
      const previous = Math.max(latest?.number ?? 0, await lineageRevisionCount(row.parentId))
      const time = now()
      const revision: RevisionRow = {
        id: newId(),
        planId: id,
        number: previous + 1,
        status: to,
        caseFile: row.caseFile,
        result: input.result,
        engineVersion: text(result.engineVersion),
        profileVersion: text(result.profileVersion),
        catalogVersion: text(result.catalogVersion),
        contentHash,
        author: input.author,
        createdAt: time
      }
      const images = await revisionImages(id)
      if (images.length > 0) revision.images = images
      const next: PlanRow = { ...row, status: to, updatedAt: time }
      await db.revisions.add(revision)
      await putPlan(next, { revision })
      const changes = [change('status', from, to), change('revision', previous || '', revision.number)]
      if (unconfirmed > 0) changes.push(change('siteDefaultsAcknowledged', '', `${unconfirmed} unconfirmed site default${unconfirmed === 1 ? '' : 's'} acknowledged by ${input.author || '(no name set)'}`))
      await db.audit.add(auditRow(id, 'status', changes))
      if (to === 'approved' && row.parentId) {
        const parent = await db.plans.get(row.parentId)
        if (parent?.status === 'approved') {
          await putPlan({ ...parent, status: 'superseded', updatedAt: time })
          await db.audit.add(auditRow(parent.id, 'status', [change('status', 'approved', 'superseded'), change('supersededBy', '', id)]))
        }
      }
      return { plan: next, revision }
    })
  }

  return {
    async create(input: { caseFile?: StoredCase; surgeon?: string; notes?: string } = {}): Promise<PlanRow> {
      return db.transaction('rw', writeTables(), () =>
        newPlan(input.caseFile ?? emptyCase(), { surgeon: input.surgeon ?? '', notes: input.notes ?? '', parentId: '' }, 'create', [])
      )
    },

    get(id: string): Promise<PlanRow | undefined> {
      return db.plans.get(id)
    },

    /** Newest first. Reads every case file: the library uses listSummaries instead. */
    async list(): Promise<PlanRow[]> {
      return db.plans.orderBy('updatedAt').reverse().toArray()
    },

    /** Plans started by "Revise" from this one. */
    childrenOf(id: string): Promise<PlanRow[]> {
      return db.plans.where('parentId').equals(id).toArray()
    },

    /** Every plan's summary (no case files), newest first: what the library lists and searches. */
    async listSummaries(): Promise<PlanSummary[]> {
      return db.planIndex.orderBy('updatedAt').reverse().toArray()
    },

    /** The `count` most recently updated summaries: the library's first screen, read before the rest.
     *  public/early-open.js repeats this query (it runs before the bundle); early-open.test.ts keeps them equal. */
    newestSummaries(count: number): Promise<PlanSummary[]> {
      return db.planIndex.orderBy('updatedAt').reverse().limit(count).toArray()
    },

    /** Every summary, unordered, read in chunks by key so that no single read holds the page
     *  for long at 100,000 plans (the library sorts in memory). */
    async allSummaries(chunk = 5000): Promise<PlanSummary[]> {
      const out: PlanSummary[] = []
      let last: string | null = null
      for (;;) {
        const part: PlanSummary[] = await (last === null ? db.planIndex.orderBy(':id') : db.planIndex.where(':id').above(last)).limit(chunk).toArray()
        out.push(...part)
        if (part.length < chunk) return out
        last = part[part.length - 1]!.id
      }
    },

    /**
     * Saves the case of a draft or reviewed plan. A reviewed plan whose case changes becomes a draft
     * again. With `expectedVersion` (the editor's), a plan saved elsewhere since is never
     * overwritten: PlanConflictError carries the newer row. `editSeq` orders drafts against it.
     */
    async updateCase(id: string, caseFile: StoredCase, options: { expectedVersion?: number; editSeq?: number } = {}): Promise<PlanRow> {
      const saved = await db.transaction('rw', writeTables(), async () => {
        const row = await mustGet(id)
        if (options.expectedVersion !== undefined && (row.version ?? 0) !== options.expectedVersion) throw new PlanConflictError(row)
        if (row.status === 'approved' || row.status === 'superseded') throw new PlanWorkflowError('An approved plan is read-only; revise it instead.')
        const changes = diffValues(row.caseFile, caseFile).map((c) => change(c.path, displayValue(c.before), displayValue(c.after)))
        const editSeq = Math.max(row.editSeq ?? 0, options.editSeq ?? 0)
        if (changes.length === 0) {
          // Same case: only the edit counter moves on (so an identical draft is not "restored" later).
          if (editSeq === (row.editSeq ?? 0)) return row
          const same: PlanRow = { ...row, editSeq }
          await db.plans.put(same)
          return same
        }
        const status: PlanStatus = 'draft'
        if (row.status !== status) changes.push(change('status', row.status, status))
        const next: PlanRow = { ...row, ...indexedFields(caseFile), caseFile, status, updatedAt: now(), version: (row.version ?? 0) + 1, editSeq }
        await putPlan(next)
        await db.audit.add(auditRow(id, 'edit', changes))
        return next
      })
      announcePlanSaved({ planId: id, version: saved.version ?? 0 })
      return saved
    },

    /** Surgeon and library notes (not part of the case file). Allowed in every status. */
    async updateDetails(id: string, details: { surgeon?: string; notes?: string }): Promise<PlanRow> {
      return db.transaction('rw', writeTables(), async () => {
        const row = await mustGet(id)
        const next: PlanRow = { ...row, ...details, updatedAt: now() }
        const changes: AuditChange[] = []
        if (next.surgeon !== row.surgeon) changes.push(change('surgeon', row.surgeon, next.surgeon))
        if (next.notes !== row.notes) changes.push(change('notes', row.notes, next.notes))
        if (changes.length === 0) return row
        await putPlan(next)
        await db.audit.add(auditRow(id, 'edit', changes))
        return next
      })
    },

    /** draft → reviewed, recording revision N. */
    markReviewed(id: string, input: RevisionSnapshot) {
      return snapshot(id, input, 'draft', 'reviewed')
    },

    /** reviewed → approved, recording revision N; the plan it revises (if any) becomes superseded. */
    approve(id: string, input: RevisionSnapshot) {
      return snapshot(id, input, 'reviewed', 'approved')
    },

    /** Starts a new draft from an approved plan (linked by parentId). An open revision draft is reused. */
    async revise(id: string): Promise<PlanRow> {
      return db.transaction('rw', writeTables(), async () => {
        const row = await mustGet(id)
        if (row.status !== 'approved') throw new PlanWorkflowError(`Only an approved plan can be revised; this one is ${row.status}.`)
        const open = (await db.plans.where('parentId').equals(id).toArray()).find((p) => p.status === 'draft' || p.status === 'reviewed')
        if (open) return open
        const child = await newPlan(structuredClone(row.caseFile), { surgeon: row.surgeon, notes: row.notes, parentId: id }, 'revise', [change('parentId', '', id)])
        await copyImages(id, child.id)
        await db.audit.add(auditRow(id, 'revise', [change('revisedBy', '', child.id)]))
        return child
      })
    },

    /** A new, unrelated draft with a copy of the plan's case. */
    async duplicate(id: string): Promise<PlanRow> {
      return db.transaction('rw', writeTables(), async () => {
        const row = await mustGet(id)
        return newPlan(structuredClone(row.caseFile), { surgeon: row.surgeon, notes: row.notes, parentId: '', duplicatedFrom: id }, 'duplicate', [change('duplicatedFrom', '', id)])
      })
    },

    async setArchived(id: string, archived: boolean): Promise<PlanRow> {
      return db.transaction('rw', writeTables(), async () => {
        const row = await mustGet(id)
        const value = archived ? 1 : 0
        if (row.archived === value) return row
        const next: PlanRow = { ...row, archived: value, updatedAt: now() }
        await putPlan(next)
        await db.audit.add(auditRow(id, archived ? 'archive' : 'unarchive', [change('archived', row.archived === 1, archived)]))
        return next
      })
    },

    /** Deletes a plan with its revisions and unsaved draft; returns them for "Undo". The audit log keeps a 'delete' row. */
    async remove(id: string): Promise<DeletedPlan | undefined> {
      return db.transaction('rw', writeTables(), async () => {
        const plan = await db.plans.get(id)
        if (!plan) return undefined
        const revisions = await db.revisions.where('planId').equals(id).toArray()
        const draft = await db.drafts.get(id)
        const summary = await db.planIndex.get(id)
        const outcomes = {
          operations: await db.operations.where('planId').equals(id).toArray(),
          visits: await db.visits.where('planId').equals(id).toArray(),
          events: await db.outcomeEvents.where('planId').equals(id).toArray()
        }
        await db.operations.where('planId').equals(id).delete()
        await db.visits.where('planId').equals(id).delete()
        await db.outcomeEvents.where('planId').equals(id).delete()
        await removeSummary(db, id)
        await db.outcomeDrafts.filter((d) => d.planId === id).delete()
        const images = await db.images.where('planId').equals(id).toArray()
        const keys = [...new Set(images.map(pixelsKey))]
        const imagePixels = (await db.imagePixels.bulkGet(keys)).filter((p): p is ImagePixelsRow => p !== undefined)
        await db.plans.delete(id)
        await db.images.where('planId').equals(id).delete()
        // Pixels shared with another plan's copies (a revision and its parent) stay for them.
        await deleteUnsharedPixels(db, keys)
        await db.planIndex.delete(id)
        await db.revisions.where('planId').equals(id).delete()
        await db.drafts.delete(id)
        await db.audit.add(auditRow(id, 'delete', [change('patientCode', plan.patientCode, '')]))
        return { plan, summary, revisions, draft, images, imagePixels, outcomes }
      })
    },

    /** Undo of a delete: puts the plan, its revisions and its draft back exactly as they were. */
    async restore(deleted: DeletedPlan): Promise<PlanRow> {
      return db.transaction('rw', writeTables(), async () => {
        if (await db.plans.get(deleted.plan.id)) throw new PlanWorkflowError('This plan is already in the library.')
        const latest = deleted.revisions.reduce<RevisionRow | undefined>((a, r) => (!a || r.number > a.number ? r : a), undefined)
        await putPlan(deleted.plan, { revision: latest, duplicatedFrom: deleted.summary?.duplicatedFrom })
        if (deleted.revisions.length > 0) await db.revisions.bulkAdd(deleted.revisions)
        if (deleted.draft) await db.drafts.put(deleted.draft)
        if (deleted.outcomes) {
          await db.operations.bulkPut(deleted.outcomes.operations)
          await db.visits.bulkPut(deleted.outcomes.visits)
          await db.outcomeEvents.bulkPut(deleted.outcomes.events)
          await refreshSummary(db, deleted.plan.id)
        }
        if (deleted.images?.length) await db.images.bulkAdd(deleted.images)
        if (deleted.imagePixels?.length) await db.imagePixels.bulkPut(deleted.imagePixels)
        await db.audit.add(auditRow(deleted.plan.id, 'restore'))
        return deleted.plan
      })
    }
  }
}

export type PlansRepo = ReturnType<typeof createPlansRepo>
