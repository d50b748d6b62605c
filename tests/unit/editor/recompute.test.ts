// The editor's recompute path (parse + computePlan on every keystroke) on a 30-station case gives
// exactly the core's plan for each edited draft. How long it takes is measured by the benchmark
// (`npm run bench`, docs/performance.md "Editor"), not asserted here.
import { describe, expect, it } from 'vitest'
import { evaluateDraft } from '../../../src/renderer/src/features/editor/evaluate-draft'
import { BUILTIN_SYSTEMS, DEFAULT_PROFILE, planFromRaw } from '../../../src/shared'
import { thirtyStationCase } from './recompute-timings'


describe('editor recompute', () => {
  it('gives the core plan for each keystroke of a 30-station case', () => {
    const draft = thirtyStationCase()
    const options = { profile: DEFAULT_PROFILE, systems: BUILTIN_SYSTEMS }
    for (let i = 0; i < 10; i++) {
      // A keystroke: a new draft object with one changed value, as the editor produces.
      const edited = { ...draft, softTissue: { ...draft.softTissue, distalThickness: 20 + i } }
      const evaluated = evaluateDraft(edited, options)
      const expected = planFromRaw(edited, options)
      expect(evaluated.ok).toBe(true)
      expect(expected.ok).toBe(true)
      if (evaluated.ok && expected.ok) {
        expect(evaluated.result).toEqual(expected.result)
        expect(evaluated.result.corrected.stations).toHaveLength(30)
      }
    }
  })
})
