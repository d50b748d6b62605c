// A generated library backup of N plans (format osseoplan.library) for the scale measurements:
// the example case files of resources/cases with varied codes, surgeons, statuses and dates.
// Used by library-timings.ts (fake-indexeddb) and, as a command, by tests/e2e/library-scale.spec.ts:
//   npx tsx tests/unit/db/library-generator.ts <out.json> <count>
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { canonicalJson } from '../../../src/renderer/src/db/content-hash'
import { planFromRaw } from '../../../src/shared/plan'

const SURGEONS = ['Dr Ng', 'Dr Okafor', 'Dr Brånemark', 'Dr Hagberg', 'Dr Aschoff', 'Dr Al Muderis', 'Dr Frossard', 'Dr Örtengren']
/**
 * Statuses cycle with the plans: mostly drafts, and per 250 plans one reviewed, one approved and
 * one approved plan revising a superseded one. Every reviewed or later plan carries revisions with
 * the engine's full result (~50 kB each, as the app stores them), so a denser mix would make the
 * file mostly revisions.
 */
export function statusCycle(length: number): string[] {
  return [...Array<string>(Math.max(0, length - 4)).fill('draft'), 'reviewed', 'approved', 'approved', 'superseded']
}
export const STATUSES: readonly string[] = statusCycle(250)
const DAY = 86_400_000

/**
 * Revisions as the workflow writes them (a restore recomputes and checks every one): reviewed →
 * revision 1; approved → a review and an approval of the same case; superseded → the same, and the
 * approved plan just before it in the list revises it.
 */
function revisionsFor(plan: Record<string, any>, status: string): Record<string, unknown>[] {
  if (status === 'draft') return []
  const planned = planFromRaw(plan['caseFile'])
  if (!planned.ok) throw new Error(`generator: the example case of ${plan['id']} does not plan`)
  const result = JSON.parse(JSON.stringify(planned.result)) as Record<string, any>
  const contentHash = createHash('sha256').update(canonicalJson({ caseFile: plan['caseFile'], result })).digest('hex')
  const statuses = status === 'reviewed' ? ['reviewed'] : ['reviewed', 'approved']
  return statuses.map((s, n) => ({
    id: `${plan['id']}r${n + 1}`,
    planId: plan['id'],
    number: n + 1,
    status: s,
    caseFile: plan['caseFile'],
    result,
    engineVersion: result['engineVersion'],
    profileVersion: result['profileVersion'],
    catalogVersion: result['catalogVersion'],
    contentHash,
    author: plan['surgeon'],
    createdAt: plan['createdAt'] + n + 1
  }))
}

/** `statuses` cycles over the plans (default STATUSES). */
export function generatedLibrary(count: number, start = Date.UTC(2024, 0, 1), statuses: readonly string[] = STATUSES): Record<string, unknown> {
  const dir = 'resources/cases'
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, any>)
  const plans: Record<string, any>[] = []
  const revisions: Record<string, unknown>[] = []
  const audit = []
  for (let i = 0; i < count; i++) {
    const base = cases[i % cases.length]!
    const code = `P-${String(i).padStart(5, '0')}`
    const caseFile = { ...base, patient: { ...base['patient'], code, weight: 60 + (i % 50) }, notes: `Generated plan ${i} ${i % 13 === 0 ? 'revision after infection' : ''}`.trim() }
    const implant = base['implant'] as Record<string, any>
    const createdAt = start + Math.floor((i * 730 * DAY) / count)
    const id = `gen${String(i).padStart(6, '0')}`
    plans.push({
      id,
      patientCode: code,
      surgeon: SURGEONS[i % SURGEONS.length],
      level: base['limb'].level,
      side: i % 2 ? 'right' : 'left',
      systemId: implant['systemId'] ?? implant['system']?.id ?? '',
      status: statuses[i % statuses.length],
      archived: i % 10 === 9 ? 1 : 0,
      createdAt,
      updatedAt: createdAt + (i % 30) * DAY,
      parentId: '',
      caseFile: { ...caseFile, limb: { ...base['limb'], side: i % 2 ? 'right' : 'left' } },
      notes: ''
    })
    const plan = plans[plans.length - 1]!
    const previous = plans[plans.length - 2]
    // A superseded plan needs the approved plan that revises it; without one it stays approved.
    if (plan['status'] === 'superseded') {
      if (previous?.['status'] === 'approved' && previous['parentId'] === '') previous['parentId'] = id
      else plan['status'] = 'approved'
    }
    revisions.push(...revisionsFor(plan, plan['status']))
    audit.push({ seq: i + 1, planId: id, at: createdAt, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0', changes: [] })
  }
  const exportedAt = plans.reduce((latest, p) => Math.max(latest, p['updatedAt'] as number), start) + 1
  return { format: 'osseoplan.library', version: 1, exportedAt: new Date(exportedAt).toISOString(), appVersion: '0.1.0', plans, revisions, audit }
}

if (process.argv[1]?.endsWith('library-generator.ts')) {
  const [out, count, cycle] = process.argv.slice(2)
  if (!out) throw new Error('usage: library-generator.ts <out.json> [count] [plans per reviewed/approved/superseded group, default 250]')
  writeFileSync(out, JSON.stringify(generatedLibrary(Number(count ?? 10_000), undefined, cycle ? statusCycle(Number(cycle)) : STATUSES)))
}
