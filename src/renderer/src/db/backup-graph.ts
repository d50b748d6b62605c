// The plans and revisions of a backup must tell one consistent story, as the workflow writes it:
// revisions numbered 1, 2, … per plan, each "reviewed" or "approved", an approval straight after a
// review of the same case and nothing after it; a plan's status follows from its revisions (never
// approved without an approved revision); and "revises" links form a forest of the file's own plans.
import { canonicalJson } from './content-hash'
import { fail } from './backup-records'
import type { PlanRow, RevisionRow } from './types'

function byPlan(revisions: readonly RevisionRow[]): Map<string, RevisionRow[]> {
  const out = new Map<string, RevisionRow[]>()
  for (const r of revisions) {
    const list = out.get(r.planId)
    if (list) list.push(r)
    else out.set(r.planId, [r])
  }
  for (const list of out.values()) list.sort((a, b) => a.number - b.number)
  return out
}

/**
 * Revisions are numbered without gaps. A revised plan continues its parent's count (the parent's
 * last revision + 1); backups written before that numbering start a revised plan at 1.
 */
function checkRevisionChain(plan: PlanRow, chain: readonly RevisionRow[], where: string, parentLast: number): void {
  const first = chain[0]?.number === parentLast + 1 ? parentLast + 1 : 1
  chain.forEach((r, i) => {
    if (r.number !== first + i) fail('', `${where} has revision ${r.number} where revision ${first + i} should be: revisions are numbered without gaps.`)
    if (r.createdAt < plan.createdAt) fail('', `${where}, revision ${r.number}, is dated before the plan was created.`)
    const before = chain[i - 1]
    if (before && r.createdAt < before.createdAt) fail('', `${where}, revision ${r.number}, is dated before revision ${before.number}.`)
    if (r.status === 'approved') {
      if (!before || before.status !== 'reviewed' || canonicalJson(before.caseFile) !== canonicalJson(r.caseFile))
        fail('', `${where}, revision ${r.number}, is an approval without a review of the same case just before it.`)
      if (i !== chain.length - 1) fail('', `${where} has revisions after its approval (an approved plan is read-only).`)
      if ((r.result as { status?: unknown }).status === 'blocked') fail('', `${where}, revision ${r.number}, is an approval of a plan with blocking findings.`)
    }
  })
}

/** The status a plan can have with these revisions; refuses any other. */
function checkStatus(plan: PlanRow, chain: readonly RevisionRow[], where: string): void {
  const last = chain[chain.length - 1]
  const sameCase = last !== undefined && canonicalJson(last.caseFile) === canonicalJson(plan.caseFile)
  const claim = `${where} is marked ${plan.status}`
  if (plan.status === 'draft') {
    if (last?.status === 'approved') fail('', `${claim}, but it has an approved revision (an approved plan never becomes a draft again).`)
    return
  }
  if (plan.status === 'reviewed' && !(last?.status === 'reviewed' && sameCase)) fail('', `${claim}, but its last revision is not a review of its case.`)
  if ((plan.status === 'approved' || plan.status === 'superseded') && !(last?.status === 'approved' && sameCase))
    fail('', `${claim}, but it has no approved revision of its case (approval exists only with an approved revision).`)
}

/** "revises" links: to a plan of this file that was approved, without cycles. */
function checkParents(plans: readonly PlanRow[], byId: ReadonlyMap<string, PlanRow>, label: (p: PlanRow) => string): void {
  for (const plan of plans) {
    if (plan.parentId === '') continue
    const parent = byId.get(plan.parentId)
    if (!parent) fail('', `${label(plan)} revises plan ${plan.parentId}, which is not in the file.`)
    if (parent === plan) fail('', `${label(plan)} revises itself.`)
    if (parent.status !== 'approved' && parent.status !== 'superseded') fail('', `${label(plan)} revises ${label(parent)}, which was never approved.`)
    if ((plan.status === 'approved' || plan.status === 'superseded') && parent.status === 'approved')
      fail('', `${label(plan)} is an approved revision of ${label(parent)}, which still shows as approved (it should be superseded).`)
  }
  const state = new Map<string, 'walking' | 'done'>()
  for (const start of plans) {
    const path: PlanRow[] = []
    let at: PlanRow | undefined = start
    while (at && state.get(at.id) !== 'done') {
      if (state.get(at.id) === 'walking') fail('', `${label(start)} is in a loop of plans revising each other.`)
      state.set(at.id, 'walking')
      path.push(at)
      at = at.parentId ? byId.get(at.parentId) : undefined
    }
    for (const p of path) state.set(p.id, 'done')
  }
  // A superseded plan was replaced by an approved revision of it.
  const supersededBy = new Set(plans.filter((p) => p.status === 'approved' || p.status === 'superseded').map((p) => p.parentId))
  for (const plan of plans) if (plan.status === 'superseded' && !supersededBy.has(plan.id)) fail('', `${label(plan)} is marked superseded, but no approved plan in the file revises it.`)
}

export function checkGraph(plans: readonly PlanRow[], revisions: readonly RevisionRow[]): void {
  const byId = new Map(plans.map((p) => [p.id, p]))
  const label = (p: PlanRow) => `Plan ${p.id}${p.patientCode ? ` (${p.patientCode})` : ''}`
  const chains = byPlan(revisions)
  for (const plan of plans) {
    const chain = chains.get(plan.id) ?? []
    const parentLast = plan.parentId ? (chains.get(plan.parentId)?.at(-1)?.number ?? 0) : 0
    checkRevisionChain(plan, chain, label(plan), parentLast)
    checkStatus(plan, chain, label(plan))
  }
  checkParents(plans, byId, label)
}
