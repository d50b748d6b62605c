// Hostile inputs built at test time from real app data: a backup whose approved revision was
// edited after hashing, and a stored planning profile using prototype names as keys.
import { revisionContentHash } from '../../../src/renderer/src/db/content-hash'
import { shippedProfileRecord } from '../../../src/renderer/src/features/settings/profile-record'
import { planFromRaw } from '../../../src/shared/plan'
import { exampleCase } from './corpus'

/** A valid backup with one approved plan, whose revision's weight was changed after it was hashed. */
export async function alteredRevisionBackup(): Promise<string> {
  const caseFile = exampleCase('transfemoral')
  const planned = planFromRaw(caseFile)
  if (!planned.ok) throw new Error('the example case must plan')
  const result = JSON.parse(JSON.stringify(planned.result)) as Record<string, unknown>
  const contentHash = await revisionContentHash(caseFile, result)
  const at = Date.UTC(2026, 0, 2)
  const altered = JSON.parse(JSON.stringify(caseFile)) as Record<string, Record<string, unknown>>
  altered['patient']!['weight'] = 120
  const plan = { id: 'approvedPlan1', patientCode: 'EX-TF-01', surgeon: 'Dr A', level: 'transfemoral', side: 'left', systemId: 'opra-femur', status: 'approved', archived: 0, createdAt: at, updatedAt: at, parentId: '', caseFile: altered, notes: '' }
  // Reviewed, then approved: the story the workflow writes, so only the edit is wrong.
  const revision = (n: number, status: string) => ({
    id: `revision${n}`,
    planId: plan.id,
    number: n,
    status,
    caseFile: altered,
    result,
    engineVersion: result['engineVersion'],
    profileVersion: result['profileVersion'],
    catalogVersion: result['catalogVersion'],
    contentHash,
    author: 'Dr A',
    createdAt: at
  })
  const revisions = [revision(1, 'reviewed'), revision(2, 'approved')]
  return JSON.stringify({ format: 'osseoplan.library', version: 1, exportedAt: new Date(at).toISOString(), appVersion: '0.1.0', plans: [plan], revisions, audit: [] })
}

const change = (key: string) => ({ key, action: 'changed', by: 'x', at: 1, from: 1, to: 2, version: '1.0.1' })

/** The shipped profile as stored JSON with a "__proto__" parameter (an own key, as JSON.parse makes it). */
export function protoParamProfileRecord(): unknown {
  const text = JSON.stringify({ profile: shippedProfileRecord().profile, history: [] })
  return JSON.parse(text.replace('"params":{', '"params":{"__proto__":{"key":"x","value":1,"unit":"mm","provenance":{"kind":"site-default"}},'))
}

/** The shipped profile as stored JSON whose history names Object's own methods as parameters. */
export function protoHistoryProfileRecord(): unknown {
  return JSON.parse(JSON.stringify({ profile: shippedProfileRecord().profile, history: ['constructor', 'toString', 'hasOwnProperty', 'soft.targetMm'].map(change) }))
}
