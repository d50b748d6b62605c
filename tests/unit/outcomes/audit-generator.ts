// A deterministic synthetic cohort for the Audit benchmark: N operated patients with visits and
// events spread over 2015–2026 (seeded PRNG, so every run measures the same data).
import { BUILTIN_SYSTEMS } from '../../../src/shared/catalog/systems'
import { dateOfDay, dayNumber, EVENT_TYPES, type FollowUpVisit, type OperationRecord, type OutcomeEvent } from '../../../src/shared/outcomes'
import type { PlanSummary, RevisionRow } from '../../../src/renderer/src/db/types'

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedCohort {
  summaries: PlanSummary[]
  revisions: RevisionRow[]
  operations: OperationRecord[]
  visits: FollowUpVisit[]
  events: OutcomeEvent[]
}

const LEVELS = ['transfemoral', 'transtibial', 'transhumeral']
const SURGEONS = ['Dr Okafor', 'Dr Lind', 'Dr Haddad', 'Dr Moreau']
const OFFSETS = [-20, 42, 91, 183, 365, 730, 1096, 1461, 1826, 2191]

export function generatedCohort(patients: number, visitsTotal: number, eventsTotal: number, seed = 17): GeneratedCohort {
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const system = BUILTIN_SYSTEMS[0]!
  const out: GeneratedCohort = { summaries: [], revisions: [], operations: [], visits: [], events: [] }
  const start = dayNumber('2015-01-01')!
  const end = dayNumber('2026-06-01')!
  const surgeries: number[] = []
  for (let i = 0; i < patients; i++) {
    const id = `p${i}`
    const surgery = start + Math.floor(rnd() * (end - start))
    surgeries.push(surgery)
    const level = pick(LEVELS)
    out.summaries.push({ id, patientCode: `AUD-${i}`, surgeon: pick(SURGEONS), level, side: 'left', systemId: system.id, status: 'approved', archived: 0, createdAt: 1, updatedAt: 1, parentId: '', search: `aud-${i}` })
    const d = pick(system.diametersMm.value)
    const l = pick(system.lengthsMm.value)
    out.revisions.push({ id: `r${i}`, planId: id, number: 2, status: 'approved', caseFile: { imaging: rnd() < 0.5 ? { source: 'xray', magnification: 1.15 } : { source: 'ct' } }, result: { implant: { systemId: system.id, diameterMm: d, lengthMm: l } }, engineVersion: '1', profileVersion: '1', catalogVersion: '1', contentHash: '', author: '', createdAt: 1 })
    const twoStage = rnd() < 0.4
    out.operations.push({
      id: `o${i}`, planId: id, revisionId: `r${i}`,
      stages: twoStage ? [{ stage: 1, date: dateOfDay(surgery) }, { stage: 2, date: dateOfDay(surgery + 49) }] : [{ stage: 1, date: dateOfDay(surgery) }],
      implant: { systemId: system.id, diameterMm: rnd() < 0.7 ? d : pick(system.diametersMm.value), lengthMm: rnd() < 0.7 ? l : pick(system.lengthsMm.value) },
      changes: [], complications: [], createdAt: 1, updatedAt: 1
    })
  }
  for (let v = 0; v < visitsTotal; v++) {
    const i = v % patients
    const k = Math.floor(v / patients) % OFFSETS.length
    out.visits.push({
      id: `v${v}`, planId: `p${i}`, kind: k === 0 ? 'baseline' : 'follow-up', date: dateOfDay(surgeries[i]! + OFFSETS[k]! + Math.floor(rnd() * 20) - 10),
      sixMinuteWalkM: Math.round(250 + rnd() * 200), tugS: Math.round((6 + rnd() * 10) * 10) / 10, qtfa: { global: Math.round(30 + rnd() * 50) },
      wearHoursPerDay: Math.round(rnd() * 16), wearDaysPerWeek: Math.floor(rnd() * 8), createdAt: 1, updatedAt: 1
    })
  }
  for (let e = 0; e < eventsTotal; e++) {
    const i = Math.floor(rnd() * patients)
    const type = rnd() < 0.6 ? 'infection' : pick(EVENT_TYPES)
    out.events.push({ id: `e${e}`, planId: `p${i}`, type, date: dateOfDay(surgeries[i]! + Math.floor(rnd() * 1500)), ...(type === 'infection' ? { infectionGrade: pick(['1', '1', '1', '2', '3', '4']) } : {}), createdAt: 1, updatedAt: 1 })
  }
  return out
}

// `npx tsx tests/unit/outcomes/audit-generator.ts out.json [patients visits events]`: the cohort as
// JSON (the Chromium scale test writes it into IndexedDB).
if (process.argv[1]?.endsWith('audit-generator.ts') && process.argv[2]) {
  const { writeFileSync } = await import('node:fs')
  const [p, v, e] = process.argv.slice(3).map(Number)
  const g = generatedCohort(p || 2000, v || 20000, e || 3000)
  // With what the app stores beside the records: each patient's outcome summary (schema v10) and
  // each operated revision's facts (schema v8), both written with every operation save.
  const { summaryPages } = await import('../../../src/renderer/src/db/outcome-summaries')
  const { revisionFactsRow } = await import('../../../src/renderer/src/db/revision-facts')
  const revisionFacts = g.revisions.map(revisionFactsRow)
  writeFileSync(process.argv[2], JSON.stringify({ ...g, outcomeSummaryPages: summaryPages(g.operations, g.visits, g.events, revisionFacts, g.summaries), revisionFacts }))
}
