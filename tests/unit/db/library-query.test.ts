import { describe, expect, it } from 'vitest'
import { countPlans, distinctValues, EMPTY_QUERY, filterPlans, matchPlans, narrows, sortPlans } from '../../../src/renderer/src/features/library/library-query'
import type { PlanSummary } from '../../../src/renderer/src/db/types'

function summary(id: string, overrides: Partial<PlanSummary> = {}): PlanSummary {
  const base: PlanSummary = { id, patientCode: id, surgeon: '', level: 'transfemoral', side: 'left', systemId: 'opra-femur', status: 'draft', archived: 0, createdAt: 0, updatedAt: 0, parentId: '', search: '' }
  const row = { ...base, ...overrides }
  return { ...row, search: overrides.search ?? `${row.patientCode} ${row.surgeon}`.toLowerCase() }
}

const day = (date: string) => new Date(`${date}T12:00:00`).getTime()

const plans = [
  summary('TF-001', { surgeon: 'Dr Ng', updatedAt: day('2026-01-10'), createdAt: 3 }),
  summary('TT-002', { level: 'transtibial', side: 'right', status: 'approved', updatedAt: day('2026-02-01'), createdAt: 1 }),
  summary('TF-003', { archived: 1, updatedAt: day('2026-03-01'), search: 'tf-003 infection history' }),
  summary('TH-010', { level: 'transhumeral', systemId: 'generic-press-fit', status: 'reviewed', surgeon: 'Dr Ngata', updatedAt: day('2026-02-15'), createdAt: 2 })
]

const ids = (q: Partial<typeof EMPTY_QUERY>) => filterPlans(plans, { ...EMPTY_QUERY, ...q }).map((p) => p.id)

describe('library search and filters', () => {
  it('hides archived plans unless asked, newest first', () => {
    expect(ids({})).toEqual(['TH-010', 'TT-002', 'TF-001'])
    expect(ids({ showArchived: true })).toEqual(['TF-003', 'TH-010', 'TT-002', 'TF-001'])
  })
  it('searches every word, case-insensitively, in code, surgeon and free text', () => {
    expect(ids({ text: 'ng' })).toEqual(['TH-010', 'TF-001'])
    expect(ids({ text: 'NG  th' })).toEqual(['TH-010'])
    expect(ids({ text: 'infection', showArchived: true })).toEqual(['TF-003'])
    expect(ids({ text: 'nobody' })).toEqual([])
  })
  it('filters by level, side, system, status and an inclusive date range', () => {
    expect(ids({ level: 'transtibial' })).toEqual(['TT-002'])
    expect(ids({ side: 'left' })).toEqual(['TH-010', 'TF-001'])
    expect(ids({ systemId: 'generic-press-fit' })).toEqual(['TH-010'])
    expect(ids({ status: 'approved' })).toEqual(['TT-002'])
    expect(ids({ from: '2026-02-01', to: '2026-02-15' })).toEqual(['TH-010', 'TT-002'])
  })
  it('plans saved in the same millisecond keep one order whatever order they were read in', () => {
    const twins = [summary('b-2', { updatedAt: 5, createdAt: 5 }), summary('a-1', { updatedAt: 5, createdAt: 5 }), summary('c-3', { updatedAt: 5, createdAt: 5 })]
    for (const sort of ['updated-desc', 'updated-asc', 'created-desc', 'patient-asc', 'status'] as const) {
      const one = sortPlans(twins, sort).map((p) => p.id)
      expect(sortPlans([...twins].reverse(), sort).map((p) => p.id), sort).toEqual(one)
    }
    expect(sortPlans(twins, 'updated-desc').map((p) => p.id)).toEqual(['c-3', 'b-2', 'a-1'])
  })
  it('sorts', () => {
    expect(ids({ sort: 'updated-asc' })).toEqual(['TF-001', 'TT-002', 'TH-010'])
    expect(ids({ sort: 'created-desc' })).toEqual(['TF-001', 'TH-010', 'TT-002'])
    expect(ids({ sort: 'patient-asc' })).toEqual(['TF-001', 'TH-010', 'TT-002'])
    expect(ids({ sort: 'status' })).toEqual(['TF-001', 'TH-010', 'TT-002'])
  })
  it('counts by status and archived, and lists filter values', () => {
    expect(countPlans(plans)).toEqual({ total: 4, archived: 1, byStatus: { draft: 2, reviewed: 1, approved: 1, superseded: 0 } })
    expect(distinctValues(plans, 'level')).toEqual(['transfemoral', 'transhumeral', 'transtibial'])
  })
})

describe('one keystroke filters the pre-sorted list, and typing on filters the previous matches', () => {
  const q = (over: Partial<typeof EMPTY_QUERY>) => ({ ...EMPTY_QUERY, ...over })
  it('filtering the sorted list gives what filter-then-sort gives, for every sort', () => {
    for (const sort of ['updated-desc', 'updated-asc', 'created-desc', 'patient-asc', 'status'] as const)
      for (const text of ['', 'ng', 'tf', 'dr ng'])
        expect(matchPlans(sortPlans(plans, sort), q({ sort, text, showArchived: true }))).toEqual(filterPlans(plans, q({ sort, text, showArchived: true })))
  })
  it('typing on narrows; deleting, a new word order or any other filter change does not', () => {
    expect(narrows(q({ text: 'd' }), q({ text: 'dr' }))).toBe(true)
    expect(narrows(q({ text: 'dr' }), q({ text: 'DR N' }))).toBe(true)
    expect(narrows(q({ text: 'dr n' }), q({ text: 'dr ' }))).toBe(false)
    expect(narrows(q({ text: 'ng' }), q({ text: 'dr ng' }))).toBe(false)
    expect(narrows(q({ text: 'd' }), q({ text: 'dr', level: 'transfemoral' }))).toBe(false)
    expect(narrows(q({ text: 'd' }), q({ text: 'dr', sort: 'status' }))).toBe(false)
  })
  it('when it narrows, the matches of the previous query contain every match of the next', () => {
    const sorted = sortPlans(plans, 'updated-desc')
    for (const [before, after] of [['n', 'ng'], ['ng', 'ng '], ['ng ', 'ng t'], ['t', 'tf-00'], ['dr', 'dr ngata']])
      expect(matchPlans(matchPlans(sorted, q({ text: before })), q({ text: after }))).toEqual(matchPlans(sorted, q({ text: after })))
  })
})
