// Loads the hostile input corpus (tests/fixtures/hostile/manifest.json): each item's input as the
// text a file would hold. Very large inputs are generated here at test time, never committed.
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const HOSTILE_DIR = 'tests/fixtures/hostile'

export type Target = 'case' | 'backup' | 'systems' | 'field' | 'profile' | 'profile-record' | 'outcome' | 'image'

export interface HostileItem {
  id: string
  target: Target
  what: string
  expect: 'reject' | 'accept'
  /** 'draft': the import keeps an incomplete-looking case as a draft (the editor marks the field); the engine still refuses it. */
  import?: 'draft'
  /** Case-insensitive regular expression the refusal message must match ('' = any message). */
  message?: string
  /** Field path the refusal must name (case, systems and field items). */
  path?: string
  file?: string
  patch?: Record<string, unknown>
  generate?: string
  /** Paths whose text must be kept exactly (accept items). */
  literal?: Record<string, string>
  // field items: what was typed, into which field, in which unit
  kind?: 'length' | 'mass' | 'height' | 'plain'
  unit?: string
  text?: string
  // profile items
  key?: string
  /** backup items: the size limit, scaled down so the test need not build a 500 MB file. */
  limit?: number
  /** outcome items: which record the patch applies to (tests/unit/outcomes/hostile-outcomes.test.ts). */
  record?: 'operation' | 'visit' | 'event'
}

export function loadCorpus(): HostileItem[] {
  const manifest = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as { items: HostileItem[] }
  return manifest.items
}

export function exampleCase(name = 'transfemoral'): Record<string, unknown> {
  return JSON.parse(readFileSync(`resources/cases/${name}.json`, 'utf8')) as Record<string, unknown>
}

/** `{"$repeat": [x, n]}`: x repeated n times (a string) or a list of n copies of x. */
export function expand(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && '$repeat' in value) {
    const [x, n] = (value as { $repeat: [unknown, number] }).$repeat
    return typeof x === 'string' ? x.repeat(n) : Array.from({ length: n }, () => structuredClone(x))
  }
  return value
}

/** Splits "bone.stations[0].endosteal" into ['bone', 'stations', 0, 'endosteal']. */
export function pathParts(p: string): Array<string | number> {
  return p.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part))
}

export function setPath(doc: Record<string, unknown>, p: string, value: unknown): void {
  const parts = pathParts(p)
  let cur = doc as Record<string | number, unknown>
  for (const part of parts.slice(0, -1)) cur = cur[part] as Record<string | number, unknown>
  cur[parts[parts.length - 1]!] = expand(value)
}

export function getPath(doc: unknown, p: string): unknown {
  let cur = doc as Record<string | number, unknown> | undefined
  for (const part of pathParts(p)) cur = cur?.[part] as Record<string | number, unknown> | undefined
  return cur
}

export function patchedCase(patch: Record<string, unknown>, base = 'transfemoral'): Record<string, unknown> {
  const doc = exampleCase(base)
  for (const [p, v] of Object.entries(patch)) setPath(doc, p, v)
  return doc
}

const MB = 1024 * 1024

/** Generators for inputs too large (or too dynamic) to commit. */
export const GENERATORS: Record<string, () => string | Promise<string>> = {
  'case-over-2mb': () => JSON.stringify({ ...exampleCase(), notes: 'x'.repeat(3 * MB) }),
  'case-many-unknown-keys': () => {
    const doc = exampleCase()
    for (let i = 0; i < 30_000; i++) (doc['patient'] as Record<string, unknown>)[`k${i}`] = { v: i }
    return JSON.stringify(doc)
  },
  // Issue #18: hidden and look-alike characters in the names a surgeon reads (variants generated here).
  'backup-bidi-surgeon': () => withBackupPlan((plan) => (plan['surgeon'] = 'Dr A\u202Egnp.exe')),
  // The row's own code is never believed (it is derived from the case), so the hidden character goes where it is read.
  'backup-zero-width-code': () => withBackupPlan((plan) => (((plan['caseFile'] as Record<string, Record<string, unknown>>)['patient']!['code'] = 'HX-\u200BTF-07'), (plan['patientCode'] = 'HX-\u200BTF-07'))),
  'backup-homoglyph-code': () => withBackupPlan((plan) => (((plan['caseFile'] as Record<string, Record<string, unknown>>)['patient']!['code'] = '\u041d\u0425-TF-07'), (plan['patientCode'] = '\u041d\u0425-TF-07'))),
  'backup-isolate-code': () => withBackupPlan((plan) => ((plan['caseFile'] as Record<string, Record<string, unknown>>)['patient']!['code'] = 'HX-TF-\u206607\u2069')),
  'systems-bidi-name': () => withSystemName('OPRA femur \u202Efixture'),
  'systems-zero-width-name': () => withSystemName('OPRA\u200D femur fixture'),
  'systems-line-separator-name': () => withSystemName('OPRA femur\u2028fixture'),
  'backup-over-limit': () => `{"format":"osseoplan.library","version":1,"plans":[],"revisions":[],"audit":[],"pad":"${'x'.repeat(3 * MB)}"}`,
  'systems-over-2mb': () => JSON.stringify({ format: 'osseoplan.implant-systems', version: 1, systems: [], pad: 'x'.repeat(3 * MB) })
}

function withBackupPlan(change: (plan: Record<string, unknown>) => void): string {
  const backup = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'backup/xss-draft-plan.json'), 'utf8')) as { plans: Array<Record<string, unknown>> }
  change(backup.plans[0]!)
  return JSON.stringify(backup)
}

function withSystemName(name: string): string {
  const file = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'systems/xss-name.json'), 'utf8')) as { systems: Array<Record<string, unknown>> }
  file.systems[0]!['name'] = name
  return JSON.stringify(file)
}

/** The input of an item as file text (field, profile and record items have none). */
export async function itemText(item: HostileItem): Promise<string> {
  if (item.file) return readFileSync(path.join(HOSTILE_DIR, item.file), 'utf8')
  if (item.patch && item.target === 'case') return JSON.stringify(patchedCase(item.patch))
  const make = item.generate ? GENERATORS[item.generate] : undefined
  if (!make) throw new Error(`hostile item ${item.id}: no input (file, patch or a known generator)`)
  return make()
}
