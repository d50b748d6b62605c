// Forged library backups with outcome records (version 2, issue #17): the consistent backup of
// generated-backups.ts plus an operation on its approved revision, two visits and an infection,
// then one kind of bad outcome record per generator. Each must be refused with the library unchanged.
import { consistentBackup, DAY, rehash, T0 } from './generated-backups'

type Doc = Record<string, any>

/** The consistent backup, as version 2 with outcome records of the approved plan fA. */
function withOutcomes(): Doc {
  const doc = consistentBackup()
  const at = T0 + 2 * DAY
  doc['version'] = 2
  doc['operations'] = [{ id: 'oOp1', planId: 'fA', revisionId: 'fR2', stages: [{ stage: 1, date: '2026-03-10' }], implant: { systemId: 'generic-press-fit', diameterMm: 16, lengthMm: 140 }, changes: [], complications: [], createdAt: at, updatedAt: at }]
  doc['visits'] = [
    { id: 'oV1', planId: 'fA', kind: 'baseline', date: '2026-03-04', tugS: 15, createdAt: at, updatedAt: at },
    { id: 'oV2', planId: 'fA', kind: 'follow-up', date: '2026-03-30', sixMinuteWalkM: 320, qtfa: { global: 48 }, createdAt: at + DAY, updatedAt: at + DAY }
  ]
  doc['events'] = [{ id: 'oE1', planId: 'fA', type: 'infection', date: '2026-03-25', infectionGrade: '1', infectionScaleId: 'al-muderis-2016', note: 'oral antibiotics', createdAt: at, updatedAt: at }]
  return doc
}

function forged(edit: (doc: Doc) => void): () => Promise<string> {
  return async () => {
    const doc = withOutcomes()
    edit(doc)
    return rehash(doc)
  }
}

const op = (d: Doc) => d['operations'][0]
const visit = (d: Doc) => d['visits'][1]
const event = (d: Doc) => d['events'][0]

export const OUTCOME_BACKUPS: Record<string, () => Promise<string>> = {
  'backup-outcomes-consistent': forged(() => {}),
  'backup-outcome-draft-plan': forged((d) => (op(d).planId = 'fC')),
  'backup-outcome-reviewed-revision': forged((d) => (op(d).revisionId = 'fR1')),
  'backup-outcome-missing-revision': forged((d) => (op(d).revisionId = 'fR9')),
  'backup-outcome-plan-not-in-file': forged((d) => (visit(d).planId = 'gone42')),
  'backup-outcome-impossible-date': forged((d) => (event(d).date = '2026-02-30')),
  'backup-outcome-stage2-first': forged((d) => (op(d).stages = [{ stage: 1, date: '2026-03-10' }, { stage: 2, date: '2026-03-01' }])),
  'backup-outcome-walk-range': forged((d) => (visit(d).sixMinuteWalkM = 4500)),
  'backup-outcome-string-number': forged((d) => (visit(d).qtfa.global = '48')),
  'backup-outcome-grade-off-scale': forged((d) => (event(d).infectionGrade = '7')),
  'backup-outcome-grade-on-fracture': forged((d) => (event(d).type = 'fracture')),
  'backup-outcome-unknown-field': forged((d) => (visit(d).patientName = 'Jane Doe')),
  'backup-outcome-time-after-export': forged((d) => (op(d).updatedAt = Date.parse(d['exportedAt']) + DAY)),
  'backup-outcome-duplicate-id': forged((d) => d['visits'].push({ ...visit(d) })),
  'backup-outcome-in-version-1': forged((d) => (d['version'] = 1))
}
