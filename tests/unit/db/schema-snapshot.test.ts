import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA, SCHEMA_2026_11_26, SCHEMA_VERSIONS } from '../../../src/renderer/src/db/schema'

// Tables and indexes that stored data depends on. A new schema version may add to these; if
// one disappears, existing databases lose data or queries, so this test fails.
const REQUIRED: Record<string, string[]> = {
  plans: ['id', 'patientCode', 'surgeon', 'level', 'side', 'systemId', 'status', 'archived', 'createdAt', 'updatedAt', 'parentId'],
  revisions: ['id', 'planId', '[planId+number]', 'createdAt'],
  audit: ['++seq', 'planId', 'at'],
  drafts: ['planId', 'updatedAt'],
  profiles: ['id', 'isDefault'],
  implantSystems: ['id'],
  settings: ['key'],
  planIndex: ['id', 'updatedAt'],
  operations: ['id', 'planId', 'revisionId', 'updatedAt'],
  visits: ['id', 'planId', '[planId+date]', 'date'],
  outcomeEvents: ['id', 'planId', 'type', 'date'],
  outcomeDrafts: ['key', 'updatedAt'],
  revisionFacts: ['id'],
  outcomeSummaries: ['planId']
}

function indexes(spec: string): string[] {
  return spec.split(',').map((s) => s.trim())
}

describe('schema versions', () => {
  // Version numbers are reserved per area (3 library, 4 security, 5 radiographs, 6 outcomes), so
  // they may skip while a reserved one has not landed yet; they never repeat or go backwards.
  it('are dated, numbered in increasing order, and the first is 2026-11-26', () => {
    expect(SCHEMA_VERSIONS[0]).toBe(SCHEMA_2026_11_26)
    SCHEMA_VERSIONS.forEach((schema, i) => {
      expect(Number.isInteger(schema.version)).toBe(true)
      expect(schema.version).toBeGreaterThan(i === 0 ? 0 : SCHEMA_VERSIONS[i - 1]!.version)
      expect(schema.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (i > 0) expect(schema.date >= SCHEMA_VERSIONS[i - 1]!.date).toBe(true)
    })
  })
  it('never drop a table or an index', () => {
    for (const [table, required] of Object.entries(REQUIRED)) {
      const spec = CURRENT_SCHEMA.stores[table]
      expect(spec, `table ${table}`).toBeDefined()
      for (const index of required) expect(indexes(spec!), `${table}.${index}`).toContain(index)
    }
  })
})
