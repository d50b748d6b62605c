// Typing and deleting in the library's search box: every answer equals a fresh filter of the whole
// list, deleting back to a query just typed gives its earlier matches, and the steps kept stay bounded.
import { describe, expect, it } from 'vitest'
import { EMPTY_QUERY, matchPlans, sortPlans, type LibraryQuery } from '../../../src/renderer/src/features/library/library-query'
import { MAX_STEPS, nextMatches, sameQuery, type MatchStep } from '../../../src/renderer/src/features/library/match-steps'
import type { PlanSummary } from '../../../src/renderer/src/db/types'

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function library(count: number, rnd: () => number): PlanSummary[] {
  const levels = ['transfemoral', 'transtibial', 'thumb']
  return Array.from({ length: count }, (_, i) => {
    const code = `P-${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`
    const surgeon = ['Dr Ng', 'Dr Ngata', 'Dr Ali', ''][Math.floor(rnd() * 4)]!
    return {
      id: `id${i}`, patientCode: code, surgeon, level: levels[i % 3]!, side: i % 2 ? 'left' : 'right', systemId: 'opra-femur', status: 'draft', archived: rnd() < 0.2 ? 1 : 0,
      createdAt: i, updatedAt: Math.floor(rnd() * 50), parentId: '', search: `${code} ${surgeon}`.toLowerCase()
    } as PlanSummary
  })
}

describe('search steps (typing on, deleting back)', () => {
  it('every answer equals filtering the whole list, over random typing, deleting, filter and list changes', () => {
    const rnd = random(14)
    let plans = library(300, rnd)
    let sorted = sortPlans(plans, 'updated-desc')
    let steps: MatchStep[] = []
    let query: LibraryQuery = { ...EMPTY_QUERY }
    const alphabet = ['p', '-', '0', '1', '2', ' ', 'd', 'r', 'n', 'g', 'N', 'A']
    for (let k = 0; k < 3000; k++) {
      const r = rnd()
      if (r < 0.5) query = { ...query, text: query.text + alphabet[Math.floor(rnd() * alphabet.length)]! }
      else if (r < 0.85) query = { ...query, text: query.text.slice(0, -1) }
      else if (r < 0.93) query = { ...query, level: ['', 'transfemoral', 'thumb'][Math.floor(rnd() * 3)]!, showArchived: rnd() < 0.5 }
      else if (r < 0.97) query = { ...query, text: '' }
      else {
        plans = library(300, rnd)
        sorted = sortPlans(plans, query.sort)
      }
      const next = nextMatches(steps, sorted, query)
      expect(next.matches).toEqual(matchPlans(sorted, query))
      expect(next.steps.length).toBeLessThanOrEqual(MAX_STEPS)
      expect(next.steps.every((s) => s.sorted === sorted)).toBe(true)
      steps = next.steps
    }
  })

  it('deleting back to a query just typed gives its earlier matches (the same array); typing on filters them', () => {
    const sorted = sortPlans(library(500, random(3)), 'updated-desc')
    const q = (text: string) => ({ ...EMPTY_QUERY, text })
    const a = nextMatches([], sorted, q('p-0'))
    const b = nextMatches(a.steps, sorted, q('p-01'))
    expect(b.steps).toHaveLength(2)
    const back = nextMatches(b.steps, sorted, q('P-0'))
    expect(back.matches).toBe(a.matches)
    expect(back.steps).toHaveLength(1)
    // A narrower query filters the last step it extends; a wider one never seen filters everything.
    expect(nextMatches(b.steps, sorted, q('p-012')).matches).toEqual(matchPlans(sorted, q('p-012')))
    const wider = nextMatches(b.steps, sorted, q('p-'))
    expect(wider.steps).toHaveLength(1)
    expect(wider.matches).toEqual(matchPlans(sorted, q('p-')))
  })

  it('a new list or another filter starts again from the whole list', () => {
    const rnd = random(9)
    const sorted = sortPlans(library(200, rnd), 'updated-desc')
    const first = nextMatches([], sorted, { ...EMPTY_QUERY, text: 'dr' })
    const other = sortPlans(library(200, rnd), 'updated-desc')
    const again = nextMatches(first.steps, other, { ...EMPTY_QUERY, text: 'dr' })
    expect(again.matches).not.toBe(first.matches)
    expect(again.matches).toEqual(matchPlans(other, { ...EMPTY_QUERY, text: 'dr' }))
    expect(sameQuery({ ...EMPTY_QUERY, text: 'Dr' }, { ...EMPTY_QUERY, text: 'dR' })).toBe(true)
    expect(sameQuery({ ...EMPTY_QUERY, text: 'dr' }, { ...EMPTY_QUERY, text: 'dr', status: 'draft' })).toBe(false)
  })
})
