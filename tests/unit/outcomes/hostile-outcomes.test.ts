// The hostile corpus's outcome items (tests/fixtures/hostile/manifest.json, target "outcome"):
// each patch applied to a valid operation, visit or event and saved through the outcomes
// repository, the app's only write path. Refused items name the field and store nothing; accepted
// ones keep their text literally; no prototype is polluted.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOutcomesRepo, OutcomeValidationError } from '../../../src/renderer/src/db/outcomes-repo'
import { createPlansRepo } from '../../../src/renderer/src/db/plans-repo'
import { expand, getPath, loadCorpus, pathParts, type HostileItem } from '../security/corpus'
import { caseWith, fakeResult, useTestDb } from '../db/helpers'

const items = loadCorpus().filter((i) => i.target === 'outcome')
const t = useTestDb()

/** Sets a path as an OWN property (so "__proto__" arrives as a key, like JSON.parse gives it). */
function setOwn(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = pathParts(path)
  let cur = doc as Record<string | number, unknown>
  for (const part of parts.slice(0, -1)) cur = cur[part] as Record<string | number, unknown>
  Object.defineProperty(cur, parts[parts.length - 1]!, { value: expand(value), enumerable: true, writable: true, configurable: true })
}

async function base(record: HostileItem['record']) {
  const plans = createPlansRepo(t.db, t.now)
  const plan = await plans.create({ caseFile: caseWith('H-1') })
  await plans.markReviewed(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })
  const { revision } = await plans.approve(plan.id, { caseFile: plan.caseFile, result: fakeResult(), author: 'A' })
  if (record === 'operation') return { planId: plan.id, revisionId: revision.id, stages: [{ stage: 1, date: '2026-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 }, changes: [], complications: [] }
  if (record === 'visit') return { planId: plan.id, kind: 'follow-up', date: '2026-06-01', sixMinuteWalkM: 400, qtfa: { global: 60 } }
  return { planId: plan.id, type: 'infection', date: '2026-05-01', infectionGrade: '1' }
}

function save(repo: ReturnType<typeof createOutcomesRepo>, record: HostileItem['record'], input: Record<string, unknown>) {
  if (record === 'operation') return repo.saveOperation(input as never)
  if (record === 'visit') return repo.saveVisit(input as never)
  return repo.saveEvent(input as never)
}

describe('hostile outcome records', () => {
  it('the corpus has outcome items of every record kind', () => {
    expect(new Set(items.map((i) => i.record))).toEqual(new Set(['operation', 'visit', 'event']))
  })
  it.each(items.map((i) => [i.id, i] as const))('%s', async (_id, item) => {
    const input = JSON.parse(JSON.stringify(await base(item.record))) as Record<string, unknown>
    for (const [path, value] of Object.entries(item.patch ?? {})) setOwn(input, path, value)
    const repo = createOutcomesRepo(t.db, t.now)
    const counts = async () => [await t.db.operations.count(), await t.db.visits.count(), await t.db.outcomeEvents.count()]
    if (item.expect === 'reject') {
      const error = await save(repo, item.record, input).then(() => null, (e: unknown) => e)
      expect(error, item.what).toBeInstanceOf(OutcomeValidationError)
      const errors = (error as OutcomeValidationError).errors
      expect(errors.map((e) => `${e.path} ${e.message}`).join('; ')).toMatch(new RegExp(item.message ?? '', 'i'))
      if (item.path) expect(errors.map((e) => e.path)).toContain(item.path)
      expect(await counts()).toEqual([0, 0, 0])
    } else {
      const saved = await save(repo, item.record, input)
      for (const [path, text] of Object.entries(item.literal ?? {})) expect(getPath(saved, path)).toBe(text)
    }
    const probe = {} as Record<string, unknown>
    expect(probe['polluted']).toBeUndefined()
    expect(probe['isAdmin']).toBeUndefined()
  })
})
