// Upgrade test of schema version 13 (2026-11-30, the plan's fields in the outcome summary rows):
// databases written with every earlier real schema open as the current version with every row
// kept; each operated plan's stored row carries its patient code, level and surgeon as the plan
// index has them (a v10 row, written without them, gets them), and the Audit screen reads them
// from there.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { OsseoDb } from '../../../src/renderer/src/db/database'
import { SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'
import { createOutcomesRepo } from '../../../src/renderer/src/db/outcomes-repo'
import { storedPatients, summaryRow } from '../../../src/renderer/src/db/outcome-summaries'
import { readPatients } from '../../../src/renderer/src/db/summary-pages'
import { revisionFactsRow } from '../../../src/renderer/src/db/revision-facts'
import { OLD_PLAN, openOldDatabase } from './old-database'

const EARLIER = SCHEMA_VERSIONS.filter((s) => s.version < 13)

const stamps = { createdAt: 9, updatedAt: 9 }
const operation = { id: 'o1', planId: 'a', revisionId: 'r1', stages: [{ stage: 1 as const, date: '2025-03-03' }], implant: { systemId: 'opra-femur', diameterMm: 17, lengthMm: 80 }, changes: [], complications: [], ...stamps }
const revision = { id: 'r1', planId: 'a', number: 1, status: 'approved', caseFile: {}, result: { implant: { systemId: 'opra-femur', diameterMm: 16, lengthMm: 80 } }, createdAt: 5 }
const visits = [{ id: 'v1', planId: 'a', kind: 'follow-up' as const, date: '2025-04-14', pain: 2, ...stamps }]
const INDEX_A = { ...OLD_PLAN, caseFile: undefined, surgeon: 'Dr Lind', search: 'p-1' }

describe('schema upgrade → v13 (plan fields in the outcome summary rows)', () => {
  it.each(EARLIER.map((s) => [s.version, s] as const))('from version %s keeps every row and copies each operated plan’s code, level and surgeon', async (_v, old) => {
    const name = `upgrade13-${Math.random()}`
    const before = await openOldDatabase(name, old.version)
    await before.table('plans').bulkAdd([{ ...OLD_PLAN, surgeon: 'Dr Lind' }, { ...OLD_PLAN, id: 'b', patientCode: 'P-2' }])
    if (old.version >= 2) await before.table('planIndex').add(INDEX_A)
    await before.table('revisions').add(revision)
    await before.table('settings').add({ key: 'userName', value: 'Dr Okafor' })
    if (old.version >= 6) {
      await before.table('operations').add(operation)
      await before.table('visits').bulkAdd(visits)
    }
    if (old.version >= 8) await before.table('revisionFacts').add(revisionFactsRow(revision as never))
    if (old.version >= 10) {
      // As version 10 wrote it: summary, operation and facts, no plan fields.
      const [patient] = storedPatients([operation], visits, [], [revisionFactsRow(revision as never)], [])
      const { plan: _plan, ...v10 } = patient!
      await before.table('outcomeSummaries').add(summaryRow(v10))
    }
    before.close()

    const db = new OsseoDb(name)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)
    expect(await db.plans.count()).toBe(2)
    expect(await db.revisions.count()).toBe(1)
    expect(await db.settings.get('userName')).toMatchObject({ value: 'Dr Okafor' })
    const repo = createOutcomesRepo(db)
    if (old.version < 6) {
      expect(await readPatients(db)).toEqual([])
      await repo.saveOperation(operation)
    }
    const rows = await readPatients(db)
    expect(rows.map((r) => [r.summary.planId, r.plan])).toEqual([['a', { patientCode: 'P-1', level: 'transfemoral', surgeon: 'Dr Lind' }]])
    expect((await repo.loadCohort()).map((p) => [p.patientCode, p.level, p.surgeon, p.operation.id, p.planned?.diameterMm])).toEqual([['P-1', 'transfemoral', 'Dr Lind', 'o1', 16]])
    await db.delete()
  })
})
