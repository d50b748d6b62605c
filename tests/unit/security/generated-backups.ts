// Forged library backups and catalogues (issue #18), built at test time from real engine output:
// a consistent backup (an approved plan with its review and approval, a draft revising it, a plain
// draft), then one kind of forgery per generator, the content hashes recomputed as an editor who
// knows the format would. Variants of each class, not the literal files.
import { revisionContentHash } from '../../../src/renderer/src/db/content-hash'
import { planFromRaw } from '../../../src/shared/plan'
import { exampleCase } from './corpus'

type Doc = Record<string, any>

export const DAY = 86_400_000
export const T0 = Date.UTC(2026, 2, 3, 8)

function resultOf(caseFile: Doc): Doc {
  const planned = planFromRaw(caseFile)
  if (!planned.ok) throw new Error('the example case must plan')
  return JSON.parse(JSON.stringify(planned.result)) as Doc
}

function plan(id: string, caseFile: Doc, status: string, at: number, parentId = ''): Doc {
  return { id, patientCode: caseFile['patient'].code, surgeon: 'Dr Q', level: caseFile['limb'].level, side: caseFile['limb'].side, systemId: caseFile['implant'].systemId ?? '', status, archived: 0, createdAt: at, updatedAt: at + DAY, parentId, caseFile, notes: '' }
}

function revision(id: string, planId: string, number: number, status: string, caseFile: Doc, at: number): Doc {
  const result = resultOf(caseFile)
  return { id, planId, number, status, caseFile, result, engineVersion: result['engineVersion'], profileVersion: result['profileVersion'], catalogVersion: result['catalogVersion'], contentHash: '', author: 'Dr Q', createdAt: at }
}

/** A backup the app could have written: approved plan fA, draft fB revising it, draft fC. */
export function consistentBackup(): Doc {
  const approved = { ...exampleCase('transtibial'), patient: { ...exampleCase('transtibial')['patient'] as Doc, code: 'QX-TT-07' } }
  const draft = { ...exampleCase('transfemoral'), patient: { ...exampleCase('transfemoral')['patient'] as Doc, code: 'QX-TF-31' } }
  return {
    format: 'osseoplan.library',
    version: 1,
    exportedAt: new Date(T0 + 30 * DAY).toISOString(),
    appVersion: '0.1.0',
    plans: [plan('fA', approved, 'approved', T0), plan('fB', structuredClone(approved), 'draft', T0 + 5 * DAY, 'fA'), plan('fC', draft, 'draft', T0 + 6 * DAY)],
    revisions: [revision('fR1', 'fA', 1, 'reviewed', approved, T0 + DAY / 2), revision('fR2', 'fA', 2, 'approved', approved, T0 + DAY)],
    audit: [
      { seq: 1, planId: 'fA', at: T0, action: 'create', field: '', oldValue: '', newValue: '', appVersion: '0.1.0', changes: [] },
      { seq: 2, planId: 'fA', at: T0 + DAY, action: 'status', field: 'status, revision', oldValue: '', newValue: '', appVersion: '0.1.0', changes: [{ path: 'status', oldValue: 'reviewed', newValue: 'approved' }] }
    ]
  }
}

export async function rehash(doc: Doc): Promise<string> {
  for (const r of doc['revisions']) r.contentHash = await revisionContentHash(r.caseFile, r.result)
  return JSON.stringify(doc)
}

function forged(edit: (doc: Doc) => void): () => Promise<string> {
  return async () => {
    const doc = consistentBackup()
    edit(doc)
    return rehash(doc)
  }
}

const fA = (d: Doc) => d['plans'][0]
const fB = (d: Doc) => d['plans'][1]

export const FORGED_BACKUPS: Record<string, () => Promise<string>> = {
  'backup-consistent': forged(() => {}),
  'backup-forged-result': forged((d) => d['revisions'].forEach((r: Doc) => (r.result.implant.lengthMm += 10))),
  'backup-forged-result-status': forged((d) => d['revisions'].forEach((r: Doc) => (r.result.status = 'ok', (r.result.findings = [])))),
  'backup-ill-typed-result': forged((d) => (d['revisions'][1].result.softTissue = null)),
  'backup-approved-without-revision': forged((d) => (d['revisions'] = [])),
  'backup-draft-claims-reviewed': forged((d) => (d['plans'][2].status = 'reviewed')),
  'backup-revision-status-draft': forged((d) => (d['revisions'][0].status = 'draft')),
  'backup-revision-gap': forged((d) => (d['revisions'][1].number = 5)),
  'backup-approval-without-review': forged((d) => (d['revisions'] = [{ ...d['revisions'][1], number: 1 }])),
  'backup-parent-cycle': forged((d) => {
    fA(d).parentId = 'fB'
    fB(d).status = 'approved'
  }),
  'backup-parent-missing': forged((d) => (fB(d).parentId = 'gone42')),
  'backup-parent-draft': forged((d) => (d['plans'][2].parentId = 'fB')),
  'backup-time-future': forged((d) => (d['plans'][2].updatedAt = Date.parse(d['exportedAt']) + DAY)),
  'backup-time-1999': forged((d) => (d['audit'][0].at = Date.UTC(1999, 5, 1))),
  'backup-export-in-future': forged((d) => (d['exportedAt'] = '2199-05-05T00:00:00.000Z')),
  'backup-unknown-system': forged((d) => {
    fA(d).caseFile.implant = { systemId: 'stem-x9' }
    for (const r of d['revisions']) r.caseFile = fA(d).caseFile
  }),
  'backup-profile-not-here': forged((d) => d['revisions'].forEach((r: Doc) => (r.result.profileId = 'site-b'))),
  'backup-audit-action-invented': forged((d) => (d['audit'][0].action = 'approve-silently')),
  'backup-duplicate-side-key': async () => (await FORGED_BACKUPS['backup-consistent']!()).replace('"side":"left"', '"side":"left","side":"right"'),
  'backup-duplicate-status-key': async () => (await FORGED_BACKUPS['backup-consistent']!()).replace(/("id":"fC".*?)"status":"draft"/, '$1"status":"draft","status":"approved"'),
  'backup-duplicate-escaped-key': async () => (await FORGED_BACKUPS['backup-consistent']!()).replace('"notes":""', '"notes":"","n\\u006ftes":"x"'),
  'backup-400-digit-number': async () => (await FORGED_BACKUPS['backup-consistent']!()).replace(/"archived":0/, `"archived":${'9'.repeat(400)}`)
}

/** Case files and catalogues with the same kinds of forgery. */
export const FORGED_FILES: Record<string, () => string> = {
  'case-duplicate-side-key': () => JSON.stringify(exampleCase('transfemoral')).replace(/"side":"(left|right)"/, '"side":"$1","side":"right"'),
  'case-duplicate-nested-key': () => JSON.stringify(exampleCase('transtibial')).replace('"ageYears":', '"ageYears":30,"ageYears":'),
  'systems-duplicate-key': () => customCatalogue().replace('"name":"Site stem A"', '"name":"Site stem A","name":"OPRA femur fixture"'),
  'systems-unknown-source': () => customCatalogue((s) => (s.diametersMm.provenance = { kind: 'published', source: 'S999' })),
  'systems-clone-builtin-name': () => customCatalogue((s) => (s.name = 'opra FEMUR fixture ')),
  'systems-arrive-confirmed': () => customCatalogue((s) => (s.engagementMm.confirmed = true))
}

function param(key: string, value: number | number[], unit: string): Doc {
  return { key, value, unit, provenance: { kind: 'site-default' } }
}

/** A custom catalogue file with one system, edited by `edit`. */
function customCatalogue(edit: (system: Doc) => void = () => {}): string {
  const id = 'site-stem-a'
  const system: Doc = {
    id,
    name: 'Site stem A',
    version: '1',
    manufacturer: null,
    fixation: 'press-fit',
    bones: ['femur'],
    template: false,
    label: null,
    diametersMm: param(`system.${id}.diametersMm`, [14, 16, 18], 'mm'),
    lengthsMm: param(`system.${id}.lengthsMm`, [120, 140], 'mm'),
    engagementMm: param(`system.${id}.engagementMm`, 0.5, 'mm'),
    minCortexMm: param(`system.${id}.minCortexMm`, 2, 'mm'),
    minContactMm: param(`system.${id}.minContactMm`, 60, 'mm'),
    tipMarginMm: param(`system.${id}.tipMarginMm`, 10, 'mm'),
    maxBodyWeightKg: null,
    stages: { key: `system.${id}.stages`, value: 2, unit: '', provenance: { kind: 'site-default' } },
    stage2MinDays: null,
    stage2MaxDays: null,
    protocolId: null
  }
  edit(system)
  return JSON.stringify({ format: 'osseoplan.implant-systems', version: 1, exportedAt: '2026-03-01T00:00:00.000Z', systems: [system] })
}
